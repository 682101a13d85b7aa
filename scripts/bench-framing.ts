/**
 * Throughput of the framing pipeline against the bare `sentiment` package, single-threaded, on
 * the same texts: a ~5 MB corpus built from the seeds' sentences with variation
 * (scripts/bench/corpus.ts), held in memory. Five interleaved runs; medians printed.
 *
 *   npx tsx scripts/bench-framing.ts [--mb 5] [--runs 5]
 *
 * "framing" = buildDoc (tokens, sentences) + quotes + every framing component, per article.
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
function runSentiment(): number {
  const t0 = performance.now();
  for (const t of texts) sink += sentiment.analyze(t).score;
  return performance.now() - t0;
}
function runFraming(): number {
  const t0 = performance.now();
  for (let i = 0; i < texts.length; i += 1) {
    const text = texts[i] ?? '';
    const results = pipeline.run(buildDoc(String(i), text), meta);
    sink += results.has({ name: 'sentiment' }) ? 1 : 0;
  }
  return performance.now() - t0;
}

// Warm-up: JIT both paths on a slice.
const saved = texts.splice(200);
runSentiment();
runFraming();
texts.push(...saved);

const s: number[] = [];
const f: number[] = [];
for (let r = 0; r < runs; r += 1) {
  if (r % 2 === 0) {
    s.push(runSentiment());
    f.push(runFraming());
  } else {
    f.push(runFraming());
    s.push(runSentiment());
  }
}
const median = (xs: number[]): number => {
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)] ?? NaN;
};
const sMBs = mb / (median(s) / 1000);
const fMBs = mb / (median(f) / 1000);
process.stdout.write(`corpus: ${String(texts.length)} articles, ${mb.toFixed(2)} MB; ${String(runs)} interleaved runs, medians\n`);
process.stdout.write(`sentiment.analyze(): ${sMBs.toFixed(2)} MB/s (runs ms: ${s.map((x) => x.toFixed(0)).join(', ')})\n`);
process.stdout.write(`framing pipeline:    ${fMBs.toFixed(2)} MB/s (runs ms: ${f.map((x) => x.toFixed(0)).join(', ')})\n`);
process.stdout.write(`ratio framing/sentiment: ${(fMBs / sMBs).toFixed(2)}\n`);
process.stdout.write(`${JSON.stringify({ mb: Number(mb.toFixed(2)), sentimentMBs: Number(sMBs.toFixed(2)), framingMBs: Number(fMBs.toFixed(2)), ratio: Number((fMBs / sMBs).toFixed(3)), checksum: sink % 1000 })}\n`);
