/** Result slots of the figures components. */
import { slot } from '../pipeline';
import type { FigureFinding } from './extract';

/** Figures as found, before the reference check. */
export const FIGURE_MENTIONS = slot<readonly FigureFinding[]>('figure-mentions');
/** Figures with their reference check (null check when no series applies). */
export const FIGURES = slot<readonly FigureFinding[]>('figures');
