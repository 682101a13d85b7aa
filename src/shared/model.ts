/**
 * The data model shared by the engine, the main process and the renderer. Plain data only: it
 * crosses IPC and HTTP as JSON.
 */
import type { Comparison } from './events';
import type { FigureRow, VoiceShare } from './figures';
import type { ToneDistribution } from './framing';

/** Where a metadata field came from, best first. */
export type FieldSource = 'manifest' | 'front-matter' | 'text' | 'file' | 'unknown';

export interface SourcedField<T> {
  readonly value: T;
  readonly source: FieldSource;
  /** Why the value was chosen, shown to the user next to the field. */
  readonly note?: string;
  /** How sure an inference from the text is (only for source "text"). */
  readonly confidence?: 'high' | 'medium' | 'low';
}

/** A problem with one file of a folder; the rest of the folder still loads. */
export interface FileProblem {
  readonly file: string;
  readonly code: FileProblemCode;
  readonly message: string;
  /**
   * "skipped" (the default when absent): the file is not analysed. "warning": it is analysed,
   * with a caveat the user should see (not English, a duplicate kept on request, …).
   */
  readonly severity?: 'skipped' | 'warning';
}

export type FileProblemCode =
  | 'unreadable'
  | 'not-text'
  | 'empty'
  | 'too-large'
  | 'unsupported-type'
  | 'manifest-entry-missing-file'
  | 'manifest-invalid'
  | 'permission-denied'
  | 'symlink-loop'
  | 'only-clutter'
  | 'changed-while-loading'
  | 'deleted-while-loading'
  | 'duplicate'
  | 'near-duplicate'
  | 'non-english'
  | 'front-matter-invalid'
  | 'no-article-found'
  | 'lexicon-invalid';

/** Another article this one repeats: the same bytes, or nearly the same text (syndication). */
export interface DuplicateRef {
  readonly id: string;
  readonly file: string;
  readonly kind: 'exact' | 'near';
  /** Jaccard similarity of the two texts' sets of word 5-shingles (1 for exact copies). */
  readonly similarity: number;
}

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
  /** The file's format as read. */
  readonly format?: 'txt' | 'md' | 'html';
  /** The text encoding the bytes were decoded from, e.g. "UTF-8", "UTF-16LE (BOM)", "windows-1252". */
  readonly encoding?: string;
  /** ISO 639-1 language guess ("en", "fr", …, "other", "und"), from stopword shares. */
  readonly language?: { readonly code: string; readonly score: number };
  readonly url?: SourcedField<string | null>;
  /** The event the user assigned this article to (manifest or front matter); null: grouped automatically. */
  readonly event?: SourcedField<string | null>;
  /** Characters of the text inside excluded (page clutter) ranges. */
  readonly excludedCharacters?: number;
  /** Set when this article repeats an earlier one; it is then counted once unless kept on request. */
  readonly duplicateOf?: DuplicateRef;
  /** Files whose text repeats this article's (skipped unless kept on request). */
  readonly duplicates?: readonly DuplicateRef[];
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

/** What the charts need beyond the outlet × metric tables: records and distributions. */
export interface ComparisonDetails {
  /** Every cited casualty figure, for the figures table and the timeline. */
  readonly figures: readonly FigureRow[];
  /** Article tone per outlet, for the strip and box plot. */
  readonly tone: readonly ToneDistribution[];
  /** Quoted words per actor group per outlet, absences included. */
  readonly voices: readonly VoiceShare[];
  /** Lexicon packs and reference series used, as id@version, for source notes and exports. */
  readonly lexicons: readonly string[];
}

export interface AnalysisSnapshot {
  readonly folder: FolderInfo;
  readonly articles: readonly ArticleSummary[];
  readonly outlets: readonly OutletSummary[];
  readonly problems: readonly FileProblem[];
  /** The comparison across the whole folder, with per-event tables, events and omissions. */
  readonly comparison: Comparison;
  readonly details: ComparisonDetails;
  readonly engineVersion: string;
  /** ISO timestamp of when the analysis finished. */
  readonly analysedAt: string;
}

/** 'comparing': every article is analysed; events are being grouped and outlets compared. */
export type ProgressPhase = 'listing' | 'reading' | 'analysing' | 'comparing' | 'done' | 'failed';

export interface Progress {
  readonly phase: ProgressPhase;
  readonly done: number;
  readonly total: number;
  /** The file being worked on, relative to the folder. */
  readonly current?: string;
  readonly folder: string;
  /** Estimated seconds left while analysing. */
  readonly etaSeconds?: number;
  /** With "done": the finished snapshot's `analysedAt`, so a page that already holds it need not fetch it again. */
  readonly analysedAt?: string;
}
