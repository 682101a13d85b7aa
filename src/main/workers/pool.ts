/**
 * A small pool of worker threads that maps a task over many items in batches, streaming each
 * result back as it arrives, with cancellation. Workers pull the next batch when they finish
 * one, so a slow article never holds up the others.
 *
 * The worker module must answer messages `{ id, items }` with `{ id, results }` (same order) or
 * `{ id, error }`; see `defineWorker`.
 */
import os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { CodedError } from '../../shared/result';

export interface PoolOptions<I, O> {
  /** Absolute path or file URL of the worker module. */
  readonly workerFile: string | URL;
  /** The items, or their number with `item` handing each out when its batch is sent. */
  readonly items: readonly I[] | { readonly count: number; readonly item: (index: number) => I };
  readonly size?: number;
  readonly batchSize?: number;
  /** Data handed to every worker once (e.g. lexicons). */
  readonly workerData?: unknown;
  readonly execArgv?: readonly string[];
  /** Extra environment for the workers (they get a copy of the parent's otherwise). */
  readonly env?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  readonly onResult?: (index: number, result: O) => void;
  /** False: results go to `onResult` only and the returned array stays empty (nothing kept twice). */
  readonly collect?: boolean;
}

interface BatchMessage<O> {
  readonly id: number;
  readonly results?: readonly O[];
  readonly error?: string;
}

/**
 * How many worker threads analyse a large folder: `FRAMESCOPE_WORKERS` when set (0 = on the main
 * thread, in batches that give the event loop back between them), else one per core up to 4, and
 * none on a single core. On two cores the threads gain little over the main thread (an article's
 * results cost about as much to pass between threads as to compute) but keep it free.
 */
export function analysisWorkerCount(env: Readonly<Record<string, string | undefined>> = process.env, cores = os.availableParallelism()): number {
  const set = env.FRAMESCOPE_WORKERS;
  if (set !== undefined && /^\d+$/.test(set.trim())) return Math.min(16, Number(set.trim()));
  return cores >= 2 ? Math.min(4, cores) : 0;
}

/** Batches handed to each worker ahead of time. */
const IN_FLIGHT = 2;

/** A pool's size when none is given: the analysis threads, at least one. */
export function defaultPoolSize(): number {
  return Math.max(1, analysisWorkerCount());
}

export async function mapInWorkers<I, O>(options: PoolOptions<I, O>): Promise<O[]> {
  const { signal } = options;
  const source = options.items;
  const count = Array.isArray(source) ? source.length : (source as { readonly count: number }).count;
  const itemAt = Array.isArray(source)
    ? (i: number): I => (source as readonly I[])[i] as I
    : (source as { readonly item: (index: number) => I }).item;
  const collect = options.collect ?? true;
  const size = Math.max(1, Math.min(options.size ?? defaultPoolSize(), Math.ceil(count / (options.batchSize ?? 1)) || 1));
  const batchSize = Math.max(1, options.batchSize ?? 16);
  const results = new Array<O>(collect ? count : 0);
  if (count === 0) return results;
  if (signal?.aborted) throw new CodedError('E_CANCELLED', 'Analysis was cancelled.');

  let next = 0;
  let pending = 0;
  const workers: Worker[] = [];

  return new Promise<O[]>((resolve, reject) => {
    let settled = false;
    const finish = (err?: Error): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const onAbort = (): void => finish(new CodedError('E_CANCELLED', 'Analysis was cancelled.'));
    signal?.addEventListener('abort', onAbort, { once: true });

    const feed = (worker: Worker): void => {
      if (next >= count) return;
      const id = next;
      const batch: I[] = [];
      for (let i = next; i < Math.min(count, next + batchSize); i += 1) batch.push(itemAt(i));
      next += batch.length;
      pending += 1;
      worker.postMessage({ id, items: batch });
    };

    for (let i = 0; i < size; i += 1) {
      const worker = new Worker(options.workerFile, {
        workerData: options.workerData,
        ...(options.execArgv ? { execArgv: [...options.execArgv] } : {}),
        ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
      });
      workers.push(worker);
      worker.on('message', (msg: BatchMessage<O>) => {
        pending -= 1;
        if (msg.error !== undefined || !msg.results) {
          finish(new CodedError('E_INTERNAL', `A worker failed: ${msg.error ?? 'no results'}`));
          return;
        }
        // The worker gets its next batch before these results are read, so it never waits while
        // the main thread takes them in.
        feed(worker);
        msg.results.forEach((r, k) => {
          if (collect) results[msg.id + k] = r;
          options.onResult?.(msg.id + k, r);
        });
        if (next >= count && pending === 0) finish();
      });
      worker.on('error', (err) => finish(new CodedError('E_INTERNAL', `A worker crashed: ${err.message}`)));
      worker.on('exit', (code) => {
        if (!settled && code !== 0) finish(new CodedError('E_INTERNAL', `A worker stopped unexpectedly (exit ${code}).`));
      });
      // Two batches in flight per worker: one being analysed, one waiting in its queue.
      for (let d = 0; d < IN_FLIGHT; d += 1) feed(worker);
    }
  });
}

/** Call from a worker module: answers batches with `task` applied to each item. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the parameters name the worker protocol for callers
export function defineWorker<I, O, D = unknown>(task: (item: I, data: D) => O | Promise<O>): void {
  if (!parentPort) throw new Error('defineWorker must run inside a worker thread');
  const port = parentPort;
  const data = workerData as D;
  port.on('message', (msg: { id: number; items: readonly I[] }) => {
    void (async () => {
      try {
        const results: O[] = [];
        for (const item of msg.items) results.push(await task(item, data));
        port.postMessage({ id: msg.id, results });
      } catch (err) {
        port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
      }
    })();
  });
}
