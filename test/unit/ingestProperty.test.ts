/**
 * Property tests (fast-check): decoding, HTML and Markdown extraction, clutter marking and whole
 * folder loading never throw on arbitrary input, and excluded ranges are always sorted,
 * non-overlapping and inside the text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/main/engine/document';
import { findClutter } from '../../src/main/engine/ingest/clutter';
import { decodeBytes } from '../../src/main/engine/ingest/decode';
import { extractHtml } from '../../src/main/engine/ingest/html';
import { loadFolder } from '../../src/main/engine/ingest/loadFolder';
import { extractMarkdown } from '../../src/main/engine/ingest/markdown';
import { prepareArticle } from '../../src/main/engine/ingest/prepare';

function expectWellFormed(text: string, ranges: readonly Span[]): void {
  let prevEnd = -1;
  for (const r of ranges) {
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeLessThanOrEqual(text.length);
    expect(r.end).toBeGreaterThan(r.start);
    expect(r.start).toBeGreaterThan(prevEnd);
    prevEnd = r.end;
  }
}

/** Byte strings biased towards the interesting cases: BOMs, NULs, high bytes, UTF-8 sequences. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], []), fc.uint8Array({ maxLength: 400 })).map(([bom, rest]) => Uint8Array.from([...bom, ...rest])),
  fc.string({ unit: 'binary', maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
);

/** Lines mixing clutter phrases, bullets, headings and arbitrary text. */
const clutterish = fc
  .tuple(fc.array(
    fc.oneof(
      fc.constantFrom('Share via', 'Want more from', 'the JC?', 'Key Takeaways', 'Popular Articles', 'Scroll to Top', 'Copyright 2024 Example Inc.', '(Photo: X/Y)', '• Blinken said the war', 'Updated On', '', '   ', 'Headline Repeated Here Twice', 'Donate to THEM'),
      fc.string({ maxLength: 80 }),
      fc.lorem({ maxCount: 3, mode: 'sentences' }),
    ),
    { maxLength: 30 },
  ), fc.constantFrom('\n', '\n\n', '\n  \n'))
  .map(([lines, sep]) => lines.join(sep));

const htmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<script>SECRET()</script>', '<style>.x{}</style>', '<iframe src=x>', '</iframe>', '<br>', '<li>', '<h1>', '</h1>', '<!--', '-->', '<meta property="og:site_name" content="S">', '&amp;', '&#x0;', '<', '>', '"'),
      fc.string({ maxLength: 40 }),
      fc.lorem({ maxCount: 2, mode: 'sentences' }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('ingest never throws on arbitrary input', () => {
  it('decodeBytes: any bytes → text (NFC, no \\r) or a reason', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const r = decodeBytes(b);
        if (r.ok) {
          expect(r.text).toBe(r.text.normalize('NFC'));
          expect(r.text.includes('\r')).toBe(false);
        } else {
          expect(r.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('prepareArticle: any bytes under any article name → well-formed result', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.htm'), (b, name) => {
        const r = prepareArticle(b, name);
        if (r.ok) expectWellFormed(r.text, r.excluded);
      }),
      { numRuns: 2000 },
    );
  });

  it('extractHtml: random HTML → plain text with no script content', () => {
    fc.assert(
      fc.property(htmlish, (html) => {
        const r = extractHtml(html);
        expect(typeof r.text).toBe('string');
        expect(r.text).not.toContain('SECRET()');
        expect(r.text).not.toContain('.x{}');
      }),
      { numRuns: 1000 },
    );
  });

  it('extractMarkdown: random text with front-matter fences never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 200 }), (yaml, body) => {
        const r = extractMarkdown(`---\n${yaml}\n---\n${body}`);
        expect(typeof r.text).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });

  it('findClutter: ranges sorted, non-overlapping and inside the text', () => {
    fc.assert(
      fc.property(clutterish, (text) => {
        expectWellFormed(text, findClutter(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('loadFolder: a folder of random files loads, with every file accounted for', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(bytes, fc.constantFrom('.txt', '.md', '.html')), { minLength: 1, maxLength: 8 }), async (files) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'framescope-prop-'));
        try {
          files.forEach(([b, ext], i) => {
            writeFileSync(path.join(dir, `f${String(i)}${ext}`), b);
          });
          const { articles, problems } = await loadFolder(dir);
          for (const a of articles) expectWellFormed(a.text, a.excluded);
          const accounted = new Set([...articles.map((a) => a.summary.file), ...problems.filter((p) => p.severity !== 'warning').map((p) => p.file)]);
          expect(accounted.size).toBe(files.length);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
