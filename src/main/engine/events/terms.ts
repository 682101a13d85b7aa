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

export interface ArticleTerms {
  /** The article's most frequent terms (at most MAX_TERMS), most frequent first. */
  readonly terms: readonly TermStat[];
  /** Content tokens counted in scored sentences. */
  readonly tokens: number;
}

export const EVENT_TERMS = slot<ArticleTerms>('event-terms');

/** Keeps vectors small: a news article's top terms carry its event. */
export const MAX_TERMS = 150;

const UPPER = /^\p{Lu}/u;
const LETTER = /\p{L}/u;

function stripPossessive(norm: string): string {
  return norm.endsWith("'s") ? norm.slice(0, -2) : norm;
}

function displayOf(text: string): string {
  return text.replace(/['’]s$/u, '');
}

interface Acc {
  count: number;
  entityHits: number;
  display: Map<string, number>;
  first: Span;
  sentence: Span;
}

/** Pure: the terms of one document (excluded sentences skipped). */
export function extractTerms(doc: Doc): ArticleTerms {
  const acc = new Map<string, Acc>();
  let tokens = 0;
  const add = (term: string, display: string, span: Span, sentence: Span, entity: boolean): void => {
    let a = acc.get(term);
    if (!a) {
      a = { count: 0, entityHits: 0, display: new Map(), first: span, sentence };
      acc.set(term, a);
    }
    a.count += 1;
    if (entity) a.entityHits += 1;
    a.display.set(display, (a.display.get(display) ?? 0) + 1);
  };

  for (const sentence of doc.sentences) {
    if (sentence.excluded) continue;
    let run: { norm: string; text: string; span: Span }[] = [];
    const flush = (): void => {
      // Drop leading titles and articles: "Prime Minister Benjamin Netanyahu" → "Benjamin Netanyahu".
      let from = 0;
      while (from < run.length && TITLE_WORDS.has(run[from]?.norm ?? '')) from += 1;
      const names = run.slice(from);
      if (names.length >= 2 && names.length <= 3) {
        const first = names[0];
        const last = names[names.length - 1];
        if (first && last) {
          const display = doc.text.slice(first.span.start, last.span.end).replace(/['’]s$/u, '');
          add(names.map((n) => n.norm).join(' '), display, { start: first.span.start, end: last.span.end }, sentence, true);
        }
      }
      run = [];
    };
    for (let t = sentence.firstToken; t < sentence.endToken; t += 1) {
      const token = doc.tokens[t];
      if (!token) continue;
      if (token.kind !== 'word') {
        flush();
        continue;
      }
      const text = doc.text.slice(token.start, token.end);
      const norm = stripPossessive(token.norm);
      const capital = UPPER.test(text);
      const atStart = t === sentence.firstToken;
      if (capital && !(atStart && STOPWORDS.has(norm))) run.push({ norm, text, span: token });
      else flush();
      if (norm.length < 3 || STOPWORDS.has(norm) || !LETTER.test(norm)) continue;
      tokens += 1;
      add(norm, displayOf(text), token, sentence, capital && !atStart);
    }
    flush();
  }

  const terms: TermStat[] = [];
  for (const [term, a] of acc) {
    let display = term;
    let best = -1;
    for (const [d, n] of a.display) {
      if (n > best) {
        best = n;
        display = d;
      }
    }
    // A word is a name when it is mostly written capitalised inside sentences.
    terms.push({
      term,
      display,
      count: a.count,
      entity: a.entityHits * 2 > a.count,
      first: { start: a.first.start, end: a.first.end },
      firstText: doc.text.slice(a.first.start, a.first.end),
      sentence: { start: a.sentence.start, end: a.sentence.end },
    });
  }
  terms.sort((x, y) => y.count - x.count || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  return { terms: terms.slice(0, MAX_TERMS), tokens };
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
