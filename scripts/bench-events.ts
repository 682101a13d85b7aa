/**
 * Times event grouping alone over a folder's articles: the folder is read and its event terms
 * extracted once (the `event-terms` component, in-process, no cache), then `groupEvents` runs
 * `--runs` times on the same inputs; CPU and wall time are printed as medians, with a hash of
 * the resulting grouping so that two versions of the grouping code can be checked for identical
 * results (same events, members, names, confidences and method).
 *
 *   npx tsx scripts/bench-events.ts <folder> [--runs 3] [--method exhaustive|blocked] [--inputs <file.json>]
 *
 * `--inputs <file>` keeps the extracted inputs in a JSON file (written when missing, read when
 * present), so repeated timings skip reading the folder.
 *
 * Output: one line per run, then a summary and, last, one JSON object
 * `{ articles, events, method, runs, cpuMs, wallMs, hash, eventsHash }`: `hash` covers the whole
 * grouping, `eventsHash` only the events (ids, names, members, dates, terms) and the method.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { EventGrouping } from '../src/shared/events';
import { UNKNOWN_OUTLET } from '../src/main/engine/aggregate';
import { EXHAUSTIVE_MAX_ARTICLES, groupEvents, type EventInput } from '../src/main/engine/events/group';
import { eventTermsComponent, EVENT_TERMS } from '../src/main/engine/events/terms';
import { loadFolder } from '../src/main/engine/ingest/loadFolder';
import { createPipeline } from '../src/main/engine/pipeline';
import { buildDoc } from '../src/main/engine/text/buildDoc';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    method: { type: 'string' },
    inputs: { type: 'string' },
  },
});
const folder = positionals[0];
const runs = Number(values.runs);
const method = values.method;
if (folder === undefined || !Number.isInteger(runs) || runs < 1 || (method !== undefined && method !== 'exhaustive' && method !== 'blocked')) {
  process.stderr.write('Usage: npx tsx scripts/bench-events.ts <folder> [--runs 3] [--method exhaustive|blocked] [--inputs <file.json>]\n');
  process.exit(2);
}

interface Prepared {
  readonly inputs: EventInput[];
  readonly outlets: string[];
}

/** The folder's event inputs and outlet order, as the analysis builds them for `compare`. */
async function prepare(dir: string): Promise<Prepared> {
  const loaded = await loadFolder(path.resolve(dir));
  const pipeline = createPipeline([eventTermsComponent]);
  const inputs: EventInput[] = [];
  const outlets = new Set<string>();
  for (const a of loaded.articles) {
    const outlet = a.summary.outlet.value ?? UNKNOWN_OUTLET;
    outlets.add(outlet);
    const meta = { id: a.summary.id, outlet, title: a.summary.title.value, date: a.summary.date.value };
    const results = pipeline.run(buildDoc(meta.id, a.text, a.excluded), meta);
    inputs.push({ id: meta.id, outlet: meta.outlet, date: meta.date, terms: results.get(EVENT_TERMS) });
  }
  return { inputs, outlets: [...outlets].sort((x, y) => x.localeCompare(y, 'en')) };
}

async function prepared(dir: string, file: string | undefined): Promise<Prepared> {
  if (file !== undefined && existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Prepared;
  const p = await prepare(dir);
  if (file !== undefined) await writeFile(file, JSON.stringify(p), { flag: 'wx' });
  return p;
}

const sha = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

function eventsOnly(g: EventGrouping): unknown {
  return {
    events: g.events.map((e) => ({ id: e.id, name: e.name, dates: e.dates, articleIds: e.articleIds, terms: e.terms, outlets: e.outlets })),
    method: g.method,
  };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

const t0 = performance.now();
const { inputs, outlets } = await prepared(folder, values.inputs);
process.stderr.write(`${String(inputs.length)} articles prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
const chosen = method ?? (inputs.length > EXHAUSTIVE_MAX_ARTICLES ? 'blocked' : 'exhaustive');

const cpu: number[] = [];
const wall: number[] = [];
const hashes = new Set<string>();
let last: EventGrouping | null = null;
for (let r = 0; r < runs; r += 1) {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const { grouping } = groupEvents(inputs, { outletOrder: outlets, ...(method === undefined ? {} : { method: chosen }) });
  const w = performance.now() - w0;
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  wall.push(w);
  hashes.add(sha(grouping));
  last = grouping;
  process.stdout.write(`run ${String(r + 1)}: cpu ${(cpu[r] ?? 0).toFixed(0)} ms, wall ${w.toFixed(0)} ms\n`);
}
if (last === null) throw new Error('No run.');
if (hashes.size > 1) throw new Error('Runs gave different groupings.');
const summary = {
  articles: inputs.length,
  events: last.events.length,
  method: chosen,
  runs,
  cpuMs: Math.round(median(cpu)),
  wallMs: Math.round(median(wall)),
  hash: sha(last),
  eventsHash: sha(eventsOnly(last)),
};
process.stdout.write(
  `groupEvents (${chosen}) on ${String(summary.articles)} articles → ${String(summary.events)} events: median CPU ${String(summary.cpuMs)} ms, wall ${String(summary.wallMs)} ms; grouping ${summary.hash}, events ${summary.eventsHash}\n`,
);
process.stdout.write(`${JSON.stringify(summary)}\n`);
