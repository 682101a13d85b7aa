import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

describe('built app', () => {
  it('bundles the sandboxed preload so it requires nothing but electron', async () => {
    const preload = await readFile('out/preload/index.cjs', 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('serves the renderer without inline scripts, matching the CSP', async () => {
    const html = await readFile('out/renderer/index.html', 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
