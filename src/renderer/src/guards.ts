/**
 * Defence in depth inside the page, matching what the Electron main process enforces for the
 * window: no new windows, no navigation away from the dashboard, no files dropped onto the page
 * replacing it. External https links go through the contract's openExternal after the click; the
 * only link followed in the page is the download of a file the page made (a same-origin blob:).
 */
import type { FramescopeApi } from '../../shared/contract';

export function installNavigationGuards(win: Window, api: () => FramescopeApi): void {
  Object.defineProperty(win, 'open', { value: () => null, writable: false, configurable: false });

  win.document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(target instanceof HTMLAnchorElement)) return;
      const href = target.getAttribute('href') ?? '';
      if (href.startsWith('#')) return; // in-page views keep their state in the fragment
      // A file the page made itself (browser-mode exports): a download, not a navigation.
      if (target.hasAttribute('download') && href.startsWith(`blob:${win.location.origin}/`)) return;
      event.preventDefault();
      let url: URL;
      try {
        url = new URL(href, win.location.href);
      } catch {
        return;
      }
      if (url.protocol === 'https:') void api().openExternal({ url: url.toString() }); // eng-disable OPEN_EXTERNAL_JS_CHECK — a contract call after a user click; main re-validates with parseExternalUrl
    },
    true,
  );

  for (const type of ['dragover', 'drop'] as const) {
    win.addEventListener(type, (event) => event.preventDefault());
  }
}
