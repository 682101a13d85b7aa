/**
 * Headless Chromium for exports outside the desktop app (browser mode and the command line),
 * driven with playwright-core: the report printed to PDF, and the dashboard opened to ask its
 * export hook for charts. Uses the system's Chromium (FRAMESCOPE_CHROMIUM or /usr/bin/chromium).
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { CodedError } from '../../shared/result';
import { CHROMIUM_FLAGS } from '../../shared/chromium';
import { PDF_PAGE } from './pdfPage';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';


export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.FRAMESCOPE_CHROMIUM?.trim();
  return configured ? configured : DEFAULT_CHROMIUM;
}

/** Launches Chromium, or says plainly how to install it. */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = chromiumPath(env);
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new CodedError(
      'E_UNSUPPORTED',
      `PDF, HTML, PNG and SVG exports outside the desktop app need Chromium, which was not found at ${executablePath}. ` +
        'Install it with “sudo apt-get install chromium” (Debian/Ubuntu), or set FRAMESCOPE_CHROMIUM to a Chromium or Chrome program.',
    );
  }
  try {
    // Loaded on the first export, not at start-up: importing playwright-core costs about a
    // second of CPU, which every browser-mode open (and the first screen) would otherwise pay.
    const { chromium } = await import('playwright-core');
    return await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS], headless: true });
  } catch (err) {
    throw new CodedError('E_EXPORT_FAILED', `Chromium at ${executablePath} did not start: ${String(err).split('\n')[0] ?? ''}`);
  }
}


/**
 * Prints self-contained HTML to PDF in a fresh context with JavaScript off and every network
 * request refused (the report embeds its images and fonts).
 */
export async function printHtmlToPdf(browser: Browser, html: string): Promise<Uint8Array> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: PDF_PAGE.format,
      margin: { top: PDF_PAGE.margin, bottom: PDF_PAGE.margin, left: PDF_PAGE.margin, right: PDF_PAGE.margin },
      printBackground: true,
      preferCSSPageSize: true,
    });
    return new Uint8Array(pdf);
  } finally {
    await context.close();
  }
}

/** A renderPdf for the service that starts Chromium on first use and keeps it until closed. */
export function chromiumPdfRenderer(env: NodeJS.ProcessEnv = process.env): { renderPdf(html: string): Promise<Uint8Array>; close(): Promise<void> } {
  let browser: Promise<Browser> | null = null;
  return {
    async renderPdf(html) {
      browser ??= launchChromium(env);
      let b: Browser;
      try {
        b = await browser;
      } catch (err) {
        browser = null;
        throw err;
      }
      return printHtmlToPdf(b, html);
    },
    async close() {
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close();
    },
  };
}
