/**
 * Browser-mode entry (plain Node, no Electron): analyses the seeds (or the folder given on the
 * command line), serves the dashboard on 127.0.0.1 and prints the URL.
 *
 *   node out/main/browser.js [folder] [--port N] [--no-open]
 */
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { analyzeFolder, whenCachesWritten } from '../engine';
import { homedir } from 'node:os';
import { appPaths, bundleDir, defaultCacheDir, folderFromArgs } from '../paths';
import { watchFolderLazily } from '../folderWatch';
import { createService } from '../service';
import { startBrowserServer } from './server';
import { chromiumPdfRenderer } from '../export/chromium';

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const paths = appPaths(bundleDir(import.meta.url));
  const portArg = argValue(args, '--port');
  const positional = args.filter((a, i) => !(args[i - 1] === '--port'));
  const folder = folderFromArgs(positional);

  // PDF reports are printed by headless Chromium, started on the first request.
  const pdf = chromiumPdfRenderer();
  const service = createService({
    renderPdf: (html) => pdf.renderPdf(html),
    seedsDir: paths.seedsDir,
    analyze: (dir, options) =>
      analyzeFolder(dir, { ...options, recursive: args.includes('--recursive'), workerFile: paths.workerFile, cacheDir: defaultCacheDir(process.env, process.platform, homedir()) }),
    log: (message) => console.error(message),
    watch: watchFolderLazily,
  });
  service.onProgress((p) => {
    if (p.phase === 'done') console.error(`Framescope: analysed ${p.total} articles in ${p.folder}`);
    if (p.phase === 'failed') console.error(`Framescope: could not analyse ${p.folder}`);
  });

  if (folder) {
    try {
      if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
    } catch {
      console.error(`Framescope: ${folder} is not a folder that can be read.`);
      process.exitCode = 1;
      return;
    }
  }
  // The dashboard is served at once; a large folder is analysed while it shows the progress.
  const opening = folder ? service.open(folder) : service.handlers.openSeeds(undefined);
  void opening.then((opened) => {
    if (!opened.ok && opened.error.code !== 'E_CANCELLED') console.error(`Framescope: ${opened.error.message}`);
  });

  const server = await startBrowserServer({
    service,
    rendererDir: paths.rendererDir,
    ...(portArg ? { port: Number(portArg) } : {}),
  });
  console.log(`Framescope dashboard: ${server.url}`);
  if (!args.includes('--no-open') && process.env.DISPLAY && process.platform === 'linux') {
    spawn('xdg-open', [server.url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  }
  const stop = (): void => {
    // Cache files still being written are finished first, so the next open is fast.
    void Promise.all([server.close(), pdf.close(), whenCachesWritten()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
