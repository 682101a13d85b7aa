/**
 * Correcting what Framescope inferred, as a user would: merge two outlets in a copy of the seeds,
 * see the dashboard follow, and undo it. The sample folder itself refuses to be written.
 */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openDashboard, startApp, tempDir, type RunningApp } from './app';

let app: RunningApp;
let browser: Browser;
let folder: string;

beforeAll(async () => {
  folder = await tempDir('framescope-e2e-corrections-');
  await cp(path.resolve('seeds'), folder, { recursive: true });
  app = await startApp([folder]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await app.stop();
});

describe('corrections', () => {
  it('merges an outlet into another, saves it to the manifest, and undoes it', async () => {
    const { page, problems, context } = await openDashboard(browser, app.url);
    expect(await page.getByTestId('outlet-row').count()).toBe(5);
    await page.getByText('Correct outlets and events…').click();
    const form = page.locator('.corrections form').first();
    await form.locator('select').selectOption('BNN Breaking');
    await form.getByLabel('new name').fill('The Jewish Chronicle');
    await page.getByRole('button', { name: 'Merge and save' }).click();
    await expect.poll(() => page.getByTestId('outlet-row').count()).toBe(4);
    expect(await page.getByRole('status').filter({ hasText: 'saved to' }).textContent()).toContain('manifest.json');
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as { articles: { outlet: string }[] };
    expect(manifest.articles.filter((a) => a.outlet === 'The Jewish Chronicle')).toHaveLength(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('outlet-row').count()).toBe(5);
    expect(problems).toEqual([]);
    await context.close();
  });
});
