/**
 * Pure shaping of cited casualty figures for the Figures view: the timeline dot plot (one point
 * per cited figure, a reference line when the data carries reference checks, vague figures listed
 * apart) and the sortable table of all figure records. Chart components only render.
 */
import { FIGURE_CATEGORIES, VICTIM_GROUPS, type FigureCategory, type FigureQualifier, type FigureRow } from '../../../shared/figures';

/** Marker families for the dot plot: one shape per way a figure is hedged. */
export type QualifierShape = 'exact' | 'lower-bound' | 'upper-bound' | 'approximate' | 'vague';

/** Recharts symbol names per marker family (legend and dots agree). */
export const QUALIFIER_SHAPES: readonly {
  readonly id: QualifierShape;
  readonly label: string;
  readonly symbol: 'circle' | 'triangle' | 'wye' | 'diamond' | 'square';
}[] = [
  { id: 'exact', label: 'exact', symbol: 'circle' },
  { id: 'lower-bound', label: 'at least / more than', symbol: 'triangle' },
  { id: 'upper-bound', label: 'at most', symbol: 'wye' },
  { id: 'approximate', label: 'approximately', symbol: 'diamond' },
  { id: 'vague', label: 'vague (range drawn at its low end)', symbol: 'square' },
];

export function qualifierShape(q: FigureQualifier): QualifierShape {
  switch (q) {
    case 'exact':
      return 'exact';
    case 'at-least':
    case 'more-than':
      return 'lower-bound';
    case 'at-most':
      return 'upper-bound';
    case 'approximately':
      return 'approximate';
    case 'vague':
      return 'vague';
  }
}

const QUALIFIER_LABEL: Readonly<Record<FigureQualifier, string>> = {
  exact: 'exact',
  'at-least': 'at least',
  'more-than': 'more than',
  approximately: 'approximately',
  'at-most': 'at most',
  vague: 'vague',
};

export function qualifierLabel(q: FigureQualifier): string {
  return QUALIFIER_LABEL[q];
}

export function categoryLabel(id: string): string {
  return FIGURE_CATEGORIES.find((c) => c.id === id)?.label ?? id;
}

export function victimLabel(id: string): string {
  return VICTIM_GROUPS.find((g) => g.id === id)?.label ?? id;
}

const NUMBER = new Intl.NumberFormat('en-US');

/** "22–33" for a closed range, "3,000 or more" for an open one, the value otherwise. */
export function describeValue(row: Pick<FigureRow, 'value'>): string {
  const { value, low, high } = row.value;
  if (value !== null) return NUMBER.format(value);
  if (high === null) return `${NUMBER.format(low)} or more`;
  if (high === low) return NUMBER.format(low);
  return `${NUMBER.format(low)}–${NUMBER.format(high)}`;
}

/** Figures of the visible outlets, in the outlets' order then by position in the article. */
export function visibleFigures(figures: readonly FigureRow[], outlets: readonly string[]): FigureRow[] {
  const rank = new Map(outlets.map((o, i) => [o, i] as const));
  return figures
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => rank.has(f.outlet))
    .sort((a, b) => (rank.get(a.f.outlet) ?? 0) - (rank.get(b.f.outlet) ?? 0) || a.i - b.i)
    .map(({ f }) => f);
}

export interface CategoryOption {
  readonly id: FigureCategory;
  readonly label: string;
  readonly count: number;
}

/** Categories the visible outlets cite, in the lexicon's order, with how many figures each. */
export function figureCategories(figures: readonly FigureRow[], outlets: readonly string[]): CategoryOption[] {
  const shown = visibleFigures(figures, outlets);
  return FIGURE_CATEGORIES.map((c) => ({ id: c.id, label: c.label, count: shown.filter((f) => f.category === c.id).length })).filter(
    (c) => c.count > 0,
  );
}

/** "killed" when cited, else the first category cited, else null. */
export function defaultCategory(options: readonly CategoryOption[]): FigureCategory | null {
  return (options.find((o) => o.id === 'killed') ?? options[0])?.id ?? null;
}

/** True when the figure has a number a chart can place: a value, or a range written with digits. */
export function isPlottable(row: FigureRow): boolean {
  if (row.value.value !== null) return true;
  return row.qualifier !== 'vague' || /\d/.test(row.written);
}

export interface FigurePoint {
  readonly id: string;
  readonly outlet: string;
  readonly date: string;
  /** Milliseconds since the epoch (UTC midnight of the as-of date): the time axis. */
  readonly time: number;
  /** The plotted value: the figure, or the low end of a range. */
  readonly value: number;
  /** "22–33" when the figure is a range, else null (shown in the tooltip). */
  readonly range: string | null;
  readonly written: string;
  readonly qualifier: FigureQualifier;
  readonly shape: QualifierShape;
  readonly victim: string;
  readonly source: string | null;
  readonly verb: string | null;
  readonly referenceNote: string | null;
  readonly misquote: boolean;
  readonly inQuote: boolean;
  readonly evidenceKey: string;
  /** One sentence for screen readers and the tooltip heading. */
  readonly label: string;
}

export interface ReferencePoint {
  readonly date: string;
  readonly time: number;
  readonly value: number;
}

export interface FigureTimeline {
  readonly category: FigureCategory;
  readonly points: readonly FigurePoint[];
  /** Figures without a number to place ("millions", "several thousand"): listed under the chart. */
  readonly vague: readonly FigureRow[];
  /** Figures whose article has no date: listed under the chart. */
  readonly undated: readonly FigureRow[];
  /** The reference values the figures were checked against, by date (empty when none). */
  readonly reference: readonly ReferencePoint[];
  /** The reference series' name, e.g. "gaza-moh-daily:killed", or null when none. */
  readonly referenceSeries: string | null;
  /** Why no reference line is drawn, when none is. */
  readonly referenceNote: string | null;
  /** Value axis bounds for a log scale (powers of ten around the data). */
  readonly valueDomain: readonly [number, number];
  /** Time axis bounds with a little margin. */
  readonly timeDomain: readonly [number, number];
  readonly misquotes: number;
  /** Dots left out to keep the chart readable and fast in large folders (every figure stays in the table). */
  readonly thinned: number;
}

/** Beyond this many dots a chart is unreadable and slow: an even sample is drawn, misquotes always kept. */
export const MAX_TIMELINE_POINTS = 1500;

/** An even, deterministic sample of the points in time order, keeping every misquote. */
export function thinPoints(points: readonly FigurePoint[], max: number = MAX_TIMELINE_POINTS): FigurePoint[] {
  if (points.length <= max) return [...points];
  const sorted = [...points].sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
  const flagged = sorted.filter((p) => p.misquote);
  const room = Math.max(0, max - flagged.length);
  const others = sorted.filter((p) => !p.misquote);
  const step = others.length / Math.max(1, room);
  const kept = new Set<FigurePoint>(flagged);
  for (let i = 0; i < room && Math.floor(i * step) < others.length; i += 1) {
    const p = others[Math.floor(i * step)];
    if (p) kept.add(p);
  }
  return sorted.filter((p) => kept.has(p));
}

export function dayTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function pointLabel(f: FigureRow, range: string | null): string {
  const parts = [
    `${f.outlet}, ${f.asOf ?? 'undated'}: ${f.written}`,
    range ? `(range ${range})` : null,
    `${categoryLabel(f.category)}, ${victimLabel(f.victimGroup)}`,
    f.source ? `source ${f.source.label}${f.source.verb ? ` (${f.source.verb})` : ''}` : 'no source named',
    f.reference ? f.reference.note : null,
  ];
  return parts.filter((p) => p !== null).join('; ');
}

/** The dot plot for one category: points, reference line, and what cannot be placed. */
export function figureTimeline(figures: readonly FigureRow[], outlets: readonly string[], category: FigureCategory): FigureTimeline {
  const inCategory = visibleFigures(figures, outlets).filter((f) => f.category === category);
  const points: FigurePoint[] = [];
  const vague: FigureRow[] = [];
  const undated: FigureRow[] = [];
  for (const f of inCategory) {
    if (!isPlottable(f)) vague.push(f);
    else if (f.asOf === null || Number.isNaN(dayTime(f.asOf))) undated.push(f);
    else {
      const range = f.value.value === null ? describeValue(f) : null;
      points.push({
        id: f.id,
        outlet: f.outlet,
        date: f.asOf,
        time: dayTime(f.asOf),
        value: f.value.value ?? f.value.low,
        range,
        written: f.written,
        qualifier: f.qualifier,
        shape: qualifierShape(f.qualifier),
        victim: victimLabel(f.victimGroup),
        source: f.source?.label ?? null,
        verb: f.source?.verb ?? null,
        referenceNote: f.reference?.note ?? null,
        misquote: f.reference?.status === 'misquote',
        inQuote: f.inQuote,
        evidenceKey: f.evidenceKey,
        label: pointLabel(f, range),
      });
    }
  }
  // The reference line comes from the checks the engine made (all outlets: the series does not
  // depend on who cites it), using the series most figures of this category were checked against.
  const checks = figures.filter((f) => f.category === category && f.reference !== null).map((f) => f.reference);
  const seriesCount = new Map<string, number>();
  for (const c of checks) if (c && c.referenceValue !== null && c.referenceDate !== null) seriesCount.set(c.series, (seriesCount.get(c.series) ?? 0) + 1);
  const series = [...seriesCount.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  const byDate = new Map<string, number>();
  for (const c of checks) {
    if (c && c.series === series && c.referenceValue !== null && c.referenceDate !== null && !Number.isNaN(dayTime(c.referenceDate))) {
      byDate.set(c.referenceDate, c.referenceValue);
    }
  }
  const reference = [...byDate.entries()]
    .map(([date, value]) => ({ date, time: dayTime(date), value }))
    .sort((a, b) => a.time - b.time);
  const referenceNote =
    reference.length > 0
      ? null
      : checks.length === 0
        ? 'No reference series is loaded for this category: no reference line is drawn.'
        : 'No figure in this category matched a reference report: no reference line is drawn.';

  const drawn = thinPoints(points);
  const values = [...points.map((p) => p.value), ...reference.map((r) => r.value)].filter((v) => v > 0);
  // Half a decade of room on each side so no mark sits on the axis line.
  const lo = values.length ? 10 ** Math.floor(Math.log10(values.reduce((m, v) => Math.min(m, v), Infinity) / 1.5)) : 1;
  const hi = values.length ? 10 ** Math.ceil(Math.log10(values.reduce((m, v) => Math.max(m, v), 0) * 1.5)) : 10;
  const times = [...points.map((p) => p.time), ...reference.map((r) => r.time)];
  const day = 86_400_000;
  const t0 = times.length ? times.reduce((m, v) => Math.min(m, v), Infinity) : 0;
  const t1 = times.length ? times.reduce((m, v) => Math.max(m, v), -Infinity) : day;
  const margin = Math.max(day * 3, (t1 - t0) * 0.05);
  return {
    category,
    points: drawn,
    thinned: points.length - drawn.length,
    vague,
    undated,
    reference,
    referenceSeries: reference.length ? series : null,
    referenceNote,
    valueDomain: [lo, Math.max(hi, lo * 10)],
    timeDomain: [t0 - margin, t1 + margin],
    misquotes: points.filter((p) => p.misquote).length,
  };
}

/** Log-axis ticks: the powers of ten inside the domain. */
export function logTicks(domain: readonly [number, number]): number[] {
  const ticks: number[] = [];
  for (let v = domain[0]; v <= domain[1] * 1.0001; v *= 10) ticks.push(v);
  return ticks;
}

/** Time-axis ticks: the first day of every month (or every few months) inside the domain. */
export function timeTicks(domain: readonly [number, number], maxTicks = 8): number[] {
  const start = new Date(domain[0]);
  const y = start.getUTCFullYear();
  let m = start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1);
  const months: number[] = [];
  for (;;) {
    const t = Date.UTC(y + Math.floor(m / 12), m % 12, 1);
    if (t > domain[1]) break;
    months.push(t);
    m += 1;
    if (months.length > 1200) break;
  }
  if (months.length === 0) return [Math.round((domain[0] + domain[1]) / 2)];
  const step = Math.ceil(months.length / maxTicks);
  return months.filter((_, i) => i % step === 0);
}

/** Compact axis numbers: 1,000 → "1k", 2,000,000 → "2M". */
export function compactNumber(v: number): string {
  if (v >= 1e6) return `${String(Math.round((v / 1e6) * 10) / 10)}M`;
  if (v >= 1e3) return `${String(Math.round((v / 1e3) * 10) / 10)}k`;
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// The table of all figure records.

export const FIGURE_COLUMNS = [
  { id: 'outlet', label: 'Outlet' },
  { id: 'date', label: 'Date' },
  { id: 'written', label: 'As written' },
  { id: 'category', label: 'Category' },
  { id: 'victim', label: 'Victim group' },
  { id: 'qualifier', label: 'Qualifier' },
  { id: 'source', label: 'Source' },
  { id: 'verb', label: 'Verb' },
  { id: 'reference', label: 'Reference check' },
] as const;

export type FigureColumn = (typeof FIGURE_COLUMNS)[number]['id'];

export interface FigureTableRow {
  readonly id: string;
  readonly evidenceKey: string;
  readonly outlet: string;
  readonly date: string | null;
  readonly written: string;
  readonly category: string;
  readonly victim: string;
  readonly qualifier: string;
  readonly source: string | null;
  readonly verb: string | null;
  readonly verbGrade: string | null;
  readonly reference: string | null;
  readonly misquote: boolean;
  readonly inQuote: boolean;
  /** The number behind "as written" (low end of a range), for sorting. */
  readonly sortValue: number;
  /** Position in the outlet order, for sorting by outlet. */
  readonly outletRank: number;
}

export function figureTableRows(figures: readonly FigureRow[], outlets: readonly string[]): FigureTableRow[] {
  const rank = new Map(outlets.map((o, i) => [o, i] as const));
  return visibleFigures(figures, outlets).map((f) => ({
    id: f.id,
    evidenceKey: f.evidenceKey,
    outlet: f.outlet,
    date: f.asOf,
    written: f.written,
    category: categoryLabel(f.category),
    victim: victimLabel(f.victimGroup),
    qualifier: qualifierLabel(f.qualifier),
    source: f.source?.label ?? null,
    verb: f.source?.verb ?? null,
    verbGrade: f.source?.verbGrade ?? null,
    reference: f.reference?.note ?? null,
    misquote: f.reference?.status === 'misquote',
    inQuote: f.inQuote,
    sortValue: f.value.value ?? f.value.low,
    outletRank: rank.get(f.outlet) ?? 0,
  }));
}

export type SortDirection = 'ascending' | 'descending';

function sortKey(row: FigureTableRow, column: FigureColumn): string | number | null {
  switch (column) {
    case 'outlet':
      return row.outletRank;
    case 'date':
      return row.date;
    case 'written':
      return row.sortValue;
    default:
      return row[column];
  }
}

/** Sorted copy; empty cells go last in either direction, ties keep the current order. */
export function sortFigureRows(rows: readonly FigureTableRow[], column: FigureColumn, direction: SortDirection): FigureTableRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, k: sortKey(row, column) }))
    .sort((a, b) => {
      if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
      const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : String(a.k).localeCompare(String(b.k), 'en');
      return c === 0 ? a.i - b.i : sign * c;
    })
    .map(({ row }) => row);
}
