/**
 * Chart and report exports on the seeds, in browser mode: every chart the automation hook lists
 * is exported to SVG and PNG and the files are checked (the SVG parses, has its title and every
 * outlet shown, no foreignObject or script; the PNG has the SVG's size times the scale and is
 * not blank); one chart goes through the visible menu with the keyboard, caught as a browser
 * download; the HTML report is exported and checked.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportableChart, ExportHook } from '../../src/shared/exporting';
import { SCREENSHOT_DIR, launchBrowser, openDashboard, startApp, tempDir, type OpenedPage, type RunningApp } from './app';

declare global {
  interface Window {
    /** Registered by the dashboard (src/renderer/src/export/hook.ts). */
    framescopeExport?: ExportHook;
  }
}

let app: RunningApp;
let browser: Browser;
let opened: OpenedPage;
let charts: readonly ExportableChart[] = [];
let outlets: readonly string[] = [];

beforeAll(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
  opened = await openDashboard(browser, app.url);
  outlets = await opened.page.locator('[data-testid="outlet-row"] th').allTextContents();
}, 120_000);
afterAll(async () => {
  await opened.context.close();
  await browser.close();
  await app.stop();
});

interface SvgCheck {
  readonly parseError: string | null;
  readonly root: string;
  readonly width: number;
  readonly height: number;
  readonly viewBox: string | null;
  readonly title: string;
  readonly desc: string;
  readonly text: string;
  readonly forbidden: number;
  readonly fontFace: boolean;
  readonly background: string | null;
}

/** The SVG parsed as XML in the page. */
function checkSvg(page: Page, svg: string): Promise<SvgCheck> {
  return page.evaluate((source) => {
    // Parsed without its @font-face <style> (checked on the text below): a parsed document takes
    // the page's CSP, which refuses inline styles and would log it as a page problem.
    const doc = new DOMParser().parseFromString(source.replace(/<style>[^<]*<\/style>/, ''), 'image/svg+xml');
    const root = doc.documentElement;
    return {
      parseError: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox'),
      title: root.querySelector(':scope > title')?.textContent ?? '',
      desc: root.querySelector(':scope > desc')?.textContent ?? '',
      text: [...root.querySelectorAll('text')].map((t) => t.textContent).join('\n'),
      forbidden: root.querySelectorAll('foreignObject, script, [class], [style], image').length + (/var\(--|(?:href|src)=["']?(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\//.test(source) ? 1 : 0),
      fontFace: /@font-face\{font-family:'Inter'[^}]*url\(data:font\/woff2;base64,/.test(source),
      background: root.querySelector(':scope > g > rect')?.getAttribute('fill') ?? null,
    };
  }, svg);
}

/** Width and height from the PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Distinct colours in the decoded PNG (decoded by the browser), sampled on a grid. */
function distinctColours(page: Page, base64: string): Promise<number> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add(((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0));
    return seen.size;
  }, base64);
}

describe('chart exports on the seeds', () => {
  it('the hook lists every chart of every view, in dashboard order', async () => {
    const { page } = opened;
    charts = await page.evaluate(() => {
      const hook = window.framescopeExport;
      if (!hook) throw new Error('window.framescopeExport is missing');
      return hook.charts();
    });
    const ids = charts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['chart-tone-mean', 'chart-labels', 'chart-figures-timeline', 'chart-voices', 'chart-omissions']));
    expect(new Set(charts.map((c) => c.view))).toEqual(new Set(['tone', 'wording', 'figures', 'voices', 'topics']));
    expect(charts.every((c) => c.title.length > 0)).toBe(true);
    // The user's view is back where it was.
    expect(await page.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
  }, 60_000);

  it('every chart exports to an SVG that parses, with its title, every outlet shown and no foreignObject', async () => {
    const { page } = opened;
    expect(charts.length).toBeGreaterThanOrEqual(10);
    for (const chart of charts) {
      const svg = await page.evaluate(({ id }) => window.framescopeExport?.chartSvg(id, { theme: 'current' }) ?? '', { id: chart.id });
      const check = await checkSvg(page, svg);
      expect(check.parseError, chart.id).toBeNull();
      expect(check.root).toBe('svg');
      expect(check.width, chart.id).toBeGreaterThan(300);
      expect(check.height, chart.id).toBeGreaterThan(100);
      expect(check.viewBox?.split(' ').slice(2).map(Number), chart.id).toEqual([check.width, check.height]);
      expect(check.title, chart.id).toBe(chart.title);
      expect(check.text, chart.id).toContain(chart.title);
      expect(check.desc, chart.id).toMatch(/Framescope \d+\.\d+\.\d+, lexicon packs .*@/);
      expect(check.forbidden, chart.id).toBe(0);
      expect(check.fontFace, chart.id).toBe(true);
      for (const outlet of outlets) expect(check.text, `${chart.id}: ${outlet}`).toContain(outlet);
    }
  }, 240_000);

  it('every chart exports to a PNG of the SVG size times the scale that is not blank', async () => {
    const { page } = opened;
    for (const [i, chart] of charts.entries()) {
      // Every chart at 2×; the first also at 1× and 3×.
      for (const scale of i === 0 ? ([1, 2, 3] as const) : ([2] as const)) {
        const { svg, png } = await page.evaluate(
          async ({ id, scale: s }) => {
            const hook = window.framescopeExport;
            if (!hook) throw new Error('no hook');
            return { svg: await hook.chartSvg(id, { theme: 'current' }), png: await hook.chartPng(id, { theme: 'current', scale: s }) };
          },
          { id: chart.id, scale },
        );
        const { width, height } = await checkSvg(page, svg);
        expect(pngSize(Buffer.from(png, 'base64')), `${chart.id} @${String(scale)}x`).toEqual({ width: width * scale, height: height * scale });
        expect(await distinctColours(page, png), chart.id).toBeGreaterThan(8);
      }
    }
  }, 300_000);

  it('a forced light export of a dark dashboard is light, and the dark theme comes back', async () => {
    const dark = await openDashboard(browser, app.url, { colorScheme: 'dark' });
    try {
      const result = await dark.page.evaluate(async () => {
        const hook = window.framescopeExport;
        if (!hook) throw new Error('no hook');
        const light = await hook.chartSvg('chart-tone-mean', { theme: 'light' });
        const current = await hook.chartSvg('chart-tone-mean', { theme: 'current' });
        return { light, current, attr: document.documentElement.getAttribute('data-theme'), bg: getComputedStyle(document.body).backgroundColor };
      });
      expect((await checkSvg(dark.page, result.light)).background).toBe('#ffffff');
      expect((await checkSvg(dark.page, result.current)).background).toBe('#14171b');
      expect(result.attr).toBeNull();
      expect(result.bg).toBe('rgb(20, 23, 27)');
    } finally {
      await dark.context.close();
    }
  }, 60_000);

  it('exports what the filters show: a hidden outlet is left out and the subtitle says so', async () => {
    const { page } = opened;
    await page.evaluate(() => {
      window.location.hash = '#view=figures&hide=Xinhua';
    });
    await page.getByRole('tab', { name: 'Figures', selected: true }).waitFor();
    const svg = await page.evaluate(() => window.framescopeExport?.chartSvg('chart-tone-mean', { theme: 'current' }) ?? '');
    const check = await checkSvg(page, svg);
    expect(check.parseError).toBeNull();
    expect(check.text).toContain('4 of 5 outlets');
    for (const outlet of outlets.filter((o) => o !== 'Xinhua')) expect(check.text).toContain(outlet);
    expect(check.text).not.toContain('Xinhua');
    // The capture visited the Tone view and came back to the user's.
    expect(await page.evaluate(() => window.location.hash)).toBe('#view=figures&hide=Xinhua');
    await page.evaluate(() => {
      window.location.hash = '';
    });
    await page.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
  }, 60_000);

  it('the export menu works from the keyboard and the browser downloads the file', async () => {
    const { page } = opened;
    await page.getByRole('tab', { name: 'Tone' }).click();
    const button = page.getByRole('button', { name: 'Export chart: Mean tone per outlet' });
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Export Mean tone per outlet' });
    await menu.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('SVG (vector)');
    // caret: 'initial' keeps playwright from injecting a style the page's CSP would refuse.
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'export-menu-1280x800-light.png'), caret: 'initial' });
    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    // Space opens it again; ArrowDown twice reaches PNG 2×; Enter exports.
    await page.keyboard.press('Space');
    await menu.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('PNG 2×');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('Sample articles - Mean tone per outlet @2x.png');
    const file = path.join(await tempDir('framescope-export-'), download.suggestedFilename());
    await download.saveAs(file);
    const bytes = await readFile(file);
    const svg = await page.evaluate(() => window.framescopeExport?.chartSvg('chart-tone-mean', { theme: 'current' }) ?? '');
    const { width, height } = await checkSvg(page, svg);
    expect(pngSize(bytes)).toEqual({ width: width * 2, height: height * 2 });
    await page.getByRole('status').filter({ hasText: 'Downloaded Sample articles - Mean tone per outlet @2x.png' }).waitFor();

    // The SVG through the menu, with a light background.
    await button.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitemcheckbox');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('menuitemcheckbox', { name: /Light background/ }).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Home');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(svgDownload.suggestedFilename()).toBe('Sample articles - Mean tone per outlet.svg');
    const svgFile = path.join(await tempDir('framescope-export-'), svgDownload.suggestedFilename());
    await svgDownload.saveAs(svgFile);
    const saved = await checkSvg(page, await readFile(svgFile, 'utf8'));
    expect(saved.parseError).toBeNull();
    expect(saved.title).toBe('Mean tone per outlet');
    expect(opened.problems).toEqual([]);
  }, 90_000);
});

describe('report export on the seeds', () => {
  it('the HTML report parses, has no script, names every outlet and carries the evidence sentences', async () => {
    const { page } = opened;
    const html = await page.evaluate(() => window.framescopeExport?.reportHtml({ theme: 'light' }) ?? '');
    const check = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'text/html');
      return {
        scripts: doc.querySelectorAll('script, iframe, object, embed').length,
        handlers: [...doc.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
        csp: doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        outlets: [...doc.querySelectorAll('#outlets tbody th')].map((th) => th.textContent.trim()),
        charts: doc.querySelectorAll('#charts figure.chart > svg').length,
        findings: doc.querySelectorAll('li.finding').length,
        marks: [...doc.querySelectorAll('li.finding mark')].map((m) => m.textContent),
        foreign: doc.querySelectorAll('foreignObject').length,
      };
    }, html);
    expect(check.scripts).toBe(0);
    expect(check.handlers).toBe(0);
    expect(check.foreign).toBe(0);
    expect(check.csp).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:");
    expect(check.outlets).toEqual(outlets);
    expect(check.charts).toBe(charts.length);
    expect(check.findings).toBeGreaterThan(3);
    expect(check.marks.length).toBeGreaterThan(3);
    expect(check.marks.some((m) => /occupied West Bank/i.test(m))).toBe(true);
    expect(html).not.toMatch(/(?:src|href)=["']?https?:/);
  }, 180_000);

  it('the header button downloads the HTML report with progress shown while it builds', async () => {
    const { page } = opened;
    await page.getByRole('tab', { name: 'Overview' }).click();
    const bar = page.getByRole('group', { name: 'Export' });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), bar.getByRole('button', { name: 'HTML' }).click(), bar.getByText(/Building report… \d+ of \d+ charts/).waitFor()]);
    expect(download.suggestedFilename()).toBe('Sample articles - Framescope report.html');
    const file = path.join(await tempDir('framescope-report-'), download.suggestedFilename());
    await download.saveAs(file);
    const html = await readFile(file, 'utf8');
    for (const outlet of outlets) expect(html).toContain(outlet);
    expect(html).not.toMatch(/<script/i);
    await bar.getByText('Downloaded Sample articles - Framescope report.html.').waitFor();
    // The user's view is where it was.
    expect(await page.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
  }, 180_000);
});
