/**
 * Event grouping quality, as a report (not an assertion).
 *
 *   npx tsx scripts/eval-events.ts <folder>                 group a folder, print its events
 *   npx tsx scripts/eval-events.ts --generate <out> [--articles 400] [--seed 7]
 *                                                           write a labelled folder, then evaluate it
 *   … [--method exhaustive|blocked] [--compare]             force a clustering; time both, and their agreement
 *
 * A folder is evaluated against known events when it holds `events-truth.json`
 * ({ "<file>": "<event label>" }); the adjusted Rand index (ARI) is printed for the grouping with
 * dates and with dates ignored. The generated folder has events of different topics (some on the
 * same days, two pairs on the same subject months apart), eight outlets, generic filler shared by
 * all events and some very short articles, so both the text and the dates have work to do.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { adjustedRandIndex, groupEvents, type EventInput, type GroupingOptions } from '../src/main/engine/events/group';
import { extractTerms } from '../src/main/engine/events/terms';
import { loadFolder } from '../src/main/engine/ingest/loadFolder';
import { buildDoc } from '../src/main/engine/text/buildDoc';
import { rng } from './bench/corpus';


interface EventSpec {
  readonly label: string;
  /** First day of coverage, YYYY-MM-DD. */
  readonly date: string;
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly things: readonly string[];
  readonly acts: readonly string[];
}

/** Ten events: different subjects, two same-day collisions, two same-subject pairs months apart. */
export const GENERATED_EVENTS: readonly EventSpec[] = [
  {
    label: 'earthquake',
    date: '2024-02-06',
    people: ['Recep Tayyip Erdogan', 'Yunus Sezer', 'Fahrettin Koca'],
    places: ['Kahramanmaras', 'Gaziantep', 'Hatay', 'Antakya'],
    things: ['rubble', 'aftershocks', 'magnitude', 'rescue teams', 'collapsed buildings', 'survivors', 'tents', 'field hospitals'],
    acts: ['pulled survivors from', 'searched through', 'dug through', 'set up shelters near'],
  },
  {
    label: 'ecb-rates',
    date: '2024-02-06',
    people: ['Christine Lagarde', 'Isabel Schnabel', 'Philip Lane'],
    places: ['Frankfurt', 'the eurozone', 'Brussels'],
    things: ['interest rates', 'inflation', 'basis points', 'bond yields', 'the deposit rate', 'monetary policy', 'wage growth'],
    acts: ['held', 'raised', 'signalled cuts to', 'defended'],
  },
  {
    label: 'cup-final',
    date: '2024-06-01',
    people: ['Vinicius Junior', 'Carlo Ancelotti', 'Edin Terzic', 'Jude Bellingham'],
    places: ['Wembley', 'Madrid', 'Dortmund'],
    things: ['the final', 'goals', 'the trophy', 'penalty', 'the second half', 'supporters', 'the squad', 'the title'],
    acts: ['scored in', 'celebrated', 'dominated', 'lifted'],
  },
  {
    label: 'election',
    date: '2024-01-13',
    people: ['Lai Ching-te', 'Hou Yu-ih', 'Ko Wen-je'],
    places: ['Taipei', 'Kaohsiung', 'Taiwan'],
    things: ['ballots', 'the presidential vote', 'turnout', 'the legislature', 'campaign rallies', 'voters', 'polling stations'],
    acts: ['counted', 'won', 'conceded', 'campaigned on'],
  },
  {
    label: 'headset-launch',
    date: '2024-06-01',
    people: ['Tim Cook', 'Mike Rockwell'],
    places: ['Cupertino', 'Apple Park'],
    things: ['the headset', 'preorders', 'the price', 'developers', 'apps', 'the display', 'battery life', 'reviewers'],
    acts: ['unveiled', 'demonstrated', 'shipped', 'priced'],
  },
  {
    label: 'wildfire',
    date: '2023-08-09',
    people: ['Josh Green', 'Richard Bissen'],
    places: ['Maui', 'Lahaina', 'Kula'],
    things: ['the wildfire', 'evacuations', 'burned homes', 'wind gusts', 'firefighters', 'power lines', 'shelters'],
    acts: ['spread through', 'evacuated', 'fought', 'destroyed'],
  },
  {
    label: 'gaza-talks-cairo',
    date: '2024-03-20',
    people: ['Antony Blinken', 'Sameh Shoukry', 'Abdel Fattah el-Sisi'],
    places: ['Cairo', 'Gaza', 'Rafah'],
    things: ['a ceasefire', 'hostages', 'humanitarian aid', 'the proposal', 'negotiators', 'aid trucks'],
    acts: ['discussed', 'pressed for', 'negotiated', 'backed'],
  },
  {
    label: 'fed-rates',
    date: '2024-07-31',
    people: ['Jerome Powell', 'Michelle Bowman', 'Christopher Waller'],
    places: ['Washington', 'Wall Street'],
    things: ['interest rates', 'inflation', 'basis points', 'the labour market', 'monetary policy', 'Treasury yields'],
    acts: ['held', 'signalled cuts to', 'defended', 'debated'],
  },
  {
    label: 'gaza-talks-jerusalem',
    date: '2024-05-01',
    people: ['Antony Blinken', 'Benjamin Netanyahu', 'Isaac Herzog'],
    places: ['Jerusalem', 'Gaza', 'Tel Aviv'],
    things: ['a ceasefire', 'hostages', 'humanitarian aid', 'the offensive', 'the proposal', 'the families'],
    acts: ['discussed', 'pressed for', 'rejected', 'backed'],
  },
  {
    label: 'flood',
    date: '2024-09-14',
    people: ['Karl Nehammer', 'Donald Tusk'],
    places: ['Vienna', 'Nysa', 'Klodzko', 'the Danube'],
    things: ['floodwaters', 'dams', 'river levels', 'sandbags', 'rainfall', 'evacuations', 'damaged bridges'],
    acts: ['swept through', 'evacuated', 'reinforced', 'inundated'],
  },
];

const OUTLETS = ['Northern Ledger', 'Harbour Times', 'Capital Wire', 'Daily Meridian', 'Coastline Post', 'Evening Courier', 'Frontier Herald', 'The Observer Desk'];

/** Filler every outlet uses whatever the story: it must not pull different events together. */
const FILLER = [
  'Officials said more details would be released in the coming days.',
  'The situation remains fluid, analysts cautioned on Monday.',
  'Critics questioned whether the government had done enough.',
  'Reporters gathered outside as the statements were read.',
  'Local media carried the developments live throughout the afternoon.',
  'Observers expect further announcements later this week.',
  'The announcement drew mixed reactions online.',
  'Several people interviewed said they were worried about what comes next.',
  'A spokesperson declined to comment further on the matter.',
  'The story is developing and this article will be updated.',
];

export interface GeneratedArticle {
  readonly file: string;
  readonly outlet: string;
  readonly date: string;
  readonly event: string;
  readonly title: string;
  readonly text: string;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A labelled folder's articles, reproducible from the seed. */
export function generateEventArticles(count: number, seed: number): GeneratedArticle[] {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < count; i += 1) {
    const spec = GENERATED_EVENTS[i % GENERATED_EVENTS.length];
    if (spec === undefined) throw new Error('No generated events defined.');
    const outlet = pick(OUTLETS);
    const sentence = (): string => {
      switch (Math.floor(random() * 5)) {
        case 0:
          return `${pick(spec.people)} ${pick(spec.acts)} ${pick(spec.things)} in ${pick(spec.places)}.`;
        case 1:
          return `In ${pick(spec.places)}, ${pick(spec.things)} and ${pick(spec.things)} dominated the day, according to ${pick(spec.people)}.`;
        case 2:
          return `"We are watching ${pick(spec.things)} closely," ${pick(spec.people)} told reporters.`;
        case 3:
          return `Questions over ${pick(spec.things)} grew as officials ${pick(spec.acts)} ${pick(spec.things)}.`;
        default:
          return pick(FILLER);
      }
    };
    // One article in eight is a short brief of two or three sentences.
    const length = random() < 0.125 ? 2 + Math.floor(random() * 2) : 6 + Math.floor(random() * 12);
    const body: string[] = [];
    for (let s = 0; s < length; s += 1) body.push(random() < 0.3 ? pick(FILLER) : sentence());
    // Three articles in ten refer back to another story ("Earlier, … in Cairo").
    if (random() < 0.3) {
      const other = pick(GENERATED_EVENTS);
      body.splice(Math.floor(random() * body.length), 0, `Earlier, ${pick(other.people)} ${pick(other.acts)} ${pick(other.things)} in ${pick(other.places)}.`);
    }
    const title = `${pick(spec.people)} and ${pick(spec.things)}: what happened in ${pick(spec.places)}`;
    out.push({
      file: `${String(i).padStart(4, '0')}.txt`,
      outlet,
      date: addDays(spec.date, Math.floor(random() * 4)),
      event: spec.label,
      title,
      text: `${title}\n\n${body.join(' ')}\n`,
    });
  }
  return out;
}

export async function writeGeneratedFolder(folder: string, count: number, seed: number): Promise<void> {
  const articles = generateEventArticles(count, seed);
  await mkdir(folder, { recursive: true });
  for (const a of articles) await writeFile(path.join(folder, a.file), a.text);
  const manifest = {
    manifestVersion: 1,
    note: `Generated by scripts/eval-events.ts (seed ${seed}) to measure event grouping.`,
    articles: articles.map((a) => ({ file: a.file, outlet: a.outlet, title: a.title, date: a.date })),
  };
  await writeFile(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(path.join(folder, 'events-truth.json'), `${JSON.stringify(Object.fromEntries(articles.map((a) => [a.file, a.event])), null, 2)}\n`);
}

export interface EvalReport {
  readonly articles: number;
  readonly withDates: { readonly events: number; readonly ari: number | null; readonly ms: number };
  readonly withoutDates: { readonly events: number; readonly ari: number | null; readonly ms: number };
  readonly knownEvents: number | null;
}

/**
 * Groups `inputs` with and without dates and scores both against `truth` (article id → label);
 * `method` forces the exhaustive or the blocked clustering (default: chosen by folder size).
 */
export function evaluateGrouping(inputs: readonly EventInput[], truth: ReadonlyMap<string, string> | null, method?: GroupingOptions['method']): EvalReport {
  const run = (ignoreDates: boolean): { events: number; ari: number | null; ms: number } => {
    const t0 = performance.now();
    const { grouping } = groupEvents(inputs, { ignoreDates, ...(method ? { method } : {}) });
    const ms = performance.now() - t0;
    const eventOf = new Map(grouping.assignments.map((a) => [a.articleId, a.eventId]));
    const ari = truth
      ? adjustedRandIndex(
          inputs.map((i) => truth.get(i.id) ?? '?'),
          inputs.map((i) => eventOf.get(i.id) ?? '?'),
        )
      : null;
    return { events: grouping.events.length, ari, ms };
  };
  return {
    articles: inputs.length,
    withDates: run(false),
    withoutDates: run(true),
    knownEvents: truth ? new Set(truth.values()).size : null,
  };
}

async function inputsOfFolder(folder: string): Promise<{ inputs: EventInput[]; truth: Map<string, string> | null }> {
  const loaded = await loadFolder(folder);
  let truthByFile: Record<string, string> | null = null;
  try {
    truthByFile = JSON.parse(await readFile(path.join(folder, 'events-truth.json'), 'utf8')) as Record<string, string>;
  } catch {
    truthByFile = null;
  }
  const truth = truthByFile ? new Map<string, string>() : null;
  const inputs = loaded.articles.map(({ summary, text, excluded }) => {
    const label = truthByFile?.[summary.file];
    if (truth && label !== undefined) truth.set(summary.id, label);
    return { id: summary.id, outlet: summary.outlet.value, date: summary.date.value, terms: extractTerms(buildDoc(summary.id, text, excluded)) };
  });
  return { inputs, truth };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      generate: { type: 'string' },
      articles: { type: 'string', default: '400' },
      seed: { type: 'string', default: '7' },
      method: { type: 'string' },
      compare: { type: 'boolean', default: false },
    },
  });
  let folder = positionals[0];
  if (values.generate !== undefined) {
    folder = values.generate;
    await writeGeneratedFolder(folder, Number(values.articles), Number(values.seed));
    console.log(`wrote ${values.articles} articles to ${folder}`);
  }
  if (folder === undefined) {
    console.error('usage: eval-events.ts <folder> | --generate <out> [--articles N] [--seed S]');
    process.exitCode = 2;
    return;
  }
  const { inputs, truth } = await inputsOfFolder(folder);
  const method = values.method === 'exhaustive' || values.method === 'blocked' ? values.method : undefined;
  const report = evaluateGrouping(inputs, truth, method);
  const fmt = (r: EvalReport['withDates']): string =>
    `${r.events} events${r.ari === null ? '' : `, ARI ${r.ari.toFixed(3)}`} (${r.ms.toFixed(0)} ms)`;
  console.log(`${report.articles} articles${report.knownEvents === null ? '' : `, ${report.knownEvents} known events`}`);
  console.log(`with dates:    ${fmt(report.withDates)}`);
  console.log(`without dates: ${fmt(report.withoutDates)}`);
  if (values.compare) {
    // Both clusterings on the same inputs, with dates: time, and how far the blocked one departs.
    const times: Record<string, number> = {};
    const labels: Record<string, string[]> = {};
    for (const m of ['exhaustive', 'blocked'] as const) {
      const t0 = performance.now();
      const { grouping } = groupEvents(inputs, { method: m });
      times[m] = performance.now() - t0;
      const eventOf = new Map(grouping.assignments.map((a) => [a.articleId, a.eventId]));
      labels[m] = inputs.map((i) => eventOf.get(i.id) ?? '?');
    }
    const agreement = adjustedRandIndex(labels.exhaustive ?? [], labels.blocked ?? []);
    console.log(`grouping time with dates: exhaustive ${(times.exhaustive ?? 0).toFixed(0)} ms, blocked ${(times.blocked ?? 0).toFixed(0)} ms; ARI blocked vs exhaustive ${agreement.toFixed(3)}`);
  }
  if (truth !== null) {
    // Where the grouping with dates and without departs from the known events.
    for (const ignoreDates of [false, true]) {
      const { grouping } = groupEvents(inputs, { ignoreDates });
      for (const e of grouping.events) {
        const labels = new Map<string, number>();
        for (const id of e.articleIds) labels.set(truth.get(id) ?? '?', (labels.get(truth.get(id) ?? '?') ?? 0) + 1);
        if (labels.size > 1) console.log(`  ${ignoreDates ? 'without' : 'with'} dates, joined: ${[...labels].map(([l, n]) => `${l} ×${n}`).join(' + ')}`);
      }
      const split = new Map<string, Set<string>>();
      for (const a of grouping.assignments) {
        const label = truth.get(a.articleId) ?? '?';
        split.set(label, (split.get(label) ?? new Set()).add(a.eventId));
      }
      for (const [label, events] of split) if (events.size > 1) console.log(`  ${ignoreDates ? 'without' : 'with'} dates, split: ${label} over ${events.size} events`);
    }
  } else {
    const { grouping } = groupEvents(inputs);
    for (const e of grouping.events) console.log(`  ${e.name}  (${e.articleIds.length} articles, cohesion ${e.cohesion.toFixed(2)})`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
