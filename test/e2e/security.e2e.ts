import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERBS, INVOKE_METHODS } from '../../src/shared/contract';
import { launchBrowser, openDashboard, startApp, type RunningApp } from './app';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await app.stop();
});

describe('security', () => {
  it('gives the page no Node: no require, no process, no module', async () => {
    const { page, context } = await openDashboard(browser, app.url);
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      module: typeof (globalThis as Record<string, unknown>).module,
      Buffer: typeof (globalThis as Record<string, unknown>).Buffer,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
    await context.close();
  });

  it('denies window.open and blocks inline script through the CSP', async () => {
    const { page, context, problems } = await openDashboard(browser, app.url);
    const popups: string[] = [];
    context.on('page', (p) => popups.push(p.url()));
    const opened = await page.evaluate(() => {
      const w = window.open('https://example.org/', '_blank');
      return w === null ? 'denied' : 'opened';
    });
    expect(opened).toBe('denied');
    expect(popups).toEqual([]);
    const inlineRan = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.appendChild(s);
      return (window as unknown as { __inline?: number }).__inline === 1;
    });
    expect(inlineRan).toBe(false);
    expect(problems.join('\n')).toMatch(/Content Security Policy/);
    await context.close();
  });

  it('cannot be navigated away to a remote origin', async () => {
    const { page, context } = await openDashboard(browser, app.url);
    const before = page.url();
    // A link to another origin, clicked: the dashboard stays where it is.
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'https://example.org/elsewhere';
      a.textContent = 'external';
      a.id = 'probe-link';
      document.body.appendChild(a);
    });
    await page.click('#probe-link');
    expect(page.url()).toBe(before);
    // Remote origins are not reachable from the page (CSP connect-src 'self').
    const fetchResult = await page.evaluate(async () => {
      try {
        await fetch('https://example.org/');
        return 'fetched';
      } catch {
        return 'blocked';
      }
    });
    expect(fetchResult).toBe('blocked');
    expect(new URL(page.url()).origin).toBe(new URL(before).origin);
    await context.close();
  });

  it('exposes exactly the contract verbs through the client', async () => {
    const { page, context } = await openDashboard(browser, app.url);
    const verbs = await page.evaluate(() => document.querySelector<HTMLElement>('[data-api-verbs]')?.dataset.apiVerbs ?? '');
    expect(verbs.split(',').sort()).toEqual([...API_VERBS].sort());
    await context.close();
  });

  it('refuses API calls without the token, from other origins, and with forged hosts', async () => {
    const call = (headers: Record<string, string>) =>
      fetch(`${app.origin}/api/getAnalysis`, { method: 'POST', headers, body: '{}' }).then((r) => r.status);
    expect(await call({})).toBe(401);
    expect(await call({ 'x-framescope-token': `${app.token}x` })).toBe(401);
    expect(await call({ 'x-framescope-token': app.token, origin: 'https://evil.example' })).toBe(403);
    expect(await call({ 'x-framescope-token': app.token })).toBe(200);
    // Another local page (a different origin) cannot read the API even if it guesses the URL.
    const { page, context } = await openDashboard(browser, app.url);
    for (const method of INVOKE_METHODS) {
      const status = await page.evaluate(async (m) => (await fetch(`/api/${m}`, { method: 'POST', body: '{}' })).status, method);
      expect(status).toBe(401);
    }
    await context.close();
  });
});
