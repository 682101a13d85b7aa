// `npm start [-- <folder>]`: builds if the sources are newer than the build, then opens the
// Electron window. Where the Electron binary is missing and cannot be downloaded, says so in
// one sentence and serves the same dashboard in browser mode instead, printing its URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// A folder argument is relative to where the user ran the command, not to the project.
const args = process.argv.slice(2).map((a) => (a.startsWith('-') ? a : path.resolve(process.cwd(), a)));
process.chdir(root);

if (!ensureBuilt(root)) process.exit(1);

function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

let binary = electronBinary();
if (!binary && existsSync('node_modules/electron/install.js')) {
  // Recent Electron packages fetch their binary on first launch.
  const fetched = spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'pipe', timeout: 300_000 });
  if (fetched.status === 0) binary = electronBinary();
}

if (binary) {
  const child = spawn(binary, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error(
    'Framescope: the Electron binary is not installed and could not be downloaded on this machine, so the same dashboard opens in your browser instead.',
  );
  const child = spawn(process.execPath, ['out/main/browser.js', ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
