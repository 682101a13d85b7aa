/**
 * The casualty-figure rows of the analysis on screen. The snapshot carries only their count (at
 * 10,000 articles the rows are most of its bytes), so they are fetched once per snapshot after
 * the first screen and shared by the Figures view, the findings and the exports.
 */
import type { FigureRow } from '../../../shared/figures';
import type { AnalysisSnapshot } from '../../../shared/model';
import { ok, type AppError, type Result } from '../../../shared/result';
import { getApi } from './client';

/** What a view shows of the figure rows: still on their way, there, or why they could not be read. */
export type FigureRowsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly rows: readonly FigureRow[] }
  | { readonly kind: 'error'; readonly error: AppError };

type Fetch = (request: { readonly analysedAt: string }) => Promise<Result<{ readonly analysedAt: string; readonly rows: readonly FigureRow[] }>>;

let last: { readonly key: string; readonly rows: Promise<Result<readonly FigureRow[]>> } | null = null;

/**
 * The figure rows of one snapshot: one request per snapshot however many parts ask (a failed
 * request is made again on the next ask). No request when the snapshot counts no figures.
 */
export function figureRowsOf(snapshot: AnalysisSnapshot, fetch: Fetch = (r) => getApi().getFigures(r)): Promise<Result<readonly FigureRow[]>> {
  if (snapshot.details.figureCount === 0) return Promise.resolve(ok([]));
  const key = `${snapshot.folder.path}\u0000${snapshot.analysedAt}`;
  if (last?.key === key) return last.rows;
  const rows: Promise<Result<readonly FigureRow[]>> = fetch({ analysedAt: snapshot.analysedAt }).then(
    (r) => {
      if (r.ok) return ok(r.value.rows);
      if (last?.rows === rows) last = null;
      return r;
    },
    (err: unknown) => {
      if (last?.rows === rows) last = null;
      throw err;
    },
  );
  last = { key, rows };
  return rows;
}

/** The rows when they are there, else null (still loading, or failed). */
export function readyRows(state: FigureRowsState): readonly FigureRow[] | null {
  return state.kind === 'ready' ? state.rows : null;
}
