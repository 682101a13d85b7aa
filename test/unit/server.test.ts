import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../src/main/browser/server';
import { analyzeFolder, whenCachesWritten } from '../../src/main/engine';
import { createService } from '../../src/main/service';

let server: BrowserServer;
let base: string;

beforeAll(async () => {
  const rendererDir = await mkdtemp(path.join(os.tmpdir(), 'fs-renderer-'));
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(path.join(rendererDir, 'assets', 'a.js'), 'console.log(1)');
  const service = createService({ seedsDir: path.resolve('seeds'), analyze: analyzeFolder });
  server = await startBrowserServer({ service, rendererDir, token: 'test-token-123' });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => server.close());

/** Raw request so the Host header can be forged (fetch forbids setting it). */
function raw(options: http.RequestOptions, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, ...options }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser-mode server', () => {
  it('prints a loopback URL carrying the token in the fragment', () => {
    expect(server.url).toBe(`${base}/#token=test-token-123`);
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>x</title>');
    expect((await fetch(`${base}/assets/a.js`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses paths outside the renderer folder', async () => {
    const res = await raw({ path: '/..%2f..%2fetc%2fpasswd', headers: { host: `127.0.0.1:${server.port}` } });
    expect(res.status).toBe(404);
  });

  it('answers contract calls that carry the token', async () => {
    const res = await fetch(`${base}/api/getAnalysis`, { method: 'POST', headers: { 'x-framescope-token': 'test-token-123' }, body: '{}' });
    const json = (await res.json()) as { ok: boolean; value: { articles: unknown[] } };
    expect(json.ok).toBe(true);
    expect(json.value.articles).toHaveLength(5);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-framescope-token': 'test-token-124' }],
    ['a token of another length', { 'x-framescope-token': 'x' }],
  ])('refuses calls with %s', async (_name, headers) => {
    const res = await fetch(`${base}/api/getAnalysis`, { method: 'POST', headers, body: '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'E_UNAUTHORIZED' } });
  });

  it('refuses other origins and forged Host headers (DNS rebinding)', async () => {
    const cross = await fetch(`${base}/api/getAnalysis`, {
      method: 'POST',
      headers: { 'x-framescope-token': 'test-token-123', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const rebound = await raw({ method: 'POST', path: '/api/getAnalysis', headers: { host: 'evil.example', 'x-framescope-token': 'test-token-123' } }, '{}');
    expect(rebound.status).toBe(421);
  });

  it('validates payloads and method names', async () => {
    const headers = { 'x-framescope-token': 'test-token-123' };
    const bad = await fetch(`${base}/api/openExternal`, { method: 'POST', headers, body: JSON.stringify({ payload: { url: 5 } }) });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'E_INVALID_PAYLOAD' } });
    const unknown = await fetch(`${base}/api/deleteEverything`, { method: 'POST', headers, body: '{}' });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_METHOD' } });
    const notJson = await fetch(`${base}/api/getAnalysis`, { method: 'POST', headers, body: '{' });
    expect(notJson.status).toBe(400);
    const get = await fetch(`${base}/api/getAnalysis`, { headers });
    expect(get.status).toBe(405);
  });

  it('streams progress as server-sent events only with the token', async () => {
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?token=test-token-123`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body?.getReader();
    await fetch(`${base}/api/openSeeds`, { method: 'POST', headers: { 'x-framescope-token': 'test-token-123' }, body: '{}' });
    let text = '';
    const decoder = new TextDecoder();
    while (reader && !text.includes('"phase":"done"')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value as Uint8Array);
    }
    controller.abort();
    expect(text).toContain('event: progress');
    expect(text).toContain('"phase":"done"');
  });
});

describe('browser-mode server with the folder cache', () => {
  it('answers a snapshot re-opened from the cache with the same JSON as a fresh one', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'fs-server-cache-'));
    const rendererDir = await mkdtemp(path.join(os.tmpdir(), 'fs-renderer-'));
    const service = createService({ seedsDir: path.resolve('seeds'), analyze: (folder, options) => analyzeFolder(folder, { ...options, cacheDir }) });
    const cached = await startBrowserServer({ service, rendererDir, token: 'test-token-456' });
    try {
      const call = async (method: string, payload?: unknown): Promise<string> =>
        (
          await fetch(`http://127.0.0.1:${cached.port}/api/${method}`, {
            method: 'POST',
            headers: { 'x-framescope-token': 'test-token-456' },
            body: JSON.stringify(payload === undefined ? {} : { payload }),
          })
        ).text();
      const fresh = await call('getAnalysis');
      const { analysedAt, details } = (JSON.parse(fresh) as { value: { analysedAt: string; details: { figureCount: number } } }).value;
      const freshFigures = await call('getFigures', { analysedAt });
      await whenCachesWritten();
      const reopened = await call('openSeeds');
      expect(reopened).toBe(fresh);
      expect(await call('getAnalysis')).toBe(fresh);
      // The figure rows too: the same answer, made from the stored bytes (asked twice: one read).
      expect(JSON.parse(await call('getFigures', { analysedAt }))).toEqual(JSON.parse(freshFigures));
      expect(JSON.parse(await call('getFigures', { analysedAt }))).toEqual(JSON.parse(freshFigures));
      expect((JSON.parse(freshFigures) as { value: { rows: unknown[] } }).value.rows).toHaveLength(details.figureCount);
      expect(details.figureCount).toBeGreaterThan(5);
    } finally {
      await cached.close();
    }
  });
});
