/**
 * Ingest benchmark: writes a mixed folder of 2,000 generated articles to a temporary folder
 * (plain UTF-8 text, Markdown with front matter, HTML pages with navigation and scripts, UTF-16
 * and Windows-1252 files, a manifest), loads it three times with loadFolder and prints the median
 * load time, MB/s and articles/s. The folder is removed afterwards.
 *
 *   npx tsx scripts/bench-ingest.ts [--articles 2000] [--runs 3] [--plain | --only txt|md|html] [--keep DIR | --folder DIR]
 *
 * --plain writes only UTF-8 .txt files (the same texts), to separate the cost of HTML extraction;
 * --only md and --only html write every article as Markdown or as a web page. --keep DIR writes
 * the folder to DIR (reusing it when it already holds articles) and leaves it there, for profiling.
 * --folder DIR loads an existing folder (for example the 10,000 articles `npm run bench` writes)
 * and never writes to it.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import Sentiment from 'sentiment';
import { loadFolder } from '../src/main/engine/ingest/loadFolder';
import { prepareArticle } from '../src/main/engine/ingest/prepare';
import { generateCorpus } from './bench/corpus';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function asHtml(title: string, outlet: string, date: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)} - ${escapeHtml(outlet)}</title>
<meta property="og:site_name" content="${escapeHtml(outlet)}"><meta property="article:published_time" content="${date}T08:00:00Z">
<script>window.analytics = { track() {} };</script><style>body { font-family: serif }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/opinion">Opinion</a></nav>
<article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article><aside><h3>Most read</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">And another</a></li></ul></aside>
<footer>Copyright 2024 ${escapeHtml(outlet)}. All rights reserved.</footer></body></html>\n`;
}

type Only = 'txt' | 'md' | 'html' | null;

async function writeMixedFolder(dir: string, articles: number, only: Only): Promise<{ files: number; bytes: number; kinds: Record<string, number> }> {
  const manifest: { file: string; outlet: string; date: string }[] = [];
  const kinds: Record<string, number> = {};
  let bytes = 0;
  let i = 0;
  for await (const a of generateCorpus({ articles, seed: 7, seedsDir: path.resolve(import.meta.dirname, '../seeds') })) {
    const paragraphs = a.text.trim().split('\n\n');
    const title = paragraphs[0] ?? 'Untitled';
    const base = a.file.replace(/\.txt$/, '');
    const slot = only === 'txt' ? 0 : only === 'md' ? 11 : only === 'html' ? 14 : i % 20;
    let file: string;
    let data: Buffer;
    let kind: string;
    if (slot < 11) {
      kind = 'txt utf-8';
      file = `${base}.txt`;
      data = Buffer.from(a.text, 'utf8');
      manifest.push({ file, outlet: a.outlet, date: a.date });
    } else if (slot < 14) {
      kind = 'md front matter';
      file = `${base}.md`;
      data = Buffer.from(`---\ntitle: "${title.replace(/"/g, "'")}"\noutlet: ${a.outlet}\ndate: ${a.date}\n---\n# ${title}\n\n${paragraphs.slice(1).join('\n\n')}\n`, 'utf8');
    } else if (slot < 17) {
      kind = 'html';
      file = `${base}.html`;
      data = Buffer.from(asHtml(title, a.outlet, a.date, paragraphs.slice(1)), 'utf8');
    } else if (slot < 18) {
      kind = 'txt utf-16le';
      file = `${base}.txt`;
      data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(a.text, 'utf16le')]);
      manifest.push({ file, outlet: a.outlet, date: a.date });
    } else if (slot < 19) {
      kind = 'txt utf-16be';
      file = `${base}.txt`;
      data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(a.text, 'utf16le')]).swap16();
      manifest.push({ file, outlet: a.outlet, date: a.date });
    } else {
      kind = 'txt windows-1252';
      file = `${base}.txt`;
      data = iconv.encode(a.text, 'windows-1252');
      manifest.push({ file, outlet: a.outlet, date: a.date });
    }
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    await writeFile(path.join(dir, file), data);
    bytes += data.length;
    i += 1;
  }
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ manifestVersion: 1, articles: manifest }, null, 1));
  return { files: i, bytes, kinds };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    plain: { type: 'boolean', default: false },
    only: { type: 'string' },
    keep: { type: 'string' },
    folder: { type: 'string' },
  },
});
if (values.folder !== undefined && values.keep !== undefined) throw new Error('--folder and --keep exclude each other');
const count = Number(values.articles);
const runs = Number(values.runs);
const only: Only = values.plain ? 'txt' : values.only === 'txt' || values.only === 'md' || values.only === 'html' ? values.only : null;
if (values.only !== undefined && only === null) throw new Error(`--only takes txt, md or html, not ${values.only}`);
const dir = values.folder ? path.resolve(values.folder) : values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(tmpdir(), 'framescope-bench-ingest-'));
if (values.keep) await mkdir(dir, { recursive: true });

/** Size and kinds of a folder an earlier --keep run wrote. */
async function describeFolder(folder: string): Promise<{ files: number; bytes: number; kinds: Record<string, number> }> {
  const names = (await readdir(folder, { withFileTypes: true })).filter((f) => f.isFile() && f.name !== 'manifest.json').map((f) => f.name);
  let bytes = 0;
  const kinds: Record<string, number> = {};
  for (const f of names) {
    bytes += (await stat(path.join(folder, f))).size;
    const ext = path.extname(f).slice(1);
    kinds[ext] = (kinds[ext] ?? 0) + 1;
  }
  return { files: names.length, bytes, kinds: { ...kinds, 'reused folder': 1 } };
}

try {
  const reuse = values.folder !== undefined || (values.keep !== undefined && (await readdir(dir)).length > 0);
  const { files, bytes, kinds } = reuse ? await describeFolder(dir) : await writeMixedFolder(dir, count, only);
  process.stdout.write(`folder: ${String(files)} articles, ${(bytes / 1e6).toFixed(2)} MB (${Object.entries(kinds).map(([k, n]) => `${k} ${String(n)}`).join(', ')})\n`);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const baseline: number[] = [];
  const texts: string[] = [];
  for (let r = 0; r < runs; r += 1) {
    let progressEvents = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const loaded = await loadFolder(dir, { onProgress: () => { progressEvents += 1; } });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    times.push(ms);
    // Interleaved reference on the same machine state: the bare sentiment package over the texts.
    if (texts.length === 0) for (const a of loaded.articles) texts.push(a.text);
    const sentiment = new Sentiment();
    const s0 = performance.now();
    for (const t of texts) sentiment.analyze(t);
    baseline.push(performance.now() - s0);
    const skipped = loaded.problems.filter((p) => p.severity !== 'warning');
    process.stdout.write(`run ${String(r + 1)}: ${ms.toFixed(0)} ms wall, ${(cpuTimes.at(-1) ?? 0).toFixed(0)} ms CPU, ${String(loaded.articles.length)} loaded, ${String(skipped.length)} skipped (${[...new Set(skipped.map((p) => p.code))].join(', ') || 'none'}), ${String(progressEvents)} progress events\n`);
  }
  const ms = median(times);
  const cpuMs = median(cpuTimes);
  process.stdout.write(`median of ${String(runs)}: ${(ms / 1000).toFixed(2)} s wall, ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s, ${(files / (ms / 1000)).toFixed(0)} articles/s; CPU ${(cpuMs / 1000).toFixed(2)} s (${(bytes / 1e6 / (cpuMs / 1000)).toFixed(1)} MB/s of CPU time); load average ${loadavg()[0]?.toFixed(1) ?? '?'} on ${String(cpus().length)} cores\n`);
  process.stdout.write(`reference: sentiment.analyze() over the same texts, median ${(median(baseline) / 1000).toFixed(2)} s; ingest/sentiment time ratio ${(ms / median(baseline)).toFixed(1)}\n`);
  // Where the time goes: decoding + extraction + clutter per format, files already in memory.
  const perFormat = new Map<string, { ms: number; n: number; bytes: number }>();
  const names = (await readdir(dir, { withFileTypes: true })).filter((f) => f.isFile() && f.name !== 'manifest.json').map((f) => f.name);
  const contents = await Promise.all(names.map(async (f) => [f, await readFile(path.join(dir, f))] as const));
  for (let pass = 0; pass < 2; pass += 1) {
    // The first pass warms the JIT; the second is reported.
    perFormat.clear();
    for (const [f, b] of contents) {
      const t0 = performance.now();
      prepareArticle(b, f);
      const slot = perFormat.get(path.extname(f)) ?? { ms: 0, n: 0, bytes: 0 };
      slot.ms += performance.now() - t0;
      slot.n += 1;
      slot.bytes += b.length;
      perFormat.set(path.extname(f), slot);
    }
  }
  for (const [ext, v] of perFormat) {
    process.stdout.write(`prepare ${ext}: ${(v.ms / v.n).toFixed(2)} ms per file, ${(v.bytes / 1e6 / (v.ms / 1000)).toFixed(1)} MB/s\n`);
  }
} finally {
  if (!values.keep && !values.folder) await rm(dir, { recursive: true, force: true });
}
