/**
 * Event grouping: articles about the same happening, found by text similarity and date
 * proximity, with a confidence per assignment.
 *
 * - Text: TF-IDF vectors (sublinear term frequency, smoothed IDF) over each article's content
 *   words and names (names weigh more), cosine similarity.
 * - Dates: when both articles have a date, the similarity is multiplied by a proximity factor:
 *   1.5 on the same day, falling to 1.125 at `windowDays` apart, then decaying exponentially
 *   from 1, and 0 beyond `maxGapDays`. An article without
 *   a date is compared by text alone (factor 1), so folders without dates still group.
 * - Clustering: average-linkage agglomerative clustering, merging while the mean similarity
 *   between two groups is at least `threshold`. Up to EXHAUSTIVE_MAX_ARTICLES over the full n × n
 *   matrix of 32-bit floats (1,000 articles take 4 MB, 3,000 take 36 MB); above, over candidate
 *   links from blocking on top terms and dates, with exact group means (blocked.ts).
 * - Confidence, runner-up and cohesion come from per-day sums of the groups' vectors (slots.ts),
 *   without the matrix, so corrections re-score a grouping in near-linear time.
 *
 * Everything here is pure: the same inputs give the same events, ids and names.
 */
import type { EventAssignment, EventGrouping, EventInfo } from '../../../shared/events';
import { blockedAverageLinkage } from './blocked';
import { groupSimilarities } from './slots';
import { termDisplay, type ArticleTerms } from './terms';

export interface EventInput {
  readonly id: string;
  readonly outlet: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  readonly date: string | null;
  readonly terms: ArticleTerms;
}

export interface GroupingOptions {
  /** Minimum mean similarity for two groups to merge. */
  readonly threshold?: number;
  /** Articles this many days apart or closer count as same-time. */
  readonly windowDays?: number;
  /** Decay (days) of the proximity factor beyond the window. */
  readonly decayDays?: number;
  /** Articles further apart than this are never the same event. */
  readonly maxGapDays?: number;
  /** Ignore dates (text only). */
  readonly ignoreDates?: boolean;
  /** Outlet order for EventInfo.outlets; outlets not listed follow alphabetically. */
  readonly outletOrder?: readonly string[];
  /**
   * Clustering over the full similarity matrix ('exhaustive') or over candidate links with exact
   * group means ('blocked', blocked.ts); by default the matrix up to EXHAUSTIVE_MAX_ARTICLES.
   */
  readonly method?: 'exhaustive' | 'blocked';
}

export const DEFAULT_GROUPING = {
  threshold: 0.2,
  windowDays: 3,
  decayDays: 4,
  maxGapDays: 21,
} as const;

const ENTITY_BOOST = 1.5;
/** Articles published within the window are likelier to report the same happening. */
const SAME_TIME_BONUS = 0.5;
const DAY_MS = 86_400_000;

/** A prepared corpus: vectors, IDF and dates, shared by grouping, edits and naming. */
export interface EventCorpus {
  readonly inputs: readonly EventInput[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Sparse L2-normalised vectors: term ids ascending with weights. */
  readonly vectors: readonly { readonly ids: Int32Array; readonly weights: Float32Array }[];
  readonly idf: ReadonlyMap<string, number>;
  /** Days since epoch or NaN. */
  readonly days: Float64Array;
  readonly options: Required<Omit<GroupingOptions, 'outletOrder' | 'method'>> & { readonly outletOrder: readonly string[] };
}

function dayOf(date: string | null): number {
  if (date === null) return Number.NaN;
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? Number.NaN : Math.round(t / DAY_MS);
}

export function buildEventCorpus(inputs: readonly EventInput[], options: GroupingOptions = {}): EventCorpus {
  // Term ids in order of first use; document frequencies by id.
  const termId = new Map<string, number>();
  let df = new Int32Array(1024);
  // Each term occurrence's id, article after article, read again for the vectors.
  let total = 0;
  for (const input of inputs) total += input.terms.keys.length;
  const occurrenceIds = new Int32Array(total);
  let occurrence = 0;
  for (const input of inputs) {
    for (const term of input.terms.keys) {
      let id = termId.get(term);
      if (id === undefined) {
        id = termId.size;
        termId.set(term, id);
        if (id === df.length) {
          const bigger = new Int32Array(df.length * 2);
          bigger.set(df);
          df = bigger;
        }
      }
      df[id] = (df[id] ?? 0) + 1;
      occurrenceIds[occurrence] = id;
      occurrence += 1;
    }
  }
  const n = inputs.length;
  const idf = new Map<string, number>();
  const idfById = new Float64Array(termId.size);
  for (const [term, id] of termId) {
    const value = Math.log((n + 1) / ((df[id] ?? 0) + 1)) + 1;
    idf.set(term, value);
    idfById[id] = value;
  }
  occurrence = 0;
  const vectors = inputs.map((input) => {
    const { counts, entity } = input.terms;
    const count = counts.length;
    const ids = occurrenceIds.subarray(occurrence, occurrence + count);
    occurrence += count;
    const raw = new Float64Array(count);
    let norm = 0;
    for (let k = 0; k < count; k += 1) {
      const id = ids[k] ?? 0;
      const w = (1 + Math.log(counts[k] ?? 1)) * (idfById[id] ?? 1) * (entity[k] === 1 ? ENTITY_BOOST : 1);
      raw[k] = w;
      norm += w * w;
    }
    // Ascending term ids (an article's terms are distinct): sort id × count + place as numbers.
    const keys = new Float64Array(count);
    for (let k = 0; k < count; k += 1) keys[k] = (ids[k] ?? 0) * count + k;
    keys.sort();
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const sortedIds = new Int32Array(count);
    const weights = new Float32Array(count);
    for (let r = 0; r < count; r += 1) {
      const k = (keys[r] ?? 0) % count;
      sortedIds[r] = ids[k] ?? 0;
      weights[r] = (raw[k] ?? 0) * scale;
    }
    return { ids: sortedIds, weights };
  });
  const indexOf = new Map(inputs.map((input, i) => [input.id, i]));
  return {
    inputs,
    indexOf,
    vectors,
    idf,
    days: Float64Array.from(inputs.map((input) => (options.ignoreDates ? Number.NaN : dayOf(input.date)))),
    options: {
      threshold: options.threshold ?? DEFAULT_GROUPING.threshold,
      windowDays: options.windowDays ?? DEFAULT_GROUPING.windowDays,
      decayDays: options.decayDays ?? DEFAULT_GROUPING.decayDays,
      maxGapDays: options.maxGapDays ?? DEFAULT_GROUPING.maxGapDays,
      ignoreDates: options.ignoreDates ?? false,
      outletOrder: options.outletOrder ?? [],
    },
  };
}

/** Proximity factor of two dates (days since epoch; NaN = unknown). */
export function dateFactor(a: number, b: number, o: EventCorpus['options']): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return 1;
  const gap = Math.abs(a - b);
  if (gap <= o.windowDays) return 1 + SAME_TIME_BONUS * (1 - gap / (o.windowDays + 1));
  if (gap > o.maxGapDays) return 0;
  return Math.exp(-(gap - o.windowDays) / o.decayDays);
}

function cosine(a: EventCorpus['vectors'][number], b: EventCorpus['vectors'][number]): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) {
      s += (a.weights[i] ?? 0) * (b.weights[j] ?? 0);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return s;
}

/** Similarity of two articles of the corpus (by index): cosine × date proximity. */
export function similarity(corpus: EventCorpus, i: number, j: number): number {
  const a = corpus.vectors[i];
  const b = corpus.vectors[j];
  if (!a || !b) return 0;
  const f = dateFactor(corpus.days[i] ?? Number.NaN, corpus.days[j] ?? Number.NaN, corpus.options);
  return f === 0 ? 0 : cosine(a, b) * f;
}

/**
 * Articles in the order the similarity matrix visits them: dated ones by day, then undated ones,
 * ties by index. Each pair of articles is computed once, from the earlier of the two.
 */
function visitOrder(days: Float64Array): Int32Array {
  const order = Int32Array.from(days.keys());
  return order.sort((a, b) => {
    const da = days[a] ?? Number.NaN;
    const db = days[b] ?? Number.NaN;
    const ua = Number.isNaN(da);
    const ub = Number.isNaN(db);
    if (ua || ub) return Number(ua) - Number(ub) || a - b;
    return da - db || a - b;
  });
}

/**
 * The full n × n similarity matrix (row-major, diagonal 1), from an inverted index: articles are
 * visited by date, and each accumulates dot products only with the later articles that share a
 * term and fall within `maxGapDays` of it (undated articles are compared with every date), so the
 * cost is the pairs of articles sharing a term that could be the same event, not n² vector
 * comparisons. Each pair's dot product adds the products of its shared terms in ascending term
 * order, whichever of the two articles it is computed from.
 */
export function similarityMatrix(corpus: EventCorpus): Float32Array {
  const n = corpus.inputs.length;
  const m = new Float32Array(n * n);
  const terms = corpus.idf.size;
  const { days, options } = corpus;
  const order = visitOrder(days);
  // Visiting positions: dated articles [0, dated), undated ones after.
  let dated = n;
  while (dated > 0 && Number.isNaN(days[order[dated - 1] ?? 0] ?? Number.NaN)) dated -= 1;
  const postingCount = new Int32Array(terms);
  for (const v of corpus.vectors) for (const id of v.ids) postingCount[id] = (postingCount[id] ?? 0) + 1;
  const offsets = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t += 1) offsets[t + 1] = (offsets[t] ?? 0) + (postingCount[t] ?? 0);
  const total = offsets[terms] ?? 0;
  // Postings by visiting position: each term's dated articles by day, then its undated ones.
  const positions = new Int32Array(total);
  const weights = new Float32Array(total);
  const fill = Int32Array.from(offsets.subarray(0, terms));
  // undatedFrom[t]: where term t's undated articles start in its postings.
  const undatedFrom = offsets.slice(1);
  for (let q = 0; q < n; q += 1) {
    const v = corpus.vectors[order[q] ?? 0];
    if (!v) continue;
    for (let k = 0; k < v.ids.length; k += 1) {
      const t = v.ids[k] ?? 0;
      const at = fill[t] ?? 0;
      positions[at] = q;
      weights[at] = v.weights[k] ?? 0;
      fill[t] = at + 1;
      if (q >= dated && at < (undatedFrom[t] ?? 0)) undatedFrom[t] = at;
    }
  }
  // cursor[t]: position in term t's postings of the article being visited.
  const cursor = offsets.slice(0, terms);
  // row[q]: dot product with the article at visiting position q.
  const row = new Float64Array(n);
  const maxGap = options.maxGapDays;
  let windowEnd = 0;
  for (let q = 0; q < n; q += 1) {
    const i = order[q] ?? 0;
    const v = corpus.vectors[i];
    if (!v) continue;
    const di = days[i] ?? Number.NaN;
    // Dated articles pair with the dated ones up to maxGap days later and every undated one.
    let last = n;
    if (q < dated) {
      if (windowEnd <= q) windowEnd = q + 1;
      while (windowEnd < dated && (days[order[windowEnd] ?? 0] ?? 0) - di <= maxGap) windowEnd += 1;
      last = windowEnd;
    }
    for (let k = 0; k < v.ids.length; k += 1) {
      const t = v.ids[k] ?? 0;
      const w = v.weights[k] ?? 0;
      const at = cursor[t] ?? 0;
      cursor[t] = at + 1;
      const end = offsets[t + 1] ?? 0;
      let p = at + 1;
      if (q < dated) {
        // The dated articles within the window, then (below) every undated one.
        const undated = undatedFrom[t] ?? 0;
        for (; p < undated; p += 1) {
          const r = positions[p] ?? 0;
          if (r >= last) break;
          row[r] = (row[r] ?? 0) + w * (weights[p] ?? 0);
        }
        if (p < undated) p = undated;
      }
      for (; p < end; p += 1) {
        const r = positions[p] ?? 0;
        row[r] = (row[r] ?? 0) + w * (weights[p] ?? 0);
      }
    }
    m[i * n + i] = 1;
    const write = (from: number, to: number): void => {
      for (let r = from; r < to; r += 1) {
        const dot = row[r] ?? 0;
        if (dot === 0) continue;
        row[r] = 0;
        const j = order[r] ?? 0;
        const s = dot * dateFactor(di, days[j] ?? Number.NaN, options);
        m[i * n + j] = s;
        m[j * n + i] = s;
      }
    };
    write(q + 1, last);
    if (last < n) write(Math.max(q + 1, dated), n);
  }
  return m;
}

const matrices = new WeakMap<EventCorpus, Float32Array>();

/** The corpus's similarity matrix, computed once and kept while the corpus lives (edits reuse it). */
export function corpusMatrix(corpus: EventCorpus): Float32Array {
  let m = matrices.get(corpus);
  if (!m) {
    m = similarityMatrix(corpus);
    matrices.set(corpus, m);
  }
  return m;
}

/**
 * Average-linkage clustering with a stopping threshold. Returns clusters as lists of article
 * indexes, each sorted, ordered by their first member.
 */
export function averageLinkage(sim: Float32Array, n: number, threshold: number): number[][] {
  // Working copy: between-cluster mean similarities, updated by Lance–Williams.
  const s = Float32Array.from(sim);
  const size = new Int32Array(n).fill(1);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const best = new Int32Array(n).fill(-1);
  const bestSim = new Float32Array(n).fill(-Infinity);
  // The live clusters in ascending order (scans visit them as a scan of 0..n-1 skipping the dead would).
  const live = Int32Array.from({ length: n }, (_, i) => i);
  let liveCount = n;
  const refresh = (i: number): void => {
    let b = -1;
    let bs = -Infinity;
    const rowStart = i * n;
    for (let x = 0; x < liveCount; x += 1) {
      const j = live[x] ?? 0;
      if (j === i) continue;
      const v = s[rowStart + j] ?? 0;
      if (v > bs) {
        bs = v;
        b = j;
      }
    }
    best[i] = b;
    bestSim[i] = bs;
  };
  for (let i = 0; i < n; i += 1) refresh(i);
  for (;;) {
    let a = -1;
    let top = -Infinity;
    for (let x = 0; x < liveCount; x += 1) {
      const i = live[x] ?? 0;
      if (best[i] !== -1 && (bestSim[i] ?? -Infinity) > top) {
        top = bestSim[i] ?? -Infinity;
        a = i;
      }
    }
    if (a === -1 || top < threshold) break;
    const b = best[a] ?? -1;
    if (b === -1) break;
    const na = size[a] ?? 1;
    const nb = size[b] ?? 1;
    const rowA = a * n;
    const rowB = b * n;
    for (let x = 0; x < liveCount; x += 1) {
      const k = live[x] ?? 0;
      if (k === a || k === b) continue;
      const v = ((s[rowA + k] ?? 0) * na + (s[rowB + k] ?? 0) * nb) / (na + nb);
      s[rowA + k] = v;
      s[k * n + a] = v;
    }
    size[a] = na + nb;
    // b leaves the live list, which stays in ascending order.
    let w = 0;
    for (let x = 0; x < liveCount; x += 1) {
      const k = live[x] ?? 0;
      if (k !== b) {
        live[w] = k;
        w += 1;
      }
    }
    liveCount = w;
    const ma = members[a] ?? [];
    for (const m of members[b] ?? []) ma.push(m);
    members[b] = [];
    for (let x = 0; x < liveCount; x += 1) {
      const k = live[x] ?? 0;
      if (k === a || best[k] === a || best[k] === b) refresh(k);
      else if ((s[k * n + a] ?? 0) > (bestSim[k] ?? -Infinity)) {
        best[k] = a;
        bestSim[k] = s[k * n + a] ?? 0;
      }
    }
  }
  const out: number[][] = [];
  for (let x = 0; x < liveCount; x += 1) out.push([...(members[live[x] ?? 0] ?? [])].sort((p, q) => p - q));
  return out.sort((p, q) => (p[0] ?? 0) - (q[0] ?? 0));
}

// ── Naming ──

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(iso: string): { d: number; m: string; y: number } {
  const [y, m, d] = iso.split('-').map(Number);
  return { d: d ?? 1, m: MONTHS[(m ?? 1) - 1] ?? '', y: y ?? 0 };
}

/** "1 May 2024", "8–9 Jan 2024", "30 Jan – 2 Feb 2024", "30 Dec 2023 – 2 Jan 2024". */
export function formatDateRange(range: { start: string; end: string }): string {
  const a = parts(range.start);
  const b = parts(range.end);
  if (range.start === range.end) return `${a.d} ${a.m} ${a.y}`;
  if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${a.m} ${a.y}`;
  if (a.y === b.y) return `${a.d} ${a.m} – ${b.d} ${b.m} ${b.y}`;
  return `${a.d} ${a.m} ${a.y} – ${b.d} ${b.m} ${b.y}`;
}

/**
 * Terms characterising a set of articles: names first, scored by how often members use them,
 * the share of members using them, and (squared) how rare they are in the folder, so "Israel"
 * in every article loses to "Qatar" in the two January reports.
 * One name is shown once and whole: "Sezer" is shown as "Yunus Sezer", which then covers "Yunus".
 */
export function eventTerms(corpus: EventCorpus, memberIdx: readonly number[], limit = 5): string[] {
  const score = new Map<string, { term: string; s: number; docs: number; n: number; display: string; entity: boolean }>();
  for (const i of memberIdx) {
    const terms = corpus.inputs[i]?.terms;
    if (!terms) continue;
    for (let k = 0; k < terms.keys.length; k += 1) {
      const term = terms.keys[k] ?? '';
      const count = terms.counts[k] ?? 0;
      const prev = score.get(term);
      const idf = corpus.idf.get(term) ?? 1;
      const add = (1 + Math.log(count)) * idf * idf;
      if (prev) {
        prev.s += add;
        prev.docs += 1;
        prev.n += count;
      } else score.set(term, { term, s: add, docs: 1, n: count, display: termDisplay(terms, k), entity: terms.entity[k] === 1 });
    }
  }
  // What the members share counts more than what one of them says often.
  for (const v of score.values()) v.s *= v.docs / Math.max(1, memberIdx.length);
  const ranked = [...score.values()].sort(
    (x, y) => Number(y.entity) - Number(x.entity) || y.s - x.s || (x.term < y.term ? -1 : 1),
  );
  const multi = ranked.filter((r) => r.term.includes(' '));
  const covered = new Set<string>();
  const chosen: string[] = [];
  for (const r of ranked) {
    if (covered.has(r.term)) continue;
    const words = r.term.split(' ');
    // A part of a name ("Isabel", "Sezer") is shown as the best-scored full name containing it,
    // when most of its uses are in that name ("Arab" of "Arab leaders" is not "United Arab Emirates").
    const whole =
      r.entity && words.length === 1
        ? multi.find((m) => m.entity && m.n * 2 >= r.n && m.term.split(' ').includes(r.term))
        : undefined;
    chosen.push(whole?.display ?? r.display);
    if (chosen.length >= limit) break;
    covered.add(r.term);
    for (const w of words) covered.add(w);
    for (const m of multi) {
      const mw = m.term.split(' ');
      if (words.some((w) => mw.includes(w))) {
        covered.add(m.term);
        for (const w of mw) covered.add(w);
      }
    }
  }
  return chosen;
}

export function autoName(dates: { start: string; end: string } | null, terms: readonly string[]): string {
  const when = dates ? formatDateRange(dates) : 'Undated';
  const what = terms.slice(0, 2).join(', ');
  return what ? `${when} · ${what}` : when;
}

// ── Building the result ──

export interface Group {
  readonly id: string;
  readonly members: readonly number[];
  readonly userName: string | null;
}

/** Event id from its members: "ev-" and the first 8 characters of the smallest article id. */
export function autoEventId(corpus: EventCorpus, members: readonly number[]): string {
  const ids = members.map((i) => corpus.inputs[i]?.id ?? '').sort();
  return `ev-${(ids[0] ?? 'empty').slice(0, 8)}`;
}

function dateRange(corpus: EventCorpus, members: readonly number[]): { start: string; end: string } | null {
  const dates = members
    .map((i) => corpus.inputs[i]?.date ?? null)
    .filter((d): d is string => d !== null)
    .map((d) => d.slice(0, 10))
    .sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  return first !== undefined && last !== undefined ? { start: first, end: last } : null;
}

function orderOutlets(outlets: Iterable<string>, order: readonly string[]): string[] {
  const set = new Set(outlets);
  const known = order.filter((o) => set.has(o));
  const rest = [...set].filter((o) => !order.includes(o)).sort((a, b) => a.localeCompare(b, 'en'));
  return [...known, ...rest];
}

/**
 * Turns groups of article indexes into events and assignments. `userAssigned` articles get
 * confidence 1 and source 'user'; the others a similarity margin against the nearest other group.
 */
export function finalizeGrouping(
  corpus: EventCorpus,
  groups: readonly Group[],
  userAssigned: ReadonlySet<string> = new Set(),
): EventGrouping {
  const n = corpus.inputs.length;
  const live = groups.filter((g) => g.members.length > 0);
  // Each article's similarity to its own group and to the others, from per-day vector sums.
  const sims = groupSimilarities(corpus, live.map((g) => g.members));
  const events: EventInfo[] = [];
  const assignments: EventAssignment[] = [];
  for (const g of live) {
    const dates = dateRange(corpus, g.members);
    const terms = eventTerms(corpus, g.members);
    // Each within-group pair is counted from both of its articles.
    let pairSum = 0;
    for (const i of g.members) pairSum += sims.inSum[i] ?? 0;
    pairSum /= 2;
    const pairs = (g.members.length * (g.members.length - 1)) / 2;
    const outlets = g.members.map((i) => corpus.inputs[i]?.outlet).filter((o): o is string => typeof o === 'string');
    events.push({
      id: g.id,
      name: g.userName ?? autoName(dates, terms),
      nameSource: g.userName !== null ? 'user' : 'auto',
      dates,
      articleIds: g.members.map((i) => corpus.inputs[i]?.id ?? ''),
      outlets: orderOutlets(outlets, corpus.options.outletOrder),
      terms,
      cohesion: pairs > 0 ? pairSum / pairs : 1,
    });
  }
  const threshold = corpus.options.threshold;
  for (const g of live) {
    for (const i of g.members) {
      const articleId = corpus.inputs[i]?.id ?? '';
      const within = g.members.length > 1 ? (sims.inSum[i] ?? 0) / (g.members.length - 1) : null;
      const other = live[sims.runnerUp[i] ?? -1];
      const runnerUp = other ? { eventId: other.id, similarity: sims.runnerUpMean[i] ?? 0 } : null;
      const out = runnerUp?.similarity ?? 0;
      let confidence: number;
      if (userAssigned.has(articleId)) confidence = 1;
      else if (within === null) confidence = 1 - Math.min(1, out / threshold) / 2;
      else confidence = within + out > 0 ? within / (within + out) : 1;
      assignments.push({
        articleId,
        eventId: g.id,
        confidence: Math.round(confidence * 1000) / 1000,
        source: userAssigned.has(articleId) ? 'user' : 'auto',
        runnerUp: runnerUp ? { eventId: runnerUp.eventId, similarity: Math.round(runnerUp.similarity * 1000) / 1000 } : null,
      });
    }
  }
  // Timeline order: dated events by start, then undated, ties by id.
  events.sort((a, b) => {
    if (a.dates && b.dates) return a.dates.start.localeCompare(b.dates.start) || a.id.localeCompare(b.id);
    if (a.dates) return -1;
    if (b.dates) return 1;
    return a.id.localeCompare(b.id);
  });
  const undated = corpus.inputs.filter((input, i) => input.date === null || Number.isNaN(corpus.days[i] ?? Number.NaN)).length;
  const usedDates = !corpus.options.ignoreDates && undated < n;
  return {
    events,
    assignments,
    method: {
      usedDates,
      undatedArticles: undated,
      threshold,
      description: usedDates
        ? `Grouped by text similarity (TF-IDF cosine over words and names) weighted by date proximity (same event within ${corpus.options.windowDays} days, never beyond ${corpus.options.maxGapDays}); ${undated} article(s) without a date were grouped by text alone.`
        : 'Grouped by text similarity alone (TF-IDF cosine over words and names): no dates were used, so separate happenings with similar wording may share an event.',
    },
  };
}

/**
 * Folders up to this many articles are clustered over the full similarity matrix (64 MB at
 * 4,000 articles, and faster there); larger ones over candidate links, whose memory grows with
 * the articles rather than their square (10,000 articles: about 10 s instead of over a minute).
 */
export const EXHAUSTIVE_MAX_ARTICLES = 4000;

/** Groups articles into events. */
export function groupEvents(inputs: readonly EventInput[], options: GroupingOptions = {}): { corpus: EventCorpus; grouping: EventGrouping } {
  const corpus = buildEventCorpus(inputs, options);
  const n = inputs.length;
  const method = options.method ?? (n > EXHAUSTIVE_MAX_ARTICLES ? 'blocked' : 'exhaustive');
  const clusters = method === 'blocked'
    ? blockedAverageLinkage(corpus, corpus.options.threshold)
    : averageLinkage(corpusMatrix(corpus), n, corpus.options.threshold);
  const groups: Group[] = clusters.map((members) => ({ id: autoEventId(corpus, members), members, userName: null }));
  return { corpus, grouping: finalizeGrouping(corpus, groups, new Set()) };
}

/** Adjusted Rand index of two labellings of the same items (1 = identical partitions, ~0 = chance). */
export function adjustedRandIndex(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new Error('Labellings differ in length.');
  const n = a.length;
  if (n < 2) return 1;
  const c2 = (x: number): number => (x * (x - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    const k = `${x}\u0000${y}`;
    table.set(k, (table.get(k) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
  }
  let index = 0;
  for (const v of table.values()) index += c2(v);
  let sumA = 0;
  for (const v of rows.values()) sumA += c2(v);
  let sumB = 0;
  for (const v of cols.values()) sumB += c2(v);
  const expected = (sumA * sumB) / c2(n);
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

