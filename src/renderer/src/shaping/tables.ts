/**
 * Pure shaping from the comparison to chart rows: which tables a view shows, which outlets are
 * visible and in what order, and the numbers each mark draws. Chart components only render.
 */
import type { Cell, MetricTable } from '../../../shared/comparison';
import type { View } from '../viewState';

/** Which tables each dashboard view shows, by table id prefix. */
export const VIEW_TABLES: Readonly<Partial<Record<View, readonly string[]>>> = {
  tone: ['tone'],
  wording: ['labels', 'attribution', 'cues', 'distinctive'],
  figures: ['figures'],
  voices: ['voices'],
  topics: ['topics', 'omissions'],
};

export function tablesForView(view: View, tables: readonly MetricTable[]): MetricTable[] {
  const prefixes = VIEW_TABLES[view] ?? [];
  const rank = (t: MetricTable): number => prefixes.findIndex((p) => t.id === p || t.id.startsWith(`${p}:`) || t.id.startsWith(`${p}-`));
  return tables
    .filter((t) => rank(t) >= 0)
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map(({ t }) => t);
}

export interface OutletPrefs {
  /** Outlets hidden by the user. */
  readonly hidden: readonly string[];
  /** The user's order; outlets not listed follow in the corpus order. */
  readonly order: readonly string[];
}

/** The outlets to draw, in the user's order, without the hidden ones. */
export function visibleOutlets(all: readonly string[], prefs: OutletPrefs): string[] {
  const known = new Set(all);
  const ordered = [...prefs.order.filter((o) => known.has(o)), ...all.filter((o) => !prefs.order.includes(o))];
  const hidden = new Set(prefs.hidden);
  return ordered.filter((o) => !hidden.has(o));
}

export interface GridCell extends Cell {
  readonly column: string;
  /** 0…1 (or −1…1 for signed tables) for the cell's colour strength. */
  readonly intensity: number;
}

export interface GridRow {
  readonly outlet: string;
  readonly cells: readonly GridCell[];
}

/** True when a table holds values of both signs (tone), drawn on a diverging scale. */
export function isSigned(table: MetricTable): boolean {
  return table.rows.some((r) => Object.values(r.cells).some((c) => c.value !== null && c.value < 0));
}

/** Rows of a table for the visible outlets, each cell with a colour intensity scaled to the table. */
export function gridRows(table: MetricTable, outlets: readonly string[]): GridRow[] {
  const byOutlet = new Map(table.rows.map((r) => [r.outlet, r] as const));
  let max = 0;
  for (const o of outlets) {
    for (const c of Object.values(byOutlet.get(o)?.cells ?? {})) if (c.value !== null) max = Math.max(max, Math.abs(c.value));
  }
  return outlets.map((outlet) => ({
    outlet,
    cells: table.columns.map((col) => {
      const cell: Cell = byOutlet.get(outlet)?.cells[col.id] ?? { value: null, count: 0, evidenceKey: null };
      return { ...cell, column: col.id, intensity: cell.value === null || max === 0 ? 0 : cell.value / max };
    }),
  }));
}

/** Columns that at least one visible outlet has a value in (empty columns are left out). */
export function usedColumns(table: MetricTable, outlets: readonly string[]): MetricTable['columns'] {
  const rows = table.rows.filter((r) => outlets.includes(r.outlet));
  return table.columns.filter((c) => rows.some((r) => (r.cells[c.id]?.value ?? null) !== null && (r.cells[c.id]?.count ?? 0) > 0));
}

export interface BarRow {
  readonly outlet: string;
  readonly value: number;
  readonly count: number;
  readonly evidenceKey: string | null;
}

/** One bar per visible outlet for one column; outlets with no value are listed apart, not drawn as zero. */
export function barRows(table: MetricTable, column: string, outlets: readonly string[]): { bars: BarRow[]; missing: string[] } {
  const byOutlet = new Map(table.rows.map((r) => [r.outlet, r] as const));
  const bars: BarRow[] = [];
  const missing: string[] = [];
  for (const outlet of outlets) {
    const cell = byOutlet.get(outlet)?.cells[column];
    if (!cell || cell.value === null) missing.push(outlet);
    else bars.push({ outlet, value: cell.value, count: cell.count, evidenceKey: cell.evidenceKey });
  }
  return { bars, missing };
}

/** Formats a cell value for display: shares as percentages, scores with a sign, counts plainly. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (/share|proportion|percent/i.test(unit)) return `${(value * 100).toFixed(value < 0.1 && value > 0 ? 1 : 0)}%`;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const s = value.toFixed(2);
  return value > 0 && /score|tone|log-odds/i.test(unit) ? `+${s}` : s;
}
