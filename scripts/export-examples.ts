/**
 * Regenerates docs/examples/: one chart of the seeds comparison exported as SVG (through the
 * dashboard's export hook, light theme) and that SVG file rendered to PNG by Chromium, and the
 * HTML report with a screenshot of it opened in Chromium.
 *
 *   npx electron-vite build && npx tsx scripts/export-examples.ts [chart-id]
 *
 * Uses the built app in browser mode and Debian's Chromium, like the end-to-end tests.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, openDashboard, startApp } from '../test/e2e/app';

const OUT = path.resolve('docs', 'examples');
const chartId = process.argv[2] ?? 'chart-tone-mean';

const app = await startApp();
const browser = await launchBrowser();
try {
  await mkdir(OUT, { recursive: true });
  const { page, context } = await openDashboard(browser, app.url, { colorScheme: 'light' });
  const call = <T>(expression: string): Promise<T> => page.evaluate<T>(expression);

  const svg = await call<string>(`window.framescopeExport.chartSvg(${JSON.stringify(chartId)}, { theme: 'light' })`);
  const svgFile = path.join(OUT, `${chartId}.svg`);
  await writeFile(svgFile, svg);
  process.stderr.write(`wrote ${svgFile} (${String(svg.length)} characters)\n`);

  const html = await call<string>(`window.framescopeExport.reportHtml({ theme: 'light' })`);
  const reportFile = path.join(OUT, 'report.html');
  await writeFile(reportFile, html);
  process.stderr.write(`wrote ${reportFile} (${String(html.length)} characters)\n`);
  await context.close();

  // The files as a browser shows them, opened from disk (offline).
  const viewer = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: 'light', offline: true });
  const view = await viewer.newPage();
  await view.goto(pathToFileURL(svgFile).href);
  const size = await view.evaluate('[document.documentElement.getAttribute("width"), document.documentElement.getAttribute("height")].map(Number)');
  const [width, height] = size as [number, number];
  await view.setViewportSize({ width, height });
  await view.screenshot({ path: path.join(OUT, `${chartId}.png`), clip: { x: 0, y: 0, width, height } });
  process.stderr.write(`wrote ${path.join(OUT, `${chartId}.png`)} (${String(width)}×${String(height)})\n`);

  await view.setViewportSize({ width: 1200, height: 900 });
  await view.goto(pathToFileURL(reportFile).href);
  // The top of the report: title, versions, findings with their evidence.
  await view.screenshot({ path: path.join(OUT, 'report.png'), fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 2400 } });
  process.stderr.write(`wrote ${path.join(OUT, 'report.png')}\n`);
  await viewer.close();
} finally {
  await browser.close();
  await app.stop();
}
