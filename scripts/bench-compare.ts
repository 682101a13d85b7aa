/**
 * Time of the comparison step alone: a folder is analysed once in-process (pipeline results kept
 * in a result cache under the system's temp folder, never in the article folder, so later runs
 * skip the analysis; `--no-cache` analyses every time and keeps the results as the pipeline made
 * them, items shared between results included), events are grouped once, then each run times `compare()` (every
 * aggregator's tables for the corpus and per event, the omission grid, topic discovery) plus
 * `figureRows`, `toneDistribution` and `voiceShares` into a fresh EvidenceStore, as
 * `analyzeFolder` does after analysis. Prints medians of wall and CPU time, the GC time, and a
 * sha256 of the comparison + details JSON and of the encoded evidence store, so output identity
 * can be checked across code changes.
 *
 *   npx tsx scripts/bench-compare.ts <folder> [--runs 3] [--no-cache] [--json] [--out file.json]
 *
 * `--parts` also prints the CPU time of each aggregator (corpus scope and all events), the feature
 * sources and the details, summed over the runs.
 *
 * `--out` writes the comparison, the details and the encoded store of the last run as JSON, to
 * find where two versions' outputs differ.
 *
 * For hotspots: node --cpu-prof --import tsx scripts/bench-compare.ts <folder> --runs 1
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EvidenceStore, UNKNOWN_OUTLET, type AnalysedArticle, type EncodedEvidenceStore } from '../src/main/engine/aggregate';
import { compare, eventsOf } from '../src/main/engine/compare/compare';
import { overridesFromFolder } from '../src/main/engine/events/manifest';
import { figureRows } from '../src/main/engine/figures/aggregate';
import { loadFolder } from '../src/main/engine/ingest/loadFolder';
import { metaOf } from '../src/main/engine/index';
import { toneDistribution } from '../src/main/engine/measures/index';
import { createPipeline, resultsFromRecord, shareStrings, type SerializedResults } from '../src/main/engine/pipeline';
import { engineParts } from '../src/main/engine/registry';
import { voiceShares } from '../src/main/engine/voices/index';
import { analyseArticle } from '../src/main/engine/work';
import { ResultCache } from '../src/main/cache/resultCache';
import { resultsVersion } from '../src/shared/version';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    'no-cache': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    parts: { type: 'boolean', default: false },
  },
});
const folder = positionals[0];
if (folder === undefined) {
  process.stderr.write('usage: npx tsx scripts/bench-compare.ts <folder> [--runs 3] [--no-cache] [--json] [--out file.json]\n');
  process.exit(2);
}
const runs = Math.max(1, Number(values.runs));
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/** sha256 of the encoded store: its strings and keys as JSON, then every column's bytes. */
function storeHash(encoded: EncodedEvidenceStore): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(encoded.strings));
  h.update(JSON.stringify(encoded.keys));
  for (const c of [encoded.rows, encoded.article, encoded.start, encoded.end, encoded.text, encoded.rule, encoded.weight]) {
    h.update(new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
  }
  return h.digest('hex');
}

async function main(): Promise<void> {
  const resolved = path.resolve(folder ?? '.');
  let t = performance.now();
  const loaded = await loadFolder(resolved);
  log(`loaded ${String(loaded.articles.length)} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const parts = engineParts(resolved);
  const versionKey = [resultsVersion, ...parts.lexicons].join(' ');
  const shared = new Map<string, string>();
  const cache = values['no-cache']
    ? null
    : new ResultCache<SerializedResults>(path.join(os.tmpdir(), 'framescope-bench-compare'), resolved, versionKey, shared);
  const status = cache ? (await cache.load()).status : 'off';
  const pipeline = createPipeline(parts.components);
  t = performance.now();
  let analysed = 0;
  const records = loaded.articles.map(({ summary, text, excluded }) => {
    let record = cache?.get(summary.id);
    if (!record) {
      record = shareStrings(analyseArticle(pipeline, { meta: metaOf(summary), text, excluded }), shared);
      cache?.set(summary.id, record);
      analysed += 1;
    }
    return record;
  });
  log(`results: cache ${status}, ${String(analysed)} analysed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // Results read back from the cache, also on the first run: items the pipeline shares between
  // results are then separate objects, as with a warm cache or worker threads, so every run with
  // the cache stores the same evidence (the store keeps one row per object).
  let reread: ResultCache<SerializedResults> | null = null;
  if (cache && analysed > 0) {
    await cache.save();
    reread = new ResultCache<SerializedResults>(path.join(os.tmpdir(), 'framescope-bench-compare'), resolved, versionKey, shared);
    await reread.load();
  }
  const articles: AnalysedArticle[] = loaded.articles.map(({ summary }, i) => ({
    meta: metaOf(summary),
    results: resultsFromRecord(reread?.get(summary.id) ?? records[i] ?? {}),
  }));

  const outlets = [...new Set(loaded.articles.map((a) => a.summary.outlet.value ?? UNKNOWN_OUTLET))].sort((a, b) => a.localeCompare(b, 'en'));
  const { overrides, names: eventNames } = overridesFromFolder(
    loaded.articles.map((a) => a.summary),
    loaded.manifest?.events ?? null,
  );
  t = performance.now();
  const events = eventsOf(articles, { outlets, overrides, eventNames });
  log(`events: ${String(events.grouping.events.length)} in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed below)`);

  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

  // Per-part CPU time (--parts): each aggregator and feature source wrapped in a timer.
  const partMs = new Map<string, number>();
  const timed = <T>(name: string, f: () => T): T => {
    if (!values.parts) return f();
    const c0 = process.cpuUsage();
    const out = f();
    const c = process.cpuUsage(c0);
    partMs.set(name, (partMs.get(name) ?? 0) + (c.user + c.system) / 1000);
    return out;
  };
  const aggregators = parts.aggregators.map((a) => ({
    ...a,
    tables: (...args: Parameters<typeof a.tables>) => timed(`${a.id} (${args[3].kind})`, () => a.tables(...args)),
  }));
  const featureSources = parts.featureSources.map((f, i) => (article: AnalysedArticle) => timed(`feature source ${String(i)}`, () => f(article)));
  const wall: number[] = [];
  const cpu: number[] = [];
  const gcs: number[] = [];
  const hashes = new Set<string>();
  let result = { comparison: '', store: '', keys: 0, items: 0, rows: 0 };
  for (let r = 0; r < runs; r += 1) {
    await turn();
    gcMs = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const store = new EvidenceStore();
    const comparison = compare(articles, {
      scope: { kind: 'corpus' },
      outlets,
      aggregators,
      featureSources,
      store,
      events,
    });
    const details = {
      figures: timed('figureRows', () => figureRows(articles, store)),
      tone: timed('toneDistribution', () => toneDistribution(articles, outlets)),
      voices: timed('voiceShares', () => voiceShares(articles, outlets)),
      lexicons: parts.lexicons,
    };
    store.release();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    await turn();
    wall.push(ms);
    cpu.push((c.user + c.system) / 1000);
    gcs.push(gcMs);
    const encoded = store.encode();
    result = {
      comparison: createHash('sha256').update(JSON.stringify({ comparison, details })).digest('hex'),
      store: storeHash(encoded),
      keys: encoded.keys.length,
      items: encoded.article.length,
      rows: encoded.rows.length,
    };
    hashes.add(`${result.comparison} ${result.store}`);
    if (values.out !== undefined && r === runs - 1) {
      const plain = Object.fromEntries(Object.entries(encoded).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v]));
      await writeFile(values.out, JSON.stringify({ comparison, details, store: plain }, null, 1));
    }
    log(`run ${String(r + 1)}: wall ${ms.toFixed(0)} ms, CPU ${cpu.at(-1)?.toFixed(0) ?? ''} ms, GC ${gcMs.toFixed(0)} ms`);
  }
  gc.disconnect();
  if (hashes.size !== 1) throw new Error('runs gave different output');
  const summary = {
    folder: resolved,
    articles: articles.length,
    events: events.grouping.events.length,
    runs,
    wallMs: Math.round(median(wall)),
    cpuMs: Math.round(median(cpu)),
    gcMs: Math.round(median(gcs)),
    evidenceKeys: result.keys,
    evidenceItems: result.items,
    evidenceRows: result.rows,
    comparisonSha256: result.comparison,
    storeSha256: result.store,
  };
  if (values.parts) {
    const sorted = [...partMs].sort((a, b) => b[1] - a[1]);
    log(`CPU ms per part, summed over ${String(runs)} run(s):`);
    for (const [name, ms] of sorted) log(`  ${ms.toFixed(0).padStart(7)}  ${name}`);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(
    [
      `${String(summary.articles)} articles, ${String(summary.events)} events, ${String(runs)} run(s), medians:`,
      `  compare + figureRows + toneDistribution + voiceShares: wall ${String(summary.wallMs)} ms, CPU ${String(summary.cpuMs)} ms, GC ${String(summary.gcMs)} ms`,
      `  evidence: ${String(summary.evidenceKeys)} keys, ${String(summary.evidenceItems)} items, ${String(summary.evidenceRows)} rows`,
      `  comparison sha256 ${summary.comparisonSha256}`,
      `  store sha256      ${summary.storeSha256}`,
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench-compare: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
