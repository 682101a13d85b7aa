// Builds the app with electron-vite when any output is missing or older than the sources.
// Shared by `npm start` and the `framescope` command.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const OUTPUTS = ['out/main/index.js', 'out/main/browser.js', 'out/main/cli.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export function needsBuild(root) {
  const outputs = OUTPUTS.map((f) => path.join(root, f));
  if (!outputs.every((f) => existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return newestMtime(path.join(root, 'src')) > built || statSync(path.join(root, 'electron.vite.config.ts')).mtimeMs > built;
}

/** Returns false (after printing why) when the build failed. */
export function ensureBuilt(root, log = (m) => process.stderr.write(`${m}\n`)) {
  if (!needsBuild(root)) return true;
  log('Framescope: building…');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return build.status === 0;
}
