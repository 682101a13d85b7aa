/**
 * The renderer's only way to reach the engine. In the desktop app the preload exposes the
 * contract on `window.framescope`; in browser mode the same verbs go over HTTP with this run's
 * token. Nothing else in the renderer knows which transport is in use.
 */
import { TOKEN_HEADER, type FramescopeApi, type InvokeMethod } from '../../../shared/contract';
import type { Progress } from '../../../shared/model';
import { fail, type Result } from '../../../shared/result';

declare global {
  interface Window {
    readonly framescope?: FramescopeApi;
  }
}

const TOKEN_KEY = 'framescope.token';

/** Takes the token from the URL fragment once, then keeps it for reloads of this tab. */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    const rest = location.hash.replace(/(?:^#|&)token=[A-Za-z0-9_-]+/, '').replace(/^&/, '');
    history.replaceState(null, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return match[1];
  }
  return storage.getItem(TOKEN_KEY);
}

export function createHttpClient(token: string | null, fetchImpl: typeof fetch = fetch): FramescopeApi {
  async function call(method: InvokeMethod, payload?: unknown): Promise<Result<never>> {
    if (!token) return fail('E_UNAUTHORIZED', 'Open the address Framescope printed when it started: it carries the session token.');
    try {
      const res = await fetchImpl(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(payload === undefined ? {} : { payload }),
      });
      return (await res.json()) as Result<never>;
    } catch {
      return fail('E_INTERNAL', 'Lost contact with the Framescope server. Is it still running?');
    }
  }
  const listeners = new Set<(p: Progress) => void>();
  let source: EventSource | null = null;
  return {
    getAnalysis: () => call('getAnalysis'),
    getArticle: (request) => call('getArticle', request),
    getEvidence: (request) => call('getEvidence', request),
    getEventTables: (request) => call('getEventTables', request),
    getFigures: (request) => call('getFigures', request),
    openFolder: () => call('openFolder'),
    openSeeds: () => call('openSeeds'),
    openExternal: (request) => call('openExternal', request),
    saveCorrections: (request) => call('saveCorrections', request),
    // In browser mode the reply carries the file itself (`download`); the page saves it.
    saveExport: (request) => call('saveExport', request),
    exportPdf: (request) => call('exportPdf', request),
    exportData: (request) => call('exportData', request),
    onProgress(listener) {
      listeners.add(listener);
      if (!source && token) {
        source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
        source.addEventListener('progress', (e) => {
          const progress = JSON.parse((e as MessageEvent<string>).data) as Progress;
          for (const l of listeners) l(progress);
        });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  } satisfies FramescopeApi;
}

let api: FramescopeApi | null = null;

/** The contract, over whichever transport this window has. */
export function getApi(): FramescopeApi {
  if (!api) {
    api = window.framescope ?? createHttpClient(takeToken(window.location, window.sessionStorage, window.history));
  }
  return api;
}

