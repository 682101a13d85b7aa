/**
 * The one contract between the renderer and the main process.
 *
 * Everything the renderer may ask for is a method here. The preload object `satisfies`
 * `FramescopeApi`, the main process registers one handler per entry of `INVOKE_METHODS` (a
 * handler table typed from this file, so a missing handler fails `typecheck`), and the
 * browser-mode server exposes the same methods as JSON over HTTP.
 */
import type { EventTables } from './events';
import type { ArticleView, EvidencePage } from './evidence';
import type { FigureRows } from './figures';
import type { ExportDataRequest, ExportPdfRequest, SaveExportOutcome, SaveExportRequest } from './exporting';
import type { AnalysisSnapshot, Progress } from './model';
import type { Result } from './result';

/**
 * Every method the renderer may invoke. The payload schemas live in `schemas.ts` (zod), which
 * only the main process loads: the sandboxed preload cannot require packages.
 */
export const INVOKE_METHODS = [
  'getAnalysis',
  'getArticle',
  'getEvidence',
  'getEventTables',
  'getFigures',
  'openFolder',
  'openSeeds',
  'openExternal',
  'saveCorrections',
  'saveExport',
  'exportPdf',
  'exportData',
] as const;
export type InvokeMethod = (typeof INVOKE_METHODS)[number];

/** Request payload per method (`undefined` for methods that take none). */
export interface RequestMap {
  getAnalysis: undefined;
  getArticle: { readonly id: string };
  /** The evidence behind one mark, a page at a time. */
  getEvidence: { readonly key: string; readonly offset?: number | undefined; readonly limit?: number | undefined };
  /** One event's tables, when the user picks the event. */
  getEventTables: { readonly eventId: string };
  /**
   * The cited casualty figures of the snapshot the renderer holds (named by its `analysedAt`):
   * all of them, or the page of `limit` rows from `offset` (the dashboard reads a large folder's
   * rows a page per request, so no single reply takes long to read). E_STALE when another analysis
   * has replaced the snapshot since.
   */
  getFigures: { readonly analysedAt: string; readonly offset?: number | undefined; readonly limit?: number | undefined };
  openFolder: undefined;
  openSeeds: undefined;
  openExternal: { readonly url: string };
  /** The user's corrections, saved to the open folder's manifest (the only write in an article folder). */
  saveCorrections: Corrections;
  /** A file the renderer made (chart SVG/PNG, HTML report): asks where to save it (desktop) or returns it to download (browser). */
  saveExport: SaveExportRequest;
  /** The report HTML printed to PDF by the main process, then saved or returned like saveExport. */
  exportPdf: ExportPdfRequest;
  /** The open analysis's data tables as CSV (one table) or JSON (every table). */
  exportData: ExportDataRequest;
}

/** One article's corrections: a string sets the field, null removes it (back to inference), absent leaves it. */
export interface ArticleCorrection {
  readonly id: string;
  readonly outlet?: string | null | undefined;
  readonly title?: string | null | undefined;
  readonly date?: string | null | undefined;
  readonly event?: string | null | undefined;
}

export interface Corrections {
  /** Renames an outlet everywhere; renaming to an existing outlet's name merges the two. */
  readonly renameOutlets?: readonly { readonly from: string; readonly to: string }[] | undefined;
  readonly articles?: readonly ArticleCorrection[] | undefined;
  /** Names events (a null name removes the user's name). */
  readonly events?: readonly { readonly id: string; readonly name: string | null }[] | undefined;
}

export interface CorrectionsOutcome {
  readonly snapshot: AnalysisSnapshot;
  /** The manifest file written, relative to the folder. */
  readonly file: string;
  /** Corrections that put every changed field back as it was: what Undo sends. */
  readonly undo: Corrections;
}
export type RequestOf<M extends InvokeMethod> = RequestMap[M];

export interface OpenFolderOutcome {
  /** False when the user closed the dialog without choosing. */
  readonly opened: boolean;
  readonly snapshot: AnalysisSnapshot | null;
}

/** Reply value per method (inside the result envelope). */
export interface ResponseMap {
  getAnalysis: AnalysisSnapshot;
  getArticle: ArticleView;
  getEvidence: EvidencePage;
  getEventTables: EventTables;
  getFigures: FigureRows;
  openFolder: OpenFolderOutcome;
  openSeeds: AnalysisSnapshot;
  openExternal: { readonly opened: boolean };
  saveCorrections: CorrectionsOutcome;
  saveExport: SaveExportOutcome;
  exportPdf: SaveExportOutcome;
  exportData: SaveExportOutcome;
}

/** Events pushed from main to the renderer. */
export interface EventMap {
  progress: Progress;
}
export type EventName = keyof EventMap;
export const EVENT_NAMES = ['progress'] as const satisfies readonly EventName[];

/** What `window.framescope` offers, and what the HTTP client implements in browser mode. */
export interface FramescopeApi {
  getAnalysis(): Promise<Result<ResponseMap['getAnalysis']>>;
  getArticle(request: RequestOf<'getArticle'>): Promise<Result<ResponseMap['getArticle']>>;
  getEvidence(request: RequestOf<'getEvidence'>): Promise<Result<ResponseMap['getEvidence']>>;
  getEventTables(request: RequestOf<'getEventTables'>): Promise<Result<ResponseMap['getEventTables']>>;
  getFigures(request: RequestOf<'getFigures'>): Promise<Result<ResponseMap['getFigures']>>;
  openFolder(): Promise<Result<ResponseMap['openFolder']>>;
  openSeeds(): Promise<Result<ResponseMap['openSeeds']>>;
  openExternal(request: RequestOf<'openExternal'>): Promise<Result<ResponseMap['openExternal']>>;
  saveCorrections(request: RequestOf<'saveCorrections'>): Promise<Result<ResponseMap['saveCorrections']>>;
  saveExport(request: RequestOf<'saveExport'>): Promise<Result<ResponseMap['saveExport']>>;
  exportPdf(request: RequestOf<'exportPdf'>): Promise<Result<ResponseMap['exportPdf']>>;
  exportData(request: RequestOf<'exportData'>): Promise<Result<ResponseMap['exportData']>>;
  onProgress(listener: (progress: Progress) => void): () => void;
}

/** Every verb the renderer sees: the invoke methods plus one subscription per event. */
export const API_VERBS = [...INVOKE_METHODS, 'onProgress'] as const;

/** Compile-time proof that the verb list and the interface agree. */
type VerbsMatch = Exclude<keyof FramescopeApi, (typeof API_VERBS)[number]> extends never
  ? true
  : never;
export const VERBS_MATCH: VerbsMatch = true;
type MethodsInApi = InvokeMethod extends keyof FramescopeApi ? true : never;
export const METHODS_IN_API: MethodsInApi = true;

export const IPC_PREFIX = 'framescope:';
export function invokeChannel(method: InvokeMethod): string {
  return `${IPC_PREFIX}invoke:${method}`;
}
export function eventChannel(name: EventName): string {
  return `${IPC_PREFIX}event:${name}`;
}

/** Handler table the main process (and the browser server) must provide: one per method. */
export type Handlers = {
  readonly [M in InvokeMethod]: (request: RequestOf<M>) => Promise<Result<ResponseMap[M]>>;
};

type MapsCoverMethods = [Exclude<InvokeMethod, keyof RequestMap | keyof ResponseMap>, Exclude<keyof RequestMap | keyof ResponseMap, InvokeMethod>] extends [never, never]
  ? true
  : never;
export const MAPS_COVER_METHODS: MapsCoverMethods = true;

/** Header carrying the browser-mode session token. */
export const TOKEN_HEADER = 'x-framescope-token';
