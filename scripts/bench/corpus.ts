/**
 * Generates a reproducible corpus for benchmarks: N articles from several outlets about several
 * events, built from the seed articles' sentences with variation (sentences shuffled and
 * recombined, figures and names varied, some page clutter), so every measure has work to do.
 *
 *   npx tsx scripts/bench/corpus.ts <out-folder> [--articles 10000] [--seed 42]
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** Mulberry32: a small, fast, seedable PRNG, so the same seed gives the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLETS = ['Northern Ledger', 'Harbour Times', 'Capital Wire', 'Daily Meridian', 'Coastline Post', 'Evening Courier', 'Frontier Herald', 'The Observer Desk'];
const PLACES = ['Rafah', 'Khan Younis', 'Jerusalem', 'Cairo', 'Doha', 'Tel Aviv', 'Amman', 'Riyadh'];
const CLUTTER = ['Share via', 'Scroll to Top', 'Receive latest news & updates', 'Want more from the paper? Subscribe to our newsletter.'];

export interface CorpusOptions {
  readonly articles: number;
  readonly seed: number;
  readonly seedsDir: string;
}

export interface GeneratedArticle {
  readonly file: string;
  readonly outlet: string;
  readonly date: string;
  readonly event: number;
  readonly text: string;
}

async function seedSentences(seedsDir: string): Promise<string[]> {
  const files = (await readdir(seedsDir)).filter((f) => f.endsWith('.txt')).sort();
  const out: string[] = [];
  for (const f of files) {
    const text = await readFile(path.join(seedsDir, f), 'utf8');
    for (const line of text.split('\n')) {
      const t = line.trim();
      if (t.length > 60) out.push(t);
    }
  }
  return out;
}

export async function* generateCorpus(options: CorpusOptions): AsyncGenerator<GeneratedArticle> {
  const random = rng(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const sentences = await seedSentences(options.seedsDir);
  const events = 40;
  for (let i = 0; i < options.articles; i += 1) {
    const event = Math.floor(random() * events);
    const outlet = OUTLETS[i % OUTLETS.length] ?? 'Outlet';
    const day = new Date(Date.UTC(2024, 0, 1) + (event * 4 + Math.floor(random() * 3)) * 86_400_000);
    const place = PLACES[event % PLACES.length] ?? 'Gaza';
    const paragraphs: string[] = [`${place} talks: ${pick(sentences).slice(0, 80)}`];
    const length = 14 + Math.floor(random() * 20);
    for (let p = 0; p < length; p += 1) {
      const s = pick(sentences)
        .replace(/\b\d{1,3}(,\d{3})+\b/g, () => (10_000 + Math.floor(random() * 30_000)).toLocaleString('en-US'))
        .replace(/\bRafah\b/g, place);
      paragraphs.push(s);
    }
    if (random() < 0.5) paragraphs.push(pick(CLUTTER));
    yield {
      file: `${String(i).padStart(5, '0')}.txt`,
      outlet,
      date: day.toISOString().slice(0, 10),
      event,
      text: `${paragraphs.join('\n\n')}\n`,
    };
  }
}

/** Writes the corpus and a manifest naming outlet and date per file; returns total bytes. */
export async function writeCorpus(outDir: string, options: CorpusOptions): Promise<{ files: number; bytes: number }> {
  await mkdir(outDir, { recursive: true });
  const manifest: { file: string; outlet: string; date: string }[] = [];
  let bytes = 0;
  for await (const a of generateCorpus(options)) {
    await writeFile(path.join(outDir, a.file), a.text);
    bytes += Buffer.byteLength(a.text);
    manifest.push({ file: a.file, outlet: a.outlet, date: a.date });
  }
  await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify({ manifestVersion: 1, articles: manifest }, null, 1));
  return { files: manifest.length, bytes };
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { articles: { type: 'string', default: '10000' }, seed: { type: 'string', default: '42' } },
  });
  const out = positionals[0];
  if (!out) {
    process.stderr.write('usage: tsx scripts/bench/corpus.ts <out-folder> [--articles N] [--seed S]\n');
    process.exit(2);
  }
  const started = performance.now();
  const { files, bytes } = await writeCorpus(out, {
    articles: Number(values.articles),
    seed: Number(values.seed),
    seedsDir: path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../seeds'),
  });
  process.stdout.write(`wrote ${files} articles, ${(bytes / 1e6).toFixed(1)} MB, in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
