import { describe, expect, it, vi } from 'vitest';
import { cachedFigureRows as figureRowsOf, FIGURE_PAGE, readyRows, type FetchFigures } from '../../src/renderer/src/api/figureRows';
import type { FigureRow } from '../../src/shared/figures';
import type { AnalysisSnapshot } from '../../src/shared/model';
import { fail, ok } from '../../src/shared/result';

function snapshot(analysedAt: string, figureCount: number, folder = '/tmp/f'): AnalysisSnapshot {
  return { folder: { path: folder, name: 'f', isSeeds: false }, analysedAt, details: { figureCount } } as unknown as AnalysisSnapshot;
}
const row = (id: string): FigureRow => ({ id, outlet: 'X' }) as unknown as FigureRow;

describe('figure rows in the renderer', () => {
  it('asks once per snapshot however many parts ask, and again for another analysis', async () => {
    const fetch = vi.fn((r: { readonly analysedAt: string }) => Promise.resolve(ok({ analysedAt: r.analysedAt, rows: [row(r.analysedAt)], offset: 0, total: 1 })));
    const a = snapshot('2026-01-01T00:00:00.000Z', 1);
    const [x, y] = await Promise.all([figureRowsOf(a, fetch), figureRowsOf(a, fetch)]);
    expect(x).toEqual(ok([row('2026-01-01T00:00:00.000Z')]));
    expect(y).toBe(x);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith({ analysedAt: '2026-01-01T00:00:00.000Z', offset: 0, limit: FIGURE_PAGE });
    await figureRowsOf(snapshot('2026-01-02T00:00:00.000Z', 1), fetch);
    await figureRowsOf(snapshot('2026-01-02T00:00:00.000Z', 1, '/tmp/other'), fetch);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('asks nothing when the snapshot counts no figures', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('not asked')));
    expect(await figureRowsOf(snapshot('2026-01-03T00:00:00.000Z', 0), fetch)).toEqual(ok([]));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('passes a refusal on and asks again next time', async () => {
    const fetch = vi
      .fn<FetchFigures>()
      .mockResolvedValueOnce(fail('E_INTERNAL', 'damaged'))
      .mockResolvedValueOnce(ok({ analysedAt: '2026-01-04T00:00:00.000Z', rows: [row('r')], offset: 0, total: 1 }));
    const s = snapshot('2026-01-04T00:00:00.000Z', 1);
    expect(await figureRowsOf(s, fetch)).toEqual(fail('E_INTERNAL', 'damaged'));
    expect(await figureRowsOf(s, fetch)).toEqual(ok([row('r')]));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('reads a large folder’s rows a page per request, in order, and starts over after a refusal', async () => {
    const all = Array.from({ length: 2 * FIGURE_PAGE + 7 }, (_, i) => row(`f${String(i)}`));
    let refuseAt: number | null = FIGURE_PAGE;
    const fetch = vi.fn<FetchFigures>(({ analysedAt, offset, limit }) => {
      if (offset === refuseAt) {
        refuseAt = null;
        return Promise.resolve(fail('E_INTERNAL', 'damaged'));
      }
      return Promise.resolve(ok({ analysedAt, rows: all.slice(offset, offset + limit), offset, total: all.length }));
    });
    const s = snapshot('2026-01-05T00:00:00.000Z', all.length);
    expect(await figureRowsOf(s, fetch)).toEqual(fail('E_INTERNAL', 'damaged'));
    fetch.mockClear();
    expect(await figureRowsOf(s, fetch)).toEqual(ok(all));
    expect(fetch.mock.calls.map(([r]) => [r.offset, r.limit])).toEqual([
      [0, FIGURE_PAGE],
      [FIGURE_PAGE, FIGURE_PAGE],
      [2 * FIGURE_PAGE, FIGURE_PAGE],
    ]);
  });

  it('gives rows to views only once they are there', () => {
    expect(readyRows({ kind: 'loading' })).toBeNull();
    expect(readyRows({ kind: 'error', error: { code: 'E_INTERNAL', message: 'x' } })).toBeNull();
    expect(readyRows({ kind: 'ready', rows: [row('a')] })).toEqual([row('a')]);
  });
});
