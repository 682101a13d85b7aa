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

export type FetchFigures = (request: { readonly analysedAt: string; readonly offset: number; readonly limit: number }) => Promise<Result<FigureRows>>;

/**
 * Rows asked for per request. Reading a reply is one task on the page's main thread: at about
 * 700 bytes a row, 2,000 rows keep each one short, where a large folder's 37,000 rows in one
 * reply (27 MB) held the page for over a second.
 */
export const FIGURE_PAGE = 2000;

/** Lets the page draw and answer input between two pages. */
const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, 0);
  });

/** Every row, a page per request in order; the first refusal ends it. */
async function allPages(analysedAt: string, fetch: FetchFigures): Promise<Result<readonly FigureRow[]>> {
  const rows: FigureRow[] = [];
  for (;;) {
    const page = await fetch({ analysedAt, offset: rows.length, limit: FIGURE_PAGE });
    if (!page.ok) return page;
    for (const r of page.value.rows) rows.push(r);
    if (page.value.rows.length === 0 || rows.length >= page.value.total) return ok(rows);
    await nextTask();
  }
}

let last: { readonly key: string; readonly rows: Promise<Result<readonly FigureRow[]>> } | null = null;

/**
 * The figure rows of one snapshot: read once per snapshot, a page per request (a failed read is
 * made again on the next ask), not at all when the snapshot counts no figures.
 */
export function cachedFigureRows(snapshot: AnalysisSnapshot, fetch: FetchFigures): Promise<Result<readonly FigureRow[]>> {
  if (snapshot.details.figureCount === 0) return Promise.resolve(ok([]));
  const key = `${snapshot.folder.path}\u0000${snapshot.analysedAt}`;
  if (last?.key === key) return last.rows;
  const rows: Promise<Result<readonly FigureRow[]>> = allPages(snapshot.analysedAt, fetch).then(
    (r) => {
      if (r.ok) return r;
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
