/**
 * Every screen of the dashboard on the seeds, checked against what a reader would check in
 * ../shared/seed-expectations.md, with a click (or Enter) on a mark opening its evidence.
 * Screenshots of each screen, light at 1280×800 and dark at 1920×1080, go to test-results.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, launchBrowser, openDashboard, startApp, type OpenedPage, type RunningApp } from './app';

let app: RunningApp;
let browser: Browser;
let opened: OpenedPage;

beforeAll(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
  opened = await openDashboard(browser, app.url);
});
afterAll(async () => {
  await opened.context.close();
  await browser.close();
  await app.stop();
});

async function show(page: Page, tab: string, file: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await page.waitForSelector(`[aria-selected="true"]:has-text("${tab}")`);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${file}-1280x800-light.png`), fullPage: true });
}

async function evidenceText(page: Page): Promise<string> {
  const panel = page.getByRole('complementary', { name: 'Evidence' });
  await panel.locator('.evidence-list li').first().waitFor();
  const text = (await panel.locator('.evidence-list').textContent()) ?? '';
  await panel.getByRole('button', { name: 'Close evidence' }).click();
  return text;
}

describe('dashboard screens on the seeds', () => {
  it('overview: one row per outlet with the figures it cites, and the three events', async () => {
    const { page } = opened;
    await show(page, 'Overview', 'overview');
    const rows = page.getByTestId('outlet-row');
    expect(await rows.count()).toBe(5);
    const aini = rows.filter({ hasText: 'All Israel News' });
    expect(await aini.textContent()).toContain('22,835');
    const jc = (await rows.filter({ hasText: 'The Jewish Chronicle' }).textContent()) ?? '';
    expect(jc).not.toMatch(/34,568|31,000|23,000|22,835/);
    expect(await page.locator('.thread li').count()).toBe(3);
  });

  it('wording: “occupied West Bank” only under Xinhua, and a chip opens its sentence', async () => {
    const { page } = opened;
    await show(page, 'Wording', 'wording');
    const westBank = page.locator('.label-matrix tr', { hasText: 'West Bank' });
    expect(await westBank.locator('td[data-outlet="Xinhua"]').textContent()).toMatch(/occupied West Bank/i);
    for (const outlet of ['All Israel News', 'BNN Breaking', 'The Hill', 'The Jewish Chronicle']) {
      expect(await westBank.locator(`td[data-outlet="${outlet}"]`).textContent()).toContain('not named');
    }
    const ministry = page.locator('.label-matrix tr', { hasText: 'Gaza health ministry' });
    expect(await ministry.locator('td[data-outlet="The Hill"]').textContent()).toContain('Hamas-run');
    await westBank.locator('td[data-outlet="Xinhua"] button').first().click();
    expect(await evidenceText(page)).toMatch(/occupied West Bank/i);
  });

  it('tone: one bar per outlet, and Enter on a bar opens the scored words', async () => {
    const { page } = opened;
    await show(page, 'Tone', 'tone');
    const bars = page.locator('[data-chart="chart-tone-mean"] .mark');
    expect(await bars.count()).toBe(5);
    await bars.first().focus();
    await page.keyboard.press('Enter');
    expect((await evidenceText(page)).length).toBeGreaterThan(20);
  });

  it('figures: All Israel News cites 22,835 from the Hamas-owned ministry with “claims”', async () => {
    const { page } = opened;
    await show(page, 'Figures', 'figures');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('22,835');
    expect(body).toMatch(/Hamas-owned/);
    expect(body).toMatch(/claims/);
  });

  it('voices: share of quoted words by group, with absences stated', async () => {
    const { page } = opened;
    await show(page, 'Voices', 'voices');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toMatch(/US officials/);
    expect(body).toMatch(/absent|No .* quoted|none/i);
  });

  it('topics and omissions: the JC leaves out the Gaza death toll BNN cites in the same event', async () => {
    const { page } = opened;
    await show(page, 'Topics and omissions', 'topics');
    const may = page.locator('.omission-event', { hasText: 'May 2024' });
    const row = may.locator('tr', { hasText: 'a Gaza death toll' });
    const cells = await row.locator('td').allTextContents();
    expect(cells.join(' | ')).toMatch(/includes.*\|.*leaves out/);
    await row.locator('td.omits button').click();
    expect(await evidenceText(page)).toContain('34,568');
  });

  it('reader: highlight layers for sentiment, labels, figures, quotes and greyed clutter', async () => {
    const { page } = opened;
    await page.getByRole('tab', { name: 'Reader' }).click();
    await page.waitForSelector('.reader-text p');
    for (const layer of ['sentiment', 'labels', 'figures', 'quotes']) {
      expect(await page.locator(`mark.hl-${layer}`).count(), layer).toBeGreaterThan(0);
    }
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'reader-layers-1280x800-light.png'), fullPage: true });
  });

  it('every screen renders in dark mode at 1920×1080 without console errors', async () => {
    const dark = await openDashboard(browser, app.url, { width: 1920, height: 1080, colorScheme: 'dark' });
    for (const [tab, file] of [
      ['Overview', 'overview'],
      ['Tone', 'tone'],
      ['Wording', 'wording'],
      ['Figures', 'figures'],
      ['Voices', 'voices'],
      ['Topics and omissions', 'topics'],
      ['Reader', 'reader'],
    ] as const) {
      await dark.page.getByRole('tab', { name: tab }).click();
      await dark.page.waitForSelector(`[aria-selected="true"]:has-text("${tab}")`);
      await dark.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${file}-1920x1080-dark.png`), fullPage: true });
    }
    expect(dark.problems).toEqual([]);
    expect(opened.problems).toEqual([]);
    await dark.context.close();
  });
});
