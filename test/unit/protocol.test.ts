import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, mimeType, resolveAppUrl, resolveRendererPath } from '../../src/main/protocol';

const root = path.resolve('/opt/framescope/out/renderer');

describe('resolveRendererPath', () => {
  it.each([
    ['/', path.join(root, 'index.html')],
    ['/index.html', path.join(root, 'index.html')],
    ['/assets/index-abc.js', path.join(root, 'assets/index-abc.js')],
  ])('serves %s from the renderer folder', (p, expected) => {
    expect(resolveRendererPath(root, p)).toBe(expected);
  });

  it.each(['/../main/index.js', '/..%2fmain%2findex.js', '/assets/../../seeds/x.txt', '/%00', '/%E0%A4%A'])(
    'refuses %s',
    (p) => {
      expect(resolveRendererPath(root, p)).toBeNull();
    },
  );
});

describe('resolveAppUrl', () => {
  it('serves only the app://framescope host', () => {
    expect(resolveAppUrl(root, 'app://framescope/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://elsewhere/index.html')).toBeNull();
    expect(resolveAppUrl(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppUrl(root, '::')).toBeNull();
  });
});

describe('content security policy', () => {
  it('allows no inline script and no remote origins', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('matches the meta tag in the renderer html', async () => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile('src/renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    // frame-ancestors cannot be set from a meta tag; everything else must agree.
    const fromHeader = CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'/, '');
    expect(meta).toBe(fromHeader);
  });

  it('gives the right content types', () => {
    expect(mimeType('a/index.html')).toMatch(/^text\/html/);
    expect(mimeType('a/x.js')).toMatch(/^text\/javascript/);
    expect(mimeType('a/x.bin')).toBe('application/octet-stream');
  });
});
