import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisWorkerCount, mapInWorkers } from '../../src/main/workers/pool';

// Workers run TypeScript here through a tsx bootstrap; the built app runs bundled JavaScript.
const bootstrap = path.resolve('test/fixtures/workers/tsx-bootstrap.mjs');
const target = (name: string) => ({ workerFile: bootstrap, env: { FRAMESCOPE_WORKER_TARGET: path.resolve(`test/fixtures/workers/${name}.ts`) } });
const square = target('square');
const slow = target('slow');

describe('analysisWorkerCount', () => {
  it('uses a thread per core up to 4, none on one core, and FRAMESCOPE_WORKERS when set', () => {
    expect(analysisWorkerCount({}, 1)).toBe(0);
    expect(analysisWorkerCount({}, 2)).toBe(2);
    expect(analysisWorkerCount({}, 4)).toBe(4);
    expect(analysisWorkerCount({}, 32)).toBe(4);
    expect(analysisWorkerCount({ FRAMESCOPE_WORKERS: '2' }, 2)).toBe(2);
    expect(analysisWorkerCount({ FRAMESCOPE_WORKERS: '0' }, 8)).toBe(0);
    expect(analysisWorkerCount({ FRAMESCOPE_WORKERS: 'many' }, 8)).toBe(4);
    expect(analysisWorkerCount({ FRAMESCOPE_WORKERS: '99' }, 8)).toBe(16);
  });
});

describe('mapInWorkers', () => {
  it('maps every item in order across workers, streaming results', async () => {
    const items = Array.from({ length: 103 }, (_, i) => i);
    const seen: number[] = [];
    const out = await mapInWorkers<number, number>({
      ...square,
      items,
      size: 2,
      batchSize: 10,
      workerData: { offset: 1 },
      onResult: (i) => seen.push(i),
    });
    expect(out).toEqual(items.map((n) => n * n + 1));
    expect(seen.sort((a, b) => a - b)).toEqual(items);
  });

  it('turns a task error into a coded error', async () => {
    await expect(
      mapInWorkers<number, number>({ ...square, items: [1, -2, 3], size: 1, batchSize: 1, workerData: { offset: 0 } }),
    ).rejects.toMatchObject({ code: 'E_INTERNAL', message: expect.stringContaining('negative input -2') as unknown });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const run = mapInWorkers<number, number>({ ...slow, items: Array.from({ length: 200 }, (_, i) => i), size: 2, batchSize: 1, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(run).rejects.toMatchObject({ code: 'E_CANCELLED' });
  });

  it('returns at once for no items', async () => {
    expect(await mapInWorkers({ ...square, items: [] })).toEqual([]);
  });
});
