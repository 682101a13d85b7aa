/**
 * The application service behind the contract: the same object answers the Electron IPC
 * handlers and the browser-mode HTTP server. Side effects (dialogs, the shell) come in as
 * small functions so this module is tested without Electron.
 */
import type { ArticleCorrection, Corrections, CorrectionsOutcome, Handlers } from '../shared/contract';
import type { ManifestEdits } from './engine/ingest/saveManifest';
import type { AnalysisSnapshot, Progress, SourcedField } from '../shared/model';
import { CodedError, fail, ok, toFailure, type Result } from '../shared/result';
import type { Analysis, AnalyzeOptions } from './engine';
import { MIME_TYPES, safeFileName, type ExportFormat, type SaveExportOutcome } from '../shared/exporting';
import { knownJson, rememberJson } from './knownJson';

/** Where an export went: the file the user chose, or nothing when they closed the dialog. */
export interface SavedFile {
  readonly saved: boolean;
  readonly file?: string | undefined;
}

export interface ServiceDeps {
  readonly seedsDir: string;
  readonly analyze: (folder: string, options: AnalyzeOptions) => Promise<Analysis>;
  /** Opens a native folder picker; null when the user cancels. Absent where there is none. */
  readonly chooseFolder?: () => Promise<string | null>;
  /** Opens an already validated https URL in the user's browser. Absent where there is none. */
  readonly openExternal?: (url: string) => Promise<void>;
  readonly log?: (message: string) => void;
  /**
   * Watches an opened folder (not the samples) and calls back when its files change, so the
   * dashboard follows edits made outside Framescope; `onReady` once changes from then on are
   * reported. Returns a function that stops watching.
   */
  readonly watch?: (folder: string, onChange: (changed: readonly string[]) => void, onReady?: () => void) => () => Promise<void>;
  /** How long after an open the watching starts, in ms (default `WATCH_DELAY_MS`). */
  readonly watchDelayMs?: number;
  /** Writes corrections to a folder's manifest (the only write into an article folder); the engine's by default. */
  readonly saveManifest?: (folder: string, edits: ManifestEdits) => Promise<{ readonly file: string }>;
  /**
   * Asks where to save an export (a native save dialog proposing `suggestedName`, already
   * sanitised) and writes it atomically. Absent in browser mode: the reply then carries the file
   * for the browser's own download.
   */
  readonly saveFile?: (suggestedName: string, format: ExportFormat, bytes: Uint8Array) => Promise<SavedFile>;
  /** Prints self-contained report HTML to PDF (hidden Electron window, or headless Chromium). */
  readonly renderPdf?: (html: string) => Promise<Uint8Array>;
}

function definedOnly<T extends object>(fields: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export interface Service {
  readonly handlers: Handlers;
  /** Opens a folder named outside the renderer (command line, drag-and-drop via main). */
  open(folder: string): Promise<Result<AnalysisSnapshot>>;
  onProgress(listener: (progress: Progress) => void): () => void;
}

/** Parses a link the renderer wants opened: only absolute https URLs pass. */
export function parseExternalUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  return url;
}

/**
 * The watcher starts this long after a folder is opened: its first scan (a stat of every file,
 * about a second of CPU at 10,000 articles) would otherwise compete with sending the first
 * screen and the casualty-figure rows. Changes made in between are caught when it is ready, by
 * comparing the folder with what was analysed (`Analysis.changedOnDisk`).
 */
export const WATCH_DELAY_MS = 2000;

export function createService(deps: ServiceDeps): Service {
  const listeners = new Set<(progress: Progress) => void>();
  let current: Analysis | null = null;
  let running: AbortController | null = null;
  let stopWatching: (() => Promise<void>) | null = null;
  // A change seen while an analysis runs is picked up right after it, never by cancelling it.
  let refreshPending = false;

  const emit = (progress: Progress): void => {
    for (const listener of listeners) listener(progress);
  };

  // The open in progress, so a request for the analysis waits for it instead of starting another.
  let pending: Promise<Result<AnalysisSnapshot>> | null = null;

  function open(folder: string, isSeeds = false): Promise<Result<AnalysisSnapshot>> {
    const started = run(folder, isSeeds);
    pending = started;
    void started.finally(() => {
      if (pending === started) pending = null;
    });
    return started;
  }

  async function run(folder: string, isSeeds: boolean): Promise<Result<AnalysisSnapshot>> {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    try {
      const analysis = await deps.analyze(folder, {
        isSeeds,
        signal: controller.signal,
        onProgress: (p) => {
          if (!controller.signal.aborted) emit(p);
        },
      });
      if (controller.signal.aborted) {
        return fail('E_CANCELLED', 'Another folder was opened before this one finished.');
      }
      const watchedBefore = current?.snapshot.folder.path;
      current = analysis;
      const { snapshot } = analysis;
      if (deps.watch && watchedBefore !== snapshot.folder.path) {
        void stopWatching?.();
        stopWatching = isSeeds ? null : watchLater(snapshot.folder.path, deps.watch);
      }
      // "done" is emitted only once the snapshot is current, so a listener can fetch it.
      emit({ phase: 'done', done: snapshot.articles.length, total: snapshot.articles.length, folder: snapshot.folder.path, analysedAt: snapshot.analysedAt });
      return ok(snapshot);
    } catch (err) {
      if (!(err instanceof CodedError)) deps.log?.(`analysis failed: ${String(err)}`);
      emit({ phase: 'failed', done: 0, total: 0, folder });
      return toFailure(err);
    } finally {
      if (running === controller) running = null;
      if (refreshPending && running === null && current) {
        refreshPending = false;
        void open(current.snapshot.folder.path, false);
      }
    }
  }

  /** Analyses the open folder again after a change seen outside Framescope (after the analysis under way, if any). */
  function refresh(folder: string): void {
    if (current?.snapshot.folder.path !== folder) return;
    if (running) refreshPending = true;
    else void open(folder, false);
  }

  /** Starts watching `folder` after `WATCH_DELAY_MS`; returns a function that stops it (or cancels the start). */
  function watchLater(folder: string, watch: NonNullable<ServiceDeps['watch']>): () => Promise<void> {
    let stop: (() => Promise<void>) | null = null;
    const timer = setTimeout(() => {
      stop = watch(
        folder,
        (changed) => {
          deps.log?.(`files changed in ${folder}: ${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', …' : ''}; analysing again`);
          refresh(folder);
        },
        () => {
          const analysis = current;
          if (analysis?.snapshot.folder.path !== folder || !analysis.changedOnDisk) return;
          void analysis.changedOnDisk().then((changed) => {
            if (!changed || current !== analysis) return;
            deps.log?.(`files changed in ${folder} while it was being opened; analysing again`);
            refresh(folder);
          });
        },
      );
    }, deps.watchDelayMs ?? WATCH_DELAY_MS);
    timer.unref();
    return async () => {
      clearTimeout(timer);
      await stop?.();
    };
  }

  /** Saves corrections to the folder's manifest, re-opens it (cached: only metadata changes) and says how to undo. */
  async function saveCorrections(edits: Corrections): Promise<Result<CorrectionsOutcome>> {
    if (!current) return fail('E_NOT_READY');
    const { snapshot } = current;
    if (snapshot.folder.isSeeds) {
      return fail(
        'E_UNSUPPORTED',
        'The sample articles are read-only. Copy the seeds folder, open the copy, and your corrections will be saved in its manifest.',
      );
    }
    const byId = new Map(snapshot.articles.map((a) => [a.id, a] as const));
    const fileOf = (id: string): string => {
      const summary = byId.get(id);
      if (!summary) throw new CodedError('E_NOT_FOUND', 'An article in the corrections is not in the open folder.');
      return summary.file;
    };
    const manual = <T,>(field: SourcedField<T> | undefined): T | null => (field?.source === 'manifest' ? field.value : null);
    const undoArticles = new Map<string, ArticleCorrection>();
    const remember = (id: string, patch: Omit<ArticleCorrection, 'id'>): void => {
      undoArticles.set(id, { ...patch, ...undoArticles.get(id), id });
    };
    for (const r of edits.renameOutlets ?? []) {
      for (const a of snapshot.articles) if (a.outlet.value === r.from) remember(a.id, { outlet: manual(a.outlet) });
    }
    for (const a of edits.articles ?? []) {
      const summary = byId.get(a.id);
      if (!summary) return fail('E_NOT_FOUND', 'An article in the corrections is not in the open folder.');
      const previous: { -readonly [K in keyof Omit<ArticleCorrection, 'id'>]: string | null } = {};
      if (a.outlet !== undefined) previous.outlet = manual(summary.outlet);
      if (a.title !== undefined) previous.title = manual(summary.title);
      if (a.date !== undefined) previous.date = manual(summary.date);
      if (a.event !== undefined) previous.event = manual(summary.event);
      remember(a.id, previous);
    }
    const undoEvents = (edits.events ?? []).map((e) => {
      const event = snapshot.comparison.grouping.events.find((x) => x.id === e.id);
      return { id: e.id, name: event?.nameSource === 'user' ? event.name : null };
    });
    try {
      // The manifest writer belongs to the ingest modules, loaded only when first needed.
      const save = deps.saveManifest ?? (await import('./engine/ingest/saveManifest')).saveManifest;
      const saved = await save(snapshot.folder.path, {
        ...(edits.renameOutlets ? { renameOutlets: edits.renameOutlets } : {}),
        ...(edits.events ? { events: edits.events } : {}),
        ...(edits.articles
          ? { articles: edits.articles.map(({ id, ...fields }) => ({ file: fileOf(id), ...definedOnly(fields) })) }
          : {}),
      });
      const reopened = await open(snapshot.folder.path, false);
      if (!reopened.ok) return reopened;
      return ok({
        snapshot: reopened.value,
        file: saved.file,
        undo: { articles: [...undoArticles.values()], ...(undoEvents.length ? { events: undoEvents } : {}) },
      });
    } catch (err) {
      return toFailure(err);
    }
  }

  /** Saves an export through the dialog (desktop) or hands it back to download (browser mode). */
  async function deliver(suggestedName: string, format: ExportFormat, bytes: Uint8Array): Promise<Result<SaveExportOutcome>> {
    const name = safeFileName(suggestedName, format);
    try {
      if (deps.saveFile) {
        const saved = await deps.saveFile(name, format, bytes);
        return ok(saved.saved ? { saved: true, file: saved.file } : { saved: false });
      }
      return ok({ saved: true, download: { name, mime: MIME_TYPES[format], base64: Buffer.from(bytes).toString('base64') } });
    } catch (err) {
      if (!(err instanceof CodedError)) deps.log?.(`export failed: ${String(err)}`);
      return err instanceof CodedError ? toFailure(err) : fail('E_EXPORT_FAILED', `The export could not be saved (${String(err).slice(0, 200)}); nothing was written.`);
    }
  }

  const handlers: Handlers = {
    async saveExport({ suggestedName, format, content }) {
      const bytes = content.kind === 'text' ? Buffer.from(content.text, 'utf8') : Buffer.from(content.base64, 'base64');
      return deliver(suggestedName, format, bytes);
    },
    async exportPdf({ suggestedName, html }) {
      if (!deps.renderPdf) return fail('E_UNSUPPORTED', 'Printing to PDF is not available here.');
      let pdf: Uint8Array;
      try {
        pdf = await deps.renderPdf(html);
      } catch (err) {
        if (err instanceof CodedError) return toFailure(err);
        deps.log?.(`PDF printing failed: ${String(err)}`);
        return fail('E_EXPORT_FAILED', `The report could not be printed to PDF (${String(err).slice(0, 200)}); nothing was written.`);
      }
      return deliver(suggestedName, 'pdf', pdf);
    },
    async exportData({ suggestedName, format, table }) {
      if (!current) return fail('E_NOT_READY');
      if (format === 'csv' && table === undefined) {
        return fail('E_INVALID_PAYLOAD', 'A CSV export holds one table: name it (articles, sentences, labels, …).');
      }
      let text: string;
      try {
        const { dataExportText } = await import('./export/data');
        text = await dataExportText(current, format, table);
      } catch (err) {
        return toFailure(err);
      }
      return deliver(suggestedName, format, Buffer.from(text, 'utf8'));
    },
    async getAnalysis() {
      if (pending !== null) {
        const result = await pending;
        // A cancelled open was replaced by a newer one: answer with whatever is current then.
        if (result.ok || result.error.code !== 'E_CANCELLED') return result;
        if (pending !== null) return pending;
      }
      if (current) return ok(current.snapshot);
      return open(deps.seedsDir, true);
    },
    async getArticle({ id }) {
      if (!current) return fail('E_NOT_READY');
      try {
        return ok(await current.article(id));
      } catch (err) {
        return toFailure(err);
      }
    },
    async getEvidence({ key, offset, limit }) {
      if (!current) return fail('E_NOT_READY');
      try {
        return ok(await current.evidence(key, offset, limit));
      } catch (err) {
        return toFailure(err);
      }
    },
    async getEventTables({ eventId }) {
      if (!current) return fail('E_NOT_READY');
      try {
        const tables = await current.eventTables(eventId);
        return tables ? ok({ eventId, tables }) : fail('E_NOT_FOUND', `No event ${eventId} in the open folder.`);
      } catch (err) {
        return toFailure(err);
      }
    },
    async getFigures({ analysedAt, offset, limit }) {
      if (!current) return fail('E_NOT_READY');
      const analysis = current;
      if (analysis.snapshot.analysedAt !== analysedAt) {
        return fail('E_STALE', 'The folder was analysed again since this page loaded its figures; they are being fetched again.');
      }
      try {
        const rows = await analysis.figures();
        const total = rows.length;
        if (offset !== undefined || limit !== undefined) {
          const from = Math.min(offset ?? 0, total);
          return ok({ analysedAt, rows: rows.slice(from, limit === undefined ? total : from + limit), offset: from, total });
        }
        const value = { analysedAt, rows, offset: 0, total };
        // Rows read from the folder cache keep their stored JSON: the reply is made from it.
        const json = knownJson(rows);
        if (json) {
          rememberJson(value, Buffer.concat([Buffer.from(`{"analysedAt":${JSON.stringify(analysedAt)},"offset":0,"total":${String(total)},"rows":`), json, Buffer.from('}')]));
        }
        return ok(value);
      } catch (err) {
        return toFailure(err);
      }
    },
    async openSeeds() {
      return open(deps.seedsDir, true);
    },
    async openFolder() {
      if (!deps.chooseFolder) {
        return fail(
          'E_UNSUPPORTED',
          'Choosing a folder needs the desktop window. In browser mode, start Framescope with the folder: npm start -- <folder>.',
        );
      }
      const chosen = await deps.chooseFolder();
      if (chosen === null) return ok({ opened: false, snapshot: null });
      const result = await open(chosen);
      return result.ok ? ok({ opened: true, snapshot: result.value }) : result;
    },
    saveCorrections,
    async openExternal({ url }) {
      const parsed = parseExternalUrl(url);
      if (!parsed) return fail('E_URL_REFUSED', `Refused to open “${url.slice(0, 200)}”: only https links are opened.`);
      if (!deps.openExternal) return fail('E_UNSUPPORTED', 'Opening links is handled by your browser in this mode.');
      await deps.openExternal(parsed.toString()); // eng-disable OPEN_EXTERNAL_JS_CHECK — parsed above: absolute https URL without credentials
      return ok({ opened: true });
    },
  };

  return {
    handlers,
    open: (folder) => open(folder, false),
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
