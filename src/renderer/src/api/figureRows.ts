/**
 * The casualty-figure rows of one snapshot, asked for once however many parts of the page want
 * them. Pure (the request comes in as a function), so it is tested without a browser.
 */
import type { FigureRow, FigureRows } from '../../../shared/figures';
import type { AnalysisSnapshot } from '../../../shared/model';
import { ok, type AppError, type Result } from '../../../shared/result';

/** What a view shows of the figure rows: still on their way, there, or why they could not be read. */
export type FigureRowsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly rows: readonly FigureRow[] }
  | { readonly kind: 'error'; readonly error: AppError };

export type FetchFigures = (request: { readonly analysedAt: string }) => Promise<Result<FigureRows>>;

let last: { readonly key: string; readonly rows: Promise<Result<readonly FigureRow[]>> } | null = null;

/**
 * The figure rows of one snapshot: one request per snapshot (a failed request is made again on
 * the next ask), none when the snapshot counts no figures.
 */
export function cachedFigureRows(snapshot: AnalysisSnapshot, fetch: FetchFigures): Promise<Result<readonly FigureRow[]>> {
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
