// Runs the end-to-end tests against the built app in Debian's Chromium. Says clearly what is
// missing instead of failing obscurely.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.FRAMESCOPE_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`End-to-end tests need Chromium at ${chromium}. Install it with: sudo apt-get install -y chromium`);
  process.exit(1);
}
if (!existsSync('out/renderer/index.html') || !existsSync('out/main/browser.js')) {
  console.error('The app is not built: run npm run build first.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.ts'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
