import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { analyzeFolder } from '../../src/main/engine';
import { createService } from '../../src/main/service';
import { dispatch } from '../../src/main/dispatch';

const seedsDir = path.resolve('seeds');

/** Writes a sixth article into `dir`; `done` resolves with the article count of the next finished analysis. */
async function addArticle(service: ReturnType<typeof createService>, dir: string): Promise<{ done: Promise<number> }> {
  await writeFile(path.join(dir, 'extra.txt'), 'JERUSALEM | Xinhua | Blinken met officials in Tel Aviv on Tuesday to discuss aid to Gaza.\n');
  const done = new Promise<number>((resolve) => {
    const off = service.onProgress((p) => {
      if (p.phase === 'done') {
        off();
        resolve(p.total);
      }
    });
  });
  return { done };
}

async function copyOfSeeds(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fs-corrections-'));
  await cp(seedsDir, dir, { recursive: true });
  return dir;
}

describe('saving corrections to the manifest', () => {
  it('renames and merges outlets, moves an article to another event, and undoes it all', async () => {
    const dir = await copyOfSeeds();
    const service = createService({ seedsDir, analyze: analyzeFolder });
    const opened = await service.open(dir);
    if (!opened.ok) throw new Error('open failed');
    const before = await readFile(path.join(dir, 'manifest.json'), 'utf8');
    const xinhua = opened.value.articles.find((a) => a.outlet.value === 'Xinhua');
    const hill = opened.value.articles.find((a) => a.outlet.value === 'The Hill');
    if (!xinhua || !hill) throw new Error('seed outlets missing');
    const janEvent = opened.value.comparison.grouping.events.find((e) => e.articleIds.includes(xinhua.id));

    const saved = await service.handlers.saveCorrections({
      renameOutlets: [{ from: 'BNN Breaking', to: 'The Jewish Chronicle' }],
      articles: [{ id: hill.id, event: janEvent?.id ?? null }],
      events: [{ id: janEvent?.id ?? '', name: 'Blinken in Israel, January' }],
    });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.file).toBe('manifest.json');
    expect(saved.value.snapshot.outlets.map((o) => o.name)).toEqual(['All Israel News', 'The Hill', 'The Jewish Chronicle', 'Xinhua']);
    const jan = saved.value.snapshot.comparison.grouping.events.find((e) => e.articleIds.includes(xinhua.id));
    expect(jan?.name).toBe('Blinken in Israel, January');
    expect(jan?.articleIds).toContain(hill.id);
    // Only the manifest changed in the folder; nothing else was written there.
    expect((await readdir(dir)).sort()).toEqual((await readdir(seedsDir)).sort());

    const undone = await service.handlers.saveCorrections(saved.value.undo);
    if (!undone.ok) throw new Error(undone.error.message);
    expect(undone.value.snapshot.outlets).toHaveLength(5);
    expect(undone.value.snapshot.comparison.grouping.events.find((e) => e.articleIds.includes(hill.id))?.articleIds).toEqual([hill.id]);
    expect(JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'))).toMatchObject({
      articles: (JSON.parse(before) as { articles: unknown[] }).articles,
    });
  }, 30_000);

  it('refuses to write into the bundled sample articles, and validates payloads', async () => {
    const service = createService({ seedsDir, analyze: analyzeFolder });
    await service.handlers.openSeeds(undefined);
    expect(await service.handlers.saveCorrections({ renameOutlets: [{ from: 'Xinhua', to: 'X' }] })).toMatchObject({
      ok: false,
      error: { code: 'E_UNSUPPORTED' },
    });
    expect(await dispatch(service.handlers, 'saveCorrections', { articles: [{ id: 'nope', outlet: 'X' }] })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_PAYLOAD' },
    });
    expect(await dispatch(service.handlers, 'saveCorrections', { renameOutlets: [{ from: 'A', to: '   ' }] })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_PAYLOAD' },
    });
  });
});

describe('following a folder changed outside Framescope', () => {
  it('watches an opened folder (never the samples) and analyses it again when files change', async () => {
    const dir = await copyOfSeeds();
    const watched: { folder: string; onChange: (changed: readonly string[]) => void }[] = [];
    let stopped = 0;
    const service = createService({
      seedsDir,
      analyze: analyzeFolder,
      watchDelayMs: 0,
      watch: (folder, onChange) => {
        watched.push({ folder, onChange });
        return () => {
          stopped += 1;
          return Promise.resolve();
        };
      },
    });
    await service.handlers.openSeeds(undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(watched).toEqual([]);
    await service.open(dir);
    // The watcher starts after a delay, so its first scan does not compete with the first screen.
    await vi.waitFor(() => expect(watched.map((w) => w.folder)).toEqual([dir]));
    const { done } = await addArticle(service, dir);
    watched[0]?.onChange(['extra.txt']);
    expect(await done).toBe(6);
    await service.handlers.openSeeds(undefined);
    expect(stopped).toBe(1);
  });
});

describe('a change made before the watcher is ready', () => {
  it('is caught when the watcher is ready, by comparing the folder with what was analysed', async () => {
    const dir = await copyOfSeeds();
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'framescope-watch-cache-'));
    const ready: (() => void)[] = [];
    const opened: string[] = [];
    const logged: string[] = [];
    const service = createService({
      seedsDir,
      analyze: (folder, options) => {
        opened.push(folder);
        return analyzeFolder(folder, { ...options, cacheDir });
      },
      log: (message) => logged.push(message),
      watchDelayMs: 0,
      watch: (_folder, _onChange, onReady) => {
        if (onReady) ready.push(onReady);
        return () => Promise.resolve();
      },
    });
    await service.open(dir);
    await vi.waitFor(() => expect(ready).toHaveLength(1));
    // Nothing changed: being ready re-opens nothing.
    ready[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(opened).toEqual([dir]);
    const { done } = await addArticle(service, dir);
    ready[0]?.();
    expect(await done).toBe(6);
    expect(opened).toEqual([dir, dir]);
    expect(logged.some((m) => m.includes('while it was being opened'))).toBe(true);
  });
});

describe('asking for the analysis while a folder is being analysed', () => {
  it('waits for that folder instead of opening the samples', async () => {
    const dir = await copyOfSeeds();
    const opened: string[] = [];
    const service = createService({
      seedsDir,
      analyze: (folder, options) => {
        opened.push(folder);
        return analyzeFolder(folder, options);
      },
    });
    const opening = service.open(dir);
    const asked = await service.handlers.getAnalysis(undefined);
    expect(asked.ok && asked.value.folder.path).toBe(dir);
    expect(opened).toEqual([dir]);
    expect((await opening).ok).toBe(true);
  });
});
