import { describe, expect, it } from 'vitest';
import type { MetricTable } from '../../src/shared/comparison';
import { barRows, formatValue, gridRows, isSigned, tablesForView, usedColumns, visibleOutlets } from '../../src/renderer/src/shaping/tables';

const tone: MetricTable = {
  id: 'tone',
  title: 'Tone',
  unit: 'mean AFINN score per sentence',
  columns: [{ id: 'mean', label: 'Mean' }],
  rows: [
    { outlet: 'A', cells: { mean: { value: -0.5, count: 10, evidenceKey: 'k1' } } },
    { outlet: 'B', cells: { mean: { value: 0.25, count: 4, evidenceKey: 'k2' } } },
    { outlet: 'C', cells: { mean: { value: null, count: 0, evidenceKey: null } } },
  ],
};
const labels: MetricTable = {
  id: 'labels:west-bank',
  title: 'West Bank',
  unit: 'count',
  columns: [
    { id: 'occupied', label: 'occupied West Bank' },
    { id: 'judea', label: 'Judea and Samaria' },
  ],
  rows: [{ outlet: 'B', cells: { occupied: { value: 2, count: 2, evidenceKey: 'k3' } } }],
};

describe('shaping', () => {
  it('picks the tables of a view by id prefix, in the view’s order', () => {
    expect(tablesForView('wording', [tone, labels]).map((t) => t.id)).toEqual(['labels:west-bank']);
    expect(tablesForView('tone', [labels, tone]).map((t) => t.id)).toEqual(['tone']);
    expect(tablesForView('overview', [tone])).toEqual([]);
  });

  it('orders and hides outlets as the user chose', () => {
    expect(visibleOutlets(['A', 'B', 'C'], { hidden: ['B'], order: ['C'] })).toEqual(['C', 'A']);
  });

  it('lists outlets without a value apart instead of drawing them as zero', () => {
    const { bars, missing } = barRows(tone, 'mean', ['A', 'B', 'C']);
    expect(bars.map((b) => [b.outlet, b.value])).toEqual([['A', -0.5], ['B', 0.25]]);
    expect(missing).toEqual(['C']);
  });

  it('scales grid colours to the table and keeps signs for diverging tables', () => {
    expect(isSigned(tone)).toBe(true);
    expect(isSigned(labels)).toBe(false);
    const rows = gridRows(tone, ['A', 'B']);
    expect(rows.map((r) => r.cells[0]?.intensity)).toEqual([-1, 0.5]);
    expect(gridRows(labels, ['A', 'B'])[0]?.cells.map((c) => c.value)).toEqual([null, null]);
    expect(usedColumns(labels, ['A', 'B']).map((c) => c.id)).toEqual(['occupied']);
  });

  it('formats shares, signed scores and counts', () => {
    expect(formatValue(0.256, 'share of sentences')).toBe('26%');
    expect(formatValue(0.05, 'share of sentences')).toBe('5.0%');
    expect(formatValue(0.123, 'mean AFINN score per sentence')).toBe('+0.12');
    expect(formatValue(1200, 'count')).toBe('1,200');
    expect(formatValue(null, 'count')).toBe('—');
  });
});
