/**
 * The per-article features event grouping and topic discovery read: content words (stopwords,
 * numbers and page clutter left out) and names (runs of capitalised words such as "Tel Aviv",
 * "Khan Younis", and capitalised words inside a sentence such as "Blinken"), each with a count and
 * the place it first occurs, so every discovered term can be shown in its sentence.
 *
 * Computed once per article by the `event-terms` pipeline component, so the comparison never
 * needs the article text again.
 */
import type { Doc, Span } from '../document';
import { slot, type Component } from '../pipeline';
import { STOPWORDS, TITLE_WORDS } from './stopwords';

/** One term of an article, as an object: the expanded form of one column entry of `ArticleTerms`. */
export interface TermStat {
  /** Lower-case key: "rafah", "tel aviv". */
  readonly term: string;
  /** As most often written: "Rafah", "Tel Aviv". */
  readonly display: string;
  readonly count: number;
  /** A name (capitalised in running text) rather than a common word. */
  readonly entity: boolean;
  /** Where it first occurs (and the words there, as written), and the sentence around it. */
  readonly first: Span;
  readonly firstText: string;
  readonly sentence: Span;
}

/**
 * An article's most frequent terms (at most MAX_TERMS), most frequent first, ties in code-unit
 * order of the key, as parallel columns: term i is `keys[i]`, `counts[i]`, `entity[i]`,
 * `spans[4i … 4i+3]`. Columns rather than one object per term keep the record small (a few
 * arrays instead of ~600 objects), cheap to pass between threads and to hold for a whole folder.
 * Read one entry with `termDisplay`/`termFirstText`, or all as objects with `termStats`.
 */
export interface ArticleTerms {
  /** Lower-case keys: "rafah", "tel aviv". */
  readonly keys: readonly string[];
  /** As most often written ("Rafah", "Tel Aviv"), or null when written as the key. */
  readonly displays: readonly (string | null)[];
  /** The words at the first occurrence as written, or null when they read as the display. */
  readonly firstTexts: readonly (string | null)[];
  readonly counts: Int32Array;
  /** 1 for a name (capitalised in running text), 0 for a common word. */
  readonly entity: Uint8Array;
  /** Per term, four offsets: first occurrence start and end, its sentence's start and end. */
  readonly spans: Int32Array;
  /** Content tokens counted in scored sentences. */
  readonly tokens: number;
}

/** Offsets per term in `ArticleTerms.spans`. */
export const TERM_SPAN_WIDTH = 4;

/** How term i is written: "Tel Aviv" for the key "tel aviv". */
export function termDisplay(terms: ArticleTerms, i: number): string {
  return terms.displays[i] ?? terms.keys[i] ?? '';
}

/** The words of term i's first occurrence, as written. */
export function termFirstText(terms: ArticleTerms, i: number): string {
  return terms.firstTexts[i] ?? termDisplay(terms, i);
}

/** Every term as an object (for tests and inspection; consumers read the columns). */
export function termStats(terms: ArticleTerms): TermStat[] {
  return terms.keys.map((term, i) => {
    const at = i * TERM_SPAN_WIDTH;
    const { spans } = terms;
    return {
      term,
      display: termDisplay(terms, i),
      count: terms.counts[i] ?? 0,
      entity: terms.entity[i] === 1,
      first: { start: spans[at] ?? 0, end: spans[at + 1] ?? 0 },
      firstText: termFirstText(terms, i),
      sentence: { start: spans[at + 2] ?? 0, end: spans[at + 3] ?? 0 },
    };
  });
}

export const EVENT_TERMS = slot<ArticleTerms>('event-terms');

/** Keeps vectors small: a news article's top terms carry its event. */
export const MAX_TERMS = 150;

const UPPER = /^\p{Lu}/u;

/** First character upper-case: a char-code test for ASCII, the Unicode class otherwise. */
function startsUpper(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(text.slice(at, at + 2));
}

/** Norms fold ’ to ', so "Israel’s" ends in "'s" too. */
function endsPossessive(s: string, at: number): boolean {
  return at >= 2 && s.charCodeAt(at - 1) === 115 && s.charCodeAt(at - 2) === 39;
}

function stripPossessive(norm: string): string {
  return endsPossessive(norm, norm.length) ? norm.slice(0, -2) : norm;
}

/** Whether the written text ends in 's or ’s. */
function endsPossessiveWritten(text: string, end: number): boolean {
  if (end < 2 || text.charCodeAt(end - 1) !== 115) return false;
  const q = text.charCodeAt(end - 2);
  return q === 39 || q === 0x2019;
}

interface Acc {
  count: number;
  entityHits: number;
  /** The capitalised spelling first seen, if any ("Rafah", "Tel Aviv"). */
  capitalised: string | null;
  firstStart: number;
  firstEnd: number;
  sentence: Span;
}

/**
 * The MAX_TERMS most frequent keys, most frequent first, ties in code-unit order of the key:
 * keys are grouped by count and only the groups that reach the top are sorted.
 */
/** The order of `<` on strings (code units), compared in JavaScript: faster than `<` on two-byte strings. */
function byCodeUnits(x: string, y: string): number {
  const n = x.length < y.length ? x.length : y.length;
  for (let i = 0; i < n; i += 1) {
    const d = x.charCodeAt(i) - y.charCodeAt(i);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Buckets by first code unit (ASCII, then one bucket for the rest), reused between calls. */
const firstCodeBuckets: string[][] = Array.from({ length: 129 }, () => []);

/**
 * Appends to `out` the `k` smallest of `terms` (non-empty strings) in code-unit order. Large
 * groups are bucketed by first code unit first, so only the buckets reaching the k smallest are
 * sorted, each on its own.
 */
function takeSmallest(terms: string[], k: number, out: string[]): void {
  if (terms.length <= 16) {
    if (terms.length > 1) terms.sort(byCodeUnits);
    for (let i = 0; i < terms.length && i < k; i += 1) out.push(terms[i] ?? '');
    return;
  }
  for (const term of terms) {
    const c = term.charCodeAt(0);
    firstCodeBuckets[c < 128 ? c : 128]?.push(term);
  }
  let left = k;
  for (const bucket of firstCodeBuckets) {
    if (bucket.length === 0) continue;
    if (left > 0) {
      if (bucket.length > 1) bucket.sort(byCodeUnits);
      for (let i = 0; i < bucket.length && left > 0; i += 1, left -= 1) out.push(bucket[i] ?? '');
    }
    bucket.length = 0;
  }
}

function topTerms(acc: ReadonlyMap<string, Acc>): string[] {
  const byCount: string[][] = [];
  for (const [term, a] of acc) {
    const group = byCount[a.count];
    if (group === undefined) byCount[a.count] = [term];
    else group.push(term);
  }
  const out: string[] = [];
  for (let c = byCount.length - 1; c > 0 && out.length < MAX_TERMS; c -= 1) {
    const group = byCount[c];
    if (group === undefined) continue;
    takeSmallest(group, MAX_TERMS - out.length, out);
  }
  return out;
}

/**
 * Pure: the terms of one document (excluded sentences skipped). One pass over the tokens with
 * a Map lookup per content word; text is sliced only for capitalised words.
 */
export function extractTerms(doc: Doc): ArticleTerms {
  const acc = new Map<string, Acc>();
  const { text } = doc;
  let tokens = 0;
  /** Counts a term; `capital` says the occurrence is capitalised (its spelling is kept once). */
  const add = (term: string, capital: boolean, start: number, end: number, sentence: Span, entity: boolean): void => {
    let a = acc.get(term);
    if (a === undefined) {
      a = { count: 0, entityHits: 0, capitalised: null, firstStart: start, firstEnd: end, sentence };
      acc.set(term, a);
    }
    a.count += 1;
    if (entity) a.entityHits += 1;
    if (capital && a.capitalised === null) a.capitalised = text.slice(start, end);
  };

  // The current run of capitalised words: token indexes [runFrom, runTo).
  let runFrom = 0;
  let runTo = 0;
  const flush = (sentence: Span): void => {
    // Drop leading titles and articles: "Prime Minister Benjamin Netanyahu" → "Benjamin Netanyahu".
    let from = runFrom;
    while (from < runTo && TITLE_WORDS.has(stripPossessive(doc.tokens[from]?.norm ?? ''))) from += 1;
    const length = runTo - from;
    if (length >= 2 && length <= 3) {
      const first = doc.tokens[from];
      const last = doc.tokens[runTo - 1];
      if (first && last) {
        let key = '';
        for (let k = from; k < runTo; k += 1) key += (k > from ? ' ' : '') + stripPossessive(doc.tokens[k]?.norm ?? '');
        const end = endsPossessiveWritten(text, last.end) ? last.end - 2 : last.end;
        add(key, true, first.start, end, sentence, true);
      }
    }
    runFrom = runTo;
  };

  for (const sentence of doc.sentences) {
    if (sentence.excluded) continue;
    runFrom = runTo = sentence.firstToken;
    for (let t = sentence.firstToken; t < sentence.endToken; t += 1) {
      const token = doc.tokens[t];
      if (!token) continue;
      if (token.kind !== 'word') {
        runTo = t;
        flush(sentence);
        runFrom = t + 1;
        continue;
      }
      const norm = stripPossessive(token.norm);
      const capital = startsUpper(text, token.start);
      const atStart = t === sentence.firstToken;
      // Short words are never counted: their stopword test matters only for a run's first word.
      const short = norm.length < 3;
      const stop = (!short || (capital && atStart)) && STOPWORDS.has(norm);
      if (capital && !(atStart && stop)) {
        if (runTo !== t) runFrom = t;
        runTo = t + 1;
      } else {
        runTo = t;
        flush(sentence);
        runFrom = t + 1;
      }
      if (stop || short) continue;
      tokens += 1;
      const end = norm.length === token.norm.length ? token.end : token.end - 2;
      add(norm, capital, token.start, end, sentence, capital && !atStart);
    }
    runTo = runTo > runFrom ? runTo : runFrom;
    flush(sentence);
  }

  // Keep the most frequent terms (ties by term), and fill the columns for those only.
  const keys = topTerms(acc);
  const n = keys.length;
  const displays = new Array<string | null>(n);
  const firstTexts = new Array<string | null>(n);
  const counts = new Int32Array(n);
  const entities = new Uint8Array(n);
  const spans = new Int32Array(n * TERM_SPAN_WIDTH);
  for (let i = 0; i < n; i += 1) {
    const term = keys[i] ?? '';
    const a = acc.get(term) as Acc;
    // A word is a name when it is mostly written capitalised inside sentences.
    const entity = a.entityHits * 2 > a.count;
    const display = entity && a.capitalised !== null ? a.capitalised : term;
    const firstText = text.slice(a.firstStart, a.firstEnd);
    displays[i] = display === term ? null : display;
    firstTexts[i] = firstText === display ? null : firstText;
    counts[i] = a.count;
    entities[i] = entity ? 1 : 0;
    const at = i * TERM_SPAN_WIDTH;
    spans[at] = a.firstStart;
    spans[at + 1] = a.firstEnd;
    spans[at + 2] = a.sentence.start;
    spans[at + 3] = a.sentence.end;
  }
  return { keys, displays, firstTexts, counts, entity: entities, spans, tokens };
}

/** Pipeline component assigning EVENT_TERMS; it registers no phrases. */
export const eventTermsComponent: Component = {
  name: 'event-terms',
  requires: [],
  assigns: [EVENT_TERMS],
  run(ctx) {
    ctx.set(EVENT_TERMS, extractTerms(ctx.doc));
  },
};
