/**
 * What each article's results (its record) cost: heap kept per record (as analysed, and as
 * rebuilt from the packed form the worker threads send), CPU time per article to analyse, pack,
 * clone (as between threads) and unpack, the packed size, and per result slot its JSON-like size
 * and its objects and strings (a typed array counts as one object, its bytes as its size).
 *
 *   node --expose-gc --import tsx scripts/bench/records-size.ts <folder> [--articles 500]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { metaOf } from '../../src/main/engine';
import { loadFolder } from '../../src/main/engine/ingest/loadFolder';
import { createPipeline, shareStrings, type SerializedResults } from '../../src/main/engine/pipeline';
import { engineParts } from '../../src/main/engine/registry';
import { analyseArticle } from '../../src/main/engine/work';
import { pack, unpack, type Packed } from '../../src/main/workers/packed';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { articles: { type: 'string', default: '500' } } });
const folder = positionals[0];
const gcFn = (globalThis as { gc?: () => void }).gc;
if (folder === undefined || gcFn === undefined) {
  process.stderr.write('usage: node --expose-gc --import tsx scripts/bench/records-size.ts <folder> [--articles 500]\n');
  process.exit(2);
}
const gc = gcFn;
const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const heapAfterGc = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
/** The best of three timings of `f` (CPU ms), on a shared machine the least disturbed. */
const bestOf3 = (f: () => void): number => {
  let best = Infinity;
  for (let k = 0; k < 3; k += 1) {
    const c0 = cpuMs();
    f();
    best = Math.min(best, cpuMs() - c0);
  }
  return best;
};

/** Objects and strings in a value; a typed array counts as one. */
function parts(v: unknown): number {
  if (typeof v === 'string') return 1;
  if (typeof v !== 'object' || v === null) return 0;
  if (ArrayBuffer.isView(v)) return 1;
  let n = 1;
  for (const x of Object.values(v as Record<string, unknown>)) n += parts(x);
  return n;
}

/** JSON length, a typed array counted as its byte length. */
const size = (v: unknown): number =>
  JSON.stringify(v, (_k, x: unknown) => (ArrayBuffer.isView(x) ? 'x'.repeat(Math.max(0, x.byteLength - 2)) : x)).length;

async function main(): Promise<void> {
  const resolved = path.resolve(folder ?? '.');
  const loaded = await loadFolder(resolved);
  const articles = loaded.articles.slice(0, Math.max(1, Number(values.articles)));
  const n = articles.length;
  const pipeline = createPipeline(engineParts(resolved).components);
  const items = articles.map((a) => ({ meta: metaOf(a.summary), text: a.text, excluded: a.excluded }));
  for (const item of items.slice(0, 50)) analyseArticle(pipeline, item);

  const h0 = heapAfterGc();
  const shared = new Map<string, string>();
  const c0 = cpuMs();
  const records: SerializedResults[] = items.map((item) => shareStrings(analyseArticle(pipeline, item), shared));
  const analyseMs = cpuMs() - c0;
  const h1 = heapAfterGc();

  let packed: Packed[] = [];
  const packMs = bestOf3(() => {
    packed = records.map((r) => pack(r));
  });
  // As received from a worker thread: a structured clone, so no string is shared with the records above.
  let received: Packed[] = [];
  const cloneMs = bestOf3(() => {
    received = packed.map((p) => structuredClone(p));
  });
  const unpackMs = bestOf3(() => {
    const table = new Map<string, string>();
    for (const p of received) unpack(p, table);
  });
  const h2 = heapAfterGc();
  const table = new Map<string, string>();
  const rebuilt = received.map((p) => unpack(p, table));
  const h3 = heapAfterGc();
  let bytes = 0;
  for (const p of packed) bytes += p.numbers.byteLength + p.bytes.byteLength + p.program.byteLength + p.strings.reduce((s, x) => s + x.length * 2, 0);

  const kb = (b: number): string => (b / 1024).toFixed(1);
  process.stdout.write(
    [
      `${String(n)} articles of ${resolved}`,
      `heap per record: ${kb((h1 - h0) / n)} KB as analysed (strings shared), ${kb((h3 - h2) / n)} KB rebuilt from the packed form`,
      `CPU per article: analyse ${(analyseMs / n).toFixed(2)} ms, pack ${(packMs / n).toFixed(2)} ms, structured clone ${(cloneMs / n).toFixed(2)} ms, unpack ${(unpackMs / n).toFixed(2)} ms (best of 3); packed ${kb(bytes / n)} KB`,
      'per slot (all articles): size MB, objects and strings',
      '',
    ].join('\n'),
  );
  const bySize = new Map<string, number>();
  const byParts = new Map<string, number>();
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) {
      bySize.set(k, (bySize.get(k) ?? 0) + size(v));
      byParts.set(k, (byParts.get(k) ?? 0) + parts(v));
    }
  }
  let totalSize = 0;
  let totalParts = 0;
  for (const [k, v] of [...bySize].sort((a, b) => b[1] - a[1])) {
    const p = byParts.get(k) ?? 0;
    totalSize += v;
    totalParts += p;
    process.stdout.write(`  ${k.padEnd(18)} ${(v / 1e6).toFixed(2).padStart(7)} MB ${String(p).padStart(9)}\n`);
  }
  process.stdout.write(`  ${'total'.padEnd(18)} ${(totalSize / 1e6).toFixed(2).padStart(7)} MB ${String(totalParts).padStart(9)}\n`);
  if (rebuilt.length !== n) throw new Error('records lost');
}

main().catch((err: unknown) => {
  process.stderr.write(`records-size: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
