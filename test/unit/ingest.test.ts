/**
 * Ingest unit tests: decoding, extraction, metadata precedence, duplicates, every bad-input class
 * (with an injected file-system layer where a real disk cannot be made to fail on cue, e.g.
 * permissions when the tests run as root), reading an article back, saving the manifest and
 * watching a folder.
 */
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../src/shared/model';
import { CodedError } from '../../src/shared/result';
import { findClutter } from '../../src/main/engine/ingest/clutter';
import { decodeBytes } from '../../src/main/engine/ingest/decode';
import { nodeFs, type IngestFs } from '../../src/main/engine/ingest/fsLayer';
import { extractHtml } from '../../src/main/engine/ingest/html';
import { detectLanguage } from '../../src/main/engine/ingest/infer';
import { loadArticleContent, loadArticleText, loadArticleView } from '../../src/main/engine/ingest/loadArticle';
import { loadFolder } from '../../src/main/engine/ingest/loadFolder';
import { parseManifestCsv } from '../../src/main/engine/ingest/manifest';
import { extractMarkdown } from '../../src/main/engine/ingest/markdown';
import { prepareArticle } from '../../src/main/engine/ingest/prepare';
import { saveManifest } from '../../src/main/engine/ingest/saveManifest';
import { watchFolder } from '../../src/main/engine/ingest/watch';
import { SEEDS_DIR } from '../helpers/seedDocs';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/ingest/mixed');
const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'framescope-ingest-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const BODY = (topic: string): string =>
  `Officials said on Tuesday that the ${topic} would be discussed again next week after a long pause. ` +
  `The delegation met the foreign minister and talked about the humanitarian situation, according to a statement. ` +
  `Aid groups warned that conditions were getting worse and that more help was needed before the winter.`;

/** Every file's name, size and modification time: proof that loading wrote nothing. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: false })
    .map(String)
    .sort()
    .map((f) => {
      const st = lstatSync(path.join(dir, f));
      return `${f}:${String(st.size)}:${String(st.mtimeMs)}`;
    });
}

describe('decodeBytes', () => {
  const text = 'Café “quoted” — naïve';
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeBytes(Buffer.from(text, 'utf8'))).toMatchObject({ ok: true, text, encoding: 'UTF-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toMatchObject({ ok: true, text, encoding: 'UTF-8 (BOM)' });
  });
  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeBytes(le)).toMatchObject({ ok: true, text, encoding: 'UTF-16LE (BOM)' });
    expect(decodeBytes(be)).toMatchObject({ ok: true, text, encoding: 'UTF-16BE (BOM)' });
  });
  it('detects Windows-1252 (curly quotes, dashes, accents) instead of showing mojibake', () => {
    const cp = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0x97, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]);
    const r = decodeBytes(cp);
    expect(r).toMatchObject({ ok: true, text, guessed: true });
    if (r.ok) expect(r.encoding.toLowerCase()).toContain('1252');
  });
  it('normalises to NFC and line endings to \\n', () => {
    const r = decodeBytes(Buffer.from('cafe\u0301\r\nline two\rthree', 'utf8'));
    expect(r).toMatchObject({ ok: true, text: 'café\nline two\nthree' });
  });
  it('refuses binary data', () => {
    expect(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toMatchObject({ ok: false });
    expect(decodeBytes(Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41))))).toMatchObject({ ok: false });
  });
});

describe('extractHtml', () => {
  it('keeps the article text and drops scripts, styles, iframes and navigation', () => {
    const r = extractHtml(readFileSync(path.join(FIXTURE, 'page.html'), 'utf8'));
    expect(r.readable).toBe(true);
    expect(r.text.startsWith('Ceasefire talks stall\n\nNegotiators left the capital on Monday')).toBe(true);
    expect(r.text).toContain('The United Nations called for restraint');
    for (const bad of ['INJECTED', 'ANOTHER SCRIPT', 'IFRAME TEXT', 'color:red', 'window.evil', '<', 'Home']) expect(r.text).not.toContain(bad);
    expect(r.meta).toMatchObject({ title: 'Ceasefire talks stall', siteName: 'Example Post', published: '2024-03-05T09:30:00Z', url: 'https://example.com/ceasefire' });
  });
  it('reads short pages and pages with no article text without throwing', () => {
    const r = extractHtml('<html><body><script>x()</script><p>Short note.</p><p>Second line here.</p></body></html>');
    expect(r.text).toBe('Short note.\n\nSecond line here.');
    expect(r.meta.title).toBeNull();
    const none = extractHtml('<html><body><nav>Home</nav><script>x()</script></body></html>');
    expect(none).toMatchObject({ text: '', readable: false });
    expect(prepareArticle(Buffer.from('<html><body><nav>Home</nav></body></html>'), 'x.html')).toMatchObject({ ok: false, reason: 'empty', detail: 'the page has no readable text' });
  });
});

describe('extractMarkdown', () => {
  it('reads YAML front matter as metadata and keeps it out of the text', () => {
    const r = extractMarkdown('---\ntitle: "A: title"\noutlet: Example\ndate: 2024-01-02\nevent: e1\n---\n# Head *one*\n\nSee [the report](https://x.org/r) and **this**.\n');
    expect(r.frontMatter).toEqual({ title: 'A: title', outlet: 'Example', date: '2024-01-02', event: 'e1' });
    expect(r.text).toBe('Head one\n\nSee the report and this.\n');
    expect(r.heading).toBe('Head one');
  });
  it('reports front matter that is not valid YAML and keeps the body', () => {
    const r = extractMarkdown('---\ntitle: [oops\n---\nBody text.');
    expect(r.frontMatterError).toMatch(/not valid YAML/);
    expect(r.text).toBe('Body text.');
  });
});

describe('clutter and language helpers', () => {
  it('keeps a Key Takeaways list that does not repeat the body', () => {
    const text = `${BODY('talks')}\n\nKey Takeaways\n\n• Penguins migrate across frozen oceans every spring.\n• Volcanic islands host unusual orchids.`;
    expect(findClutter(text).map((r) => r.kind)).not.toContain('summary-repeat');
  });
  it('detects English, French and too-short texts', () => {
    expect(detectLanguage(BODY('talks')).code).toBe('en');
    expect(detectLanguage(readFileSync(path.join(FIXTURE, 'french.txt'), 'utf8')).code).toBe('fr');
    expect(detectLanguage('Too short.').code).toBe('und');
  });
});

describe('loadFolder on the mixed-input fixture folder', () => {
  it('loads every good file and gives one specific problem per bad file', async () => {
    const dir = tempDir();
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'too-large.txt'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    symlinkSync('self-loop.txt', path.join(dir, 'self-loop.txt'));
    const before = snapshot(dir);
    const { articles, problems } = await loadFolder(dir);
    expect(articles.map((a) => a.summary.file)).toEqual([
      'bad-front-matter.md', 'french.txt', 'front-matter.md', 'nfd.txt', 'page.html', 'plain-copy.txt',
      'utf16be.txt', 'utf16le.txt', 'utf8-bom.txt', 'windows-1252.txt',
    ]);
    expect(problems.map((p) => [p.file, p.code, p.severity ?? 'skipped'])).toEqual([
      ['bad-front-matter.md', 'front-matter-invalid', 'warning'],
      ['binary.txt', 'not-text', 'skipped'],
      ['empty.txt', 'empty', 'skipped'],
      ['french.txt', 'non-english', 'warning'],
      ['gone.txt', 'manifest-entry-missing-file', 'skipped'],
      ['only-clutter.txt', 'only-clutter', 'skipped'],
      ['plain.txt', 'duplicate', 'skipped'],
      ['report.pdf', 'unsupported-type', 'skipped'],
      ['self-loop.txt', 'symlink-loop', 'skipped'],
      ['too-large.txt', 'too-large', 'skipped'],
      ['whitespace.txt', 'empty', 'skipped'],
    ]);
    const message = (file: string): string => problems.find((p) => p.file === file)?.message ?? '';
    expect(message('binary.txt')).toBe('binary.txt is named .txt but contains binary data (NUL or control bytes), not text; skipped.');
    expect(message('too-large.txt')).toMatch(/is 5\.0 MB, above the 5 MB limit/);
    expect(message('only-clutter.txt')).toMatch(/only page clutter \(share, paywall, navigation\)/);
    expect(message('french.txt')).toMatch(/looks French/);
    expect(message('plain.txt')).toMatch(/exact copy of plain-copy\.txt; counted once/);
    expect(message('gone.txt')).toMatch(/^manifest\.csv lists gone\.txt/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('records formats, encodings, languages and where each field came from', async () => {
    const { articles } = await loadFolder(FIXTURE);
    const get = (file: string) => {
      const a = articles.find((x) => x.summary.file === file);
      if (!a) throw new Error(`${file} not loaded`);
      return a;
    };
    expect(get('windows-1252.txt').summary).toMatchObject({ encoding: 'windows-1252', outlet: { value: 'Example Gazette', source: 'manifest' }, date: { value: '2024-02-10', source: 'manifest' } });
    expect(get('windows-1252.txt').text).toContain('“ceasefire” had brought customers back — for now');
    expect(get('utf16le.txt').summary.encoding).toBe('UTF-16LE (BOM)');
    expect(get('utf16be.txt').text.startsWith('UTF-16 big endian\n\nA court in the city')).toBe(true);
    expect(get('utf8-bom.txt').text.startsWith('Café with a BOM')).toBe(true);
    expect(get('nfd.txt').text).toContain('The café in the town square');
    expect(get('front-matter.md').summary).toMatchObject({
      format: 'md',
      outlet: { value: 'Example Times', source: 'front-matter' },
      title: { value: 'Talks resume in Cairo', source: 'front-matter' },
      date: { value: '2024-02-03', source: 'front-matter' },
      url: { value: 'https://example.org/talks', source: 'front-matter' },
      event: { value: 'cairo-talks', source: 'front-matter' },
    });
    expect(get('front-matter.md').text).not.toContain('---');
    expect(get('page.html').summary).toMatchObject({ format: 'html', outlet: { value: 'Example Post' }, date: { value: '2024-03-05' } });
    expect(get('plain-copy.txt').summary.outlet).toMatchObject({ value: 'Example Wire', source: 'text' });
    expect(get('plain-copy.txt').summary.duplicates).toEqual([expect.objectContaining({ file: 'plain.txt', kind: 'exact', similarity: 1 })]);
    expect(get('french.txt').summary.language?.code).toBe('fr');
    expect(get('french.txt').summary.warnings.join(' ')).toMatch(/French/);
  });

  it('keeps duplicates on request, marking the copy', async () => {
    const { articles, problems } = await loadFolder(FIXTURE, { keepDuplicates: true });
    const copy = articles.find((a) => a.summary.file === 'plain.txt');
    expect(copy?.summary.duplicateOf).toMatchObject({ file: 'plain-copy.txt', kind: 'exact' });
    expect(problems.find((p) => p.file === 'plain.txt')).toMatchObject({ code: 'duplicate', severity: 'warning' });
  });
});

describe('metadata precedence: manifest > front matter > text > unknown', () => {
  it('takes each field from the best source that has it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), `---\noutlet: Front Outlet\ntitle: Front Title\n---\nJERUSALEM | Xinhua | ${BODY('talks')}\n`);
    writeFileSync(path.join(dir, 'b.txt'), `Headline of b\n\nJERUSALEM | Xinhua | ${BODY('budget')} Copyright 2024 Other Media Inc.\n`);
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ manifestVersion: 1, articles: [{ file: 'a.md', outlet: 'Manifest Outlet', event: 'ev-1' }], events: [{ id: 'ev-1', name: 'Talks' }] }));
    const { articles, problems, manifest } = await loadFolder(dir);
    expect(problems).toEqual([]);
    expect(manifest?.events).toEqual([{ id: 'ev-1', name: 'Talks' }]);
    const [a, b] = articles;
    expect(a?.summary).toMatchObject({ outlet: { value: 'Manifest Outlet', source: 'manifest' }, title: { value: 'Front Title', source: 'front-matter' }, event: { value: 'ev-1', source: 'manifest' }, date: { value: null, source: 'unknown' } });
    expect(b?.summary).toMatchObject({ outlet: { value: 'Xinhua', source: 'text' }, title: { value: 'Headline of b', source: 'text' }, event: { value: null, source: 'unknown' } });
  });

  it('reads a CSV manifest and reports a bad row by number', async () => {
    expect(parseManifestCsv('file,outlet,date\na.txt,X,2024-13-01\n')).toMatchObject({ ok: false, message: expect.stringMatching(/row 2 column date/) as unknown });
    expect(parseManifestCsv('outlet\nX\n')).toMatchObject({ ok: false });
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), `Head\n\n${BODY('talks')}`);
    writeFileSync(path.join(dir, 'manifest.csv'), '\uFEFFfile,outlet,title,date,url,event\na.txt,"Outlet, Inc",Title A,2024-01-02,https://a.example/x,ev\n');
    const { articles } = await loadFolder(dir);
    expect(articles[0]?.summary).toMatchObject({ outlet: { value: 'Outlet, Inc', source: 'manifest' }, title: { value: 'Title A' }, date: { value: '2024-01-02' }, url: { value: 'https://a.example/x' }, event: { value: 'ev' } });
  });

  it('reports an invalid manifest, names the entry, and still loads the folder', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), `Head\n\n${BODY('talks')}`);
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ manifestVersion: 1, articles: [{ file: 'a.txt', date: '2024-02-30' }] }));
    const { articles, problems } = await loadFolder(dir);
    expect(articles).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ code: 'manifest-invalid', message: expect.stringContaining('articles.0.date (a.txt): not a calendar date') as unknown })]);
  });
});

describe('near duplicates', () => {
  it('finds a syndicated copy under another outlet and counts it once', async () => {
    const dir = tempDir();
    const story = [BODY('ceasefire'), BODY('hostage deal'), BODY('aid deliveries'), BODY('border crossing')].join('\n\n');
    writeFileSync(path.join(dir, 'a.txt'), `Original headline\n\n${story}\n`);
    writeFileSync(path.join(dir, 'b.txt'), `Syndicated headline\n\n${story.replace('next week', 'next month')}\n\nThis story was first published elsewhere.\n`);
    writeFileSync(path.join(dir, 'c.txt'), `Unrelated\n\n${readFileSync(path.join(SEEDS_DIR, '003_af78f88671f86985.txt'), 'utf8')}`);
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ manifestVersion: 1, articles: [{ file: 'a.txt', outlet: 'Wire A' }, { file: 'b.txt', outlet: 'Paper B' }] }));
    const { articles, problems } = await loadFolder(dir);
    expect(articles.map((a) => a.summary.file)).toEqual(['a.txt', 'c.txt']);
    const p = problems.find((x) => x.file === 'b.txt');
    expect(p?.code).toBe('near-duplicate');
    expect(p?.message).toMatch(/repeats a\.txt under another outlet \(Wire A there, Paper B here\)/);
    const ref = articles[0]?.summary.duplicates?.[0];
    expect(ref).toMatchObject({ file: 'b.txt', kind: 'near' });
    expect(ref?.similarity).toBeGreaterThanOrEqual(0.8);
    const kept = await loadFolder(dir, { keepDuplicates: true });
    expect(kept.articles.find((a) => a.summary.file === 'b.txt')?.summary.duplicateOf).toMatchObject({ file: 'a.txt', kind: 'near' });
  });
});

/** A file-system layer that delegates to the real one except for the failures a test asks for. */
function faultyFs(faults: { readFile?: (file: string, calls: number) => Uint8Array | Error | undefined; stat?: (file: string, calls: number) => Error | undefined }): IngestFs {
  const calls = new Map<string, number>();
  const count = (key: string): number => {
    const n = (calls.get(key) ?? 0) + 1;
    calls.set(key, n);
    return n;
  };
  return {
    readdir: (dir) => nodeFs.readdir(dir),
    realpath: (file) => nodeFs.realpath(file),
    stat: async (file) => {
      const fault = faults.stat?.(path.basename(file), count(`stat:${file}`));
      if (fault) throw fault;
      return nodeFs.stat(file);
    },
    readFile: async (file) => {
      const fault = faults.readFile?.(path.basename(file), count(`read:${file}`));
      if (fault instanceof Error) throw fault;
      if (fault) return fault;
      return nodeFs.readFile(file);
    },
  };
}
const errno = (code: string): Error => Object.assign(new Error(code), { code });

describe('files that fail while loading (injected file-system layer)', () => {
  function folder(): string {
    const dir = tempDir();
    for (const name of ['a.txt', 'locked.txt', 'changing.txt', 'deleted.txt', 'vanishing.txt']) {
      writeFileSync(path.join(dir, name), `Headline ${name}\n\n${BODY(name)}`);
    }
    return dir;
  }

  it('reports permission denied, changed, deleted files and still loads the rest', async () => {
    const dir = folder();
    const fs = faultyFs({
      readFile: (name) => {
        if (name === 'locked.txt') return errno('EACCES');
        if (name === 'deleted.txt') return errno('ENOENT');
        // A writer keeps appending: every read sees more bytes than stat said.
        if (name === 'changing.txt') return Buffer.from(`Headline\n\n${BODY('x')} ${String(Math.random())}`.repeat(2));
        return undefined;
      },
      // Gone between the read and the check after it.
      stat: (name, n) => (name === 'vanishing.txt' && n >= 2 ? errno('ENOENT') : undefined),
    });
    const { articles, problems } = await loadFolder(dir, { fs });
    expect(articles.map((a) => a.summary.file)).toEqual(['a.txt']);
    expect(problems.map((p) => [p.file, p.code])).toEqual([
      ['changing.txt', 'changed-while-loading'],
      ['deleted.txt', 'deleted-while-loading'],
      ['locked.txt', 'permission-denied'],
      ['vanishing.txt', 'deleted-while-loading'],
    ]);
    expect(problems.find((p) => p.file === 'locked.txt')?.message).toBe('locked.txt cannot be read: permission denied (EACCES). Change its permissions to let Framescope read it.');
    expect(problems.find((p) => p.file === 'changing.txt')?.message).toMatch(/kept changing while it was being read/);
  });

  it('reports a real unreadable file too when not running as root', async () => {
    if (process.getuid?.() === 0) return; // root reads any file: covered by the injected layer above
    const dir = folder();
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    const { problems } = await loadFolder(dir);
    chmodSync(path.join(dir, 'locked.txt'), 0o644);
    expect(problems.find((p) => p.file === 'locked.txt')?.code).toBe('permission-denied');
  });

  it('refuses an unreadable folder with a coded error', async () => {
    await expect(loadFolder(path.join(tmpdir(), 'framescope-no-such-folder'))).rejects.toMatchObject({ code: 'E_FOLDER_UNREADABLE' });
  });
});

describe('subfolders and symbolic links', () => {
  it('reads subfolders only when asked, and never follows a link loop', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
    writeFileSync(path.join(dir, 'top.txt'), `Top\n\n${BODY('top')}`);
    writeFileSync(path.join(dir, 'sub', 'inner.md'), `# Inner\n\n${BODY('inner')}`);
    writeFileSync(path.join(dir, 'sub', 'deeper', 'deep.txt'), `Deep\n\n${BODY('deep')}`);
    symlinkSync('..', path.join(dir, 'sub', 'deeper', 'up'));
    symlinkSync('a-link', path.join(dir, 'sub', 'b-link.txt'));
    symlinkSync('b-link.txt', path.join(dir, 'sub', 'a-link'));
    const flat = await loadFolder(dir);
    expect(flat.articles.map((a) => a.summary.file)).toEqual(['top.txt']);
    const deep = await loadFolder(dir, { recursive: true });
    expect(deep.articles.map((a) => a.summary.file)).toEqual(['sub/deeper/deep.txt', 'sub/inner.md', 'top.txt']);
    expect(deep.problems.map((p) => [p.file, p.code])).toEqual([
      ['sub/a-link', 'symlink-loop'],
      ['sub/b-link.txt', 'symlink-loop'],
      ['sub/deeper/up/', 'symlink-loop'],
    ]);
    const text = await loadArticleText(dir, deep.articles[0]?.summary ?? (undefined as never));
    expect(text.startsWith('Deep')).toBe(true);
  });
});

describe('thousands of files', () => {
  it('loads 3,000 files with progress events and can be cancelled', async () => {
    const dir = tempDir();
    for (let i = 0; i < 3000; i += 1) {
      writeFileSync(path.join(dir, `a${String(i).padStart(4, '0')}.txt`), `Story ${String(i)}\n\nItem ${String(i)}: ${BODY(`topic number ${String(i)} and case ${String(i * 7919)}`)} Reference ${String(i * 31)}.`);
    }
    const events: Progress[] = [];
    const { articles, problems } = await loadFolder(dir, { onProgress: (p) => events.push(p) });
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(articles).toHaveLength(3000);
    expect(events[0]).toMatchObject({ phase: 'listing' });
    const reading = events.filter((e) => e.phase === 'reading');
    expect(reading.length).toBeGreaterThan(1);
    expect(reading.at(-1)).toMatchObject({ done: 3000, total: 3000 });
    for (let i = 1; i < reading.length; i += 1) expect(reading[i]?.done).toBeGreaterThanOrEqual(reading[i - 1]?.done ?? 0);

    const controller = new AbortController();
    const cancelled = loadFolder(dir, { signal: controller.signal, onProgress: (p) => { if (p.done > 100) controller.abort(); } });
    await expect(cancelled).rejects.toMatchObject({ code: 'E_CANCELLED' });
  }, 60_000);
});

describe('loadArticleText / loadArticleView', () => {
  it('returns the exact text and clutter the analysis used, for every format', async () => {
    const loaded = await loadFolder(FIXTURE);
    for (const a of loaded.articles) {
      const again = await loadArticleContent(FIXTURE, a.summary);
      expect(again.text).toBe(a.text);
      expect(again.excluded).toEqual(a.excluded);
    }
    const seeds = await loadFolder(SEEDS_DIR);
    const jc = seeds.articles.find((a) => a.summary.file.startsWith('004'));
    if (!jc) throw new Error('seed 004 missing');
    const view = await loadArticleView(SEEDS_DIR, jc.summary);
    expect(view.text).toBe(jc.text);
    expect(view.highlights.length).toBe(jc.excluded.length);
    expect(view.highlights[0]).toMatchObject({ layer: 'excluded', tag: 'share', start: jc.excluded[0]?.start });
    expect(view.highlights[0]?.note).toMatch(/^Not scored: Share widget label/);
  });

  it('refuses a file that changed or moved, and paths outside the folder', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), `Head\n\n${BODY('a')}`);
    const { articles } = await loadFolder(dir);
    const summary = articles[0]?.summary;
    if (!summary) throw new Error('not loaded');
    writeFileSync(path.join(dir, 'a.txt'), `Head\n\n${BODY('b')}`);
    await expect(loadArticleText(dir, summary)).rejects.toMatchObject({ code: 'E_STALE' });
    unlinkSync(path.join(dir, 'a.txt'));
    await expect(loadArticleText(dir, summary)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await expect(loadArticleText(dir, { ...summary, file: '../etc/passwd' })).rejects.toBeInstanceOf(CodedError);
  });
});

describe('saveManifest', () => {
  it('writes only on save, atomically, keeping unknown fields and other entries', async () => {
    const dir = tempDir();
    cpSync(SEEDS_DIR, dir, { recursive: true });
    const original = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { note: string; articles: Record<string, unknown>[] };
    original.articles[1] = { ...original.articles[1], reviewer: 'kept field' };
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(original, null, 2));
    const before = snapshot(dir);
    await loadFolder(dir);
    expect(snapshot(dir)).toEqual(before);

    const result = await saveManifest(dir, {
      articles: [
        { file: '001_d83e9b355770aa0a.txt', outlet: 'The Hill (Nexstar)', date: '2024-03-22', event: 'rafah' },
        { file: '003_af78f88671f86985.txt', title: null },
        { file: 'new.txt', outlet: 'Added Outlet' },
      ],
      events: [{ id: 'rafah', name: 'Rafah warnings' }],
    });
    expect(result.file).toBe('manifest.json');
    const saved = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as typeof original & { events: unknown };
    expect(saved.note).toBe(original.note);
    expect(saved.articles[0]).toEqual(original.articles[0]);
    expect(saved.articles[1]).toEqual({ ...original.articles[1], outlet: 'The Hill (Nexstar)', date: '2024-03-22', event: 'rafah', reviewer: 'kept field' });
    expect(saved.articles[3]).not.toHaveProperty('title');
    expect(saved.articles[5]).toEqual({ file: 'new.txt', outlet: 'Added Outlet' });
    expect(saved.events).toEqual([{ id: 'rafah', name: 'Rafah warnings' }]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    await saveManifest(dir, { renameOutlets: [{ from: 'The Hill (Nexstar)', to: 'The Hill' }], events: [{ id: 'rafah', name: null }] });
    const renamed = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as typeof saved;
    expect(renamed.articles[1]?.outlet).toBe('The Hill');
    expect(renamed.events).toEqual([]);
    const reloaded = await loadFolder(dir);
    expect(reloaded.articles[1]?.summary.event).toMatchObject({ value: 'rafah', source: 'manifest' });
  });

  it('refuses invalid edits and unreadable manifests without writing', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'manifest.json'), '{ "manifestVersion": 1, "articles": [ broken');
    const before = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    await expect(saveManifest(dir, { articles: [{ file: 'a.txt', outlet: 'X' }] })).rejects.toMatchObject({ code: 'E_MANIFEST_INVALID' });
    expect(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toBe(before);
    const fresh = tempDir();
    await expect(saveManifest(fresh, { articles: [{ file: 'a.txt', date: '2024-99-01' }] })).rejects.toMatchObject({ code: 'E_MANIFEST_INVALID' });
    await expect(saveManifest(fresh, { articles: [{ file: '../a.txt', outlet: 'X' }] })).rejects.toMatchObject({ code: 'E_MANIFEST_INVALID' });
    expect(readdirSync(fresh)).toEqual([]);
    await saveManifest(fresh, { articles: [{ file: 'a.txt', outlet: 'X' }] });
    expect(JSON.parse(readFileSync(path.join(fresh, 'manifest.json'), 'utf8'))).toEqual({ manifestVersion: 1, articles: [{ file: 'a.txt', outlet: 'X' }] });
  });

  it('edits a CSV manifest in place, keeping its extra columns', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'manifest.csv'), 'file,outlet,notes\na.txt,Old,"checked, twice"\nb.txt,Other,\n');
    await saveManifest(dir, { articles: [{ file: 'a.txt', outlet: 'New "Name"', date: '2024-01-05' }] });
    expect(readFileSync(path.join(dir, 'manifest.csv'), 'utf8')).toBe(
      'file,outlet,notes,title,date,url,event\na.txt,"New ""Name""","checked, twice",,2024-01-05,,\nb.txt,Other,,,,,\n',
    );
    expect(readdirSync(dir)).toEqual(['manifest.csv']);
  });
});

describe('watchFolder', () => {
  it('reports added, changed and removed files once, after a quiet period', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'keep.txt'), 'one');
    writeFileSync(path.join(dir, 'gone.txt'), 'two');
    const changes: unknown[] = [];
    let ready: () => void = () => undefined;
    const isReady = new Promise<void>((resolve) => { ready = resolve; });
    const close = watchFolder(dir, (c) => changes.push(c), { debounceMs: 300, onReady: () => { ready(); } });
    try {
      await isReady;
      writeFileSync(path.join(dir, 'new.md'), '# new');
      writeFileSync(path.join(dir, 'keep.txt'), 'one, edited');
      unlinkSync(path.join(dir, 'gone.txt'));
      writeFileSync(path.join(dir, 'ignored.png'), 'x');
      writeFileSync(path.join(dir, 'manifest.json'), '{}');
      const deadline = Date.now() + 8000;
      while (changes.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 600));
      expect(changes).toEqual([{ added: ['new.md'], changed: ['keep.txt'], removed: ['gone.txt'], manifestChanged: true }]);
    } finally {
      await close();
    }
  }, 15_000);
});
