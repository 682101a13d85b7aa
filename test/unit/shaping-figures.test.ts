import { beforeAll, describe, expect, it } from 'vitest';
import type { FigureRow } from '../../src/shared/figures';
import type { AnalysisSnapshot } from '../../src/shared/model';
import { analyzeFolder } from '../../src/main/engine/index';
import {
  compactNumber,
  defaultCategory,
  describeValue,
  figureCategories,
  figureTableRows,
  figureTimeline,
  isPlottable,
  logTicks,
  qualifierShape,
  sortFigureRows,
  timeTicks,
  visibleFigures,
} from '../../src/renderer/src/shaping/figures';

function fig(over: Partial<FigureRow> & Pick<FigureRow, 'id' | 'outlet'>): FigureRow {
  return {
    articleId: `a-${over.outlet}`,
    written: '100',
    value: { value: 100, low: 100, high: 100 },
    qualifier: 'exact',
    category: 'killed',
    victimGroup: 'palestinians',
    victimNoun: null,
    cue: 'killed',
    voice: 'passive',
    agent: null,
    source: null,
    caveats: [],
    inQuote: false,
    oct7: false,
    asOf: '2024-01-08',
    mentions: 1,
    reference: null,
    featureKey: 'figure:killed/gaza',
    evidenceKey: `figure|${over.id}`,
    ...over,
  };
}

const rows: FigureRow[] = [
  fig({
    id: 'a1',
    outlet: 'A',
    written: '22,835',
    value: { value: 22835, low: 22835, high: 22835 },
    source: { id: 'gaza-health-ministry', label: 'The Hamas-owned Ministry', verb: 'claims', verbGrade: 'distancing' },
    reference: { status: 'exact', referenceValue: 22835, referenceDate: '2024-01-07', series: 'moh:killed', note: 'matches' },
  }),
  fig({
    id: 'b1',
    outlet: 'B',
    written: 'more than 31,000',
    qualifier: 'more-than',
    asOf: '2024-03-21',
    value: { value: 31000, low: 31000, high: 31000 },
    reference: { status: 'misquote', referenceValue: 31988, referenceDate: '2024-03-21', series: 'moh:killed', note: 'likely misquote' },
  }),
  fig({ id: 'b2', outlet: 'B', written: 'millions', qualifier: 'vague', category: 'displaced', value: { value: null, low: 2e6, high: 9999999 } }),
  fig({ id: 'c1', outlet: 'C', written: '22 people, or 33 people', qualifier: 'vague', category: 'hostages', value: { value: null, low: 22, high: 33 }, inQuote: true }),
  fig({ id: 'c2', outlet: 'C', written: '40', category: 'hostages', asOf: null, value: { value: 40, low: 40, high: 40 } }),
];

describe('figure shaping (plain data)', () => {
  it('keeps visible outlets in the user’s order', () => {
    expect(visibleFigures(rows, ['C', 'A']).map((f) => f.id)).toEqual(['c1', 'c2', 'a1']);
  });

  it('offers the cited categories with counts and defaults to killed', () => {
    const opts = figureCategories(rows, ['A', 'B', 'C']);
    expect(opts.map((o) => [o.id, o.count])).toEqual([
      ['killed', 2],
      ['hostages', 2],
      ['displaced', 1],
    ]);
    expect(defaultCategory(opts)).toBe('killed');
    expect(defaultCategory(figureCategories(rows, ['C']))).toBe('hostages');
    expect(defaultCategory([])).toBeNull();
  });

  it('maps qualifiers to marker shapes', () => {
    expect(qualifierShape('exact')).toBe('exact');
    expect(qualifierShape('at-least')).toBe('lower-bound');
    expect(qualifierShape('more-than')).toBe('lower-bound');
    expect(qualifierShape('approximately')).toBe('approximate');
    expect(qualifierShape('vague')).toBe('vague');
  });

  it('places numbers, draws ranges at their low end, lists vague and undated figures apart', () => {
    const byId = new Map(rows.map((r) => [r.id, r] as const));
    expect(isPlottable(byId.get('c1') as FigureRow)).toBe(true);
    expect(isPlottable(byId.get('b2') as FigureRow)).toBe(false);
    const hostages = figureTimeline(rows, ['A', 'B', 'C'], 'hostages');
    expect(hostages.points.map((p) => [p.id, p.value, p.range, p.shape])).toEqual([['c1', 22, '22–33', 'vague']]);
    expect(hostages.undated.map((f) => f.id)).toEqual(['c2']);
    expect(hostages.reference).toEqual([]);
    expect(hostages.referenceNote).toMatch(/No reference series/);
    const displaced = figureTimeline(rows, ['A', 'B', 'C'], 'displaced');
    expect(displaced.points).toEqual([]);
    expect(displaced.vague.map((f) => f.id)).toEqual(['b2']);
  });

  it('draws the reference line from the checks and flags misquotes', () => {
    const t = figureTimeline(rows, ['A', 'B'], 'killed');
    expect(t.reference.map((r) => [r.date, r.value])).toEqual([
      ['2024-01-07', 22835],
      ['2024-03-21', 31988],
    ]);
    expect(t.referenceSeries).toBe('moh:killed');
    expect(t.referenceNote).toBeNull();
    expect(t.misquotes).toBe(1);
    expect(t.points.find((p) => p.id === 'b1')?.misquote).toBe(true);
    expect(t.valueDomain).toEqual([10000, 100000]);
    expect(logTicks(t.valueDomain)).toEqual([10000, 100000]);
    expect(t.timeDomain[0]).toBeLessThan(Date.parse('2024-01-07T00:00:00Z'));
    // A hidden outlet's points go, the reference line (independent of who cites it) stays.
    const onlyA = figureTimeline(rows, ['A'], 'killed');
    expect(onlyA.points.map((p) => p.id)).toEqual(['a1']);
    expect(onlyA.reference).toHaveLength(2);
  });

  it('describes values and axis numbers', () => {
    expect(describeValue({ value: { value: null, low: 22, high: 33 } })).toBe('22–33');
    expect(describeValue({ value: { value: null, low: 3000, high: null } })).toBe('3,000 or more');
    expect(describeValue({ value: { value: 1200, low: 1200, high: 1200 } })).toBe('1,200');
    expect(compactNumber(1000)).toBe('1k');
    expect(compactNumber(2_000_000)).toBe('2M');
    expect(compactNumber(10)).toBe('10');
  });

  it('builds sortable table rows; empty cells sort last both ways', () => {
    const table = figureTableRows(rows, ['A', 'B', 'C']);
    expect(table.map((r) => r.id)).toEqual(['a1', 'b1', 'b2', 'c1', 'c2']);
    expect(table[0]).toMatchObject({ source: 'The Hamas-owned Ministry', verb: 'claims', verbGrade: 'distancing', qualifier: 'exact', victim: 'Palestinians' });
    expect(sortFigureRows(table, 'written', 'descending').map((r) => r.id)).toEqual(['b2', 'b1', 'a1', 'c2', 'c1']);
    expect(sortFigureRows(table, 'written', 'ascending').map((r) => r.id)).toEqual(['c1', 'c2', 'a1', 'b1', 'b2']);
    expect(sortFigureRows(table, 'date', 'descending').map((r) => r.id)).toEqual(['b1', 'a1', 'b2', 'c1', 'c2']);
    expect(sortFigureRows(table, 'source', 'ascending').map((r) => r.id)).toEqual(['a1', 'b1', 'b2', 'c1', 'c2']);
    expect(sortFigureRows(table, 'outlet', 'descending').map((r) => r.outlet)).toEqual(['C', 'C', 'B', 'B', 'A']);
  });
});

describe('figure shaping on the seeds', () => {
  let snapshot: AnalysisSnapshot;
  let rows: readonly FigureRow[];
  beforeAll(async () => {
    const analysis = await analyzeFolder('seeds');
    snapshot = analysis.snapshot;
    rows = await analysis.figures();
  }, 60_000);

  it('lists 22,835 for All Israel News with “claims” and the Hamas-owned ministry', () => {
    const outlets = snapshot.outlets.map((o) => o.name);
    const table = figureTableRows(rows, outlets);
    const row = table.find((r) => r.outlet === 'All Israel News' && r.written === '22,835');
    expect(row).toBeDefined();
    expect(row?.verb).toBe('claims');
    expect(row?.source).toMatch(/Hamas-owned Ministry of Health/);
    expect(row?.category).toBe('killed');
    // The Jewish Chronicle cites no Gaza death toll.
    expect(table.some((r) => r.outlet === 'The Jewish Chronicle' && r.category === 'killed')).toBe(false);
    // 002 states 34,568 twice: one citation.
    expect(table.filter((r) => r.written.includes('34,568'))).toHaveLength(1);
  });

  it('plots the Gaza death tolls of four outlets on the killed timeline, with qualifiers as shapes', () => {
    const outlets = snapshot.outlets.map((o) => o.name);
    const t = figureTimeline(rows, outlets, 'killed');
    const byOutlet = (o: string): number[] => t.points.filter((p) => p.outlet === o).map((p) => p.value);
    expect(byOutlet('All Israel News')).toContain(22835);
    expect(byOutlet('The Hill')).toContain(31000);
    expect(byOutlet('BNN Breaking')).toContain(34568);
    expect(byOutlet('Xinhua')).toContain(23000);
    expect(byOutlet('The Jewish Chronicle')).toEqual([]);
    expect(t.points.find((p) => p.value === 31000)?.shape).toBe('lower-bound');
    expect(t.points.find((p) => p.value === 22835)?.shape).toBe('exact');
    // Dates, "$10", ordinals are not figures: nothing below 100 or a year-like value on this chart.
    expect(t.points.every((p) => p.value >= 1000 && p.value !== 2024)).toBe(true);
  });

  it('keeps “millions” (The Hill, displaced) off the axis and lists it as vague', () => {
    const outlets = snapshot.outlets.map((o) => o.name);
    const t = figureTimeline(rows, outlets, 'displaced');
    expect(t.vague.map((f) => [f.outlet, f.written])).toContainEqual(['The Hill', 'millions']);
    expect(t.points.some((p) => p.written === 'millions')).toBe(false);
  });
});

describe('value axis', () => {
  it('leaves half a decade of room so a round value never sits on the axis line', () => {
    const t = figureTimeline([fig({ id: 'm', outlet: 'A', written: 'over a million', value: { value: 1e6, low: 1e6, high: 1e6 } })], ['A'], 'killed');
    expect(t.valueDomain).toEqual([1e5, 1e7]);
  });
});

describe('time ticks', () => {
  it('puts a tick on the first of each month inside the domain, thinned to at most the limit', () => {
    const d = (s: string): number => Date.parse(`${s}T00:00:00Z`);
    expect(timeTicks([d('2024-01-05'), d('2024-05-03')]).map((t) => new Date(t).toISOString().slice(0, 10))).toEqual([
      '2024-02-01',
      '2024-03-01',
      '2024-04-01',
      '2024-05-01',
    ]);
    expect(timeTicks([d('2020-01-01'), d('2024-12-31')], 6).length).toBeLessThanOrEqual(6);
    expect(timeTicks([d('2024-01-05'), d('2024-01-20')])).toHaveLength(1);
  });
});

describe('timeline at scale', () => {
  it('draws an even sample of at most MAX_TIMELINE_POINTS dots, keeping every misquote', async () => {
    const { thinPoints, MAX_TIMELINE_POINTS } = await import('../../src/renderer/src/shaping/figures');
    const base = { outlet: 'A', date: '2024-01-01', range: null, written: '1', qualifier: 'exact', shape: 'circle', victim: 'x', source: null, verb: null, referenceNote: null, inQuote: false, evidenceKey: 'k', label: 'l' } as const;
    const points = Array.from({ length: 10_000 }, (_, i) => ({ ...base, id: `p${String(i).padStart(5, '0')}`, time: i, value: i + 1, misquote: i % 997 === 0 }));
    const drawn = thinPoints(points as never);
    expect(drawn).toHaveLength(MAX_TIMELINE_POINTS);
    expect(drawn.filter((p) => p.misquote)).toHaveLength(points.filter((p) => p.misquote).length);
    expect(drawn.map((p) => p.time)).toEqual([...drawn.map((p) => p.time)].sort((a, b) => a - b));
    expect((drawn.at(-1)?.time ?? 0) - (drawn[0]?.time ?? 0)).toBeGreaterThan(9_000);
    expect(thinPoints(points.slice(0, 10) as never)).toHaveLength(10);
  });
});
