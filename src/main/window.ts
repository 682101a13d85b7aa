/**
 * The one factory for Framescope windows and the hardening applied to every web contents.
 * Electron classes come in as parameters (type-only imports), so tests use small fakes and
 * never load the real `electron` module.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/**
 * Web preferences for every window. Each line is an item of Electron's security checklist;
 * `test/unit/window.test.ts` fails if one of them changes.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

export interface WindowOptions {
  readonly preloadPath: string;
  readonly title?: string;
}

export type BrowserWindowCtor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function windowOptions(options: WindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: options.title ?? 'Framescope',
    backgroundColor: '#ffffff',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preloadPath },
  };
}

export function createMainWindow(Ctor: BrowserWindowCtor, options: WindowOptions): BrowserWindow {
  const win = new Ctor(windowOptions(options));
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  return win;
}

/** A window that is never shown (the PDF printer's), hardened like every other. */
export function createHiddenWindow(Ctor: BrowserWindowCtor, options: BrowserWindowConstructorOptions): BrowserWindow {
  const win = new Ctor({ ...options, show: false });
  hardenWebContents(win.webContents);
  return win;
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Blocks navigation, redirects, new windows and `<webview>` for one web contents. */
export function hardenWebContents(contents: HardenableContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/** Denies every permission request and check (camera, notifications, geolocation, …). */
export function denyAllPermissions(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
