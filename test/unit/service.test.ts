import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { analyzeFolder, type Analysis } from '../../src/main/engine';
import { createService, parseExternalUrl } from '../../src/main/service';
import type { AnalysisSnapshot, Progress } from '../../src/shared/model';

const seedsDir = path.resolve('seeds');

describe('service', () => {
  it('opens the seeds on first getAnalysis and streams progress ending in done', async () => {
    const service = createService({ seedsDir, analyze: analyzeFolder });
    const seen: Progress[] = [];
    service.onProgress((p) => seen.push(p));
    const result = await service.handlers.getAnalysis(undefined);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.folder.isSeeds).toBe(true);
    expect(result.value.outlets.map((o) => o.name)).toEqual([
      'All Israel News',
      'BNN Breaking',
      'The Hill',
      'The Jewish Chronicle',
      'Xinhua',
    ]);
    expect(seen.at(-1)).toMatchObject({ phase: 'done', total: 5 });
    expect(seen.some((p) => p.phase === 'reading')).toBe(true);
    // Grouping and comparing is announced after the last article is analysed, before done.
    const phases = seen.map((p) => p.phase);
    expect(phases.indexOf('comparing')).toBeGreaterThan(phases.lastIndexOf('analysing'));
    expect(phases.indexOf('comparing')).toBeLessThan(phases.indexOf('done'));
    expect(seen.find((p) => p.phase === 'comparing')).toMatchObject({ done: 5, total: 5 });
  });

  it('reads an analysed article again for the reader, and refuses unknown or changed ones', async () => {
    const { cp, writeFile } = await import('node:fs/promises');
    const os = await import('node:os');
    const { mkdtemp } = await import('node:fs/promises');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fs-svc-'));
    await cp(seedsDir, dir, { recursive: true });
    const service = createService({ seedsDir, analyze: analyzeFolder });
    expect(await service.handlers.getArticle({ id: 'a'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'E_NOT_READY' } });
    const opened = await service.open(dir);
    if (!opened.ok) throw new Error('open failed');
    const first = opened.value.articles[0];
    if (!first) throw new Error('no article');
    const view = await service.handlers.getArticle({ id: first.id });
    expect(view).toMatchObject({ ok: true, value: { id: first.id, file: first.file, outlet: first.outlet.value } });
    expect(view.ok && view.value.text.length).toBe(first.characters);
    expect(await service.handlers.getArticle({ id: 'b'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
    await writeFile(path.join(dir, first.file), 'changed');
    expect(await service.handlers.getArticle({ id: first.id })).toMatchObject({ ok: false, error: { code: 'E_STALE' } });
  });

  it('answers the figure rows of the snapshot the page holds, and refuses another analysis’s or a malformed request', async () => {
    const { dispatch } = await import('../../src/main/dispatch');
    const service = createService({ seedsDir, analyze: analyzeFolder });
    expect(await service.handlers.getFigures({ analysedAt: '2026-01-01T00:00:00.000Z' })).toMatchObject({ ok: false, error: { code: 'E_NOT_READY' } });
    const opened = await service.handlers.getAnalysis(undefined);
    if (!opened.ok) throw new Error('open failed');
    const { analysedAt, details } = opened.value;
    const figures = await dispatch(service.handlers, 'getFigures', { analysedAt });
    if (!figures.ok) throw new Error(figures.error.message);
    const value = figures.value as { analysedAt: string; rows: { written: string; outlet: string }[] };
    expect(value.analysedAt).toBe(analysedAt);
    expect(value.rows).toHaveLength(details.figureCount);
    expect(value.rows.some((r) => r.written === '22,835' && r.outlet === 'All Israel News')).toBe(true);
    // The snapshot itself carries no rows.
    expect(JSON.stringify(opened.value)).not.toContain('"evidenceKey":"figure|');
    expect(value).toMatchObject({ offset: 0, total: details.figureCount });
    // A page of them: the rows from `offset`, with the number in all.
    const page = await dispatch(service.handlers, 'getFigures', { analysedAt, offset: 2, limit: 3 });
    expect(page).toEqual({ ok: true, value: { analysedAt, rows: value.rows.slice(2, 5), offset: 2, total: details.figureCount } });
    const past = await dispatch(service.handlers, 'getFigures', { analysedAt, offset: 10_000, limit: 3 });
    expect(past).toEqual({ ok: true, value: { analysedAt, rows: [], offset: details.figureCount, total: details.figureCount } });
    expect(await dispatch(service.handlers, 'getFigures', { analysedAt: '2000-01-01T00:00:00.000Z' })).toMatchObject({ ok: false, error: { code: 'E_STALE' } });
    for (const bad of [
      undefined,
      {},
      { analysedAt: 'yesterday' },
      { analysedAt, extra: 1 },
      { analysedAt: 'x'.repeat(5000) },
      { analysedAt, offset: -1 },
      { analysedAt, limit: 0 },
      { analysedAt, limit: 20_001 },
      { analysedAt, offset: 1.5 },
    ]) {
      expect(await dispatch(service.handlers, 'getFigures', bad)).toMatchObject({ ok: false, error: { code: 'E_INVALID_PAYLOAD' } });
    }
  });

  it('reports a folder that cannot be read with a coded error', async () => {
    const service = createService({ seedsDir, analyze: analyzeFolder, chooseFolder: () => Promise.resolve('/no/such/folder') });
    const result = await service.handlers.openFolder(undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_FOLDER_UNREADABLE' } });
    expect(!result.ok && result.error.message).toContain('/no/such/folder');
  });

  it('says clearly that choosing a folder needs the desktop window in browser mode', async () => {
    const service = createService({ seedsDir, analyze: analyzeFolder });
    const result = await service.handlers.openFolder(undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_UNSUPPORTED' } });
  });

  it('treats a cancelled dialog as nothing opened', async () => {
    const service = createService({ seedsDir, analyze: analyzeFolder, chooseFolder: () => Promise.resolve(null) });
    expect(await service.handlers.openFolder(undefined)).toEqual({ ok: true, value: { opened: false, snapshot: null } });
  });

  it('cancels a running analysis when another folder is opened', async () => {
    let release: () => void = () => undefined;
    const slow = (folder: string, options: { signal?: AbortSignal }): Promise<Analysis> =>
      new Promise((resolve, reject) => {
        release = () => {
          if (options.signal?.aborted) reject(new Error('aborted'));
          else {
            const snapshot = { folder: { path: folder }, articles: [] } as unknown as AnalysisSnapshot;
            const stats = { articles: 0, fromCache: 0, analysed: 0, workers: 0, cache: 'off' as const, seconds: { load: 0, analyse: 0, aggregate: 0 } };
            resolve({
              snapshot,
              stats,
              eventTables: () => Promise.resolve(null),
              figures: () => Promise.resolve([]),
              article: () => Promise.reject(new Error('unused')),
              evidence: () => Promise.reject(new Error('unused')),
              // eslint-disable-next-line require-yield -- never iterated in this test
              articleResults: async function* () {
                await Promise.reject(new Error('unused'));
              },
            });
          }
        };
      });
    const analyze = vi.fn(slow);
    const service = createService({ seedsDir, analyze });
    const first = service.open('/a');
    const firstRelease = release;
    const second = service.open('/b');
    firstRelease();
    release();
    expect((await first).ok).toBe(false);
    expect(await second).toMatchObject({ ok: true, value: { folder: { path: '/b' } } });
  });

  it('opens only https links, through the injected shell', async () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const service = createService({ seedsDir, analyze: analyzeFolder, openExternal });
    expect(await service.handlers.openExternal({ url: 'https://example.org/a' })).toEqual({ ok: true, value: { opened: true } });
    for (const url of ['http://example.org', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.org/', 'nonsense']) {
      expect(await service.handlers.openExternal({ url })).toMatchObject({ ok: false, error: { code: 'E_URL_REFUSED' } });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(parseExternalUrl('https://example.org')?.hostname).toBe('example.org');
  });
});
