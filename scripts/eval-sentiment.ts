/**
 * Accuracy report (not a test): sentence sentiment against human ratings.
 *
 *   npx tsx scripts/eval-sentiment.ts <folder or .tsv>
 *
 * Reads a tab-separated file with columns id, mean_rating, text (e.g. the NYT editorial snippets
 * with mean human ratings from the VADER paper, Hutto & Gilbert 2014) and prints Pearson's r
 * between the human means and: Framescope's tone (AFINN on our tokens with negation and the domain
 * overrides; score / √words per sentence, averaged over the snippet's sentences), the same
 * without the overrides, Framescope's comparative (score / words, the package's normalisation), the bare `sentiment` package (comparative and score), and
 * `vader-sentiment` (compound). Ends with one JSON line of the metrics.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';
import { framingPipeline, SENTIMENT } from '../src/main/engine/measures/index';
import { createPipeline } from '../src/main/engine/pipeline';
import { sentimentComponent } from '../src/main/engine/measures/sentiment';
import { buildDoc } from '../src/main/engine/text/buildDoc';

const arg = process.argv[2];
if (arg === undefined) {
  process.stderr.write('usage: tsx scripts/eval-sentiment.ts <folder with a .tsv, or the .tsv>\n');
  process.exit(2);
}
const file = statSync(arg).isDirectory()
  ? path.join(arg, readdirSync(arg).find((f) => f.endsWith('.tsv')) ?? 'missing.tsv')
  : arg;

interface Row {
  readonly id: string;
  readonly human: number;
  readonly text: string;
}
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
const header = (lines.shift() ?? '').split('\t');
const col = (name: string): number => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`${file} has no column "${name}"`);
  return i;
};
const [iId, iHuman, iText] = [col('id'), col('mean_rating'), col('text')];
const rows: Row[] = lines.map((l) => {
  const f = l.split('\t');
  return { id: f[iId] ?? '', human: Number(f[iHuman]), text: f[iText] ?? '' };
});

function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const ours = framingPipeline(null);
const noOverrides = createPipeline([
  sentimentComponent({ id: 'sentiment-overrides', version: '0.0.0', description: 'none', provenance: 'none', entries: [], origin: 'eval' }),
]);
const bare = new Sentiment();
const meta = { id: 'eval', outlet: null, title: null, date: null };

const human = rows.map((r) => r.human);
const score = (p: typeof ours, text: string): number => p.run(buildDoc('eval', text), meta).get(SENTIMENT).tone ?? 0;
const series: Record<string, number[]> = {
  framescope: rows.map((r) => score(ours, r.text)),
  framescopeNoOverrides: rows.map((r) => score(noOverrides, r.text)),
  framescopeComparative: rows.map((r) => {
    const c = ours.run(buildDoc('eval', r.text), meta).get(SENTIMENT).sentenceComparative.filter((x) => !Number.isNaN(x));
    return c.length > 0 ? c.reduce((a, x) => a + x, 0) / c.length : 0;
  }),
  sentimentComparative: rows.map((r) => bare.analyze(r.text).comparative),
  sentimentScore: rows.map((r) => bare.analyze(r.text).score),
  vaderCompound: rows.map((r) => vader.SentimentIntensityAnalyzer.polarity_scores(r.text).compound),
};

const metrics: Record<string, number> = {};
process.stdout.write(`${path.basename(file)}: ${String(rows.length)} rows, Pearson r against the human mean rating\n`);
for (const [name, values] of Object.entries(series)) {
  metrics[name] = Number(pearson(values, human).toFixed(4));
  process.stdout.write(`  ${name.padEnd(24)} r = ${metrics[name].toFixed(4)}\n`);
}
process.stdout.write(`${JSON.stringify({ file: path.basename(file), rows: rows.length, pearson: metrics })}\n`);
