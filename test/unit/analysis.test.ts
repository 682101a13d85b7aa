import { knownJson } from '../../src/main/knownJson';
import { cp, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceKey, type Aggregator } from '../../src/main/engine/aggregate';
import { analyzeFolder, whenCachesWritten } from '../../src/main/engine';
import { engineParts } from '../../src/main/engine/registry';
import { QUOTES } from '../../src/main/engine/text/quotes';

const seeds = path.resolve('seeds');

/** Counts direct quotes per outlet: a real measure over the pipeline, small enough for a test. */
const quoteCounter: Aggregator = {
  id: 'quotes',
  tables(articles, outlets, store, scope) {
    const rows = outlets.map((outlet) => {
      const mine = articles.filter((a) => a.meta.outlet === outlet);
      const evidence = mine.flatMap((a) =>
        a.results.get(QUOTES).map((q) => ({ articleId: a.meta.id, start: q.contentStart, end: q.contentEnd, text: '', rule: 'quote', weight: 1 })),
      );
      const key = store.put(evidenceKey('quotes', outlet, scope.kind === 'event' ? scope.eventId : 'corpus'), `Direct quotes in ${outlet}`, evidence);
      return { outlet, cells: { quotes: { value: evidence.length, count: evidence.length, evidenceKey: key } } };
    });
    return [{ id: 'quotes', title: 'Direct quotes', unit: 'count', columns: [{ id: 'quotes', label: 'Quotes' }], rows }];
  },
};

describe('analysis of a folder', () => {
  it('lists each item behind a mark once, whichever scope built it (the folder and each event file evidence under their own keys)', async () => {
    const analysis = await analyzeFolder(seeds);
    const { comparison } = analysis.snapshot;
    expect(comparison.grouping.events.length).toBeGreaterThan(1);
    const keyed = comparison.tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells).map((c) => ({ table: t.id, key: c.evidenceKey }))));
    const checked = new Set<string>();
    for (const { table, key } of keyed) {
      if (key === null || checked.has(key)) continue;
      checked.add(key);
      const page = await analysis.evidence(key, 0, 10_000);
      const seen = page.items.map((e) => `${e.articleId}:${String(e.start)}:${String(e.end)}:${e.rule}`);
      expect({ table, key, duplicates: seen.length - new Set(seen).size }).toEqual({ table, key, duplicates: 0 });
    }
    expect([...checked].some((k) => k.startsWith('voices|'))).toBe(true);
    expect([...checked].some((k) => k.startsWith('figures|'))).toBe(true);
  });

  it('runs the pipeline, builds tables and pages the evidence behind a cell with its sentence', async () => {
    const parts = { ...engineParts(null), aggregators: [quoteCounter] };
    const analysis = await analyzeFolder(seeds, { parts });
    const table = analysis.snapshot.comparison.tables[0];
    const row = table?.rows.find((r) => r.outlet === 'The Jewish Chronicle');
    const cell = row?.cells.quotes;
    expect(cell?.value).toBeGreaterThan(10);
    const page = await analysis.evidence(cell?.evidenceKey ?? '', 0, 5);
    expect(page.total).toBe(cell?.count);
    expect(page.items).toHaveLength(5);
    for (const item of page.items) {
      expect(item.sentence.start).toBeLessThanOrEqual(item.start);
      expect(item.sentence.text.length).toBeGreaterThan(0);
    }
    await expect(analysis.evidence('no|such|key')).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });

  it('gives the reader highlight layers, sorted, and refuses an article changed on disk', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fs-analysis-'));
    await cp(seeds, dir, { recursive: true });
    const analysis = await analyzeFolder(dir);
    const first = analysis.snapshot.articles.find((a) => a.file.startsWith('004'));
    if (!first) throw new Error('seed 004 missing');
    const view = await analysis.article(first.id);
    const quotes = view.highlights.filter((h) => h.layer === 'quotes');
    expect(quotes.length).toBeGreaterThan(10);
    expect(view.highlights.map((h) => h.start)).toEqual([...view.highlights.map((h) => h.start)].sort((a, b) => a - b));
    await writeFile(path.join(dir, first.file), 'changed');
    await expect(analysis.article(first.id)).rejects.toMatchObject({ code: 'E_STALE' });
  });
});

describe('workers and cache', () => {
  const workerSetup = {
    workerFile: path.resolve('test/fixtures/workers/tsx-bootstrap.mjs'),
    workerEnv: { FRAMESCOPE_WORKER_TARGET: path.resolve('src/main/workers/analyzeWorker.ts') },
  };

  it('gives the same results in worker threads as in-process', async () => {
    const inProcess = await analyzeFolder(seeds, { now: () => new Date(0) });
    const inWorkers = await analyzeFolder(seeds, { ...workerSetup, workers: 2, workerThreshold: 1, now: () => new Date(0) });
    expect(inWorkers.stats.workers).toBe(2);
    expect(inProcess.stats.workers).toBe(0);
    expect(inWorkers.snapshot).toEqual(inProcess.snapshot);
    const id = inProcess.snapshot.articles[0]?.id ?? '';
    expect((await inWorkers.article(id)).highlights).toEqual((await inProcess.article(id)).highlights);
  }, 30_000);

  it('re-analyses only changed files on re-open, and rebuilds a corrupt cache', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fs-cache-folder-'));
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'fs-cache-'));
    await cp(seeds, dir, { recursive: true });
    const first = await analyzeFolder(dir, { cacheDir });
    expect(first.stats).toMatchObject({ cache: 'fresh', analysed: 5, fromCache: 0 });
    const again = await analyzeFolder(dir, { cacheDir });
    expect(again.stats).toMatchObject({ cache: 'hit', analysed: 0, fromCache: 5 });
    expect(again.snapshot.comparison).toEqual(first.snapshot.comparison);
    await writeFile(path.join(dir, '003_af78f88671f86985.txt'), 'JERUSALEM | Xinhua | A short “new” text about Gaza.\n');
    const changed = await analyzeFolder(dir, { cacheDir });
    expect(changed.stats).toMatchObject({ cache: 'hit', analysed: 1, fromCache: 4 });
    const { readdir } = await import('node:fs/promises');
    await whenCachesWritten();
    const file = (await readdir(cacheDir)).find((f) => f.endsWith('.results'));
    expect(file).toBeDefined();
    await writeFile(path.join(cacheDir, file ?? 'x'), 'not a cache');
    // The folder's snapshot would answer without reading the per-article cache: drop it.
    for (const f of await readdir(cacheDir)) if (f.endsWith('.snapshot')) await rm(path.join(cacheDir, f));
    const rebuilt = await analyzeFolder(dir, { cacheDir });
    expect(rebuilt.stats.cache).toBe('corrupt');
    expect(rebuilt.stats.cacheMessage).toMatch(/rebuilding/);
    expect(rebuilt.stats.analysed).toBe(5);
    expect(await readdir(dir)).not.toContain('.framescope');
  });

  it('re-opens an unchanged folder from its snapshot, with the same evidence, and rebuilds a damaged one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fs-snap-folder-'));
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'fs-snap-'));
    await cp(seeds, dir, { recursive: true });
    const first = await analyzeFolder(dir, { cacheDir, now: () => new Date(0) });
    expect(first.stats).toMatchObject({ snapshot: 'fresh', analysed: 5 });
    // The caches are written after the analysis is handed back.
    await whenCachesWritten();
    const { readdir } = await import('node:fs/promises');
    const snapFile = path.join(cacheDir, (await readdir(cacheDir)).find((f) => f.endsWith('.snapshot')) ?? 'none');

    const again = await analyzeFolder(dir, { cacheDir });
    expect(again.stats).toMatchObject({ snapshot: 'hit', analysed: 0, fromCache: 5 });
    expect(again.snapshot).toEqual(first.snapshot);
    // The figure rows are kept apart from the snapshot and read back the same.
    const rows = await first.figures();
    expect(rows.length).toBeGreaterThan(5);
    expect(first.snapshot.details.figureCount).toBe(rows.length);
    expect(JSON.stringify(first.snapshot)).not.toContain('"written"');
    expect(await again.figures()).toEqual(rows);
    // The snapshot read back is exactly its stored JSON, which the browser-mode server sends as is.
    expect(knownJson(first.snapshot)).toBeUndefined();
    expect(JSON.parse(knownJson(again.snapshot)?.toString('utf8') ?? 'null')).toEqual(again.snapshot);
    // Every evidence key of every table pages the same items, sentences included.
    const keys = first.snapshot.comparison.tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells).map((c) => c.evidenceKey)));
    const present = keys.filter((k): k is string => typeof k === 'string');
    expect(present.length).toBeGreaterThan(10);
    for (const key of present.slice(0, 40)) expect(await again.evidence(key, 0, 5)).toEqual(await first.evidence(key, 0, 5));
    const id = first.snapshot.articles[0]?.id ?? '';
    expect((await again.article(id)).highlights).toEqual((await first.article(id)).highlights);

    // A touched file, an added file and an edited manifest each make the snapshot stale.
    const file = path.join(dir, '003_af78f88671f86985.txt');
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    expect((await analyzeFolder(dir, { cacheDir })).stats).toMatchObject({ snapshot: 'stale', analysed: 0, fromCache: 5 });
    expect((await analyzeFolder(dir, { cacheDir })).stats.snapshot).toBe('hit');
    await writeFile(path.join(dir, 'new.txt'), 'JERUSALEM | Xinhua | A short new text about Gaza and the ceasefire talks in Cairo.\n');
    expect((await analyzeFolder(dir, { cacheDir })).stats).toMatchObject({ snapshot: 'stale', analysed: 1 });
    const manifest = path.join(dir, 'manifest.json');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('"Xinhua"', '"Xinhua News"'));
    const renamed = await analyzeFolder(dir, { cacheDir });
    expect(renamed.stats).toMatchObject({ snapshot: 'stale', analysed: 0 });
    expect(renamed.snapshot.outlets.map((o) => o.name)).toContain('Xinhua News');

    // A damaged snapshot is reported and rebuilt from the per-article cache.
    await whenCachesWritten();
    const bytes = await readFile(snapFile);
    const body = bytes.indexOf(10, 'framescope-snapshot'.length + 1) + 10;
    bytes[body] = (bytes[body] ?? 0) ^ 0xff;
    await writeFile(snapFile, bytes);
    const rebuilt = await analyzeFolder(dir, { cacheDir });
    expect(rebuilt.stats).toMatchObject({ snapshot: 'corrupt', analysed: 0 });
    expect(rebuilt.stats.cacheMessage).toMatch(/snapshot cache was unreadable/);
    expect(rebuilt.snapshot.comparison).toEqual(renamed.snapshot.comparison);
    expect((await analyzeFolder(dir, { cacheDir })).stats.snapshot).toBe('hit');
    await whenCachesWritten();
    await writeFile(snapFile, 'garbage');
    expect((await analyzeFolder(dir, { cacheDir })).stats.snapshot).toBe('corrupt');

    // Damaged evidence (read after the first screen) is refused with a clear message and rebuilt on the next open.
    await whenCachesWritten();
    const whole = await readFile(snapFile);
    whole[whole.length - 3] = (whole[whole.length - 3] ?? 0) ^ 0xff;
    await writeFile(snapFile, whole);
    const damaged = await analyzeFolder(dir, { cacheDir });
    expect(damaged.stats.snapshot).toBe('hit');
    await expect(damaged.evidence(present[0] ?? '')).rejects.toThrow(/snapshot cache was unreadable.*reopen the folder/);
    const healed = await analyzeFolder(dir, { cacheDir });
    expect(healed.stats).toMatchObject({ snapshot: 'fresh', analysed: 0 });
    expect((await healed.evidence(present[0] ?? '')).total).toBeGreaterThan(0);

    // Damaged figure rows (their own part, read when first asked for) likewise.
    await whenCachesWritten();
    const file2 = await readFile(snapFile);
    const headerEnd = file2.indexOf(10, 'framescope-snapshot'.length + 1);
    const header = JSON.parse(file2.subarray('framescope-snapshot\n'.length, headerEnd).toString('utf8')) as { parts: [number, string][] };
    const figuresAt = headerEnd + 1 + (header.parts[0]?.[0] ?? 0) + 2;
    file2[figuresAt] = (file2[figuresAt] ?? 0) ^ 0xff;
    await writeFile(snapFile, file2);
    const badFigures = await analyzeFolder(dir, { cacheDir });
    expect(badFigures.stats.snapshot).toBe('hit');
    await expect(badFigures.figures()).rejects.toThrow(/snapshot cache was unreadable.*reopen the folder/);
    const healedFigures = await analyzeFolder(dir, { cacheDir });
    expect(healedFigures.stats).toMatchObject({ snapshot: 'fresh', analysed: 0 });
    expect(await healedFigures.figures()).toEqual(await healed.figures());
    expect(await readdir(dir)).not.toContain('.framescope');
  }, 60_000);
});
