/**
 * Distinctive words with no lexicon: weighted log-odds ratios with an informative Dirichlet prior
 * (Monroe, Colaresi & Quinn 2008, "Fightin' Words", §3.5), per outlet against the rest.
 *
 Per article the component records the countable words (lower-cased word tokens; stop-words,
 * one-letter words, numbers, punctuation and clutter sentences left out) with their offsets;
 * unigrams and bigrams (a bigram never spans a stop-word, punctuation or a sentence boundary)
 * are counted when outlets are compared. `logOdds` then computes, for a group i against the rest j, with prior counts
 * α_w = α0 · (corpus share of w):
 *
 *   δ_w = log((y_iw + α_w) / (n_i + α0 − y_iw − α_w)) − log((y_jw + α_w) / (n_j + α0 − y_jw − α_w))
 *   σ²_w ≈ 1/(y_iw + α_w) + 1/(y_jw + α_w),   z_w = δ_w / σ_w
 */
import type { Doc } from '../document';
import { slot, type Component } from '../pipeline';
import { STOPWORDS } from './stopwords';

/** Occurrences kept per term and article, as evidence. */
export const EVIDENCE_PER_TERM = 3;

/**
 * The countable words of one article in text order, as plain JSON-safe arrays: each word (its normalised form,
 * shared with the token), its offsets, and whether it continues a bigram with the word before it.
 * Counting unigrams and bigrams is a corpus-level fold (`termCounts`, the aggregator): it keeps
 * per-article results small and builds bigram strings only for the terms that are shown.
 */
export interface TermSequence {
  readonly words: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** 1 when word i forms a bigram with word i − 1 (adjacent, same sentence, no stop-word between). */
  readonly joins: readonly number[];
}

export const TERMS = slot<TermSequence>('terms');

/** Builds the term sequence of a document (pure; exported for tests). */
export function termSequence(doc: Doc): TermSequence {
  const { tokens } = doc;
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const joins: number[] = [];
  for (const sentence of doc.sentences) {
    if (sentence.excluded) continue;
    let prev = -2;
    for (let t = sentence.firstToken; t < sentence.endToken; t += 1) {
      const tok = tokens[t];
      if (tok === undefined || tok.kind !== 'word' || tok.norm.length < 2 || STOPWORDS.has(tok.norm)) continue;
      words.push(tok.norm);
      starts.push(tok.start);
      ends.push(tok.end);
      joins.push(prev === t - 1 ? 1 : 0);
      prev = t;
    }
  }
  return { words, starts, ends, joins };
}

/** Unigram and bigram counts of one sequence, keyed by the term ("gaza", "health ministry"). */
export function termCounts(seq: TermSequence): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < seq.words.length; i += 1) {
    const w = seq.words[i] ?? '';
    out.set(w, (out.get(w) ?? 0) + 1);
    if (seq.joins[i] === 1) {
      const b = `${seq.words[i - 1] ?? ''} ${w}`;
      out.set(b, (out.get(b) ?? 0) + 1);
    }
  }
  return out;
}

export const termsComponent: Component = {
  name: 'terms',
  requires: [],
  assigns: [TERMS],
  run(ctx) {
    ctx.set(TERMS, termSequence(ctx.doc));
  },
};

export interface LogOddsTerm<K = string> {
  readonly term: K;
  readonly delta: number;
  readonly z: number;
  /** Count in the group and in the rest. */
  readonly count: number;
  readonly rest: number;
}

/**
 * Weighted log-odds of every term of `group` against `rest` with an informative Dirichlet prior
 * from `all` (= group + rest) scaled to `alpha0` pseudo-counts. Sorted by z, highest first.
 */
export function logOdds<K>(
  group: ReadonlyMap<K, number>,
  rest: ReadonlyMap<K, number>,
  alpha0 = 1000,
  minCount = 2,
): LogOddsTerm<K>[] {
  let ni = 0;
  let nj = 0;
  for (const c of group.values()) ni += c;
  for (const c of rest.values()) nj += c;
  const n = ni + nj;
  if (ni === 0 || n === 0) return [];
  const out: LogOddsTerm<K>[] = [];
  for (const [term, yi] of group) {
    if (yi < minCount) continue;
    const yj = rest.get(term) ?? 0;
    const alpha = (alpha0 * (yi + yj)) / n;
    const a = Math.log((yi + alpha) / (ni + alpha0 - yi - alpha));
    const b = Math.log((yj + alpha) / (nj + alpha0 - yj - alpha));
    const delta = a - b;
    const variance = 1 / (yi + alpha) + 1 / (yj + alpha);
    out.push({ term, delta, z: delta / Math.sqrt(variance), count: yi, rest: yj });
  }
  return out.sort((x, y) => y.z - x.z || y.count - x.count);
}
