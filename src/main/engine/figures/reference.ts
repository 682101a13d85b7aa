/**
 * Reference series: dated cumulative counts (e.g. the Gaza Ministry of Health's daily reports)
 * against which a cited figure is checked as of its article's date.
 *
 * Accepted formats, JSON or CSV with a header:
 * - rows with a date column (`date` or `report_date`, ISO YYYY-MM-DD) and cumulative counts
 *   `killed_cum` and/or `injured_cum` (TechForPalestine style); a file without `*_cum` columns
 *   may give cumulative counts as `killed` and `wounded`/`injured`;
 * - JSON may also be `{ "id": "…", "points": [rows] }`.
 * Rows may leave a count out (no report that day). Anything else is E_REFERENCE_INVALID with a
 * message naming the row and the problem.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { FigureRecord, ReferenceCheck } from '../../../shared/figures';
import { CodedError } from '../../../shared/result';

export type ReferenceMetric = 'killed' | 'wounded';

export interface ReferencePoint {
  readonly date: string;
  readonly killed: number | null;
  readonly wounded: number | null;
}

export interface ReferenceSeries {
  readonly id: string;
  readonly points: readonly ReferencePoint[];
}

const fail = (origin: string, message: string): never => {
  throw new CodedError('E_REFERENCE_INVALID', `Reference series ${origin}: ${message}`);
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function count(origin: string, row: number, column: string, raw: unknown): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.replaceAll(',', '')) : NaN;
  if (!Number.isInteger(n) || n < 0) fail(origin, `row ${String(row + 1)} has ${column} = ${JSON.stringify(raw)}, not a whole number ≥ 0.`);
  return n;
}

/** Validates rows (objects) into a series. */
export function seriesFromRows(id: string, rows: readonly unknown[], origin: string): ReferenceSeries {
  if (rows.length === 0) fail(origin, 'has no rows.');
  const first = rows[0];
  const keys = new Set<string>();
  for (const r of rows) if (r !== null && typeof r === 'object') for (const k of Object.keys(r)) keys.add(k);
  const cum = keys.has('killed_cum') || keys.has('injured_cum');
  const killedCol = cum ? 'killed_cum' : 'killed';
  const woundedCol = cum ? 'injured_cum' : keys.has('wounded') ? 'wounded' : 'injured';
  if (!keys.has(killedCol) && !keys.has(woundedCol)) {
    fail(origin, `has no count column (expected killed_cum/injured_cum, or killed/wounded); columns are ${[...keys].join(', ') || 'none'}.`);
  }
  if (first === null || typeof first !== 'object') fail(origin, 'rows must be objects with a date and counts.');
  const points: ReferencePoint[] = [];
  rows.forEach((r, i) => {
    if (r === null || typeof r !== 'object') fail(origin, `row ${String(i + 1)} is not an object.`);
    const o = r as Record<string, unknown>;
    const date = o.date ?? o.report_date;
    if (typeof date !== 'string' || !ISO.test(date) || Number.isNaN(Date.parse(date))) {
      fail(origin, `row ${String(i + 1)} has date ${JSON.stringify(date)}, expected YYYY-MM-DD.`);
    }
    const d = date as string;
    const prev = points.at(-1);
    if (prev && prev.date >= d) fail(origin, `row ${String(i + 1)} (${d}) is not after the row before it (${prev.date}); dates must increase.`);
    points.push({ date: d, killed: count(origin, i, killedCol, o[killedCol]), wounded: count(origin, i, woundedCol, o[woundedCol]) });
  });
  return { id, points };
}

/** Parses a series from file text; `format` from the file name's extension. */
export function parseReferenceSeries(id: string, text: string, format: 'json' | 'csv', origin: string): ReferenceSeries {
  if (format === 'csv') {
    let rows: unknown[];
    try {
      rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true });
    } catch (err) {
      return fail(origin, `is not valid CSV (${(err as Error).message}).`);
    }
    return seriesFromRows(id, rows, origin);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(origin, `is not JSON (${(err as Error).message}).`);
  }
  return seriesFromJson(id, json, origin);
}

export function seriesFromJson(id: string, json: unknown, origin: string): ReferenceSeries {
  if (Array.isArray(json)) return seriesFromRows(id, json, origin);
  if (json !== null && typeof json === 'object' && Array.isArray((json as { points?: unknown }).points)) {
    const o = json as { id?: unknown; points: unknown[] };
    return seriesFromRows(typeof o.id === 'string' ? o.id : id, o.points, origin);
  }
  return fail(origin, 'must be an array of rows or an object with "points".');
}

const DAY = 86_400_000;
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
const shiftDate = (d: string, days: number): string => new Date(Date.parse(d) + days * DAY).toISOString().slice(0, 10);

/** Days a figure may lag the latest report and still count as current. */
export const CURRENT_DAYS = 7;

/** Which reference metric a figure is compared with, or null when the series does not cover it. */
export function metricFor(record: Pick<FigureRecord, 'category' | 'victimGroup'>): ReferenceMetric | null {
  const gaza = record.victimGroup === 'palestinians' || record.victimGroup === 'people-in-gaza';
  if (!gaza) return null;
  if (record.category === 'killed') return 'killed';
  if (record.category === 'wounded') return 'wounded';
  return null;
}

function fits(record: Pick<FigureRecord, 'value' | 'qualifier'>, ref: number): boolean {
  const { value, qualifier } = record;
  const v = value.value;
  if (v === null) return value.low <= ref && (value.high === null || ref <= value.high);
  switch (qualifier) {
    case 'exact':
      return v === ref;
    case 'at-least':
    case 'more-than':
      return v <= ref && v >= ref * 0.9;
    case 'at-most':
      return v >= ref && v <= ref * 1.1;
    case 'approximately':
    case 'vague':
      return Math.abs(v - ref) <= ref * 0.1;
  }
}

const oneDigitApart = (a: number, b: number): boolean => {
  const x = String(a);
  const y = String(b);
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) diff += 1;
  return diff === 1;
};

/**
 * `n.toLocaleString('en-US')` ("12,345"): integers are grouped here (the locale call costs more
 * than the whole check), anything else goes to the locale formatter.
 */
export const formatCount = (n: number): string => {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(n < 0 ? -n : n);
  let out = digits.length > 3 ? digits.slice(0, ((digits.length - 1) % 3) + 1) : digits;
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
};
const fmt = formatCount;

const reported = new WeakMap<ReferenceSeries, Record<ReferenceMetric, readonly ReferencePoint[]>>();

/**
 * The series' reports of one metric (indexed once per series) and how many of them, from the
 * first, are dated on or before `asOf`.
 */
function reportsUpTo(series: ReferenceSeries, metric: ReferenceMetric, asOf: string): { readonly list: readonly ReferencePoint[]; readonly count: number } {
  let byMetric = reported.get(series);
  if (byMetric === undefined) {
    byMetric = { killed: series.points.filter((p) => p.killed !== null), wounded: series.points.filter((p) => p.wounded !== null) };
    reported.set(series, byMetric);
  }
  const list = byMetric[metric];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.date ?? '') <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return { list, count: lo };
}

/** `shiftDate(asOf, -CURRENT_DAYS)` for the article dates seen so far (a few hundred at most per folder). */
const windowStarts = new Map<string, string>();

function windowStartOf(asOf: string): string {
  let start = windowStarts.get(asOf);
  if (start === undefined) {
    start = shiftDate(asOf, -CURRENT_DAYS);
    if (windowStarts.size > 10_000) windowStarts.clear();
    windowStarts.set(asOf, start);
  }
  return start;
}

/** Compares one figure with the series as of its article's date; null when the series does not apply. */
export function checkFigure(record: FigureRecord, series: ReferenceSeries): ReferenceCheck | null {
  const metric = metricFor(record);
  if (metric === null) return null;
  const name = `${series.id}:${metric}`;
  const none = (note: string): ReferenceCheck => ({ status: 'no-reference', referenceValue: null, referenceDate: null, series: name, note });
  if (record.asOf === null) return none('the article has no date');
  const asOf = record.asOf;
  // Reports up to the article's date are reports[0, count).
  const { list: reports, count } = reportsUpTo(series, metric, asOf);
  const latest = count > 0 ? reports[count - 1] : undefined;
  if (latest === undefined) return none(`no report on or before ${asOf}`);
  const latestValue = latest[metric] ?? 0;
  const windowStart = windowStartOf(asOf);
  let firstCurrent = count;
  while (firstCurrent > 0 && (reports[firstCurrent - 1]?.date ?? '') >= windowStart) firstCurrent -= 1;
  const current = reports.slice(firstCurrent, count);
  const result = (status: ReferenceCheck['status'], p: ReferencePoint, note: string): ReferenceCheck => ({
    status,
    referenceValue: p[metric],
    referenceDate: p.date,
    series: name,
    note,
  });
  const v = record.value.value;
  if (v !== null) {
    const same = current.findLast((p) => p[metric] === v);
    if (same) return result('exact', same, `matches the ${same.date} report (${fmt(v)})`);
  }
  if (record.qualifier !== 'exact' && current.length > 0 && fits(record, latestValue)) {
    return result('rounding', latest, `${record.written} rounds the ${latest.date} report of ${fmt(latestValue)}`);
  }
  let older: ReferencePoint | undefined;
  for (let i = firstCurrent - 1; i >= 0 && older === undefined; i -= 1) {
    const p = reports[i];
    if (p !== undefined && fits(record, p[metric] ?? -1)) older = p;
  }
  if (older) {
    return result('stale', older, `matches the ${older.date} report (${fmt(older[metric] ?? 0)}), ${String(daysBetween(older.date, asOf))} days before the article; the latest was ${fmt(latestValue)} on ${latest.date}`);
  }
  if (v !== null && record.qualifier === 'exact') {
    let near: ReferencePoint | null = null;
    for (const p of current) {
      const r = p[metric] ?? 0;
      if ((oneDigitApart(v, r) || Math.abs(v - r) <= r * 0.02) && (near === null || Math.abs(v - r) < Math.abs(v - (near[metric] ?? 0)))) near = p;
    }
    if (near) return result('misquote', near, `likely misquote: ${fmt(v)} against ${fmt(near[metric] ?? 0)} reported on ${near.date}`);
  }
  return result('unmatched', latest, `does not match the ${latest.date} report of ${fmt(latestValue)}`);
}
