/**
 * Launches the real desktop app with Playwright's Electron driver where the Electron binary
 * exists. On machines that cannot download it (this project's CI), the test is skipped and says
 * why; the same renderer and engine are covered by the browser-mode tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { API_VERBS } from '../../src/shared/contract';

function electronBinary(): string | null {
  const pathFile = path.resolve('node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.resolve('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) {
  console.log('electron.e2e: skipped — the Electron binary is not installed here (it cannot be downloaded on this machine).');
}

describe.skipIf(!binary)('desktop app (Electron)', () => {
  it('opens a sandboxed window on the seeds with exactly the contract verbs', async () => {
    const app = await electron.launch({ executablePath: binary ?? '', args: ['.'] });
    try {
      const win = await app.firstWindow();
      await win.waitForSelector('[data-ready="true"]');
      expect(await win.getByTestId('outlet-card').count()).toBe(5);
      expect(win.url()).toBe('app://framescope/index.html');
      const exposed = await win.evaluate(() => Object.keys((window as unknown as { framescope: object }).framescope).sort());
      expect(exposed).toEqual([...API_VERBS].sort());
      expect(await win.evaluate(() => typeof (globalThis as Record<string, unknown>).require)).toBe('undefined');
      expect(await win.evaluate(() => window.open('https://example.org') === null)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
