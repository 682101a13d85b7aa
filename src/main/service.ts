/**
 * The application service behind the contract: the same object answers the Electron IPC
 * handlers and the browser-mode HTTP server. Side effects (dialogs, the shell) come in as
 * small functions so this module is tested without Electron.
 */
import type { Handlers } from '../shared/contract';
import type { AnalysisSnapshot, Progress } from '../shared/model';
import { CodedError, fail, ok, toFailure, type Result } from '../shared/result';
import type { Analysis, AnalyzeOptions } from './engine';

export interface ServiceDeps {
  readonly seedsDir: string;
  readonly analyze: (folder: string, options: AnalyzeOptions) => Promise<Analysis>;
  /** Opens a native folder picker; null when the user cancels. Absent where there is none. */
  readonly chooseFolder?: () => Promise<string | null>;
  /** Opens an already validated https URL in the user's browser. Absent where there is none. */
  readonly openExternal?: (url: string) => Promise<void>;
  readonly log?: (message: string) => void;
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

export function createService(deps: ServiceDeps): Service {
  const listeners = new Set<(progress: Progress) => void>();
  let current: Analysis | null = null;
  let running: AbortController | null = null;

  const emit = (progress: Progress): void => {
    for (const listener of listeners) listener(progress);
  };

  async function open(folder: string, isSeeds = false): Promise<Result<AnalysisSnapshot>> {
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
      current = analysis;
      const { snapshot } = analysis;
      // "done" is emitted only once the snapshot is current, so a listener can fetch it.
      emit({ phase: 'done', done: snapshot.articles.length, total: snapshot.articles.length, folder: snapshot.folder.path });
      return ok(snapshot);
    } catch (err) {
      if (!(err instanceof CodedError)) deps.log?.(`analysis failed: ${String(err)}`);
      emit({ phase: 'failed', done: 0, total: 0, folder });
      return toFailure(err);
    } finally {
      if (running === controller) running = null;
    }
  }

  const handlers: Handlers = {
    async getAnalysis() {
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
