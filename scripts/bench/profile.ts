/**
 * Per-component profile of the engine against the bare `sentiment` package, single-threaded,
 * over a generated corpus held in memory (nothing read from disk per article). Each round runs
 * `sentiment.analyze()` over every text, then the engine (buildDoc, the merged PhraseIndex pass
 * and every pipeline component, each timed on its own); figures are medians over the rounds.
 *
 *   npx tsx scripts/bench/profile.ts [--mb 5] [--rounds 5] [--seed 42]
 *
 * For hotspots: node --cpu-prof --import tsx scripts/bench/profile.ts
 *
 * A second table gives CPU time and the garbage-collection time during sentiment and the engine:
 * compare those when the machine is shared (wall time then swings from run to run).
 */
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Sentiment from 'sentiment';
import { createPipeline, type ArticleMeta, type Component } from '../../src/main/engine/pipeline';
import { engineParts } from '../../src/main/engine/registry';
import { buildDoc } from '../../src/main/engine/text/buildDoc';
import { generateCorpus } from './corpus';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
  },
});
const targetBytes = Number(values.mb) * 1e6;
const rounds = Math.max(1, Number(values.rounds));

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

async function main(): Promise<void> {
  const items: { meta: ArticleMeta; text: string }[] = [];
  let bytes = 0;
  for await (const a of generateCorpus({ articles: 1_000_000, seed: Number(values.seed), seedsDir: path.join(root, 'seeds') })) {
    items.push({ meta: { id: a.file, outlet: a.outlet, title: null, date: a.date }, text: a.text });
    bytes += Buffer.byteLength(a.text);
    if (bytes >= targetBytes) break;
  }
  const mb = bytes / 1e6;
  process.stderr.write(`corpus: ${String(items.length)} articles, ${mb.toFixed(2)} MB in memory\n`);

  const timers = new Map<string, number>();
  const add = (name: string, ms: number): void => {
    timers.set(name, (timers.get(name) ?? 0) + ms);
  };
  const parts = engineParts(null);
  const wrapped: Component[] = parts.components.map((c) => ({
    ...c,
    run(ctx) {
      const t = performance.now();
      c.run(ctx);
      add(c.name, performance.now() - t);
    },
  }));
  const pipeline = createPipeline(wrapped);
  const index = pipeline.index;
  const match = index.match.bind(index);
  index.match = (doc) => {
    const t = performance.now();
    const out = match(doc);
    add('PhraseIndex.match', performance.now() - t);
    return out;
  };

  const sentiment = new Sentiment();
  const samples = new Map<string, number[]>();
  const record = (name: string, ms: number): void => {
    const list = samples.get(name) ?? [];
    list.push(ms);
    samples.set(name, list);
  };
  // CPU time and garbage collection per phase: on a shared machine wall time swings with other
  // people's load, CPU time much less; GC shows what allocation costs, which no function's own
  // time includes. GC entries arrive later on the event loop, hence the pause after each phase.
  let gcMs = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));
  for (let r = 0; r < rounds; r += 1) {
    await turn();
    gcMs = 0;
    let cpu = process.cpuUsage();
    let t = performance.now();
    for (const item of items) sentiment.analyze(item.text);
    record('sentiment.analyze()', performance.now() - t);
    record('sentiment CPU', cpuMs(cpu));
    await turn();
    record('sentiment GC', gcMs);

    gcMs = 0;
    cpu = process.cpuUsage();
    timers.clear();
    t = performance.now();
    for (const item of items) {
      const b = performance.now();
      const doc = buildDoc(item.meta.id, item.text, []);
      add('buildDoc', performance.now() - b);
      const p = performance.now();
      pipeline.run(doc, item.meta).toRecord();
      add('pipeline.run (all)', performance.now() - p);
    }
    record('engine total', performance.now() - t);
    record('engine CPU', cpuMs(cpu));
    await turn();
    record('engine GC', gcMs);
    for (const [name, ms] of timers) record(name, ms);
    process.stderr.write(`round ${String(r + 1)}: sentiment ${(samples.get('sentiment.analyze()')?.at(-1) ?? 0).toFixed(0)} ms, engine ${(samples.get('engine total')?.at(-1) ?? 0).toFixed(0)} ms\n`);
  }

  const base = median(samples.get('sentiment.analyze()') ?? []);
  const order = ['sentiment.analyze()', 'engine total', 'buildDoc', 'pipeline.run (all)', 'PhraseIndex.match', ...parts.components.map((c) => c.name)];
  const rows = order.map((name) => {
    const ms = median(samples.get(name) ?? []);
    return { name, ms, mbps: ms > 0 ? mb / (ms / 1000) : Number.POSITIVE_INFINITY, ratio: ms > 0 ? base / ms : Number.POSITIVE_INFINITY };
  });
  const lines = ['| part | ms (median) | MB/s | × sentiment |', '|---|---:|---:|---:|'];
  for (const row of rows) lines.push(`| ${row.name} | ${row.ms.toFixed(0)} | ${row.mbps.toFixed(1)} | ${row.ratio.toFixed(2)} |`);
  const sentimentCpu = median(samples.get('sentiment CPU') ?? []);
  const engineCpu = median(samples.get('engine CPU') ?? []);
  lines.push(
    '',
    '| CPU time (user + system, medians) | ms | GC ms during it | MB/s | × sentiment |',
    '|---|---:|---:|---:|---:|',
    `| sentiment.analyze() | ${sentimentCpu.toFixed(0)} | ${median(samples.get('sentiment GC') ?? []).toFixed(0)} | ${(mb / (sentimentCpu / 1000)).toFixed(1)} | 1.00 |`,
    `| engine total | ${engineCpu.toFixed(0)} | ${median(samples.get('engine GC') ?? []).toFixed(0)} | ${(mb / (engineCpu / 1000)).toFixed(1)} | ${(sentimentCpu / engineCpu).toFixed(2)} |`,
  );
  gcObserver.disconnect();
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`profile: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
