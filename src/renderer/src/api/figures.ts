/**
 * The casualty-figure rows of the analysis on screen. The snapshot carries only their count (at
 * 10,000 articles the rows are most of its bytes), so they are fetched once per snapshot after
 * the first screen and shared by the Figures view, the findings and the exports.
 */
import type { FigureRow } from '../../../shared/figures';
import type { AnalysisSnapshot } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { getApi } from './client';
import { cachedFigureRows } from './figureRows';

export { readyRows, type FigureRowsState } from './figureRows';

/** The figure rows of `snapshot`, through the contract's `getFigures`. */
export function figureRowsOf(snapshot: AnalysisSnapshot): Promise<Result<readonly FigureRow[]>> {
  return cachedFigureRows(snapshot, (request) => getApi().getFigures(request));
}
