/**
 * The command line reproduces the app's exports: `framescope export seeds --format json` writes
 * the same document the dashboard's "Export data → JSON" downloads in browser mode (apart from
 * analysedAt), and the report (PDF, HTML) and chart (SVG, PNG) exports come from the dashboard's
 * own export hook in headless Chromium.
 *
 * Needs the built app (`npx electron-vite build`) and Chromium (FRAMESCOPE_CHROMIUM or /usr/bin/chromium).
 */
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_HOOK_NAME } from '../../src/shared/exporting';
import { launchBrowser, openDashboard, startApp, tempDir, type RunningApp } from './app';
import { readPdf } from './pdf';

const run = promisify(execFile);
const SEED_OUTLETS = ['All Israel News', 'BNN Breaking', 'The Hill', 'The Jewish Chronicle', 'Xinhua'];

let cacheDir: string;
let out: string;

async function framescope(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/framescope.mjs', ...args], {
      env: { ...process.env, FRAMESCOPE_CACHE_DIR: cacheDir },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 180_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Whether the built dashboard installs the export hook (the chart and report exports need it). */
async function dashboardHasHook(): Promise<boolean> {
  const dir = path.resolve('out', 'renderer', 'assets');
  for (const f of await readdir(dir)) {
    if (f.endsWith('.js') && (await readFile(path.join(dir, f), 'utf8')).includes(EXPORT_HOOK_NAME)) return true;
  }
  return false;
}

beforeAll(async () => {
  cacheDir = await tempDir('framescope-e2e-cli-cache-');
  out = await tempDir('framescope-e2e-cli-out-');
});

describe('framescope export reproduces the app', () => {
  let app: RunningApp | null = null;
  let browser: Browser | null = null;
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('writes the same JSON for the seeds as the dashboard’s data export in browser mode', async () => {
    const file = path.join(out, 'seeds.json');
    const cli = await framescope(['export', 'seeds', '--format', 'json', '--out', file]);
    expect(cli.stderr).toContain(`wrote ${file}`);
    expect(cli.code).toBe(0);
    const fromCli = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

    app = await startApp();
    browser = await launchBrowser();
    const { page } = await openDashboard(browser, app.url);
    // The dashboard's "Export data → JSON" button; browser mode hands the file to the browser's download.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'JSON', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Sample articles - Framescope data.json');
    const saved = path.join(out, 'from-app.json');
    await download.saveAs(saved);
    const fromApp = JSON.parse(await readFile(saved, 'utf8')) as Record<string, unknown>;

    expect(typeof fromCli.analysedAt).toBe('string');
    expect({ ...fromCli, analysedAt: null }).toEqual({ ...fromApp, analysedAt: null });
    expect(fromCli).toMatchObject({ schemaVersion: 1, folder: { name: 'seeds' } });
  }, 180_000);

  it('prints the dashboard’s PDF report in browser mode with headless Chromium and downloads it', async () => {
    if (!app || !browser) throw new Error('the previous test starts the app');
    const { page } = await openDashboard(browser, app.url);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'PDF', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Sample articles - Framescope report.pdf');
    const saved = path.join(out, 'from-app.pdf');
    await download.saveAs(saved);
    const { pages, text } = await readPdf(await readFile(saved));
    expect(pages).toBeGreaterThanOrEqual(1);
    const all = text.join(' ').replace(/\s+/g, ' ');
    for (const outlet of SEED_OUTLETS) expect(all).toContain(outlet);
  }, 180_000);
});

describe('framescope export through the dashboard', async () => {
  const hook = await dashboardHasHook();
  if (!hook) console.log(`chart and report exports: skipped because the built dashboard does not install window.${EXPORT_HOOK_NAME}`);

  it.skipIf(!hook)('prints the report to PDF with every outlet and the title, and writes the HTML report', async () => {
    const pdfFile = path.join(out, 'report.pdf');
    const pdf = await framescope(['export', 'seeds', '--format', 'pdf', '--theme', 'light', '--out', pdfFile]);
    expect(pdf.stderr).toContain(`wrote ${pdfFile}`);
    expect(pdf.code).toBe(0);
    const bytes = await readFile(pdfFile);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await readPdf(bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    const all = text.join('\n').replace(/\s+/g, ' ');
    for (const outlet of SEED_OUTLETS) expect(all).toContain(outlet);

    const htmlFile = path.join(out, 'report.html');
    const html = await framescope(['export', 'seeds', '--format', 'html', '--out', htmlFile, '--quiet']);
    expect(html).toMatchObject({ code: 0, stderr: '' });
    const report = await readFile(htmlFile, 'utf8');
    const title = /<title>([^<]+)<\/title>/.exec(report)?.[1]?.trim() ?? '';
    expect(title.length).toBeGreaterThan(0);
    expect(all).toContain(title.replace(/&amp;/g, '&').replace(/\s+/g, ' ').slice(0, 40));
    for (const outlet of SEED_OUTLETS) expect(report).toContain(outlet);
    expect(report).not.toMatch(/<script\b[^>]*\bsrc=/i);
  }, 300_000);

  it.skipIf(!hook)('lists the charts and exports one as SVG and one as PNG at 2×; refuses an unknown chart', async () => {
    const list = await framescope(['export', 'seeds', '--format', 'svg', '--chart', 'list', '--quiet']);
    expect(list.code).toBe(0);
    const ids = list.stdout.trim().split('\n').map((line) => line.split('\t')[0] ?? '');
    expect(ids.length).toBeGreaterThan(3);
    const id = ids[0] ?? '';

    const svgFile = path.join(out, 'chart.svg');
    expect((await framescope(['export', 'seeds', '--format', 'svg', '--chart', id, '--out', svgFile, '--quiet'])).code).toBe(0);
    const svg = await readFile(svgFile, 'utf8');
    expect(svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(SEED_OUTLETS.some((o) => svg.includes(o))).toBe(true);

    const pngFile = path.join(out, 'chart.png');
    expect((await framescope(['export', 'seeds', '--format', 'png', '--chart', id, '--scale', '2', '--out', pngFile, '--quiet'])).code).toBe(0);
    const png = await readFile(pngFile);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(400);

    const unknown = await framescope(['export', 'seeds', '--format', 'svg', '--chart', '../../x', '--out', path.join(out, 'x.svg')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no chart “../../x”; run with --chart list');
    expect((await readdir(out)).sort()).toEqual(['chart.png', 'chart.svg', 'from-app.json', 'from-app.pdf', 'report.html', 'report.pdf', 'seeds.json']);
  }, 300_000);
});
