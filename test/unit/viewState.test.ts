import { describe, expect, it } from 'vitest';
import { outletColours, OUTLET_PALETTE } from '../../src/renderer/src/theme';
import { DEFAULT_VIEW_STATE, formatViewState, parseViewState } from '../../src/renderer/src/viewState';

describe('view state in the URL fragment', () => {
  it('round-trips every field', () => {
    const state = {
      view: 'figures' as const,
      events: ['ev-1', 'ev 2'],
      hiddenOutlets: ['The Hill', 'A,B'],
      order: ['Xinhua', 'The Hill'],
      colours: { 'The Hill': '#123abc', 'A:B': '#00ff00' },
      from: '2024-01-01',
      to: '2024-05-31',
      article: 'abc123',
      at: 420,
    };
    expect(parseViewState(formatViewState(state))).toEqual(state);
  });

  it('writes nothing for the default view', () => {
    expect(formatViewState(DEFAULT_VIEW_STATE)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW_STATE);
  });

  it.each([
    ['#view=delete', { view: 'overview' }],
    ['#from=yesterday&to=2024-13', { from: null, to: null }],
    ['#at=-5', { at: null }],
    ['#at=1.5', { at: null }],
    ['#%E0%A4%A', {}],
    ['#events=%25E0%25A4,ok', { events: ['ok'] }],
  ])('ignores bad input %s', (hash, expected) => {
    expect(parseViewState(hash)).toMatchObject(expected);
  });
});

describe('outlet colours', () => {
  it('are stable by corpus order, distinct, and let the user override', () => {
    const outlets = ['A', 'B', 'C'];
    const a = outletColours(outlets);
    const b = outletColours(outlets);
    expect([...a.values()]).toEqual([...b.values()]);
    expect(new Set(a.values()).size).toBe(3);
    expect(a.get('A')).toBe(OUTLET_PALETTE[0]);
    expect(outletColours(outlets, { B: '#123456' }).get('B')).toBe('#123456');
  });
});
