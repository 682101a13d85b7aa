/**
 * The benchmark behind `npm run bench`: generates (or reuses) a reproducible 10,000-article
 * corpus, then measures in one run, as medians over several interleaved runs:
 *   - the baseline: the bare `sentiment` package's analyze() over the same texts;
 *   - the engine single-threaded over the same texts (document model + every measure);
 *   - the engine with 2 worker threads (analysis phase of a cold open);
 *   - open-folder → first chart data in browser mode, cold (empty cache) and warm (cache);
 *   - peak RSS of the browser-mode process.
 * Its last line is one JSON object with the figures, for scripts comparing runs.
 *
 *   npm run bench -- [--articles 10000] [--runs 3] [--corpus <folder>] [--only throughput|browser]
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Sentiment from 'sentiment';
import { analyzeFolder } from '../../src/main/engine';
import { loadFolder } from '../../src/main/engine/ingest/loadFolder';
import { createPipeline } from '../../src/main/engine/pipeline';
import { engineParts } from '../../src/main/engine/registry';
import { analyseArticle } from '../../src/main/engine/work';
import { metaOf } from '../../src/main/engine';
import { writeCorpus } from './corpus';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    corpus: { type: 'string' },
    /** Measure only one part: throughput (baseline, engine, 2 workers) or browser (first chart data, RSS). */
    only: { type: 'string' },
  },
});
const runs = Math.max(1, Number(values.runs));
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function browserOpen(corpus: string, cacheDir: string): Promise<{ seconds: number; peakRssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'out/main/browser.js'), corpus, '--no-open', '--port', '0'], {
    env: { ...process.env, FRAMESCOPE_CACHE_DIR: cacheDir, DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Peak RSS over the process's whole life, cache writes after the answer included.
  let peakKb = Number.NaN;
  const sample = async (): Promise<void> => {
    const status = await readFile(`/proc/${String(child.pid)}/status`, 'utf8').catch(() => '');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    if (hwm) peakKb = Math.max(Number.isNaN(peakKb) ? 0 : peakKb, Number(hwm[1]));
  };
  const sampler = setInterval(() => void sample(), 100);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)\S*#token=([A-Za-z0-9_-]+)/.exec(out);
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`browser mode exited with ${String(code)}`)));
    });
    const m = /^(http:\/\/127\.0\.0\.1:\d+)\/.*#token=([A-Za-z0-9_-]+)/.exec(url);
    // node:http, not fetch: fetch gives up on an answer that takes more than 300 s (a cold open
    // of a large folder on a busy machine can).
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(`${m?.[1] ?? ''}/api/getAnalysis`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-framescope-token': m?.[2] ?? '' },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end('{}');
    });
    const body = JSON.parse(text) as { ok: boolean };
    if (!body.ok) throw new Error('getAnalysis failed');
    const seconds = (performance.now() - started) / 1000;
    return {
      seconds,
      get peakRssMb(): number {
        return peakKb / 1024;
      },
    };
  } finally {
    // It finishes writing its caches before it exits: wait, so the next open sees them.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  await stat(path.join(root, 'out/main/browser.js')).catch(() => {
    throw new Error('Build first: npm run build (npm run bench does it for you).');
  });
  const corpus = values.corpus ?? (await mkdtemp(path.join(tmpdir(), 'framescope-bench-')));
  if (!values.corpus) {
    const { files, bytes } = await writeCorpus(corpus, { articles: Number(values.articles), seed: 42, seedsDir: path.join(root, 'seeds') });
    log(`corpus: ${files} articles, ${(bytes / 1e6).toFixed(1)} MB in ${corpus}`);
  }
  const loaded = await loadFolder(corpus);
  const texts = loaded.articles.map((a) => a.text);
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  log(`loaded ${texts.length} articles, ${mb.toFixed(1)} MB of text`);

  const sentiment = new Sentiment();
  const parts = engineParts(corpus);
  const pipeline = createPipeline(parts.components);
  const items = loaded.articles.map((a) => ({ meta: metaOf(a.summary), text: a.text, excluded: a.excluded }));
  const baseline: number[] = [];
  const single: number[] = [];
  const doThroughput = values.only !== 'browser';
  const doBrowser = values.only !== 'throughput';
  for (let r = 0; r < runs && doThroughput; r += 1) {
    let t = performance.now();
    for (const text of texts) sentiment.analyze(text);
    baseline.push(mb / ((performance.now() - t) / 1000));
    t = performance.now();
    for (const item of items) analyseArticle(pipeline, item);
    single.push(mb / ((performance.now() - t) / 1000));
    log(`run ${r + 1}: sentiment ${baseline.at(-1)?.toFixed(1)} MB/s, engine ${single.at(-1)?.toFixed(1)} MB/s`);
  }

  const workers: number[] = [];
  for (let r = 0; r < runs && doThroughput; r += 1) {
    const a = await analyzeFolder(corpus, { workerFile: path.join(root, 'out/main/analyzeWorker.js'), workers: 2 });
    workers.push(mb / a.stats.seconds.analyse);
    log(`run ${r + 1}: engine, 2 workers ${workers.at(-1)?.toFixed(1)} MB/s (load ${a.stats.seconds.load.toFixed(2)} s, analyse ${a.stats.seconds.analyse.toFixed(2)} s)`);
  }

  const cold: number[] = [];
  const warm: number[] = [];
  let peak = 0;
  for (let r = 0; r < runs && doBrowser; r += 1) {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'framescope-bench-cache-'));
    const c = await browserOpen(corpus, cacheDir);
    const w = await browserOpen(corpus, cacheDir);
    cold.push(c.seconds);
    warm.push(w.seconds);
    peak = Math.max(peak, c.peakRssMb, w.peakRssMb);
    log(`run ${r + 1}: browser mode first chart data cold ${c.seconds.toFixed(2)} s, warm ${w.seconds.toFixed(2)} s, peak RSS ${Math.max(c.peakRssMb, w.peakRssMb).toFixed(0)} MB`);
    await rm(cacheDir, { recursive: true, force: true });
  }
  if (!values.corpus) await rm(corpus, { recursive: true, force: true });

  const figures = {
    articles: texts.length,
    corpusMB: Number(mb.toFixed(1)),
    runs,
    baselineMBps: Number(median(baseline).toFixed(2)),
    engineMBps: Number(median(single).toFixed(2)),
    engine2WorkersMBps: Number(median(workers).toFixed(2)),
    ratioEngine: Number((median(single) / median(baseline)).toFixed(2)),
    ratio2Workers: Number((median(workers) / median(baseline)).toFixed(2)),
    firstChartColdSeconds: Number(median(cold).toFixed(2)),
    firstChartWarmSeconds: Number(median(warm).toFixed(2)),
    peakRssMB: Math.round(peak),
    benchProcessMaxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  log('');
  log(`baseline (sentiment.analyze)   ${figures.baselineMBps} MB/s`);
  log(`engine, single thread          ${figures.engineMBps} MB/s  (${figures.ratioEngine}× baseline)`);
  log(`engine, 2 workers              ${figures.engine2WorkersMBps} MB/s  (${figures.ratio2Workers}× baseline)`);
  log(`first chart data, browser mode ${figures.firstChartColdSeconds} s cold, ${figures.firstChartWarmSeconds} s warm`);
  log(`peak RSS (browser mode)        ${figures.peakRssMB} MB`);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
