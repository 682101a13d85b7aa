/**
 * Throughput of the framing pipeline against the bare `sentiment` package, single-threaded, on
 * the same texts: a ~5 MB corpus built from the seeds' sentences with variation
 * (scripts/bench/corpus.ts), held in memory. Five interleaved runs; medians printed.
 *
 *   npx tsx scripts/bench-framing.ts [--mb 5] [--runs 5]
 *
 * "framing" = buildDoc (tokens, sentences) + quotes + every framing component, per article.
 * "doc model + match" = buildDoc and the merged phrase-index pass only: the floor every measure
 * shares.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import Sentiment from 'sentiment';
import { framingPipeline } from '../src/main/engine/measures/index';
import { buildDoc } from '../src/main/engine/text/buildDoc';
import { generateCorpus } from './bench/corpus';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '5' }, runs: { type: 'string', default: '5' } } });
const targetBytes = Number(values.mb) * 1e6;
const runs = Number(values.runs);

const texts: string[] = [];
let chars = 0;
for await (const a of generateCorpus({ articles: 100_000, seed: 7, seedsDir: path.resolve(import.meta.dirname, '../seeds') })) {
  texts.push(a.text);
  chars += a.text.length;
  if (chars >= targetBytes) break;
}
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
const mb = bytes / 1e6;

const sentiment = new Sentiment();
const pipeline = framingPipeline(null);
const meta = { id: 'bench', outlet: 'Bench', title: null, date: null };

let sink = 0;
interface Timing {
  readonly wall: number;
  /** CPU time of the process (user + system), less sensitive to other work on a shared machine. */
  readonly cpu: number;
}
function timed(f: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}
function runSentiment(): Timing {
  return timed(() => {
    for (const t of texts) sink += sentiment.analyze(t).score;
  });
}
function runFraming(): Timing {
  return timed(() => {
    for (let i = 0; i < texts.length; i += 1) {
      const text = texts[i] ?? '';
      const results = pipeline.run(buildDoc(String(i), text), meta);
      sink += results.has({ name: 'sentiment' }) ? 1 : 0;
    }
  });
}

/** The document model alone: tokens, sentences and the merged phrase match, no measure. */
function runFloor(): Timing {
  return timed(() => {
    for (let i = 0; i < texts.length; i += 1) sink += pipeline.index.match(buildDoc(String(i), texts[i] ?? '')).length;
  });
}

// Warm-up: JIT both paths on a slice.
const saved = texts.splice(200);
runSentiment();
runFraming();
runFloor();
texts.push(...saved);

const s: Timing[] = [];
const f: Timing[] = [];
const d: Timing[] = [];
for (let r = 0; r < runs; r += 1) {
  if (r % 2 === 0) {
    s.push(runSentiment());
    f.push(runFraming());
    d.push(runFloor());
  } else {
    d.push(runFloor());
    f.push(runFraming());
    s.push(runSentiment());
  }
}
const median = (xs: number[]): number => {
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)] ?? NaN;
};
const rate = (xs: Timing[], k: keyof Timing): number => mb / (median(xs.map((x) => x[k])) / 1000);
const out = (label: string, xs: Timing[]): string =>
  `${label}: ${rate(xs, 'wall').toFixed(2)} MB/s wall, ${rate(xs, 'cpu').toFixed(2)} MB/s CPU (wall ms: ${xs.map((x) => x.wall.toFixed(0)).join(', ')})\n`;
process.stdout.write(`corpus: ${String(texts.length)} articles, ${mb.toFixed(2)} MB; ${String(runs)} interleaved runs, medians\n`);
process.stdout.write(out('sentiment.analyze()', s));
process.stdout.write(out('framing pipeline   ', f));
process.stdout.write(out('doc model + match  ', d));
const ratioWall = rate(f, 'wall') / rate(s, 'wall');
const ratioCpu = rate(f, 'cpu') / rate(s, 'cpu');
process.stdout.write(`ratio framing/sentiment: ${ratioWall.toFixed(2)} (wall), ${ratioCpu.toFixed(2)} (CPU)\n`);
process.stdout.write(`ratio doc model + match/sentiment: ${(rate(d, 'wall') / rate(s, 'wall')).toFixed(2)} (wall), ${(rate(d, 'cpu') / rate(s, 'cpu')).toFixed(2)} (CPU)\n`);
process.stdout.write(
  `${JSON.stringify({ mb: Number(mb.toFixed(2)), sentimentMBs: Number(rate(s, 'wall').toFixed(2)), framingMBs: Number(rate(f, 'wall').toFixed(2)), ratio: Number(ratioWall.toFixed(3)), ratioCpu: Number(ratioCpu.toFixed(3)), floorRatio: Number((rate(d, 'wall') / rate(s, 'wall')).toFixed(3)), checksum: sink % 1000 })}\n`,
);
