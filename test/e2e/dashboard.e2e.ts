import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, launchBrowser, openDashboard, startApp, type RunningApp } from './app';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await app.stop();
});

describe('dashboard on the seeds', () => {
  it('shows one card per outlet with the right names, and no console errors or CSP violations', async () => {
    const { page, problems, context } = await openDashboard(browser, app.url);
    const cards = page.getByTestId('outlet-card');
    expect(await cards.count()).toBe(5);
    const names = await page.locator('[data-testid="outlet-card"] h2').allTextContents();
    expect(names).toEqual(['All Israel News', 'BNN Breaking', 'The Hill', 'The Jewish Chronicle', 'Xinhua']);
    await expect.poll(() => page.locator('.summary').textContent()).toContain('5 articles from 5 outlets');
    // The token is taken out of the address bar once read.
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'overview-1280x800-light.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('renders in dark mode at 1920×1080', async () => {
    const { page, problems, context } = await openDashboard(browser, app.url, { width: 1920, height: 1080, colorScheme: 'dark' });
    expect(await page.getByTestId('outlet-card').count()).toBe(5);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'overview-1920x1080-dark.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('explains that choosing a folder needs the desktop window, and keeps working', async () => {
    const { page, context } = await openDashboard(browser, app.url);
    await page.getByRole('button', { name: 'Open folder…' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('E_UNSUPPORTED');
    expect(await page.getByTestId('outlet-card').count()).toBe(5);
    await page.getByRole('button', { name: 'Sample articles' }).press('Enter');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await context.close();
  });

  it('opens an article in the reader from its card, keeps the view in the URL, and restores it on reload', async () => {
    const { page, problems, context } = await openDashboard(browser, app.url);
    await page.getByRole('button', { name: /Blinken discusses Israel-Hamas conflict/ }).click();
    await page.waitForSelector('.reader-text p');
    expect(await page.getByRole('tab', { name: 'Reader' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('.reader-text').textContent()).toContain('JERUSALEM | Xinhua |');
    expect(page.url()).toMatch(/#view=reader&article=[0-9a-f]{64}/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'reader-1280x800-light.png'), fullPage: true });
    await page.reload();
    await page.waitForSelector('.reader-text p');
    expect(await page.locator('.reader-text').textContent()).toContain('JERUSALEM | Xinhua |');
    // Keyboard: Home goes to the first tab.
    await page.getByRole('tab', { name: 'Reader' }).focus();
    await page.keyboard.press('Home');
    expect(await page.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fetches a picked event’s tables and charts that event only', async () => {
    const { page, problems, context } = await openDashboard(browser, app.url);
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/getEventTables')) fetched.push(r.postData() ?? '');
    });
    const events = page.locator('.thread button.event');
    expect(await events.count()).toBe(3);
    // The 1 May event: BNN Breaking and The Jewish Chronicle.
    const may = events.filter({ has: page.locator('strong') }).nth(2);
    const covered = await may.locator('xpath=..').locator('.outlet-tag').allTextContents();
    expect(covered.length).toBeGreaterThan(0);
    await may.click();
    await page.getByRole('tab', { name: 'Tone' }).click();
    const chart = page.locator('[data-chart="chart-tone-mean"]');
    await chart.waitFor();
    const subtitle = (await chart.locator('.subtitle').textContent()) ?? '';
    expect(subtitle).not.toContain('all 3 events');
    expect(fetched).toHaveLength(1);
    const text = (await chart.textContent()) ?? '';
    for (const outlet of covered) expect(text).toContain(outlet);
    expect(problems).toEqual([]);
    await context.close();
  });
});
