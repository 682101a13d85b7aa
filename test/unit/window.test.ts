import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { SECURE_WEB_PREFERENCES, createMainWindow, denyAllPermissions, hardenWebContents, windowOptions } from '../../src/main/window';
import { buildMenuTemplate } from '../../src/main/menu';
import { appPaths, defaultCacheDir, folderFromArgs } from '../../src/main/paths';

type Listener = (event: { preventDefault: () => void }, ...rest: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    openHandler: () => openHandler,
    contents: {
      on: (name: string, listener: Listener) => listeners.set(name, listener),
      setWindowOpenHandler: (h: (details: { url: string }) => { action: string }) => {
        openHandler = h;
      },
    },
  };
}

describe('window factory', () => {
  it('keeps every security-checklist preference', () => {
    const prefs = windowOptions({ preloadPath: '/p/index.cjs' }).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: '/p/index.cjs',
    });
    expect(SECURE_WEB_PREFERENCES.sandbox).toBe(true);
  });

  it('creates the window with those options and hardens its contents', () => {
    const fake = fakeContents();
    let seen: BrowserWindowConstructorOptions | undefined;
    class FakeWindow {
      webContents = fake.contents;
      once = vi.fn();
      constructor(options: BrowserWindowConstructorOptions) {
        seen = options;
      }
    }
    createMainWindow(FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow, { preloadPath: '/x.cjs' });
    expect(seen?.webPreferences?.sandbox).toBe(true);
    expect([...fake.listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
  });

  it('blocks navigation, redirects and webviews, and denies new windows', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents as unknown as Parameters<typeof hardenWebContents>[0]);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      fake.listeners.get(name)?.({ preventDefault });
      expect(preventDefault, name).toHaveBeenCalledOnce();
    }
    expect(fake.openHandler()?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => {
        request = h;
      },
      setPermissionCheckHandler: (h: typeof check) => {
        check = h;
      },
    };
    denyAllPermissions(session as unknown as Parameters<typeof denyAllPermissions>[0]);
    const cb = vi.fn();
    request?.({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(check?.()).toBe(false);
  });
});

describe('menu', () => {
  it('offers Open Folder (Ctrl/Cmd+O) and the samples', () => {
    const openFolder = vi.fn();
    const openSeeds = vi.fn();
    const [file] = buildMenuTemplate({ openFolder, openSeeds, isMac: false });
    const items = (file?.submenu ?? []) as { label?: string; accelerator?: string; click?: () => void }[];
    const open = items.find((i) => i.label === 'Open Folder…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    open?.click?.();
    items.find((i) => i.label === 'Open Sample Articles')?.click?.();
    expect(openFolder).toHaveBeenCalledOnce();
    expect(openSeeds).toHaveBeenCalledOnce();
  });
});

describe('paths', () => {
  it('finds the renderer, preload and seeds from the built main bundle', () => {
    const p = appPaths('/app/out/main');
    expect(p).toEqual({
      rendererDir: '/app/out/renderer',
      preloadPath: '/app/out/preload/index.cjs',
      seedsDir: '/app/seeds',
      workerFile: '/app/out/main/analyzeWorker.js',
    });
    expect(appPaths('/app/out/main', '/res').seedsDir).toBe('/res/seeds');
  });
  it('keeps the analysis cache in the user’s cache folder, never in an article folder', () => {
    expect(defaultCacheDir({}, 'linux', '/home/u')).toBe('/home/u/.cache/framescope');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/framescope');
    expect(defaultCacheDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/Framescope');
    expect(defaultCacheDir({ FRAMESCOPE_CACHE_DIR: '/c' }, 'linux', '/home/u')).toBe('/c');
  });
  it('reads a folder argument and ignores flags', () => {
    expect(folderFromArgs(['--inspect', '/data/articles'])).toBe('/data/articles');
    expect(folderFromArgs(['--no-sandbox'])).toBeNull();
  });
});
