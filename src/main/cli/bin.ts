/** Command-line entry point (built to out/main/cli.js). */
import { homedir } from 'node:os';
import { appPaths, bundleDir, defaultCacheDir } from '../paths';
import { runCli } from './main';

const paths = appPaths(bundleDir(import.meta.url));
void runCli(
  process.argv.slice(2),
  {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  },
  { workerFile: paths.workerFile, cacheDir: defaultCacheDir(process.env, process.platform, homedir()), rendererDir: paths.rendererDir, env: process.env },
).then((code) => {
  process.exitCode = code;
});
