/**
 * Framing measures as the dashboard and exports see them: table ids, label connotations,
 * attribution grades, the tone distribution behind the strip/box plot, and the version stamp.
 * Plain data only (crosses IPC and HTTP as JSON).
 */

/** Ids of the framing MetricTables (see src/main/engine/measures/aggregate.ts). */
export const FRAMING_TABLES = {
  /** Mean article tone per outlet with its five-number summary. */
  tone: 'tone',
  /** Mean tone of the sentences mentioning each actor group (columns = actor group ids). */
  toneByActor: 'tone-by-actor',
  /** One table per referent: `labels:<referent id>`; columns `<label id>` (own) and `<label id>:quoted`. */
  labelsPrefix: 'labels:',
  /** Counts per source × grade (`<source key>/<grade>`) and per grade (`grade:<grade>`). */
  attribution: 'attribution',
  /** Intensifiers, hedges and scare quotes per 1,000 words. */
  cues: 'cues',
  /** Top distinctive terms per outlet, columns "1".."N", value = z-score, note = the term. */
  distinctive: 'distinctive',
} as const;

export const TONE_COLUMNS = ['mean', 'sd', 'min', 'q1', 'median', 'q3', 'max'] as const;
export type ToneColumn = (typeof TONE_COLUMNS)[number];

export const ATTRIBUTION_GRADES = ['neutral', 'distancing', 'endorsing'] as const;
export type AttributionGrade = (typeof ATTRIBUTION_GRADES)[number];

export const CONNOTATIONS = [
  'neutral',
  'unlabelled',
  'delegitimising',
  'condemnatory',
  'legitimising',
  'minimising',
  'intensifying',
  'sympathetic',
] as const;
export type Connotation = (typeof CONNOTATIONS)[number];

/** One article's tone, a point of the strip plot. */
export interface TonePoint {
  readonly articleId: string;
  readonly title: string | null;
  /** Mean comparative AFINN score of the article's sentences. */
  readonly value: number;
}

/** Distribution of article tones for one outlet: a box plot plus its points. */
export interface ToneDistribution {
  readonly outlet: string;
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly min: number | null;
  readonly q1: number | null;
  readonly median: number | null;
  readonly q3: number | null;
  readonly max: number | null;
  readonly points: readonly TonePoint[];
}

/** What produced the framing figures: shown on every export. */
export interface FramingStamp {
  readonly engineVersion: string;
  /** "id@version" of every lexicon used, e.g. "referents@1.0.0", "afinn-165@sentiment-5.0.2". */
  readonly packs: readonly string[];
}
