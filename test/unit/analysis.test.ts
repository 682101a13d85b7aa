import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceKey, type Aggregator } from '../../src/main/engine/aggregate';
import { analyzeFolder } from '../../src/main/engine';
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
    const [file] = await readdir(cacheDir);
    await writeFile(path.join(cacheDir, file ?? 'x'), '{ not json');
    const rebuilt = await analyzeFolder(dir, { cacheDir });
    expect(rebuilt.stats.cache).toBe('corrupt');
    expect(rebuilt.stats.cacheMessage).toMatch(/rebuilding/);
    expect(rebuilt.stats.analysed).toBe(5);
    expect(await readdir(dir)).not.toContain('.framescope');
  });
});
