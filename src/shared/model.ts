/**
 * The data model shared by the engine, the main process and the renderer. Plain data only: it
 * crosses IPC and HTTP as JSON.
 */
import type { MetricTable } from './comparison';

/** Where a metadata field came from, best first. */
export type FieldSource = 'manifest' | 'front-matter' | 'text' | 'file' | 'unknown';

export interface SourcedField<T> {
  readonly value: T;
  readonly source: FieldSource;
  /** Why the value was chosen, shown to the user next to the field. */
  readonly note?: string;
}

/** A problem with one file of a folder; the rest of the folder still loads. */
export interface FileProblem {
  readonly file: string;
  readonly code: FileProblemCode;
  readonly message: string;
}

export type FileProblemCode =
  | 'unreadable'
  | 'not-text'
  | 'empty'
  | 'too-large'
  | 'unsupported-type'
  | 'manifest-entry-missing-file'
  | 'manifest-invalid';

export interface ArticleSummary {
  /** sha256 of the file's bytes, hex: the article's identity. */
  readonly id: string;
  /** Path relative to the folder, with forward slashes. */
  readonly file: string;
  readonly outlet: SourcedField<string | null>;
  readonly title: SourcedField<string | null>;
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  readonly date: SourcedField<string | null>;
  readonly wordCount: number;
  readonly characters: number;
  readonly warnings: readonly string[];
}

export interface OutletSummary {
  readonly name: string;
  readonly articleIds: readonly string[];
  readonly wordCount: number;
}

export interface FolderInfo {
  readonly path: string;
  readonly name: string;
  /** True when this is the sample folder bundled with the app. */
  readonly isSeeds: boolean;
}

/** The comparison across the whole folder (per-event comparisons come from the events layer). */
export interface ComparisonSummary {
  readonly tables: readonly MetricTable[];
  /** Lexicon packs used, as id@version, for source notes and exports. */
  readonly lexicons: readonly string[];
}

export interface AnalysisSnapshot {
  readonly folder: FolderInfo;
  readonly articles: readonly ArticleSummary[];
  readonly outlets: readonly OutletSummary[];
  readonly problems: readonly FileProblem[];
  readonly comparison: ComparisonSummary;
  readonly engineVersion: string;
  /** ISO timestamp of when the analysis finished. */
  readonly analysedAt: string;
}

export type ProgressPhase = 'listing' | 'reading' | 'analysing' | 'done' | 'failed';

export interface Progress {
  readonly phase: ProgressPhase;
  readonly done: number;
  readonly total: number;
  /** The file being worked on, relative to the folder. */
  readonly current?: string;
  readonly folder: string;
  /** Estimated seconds left while analysing. */
  readonly etaSeconds?: number;
}
