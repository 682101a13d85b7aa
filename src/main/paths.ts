/** Where the built renderer, the preload and the bundled seeds live, for each way of running. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the built main-process bundle (out/main). */
export function bundleDir(metaUrl: string): string {
  return path.dirname(fileURLToPath(metaUrl));
}

export interface AppPaths {
  readonly rendererDir: string;
  readonly preloadPath: string;
  readonly seedsDir: string;
  /** The built worker module that analyses large folders off the main thread. */
  readonly workerFile: string;
}

/**
 * Paths relative to the built bundle: out/main → out/renderer, out/preload, and the seeds at
 * the project root (or in the packaged app's resources folder).
 */
export function appPaths(mainBundleDir: string, resourcesPath?: string): AppPaths {
  const outDir = path.resolve(mainBundleDir, '..');
  const root = path.resolve(outDir, '..');
  return {
    rendererDir: path.join(outDir, 'renderer'),
    preloadPath: path.join(outDir, 'preload', 'index.cjs'),
    seedsDir: resourcesPath ? path.join(resourcesPath, 'seeds') : path.join(root, 'seeds'),
    workerFile: path.join(mainBundleDir, 'analyzeWorker.js'),
  };
}

/**
 * The per-user cache folder for analysis results when not running inside Electron (browser mode
 * and the command line); the desktop app uses its userData folder. Never inside an article folder.
 */
export function defaultCacheDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (env.FRAMESCOPE_CACHE_DIR) return env.FRAMESCOPE_CACHE_DIR;
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Framescope', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'Framescope');
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'framescope');
}

/** The first command-line argument that is not a flag and not the app itself names a folder. */
export function folderFromArgs(args: readonly string[]): string | null {
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    return arg;
  }
  return null;
}
