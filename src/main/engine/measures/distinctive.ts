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
 * The countable words of one article in text order: each word (its normalised form, shared with
 * the token), and as typed columns its offsets and whether it continues a bigram with the word
 * before it. Counting unigrams and bigrams is a corpus-level fold (`termCounts`, the aggregator):
 * it keeps per-article results small and builds bigram strings only for the terms that are shown.
 */
export interface TermSequence {
  readonly words: readonly string[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 when word i forms a bigram with word i − 1 (adjacent, same sentence, no stop-word between). */
  readonly joins: Uint8Array;
}

export const TERMS = slot<TermSequence>('terms');

/** Builds the term sequence of a document (pure; exported for tests). */
export function termSequence(doc: Doc): TermSequence {
  const { tokens } = doc;
  const words: string[] = [];
  // At most one entry per token; trimmed to the words kept (a copy, so no spare room is held).
  const starts = new Int32Array(tokens.length);
  const ends = new Int32Array(tokens.length);
  const joins = new Uint8Array(tokens.length);
  for (const sentence of doc.sentences) {
    if (sentence.excluded) continue;
    let prev = -2;
    for (let t = sentence.firstToken; t < sentence.endToken; t += 1) {
      const tok = tokens[t];
      if (tok === undefined || tok.kind !== 'word' || tok.norm.length < 2 || STOPWORDS.has(tok.norm)) continue;
      const i = words.length;
      words.push(tok.norm);
      starts[i] = tok.start;
      ends[i] = tok.end;
      joins[i] = prev === t - 1 ? 1 : 0;
      prev = t;
    }
  }
  const n = words.length;
  return { words, starts: starts.slice(0, n), ends: ends.slice(0, n), joins: joins.slice(0, n) };
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

/**
 * Numbers for the unigrams and bigrams of many term sequences, one id space for both, so
 * counting over a corpus is array arithmetic rather than string-keyed maps. Ids are given in the
 * order terms are first met and never change.
 */
export class TermIds {
  private readonly byWord = new Map<string, number>();
  /** Per id: the word of a unigram, or null for a bigram. */
  private readonly words: (string | null)[] = [];
  /** Per id: the two unigram ids of a bigram (-1 for a unigram). */
  private firsts = new Int32Array(1024);
  private seconds = new Int32Array(1024);
  /** Open-addressing table of bigrams: slot → id + 1 (0 = empty). */
  private table = new Int32Array(1 << 12);
  private pairs = 0;
  private readonly memo = new WeakMap<TermSequence, { readonly unigrams: Int32Array; readonly bigrams: Int32Array }>();

  get size(): number {
    return this.words.length;
  }

  /**
   * A sequence's term ids: per word its unigram id, and the id of the bigram it ends (-1 when it
   * does not join the word before it). Remembered per sequence.
   */
  of(seq: TermSequence): { readonly unigrams: Int32Array; readonly bigrams: Int32Array } {
    const known = this.memo.get(seq);
    if (known) return known;
    const n = seq.words.length;
    const unigrams = new Int32Array(n);
    const bigrams = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i += 1) {
      const w = seq.words[i] ?? '';
      let id = this.byWord.get(w);
      if (id === undefined) {
        id = this.add(w, -1, -1);
        this.byWord.set(w, id);
      }
      unigrams[i] = id;
      if (i > 0 && seq.joins[i] === 1) bigrams[i] = this.pair(unigrams[i - 1] ?? 0, id);
    }
    const out = { unigrams, bigrams };
    this.memo.set(seq, out);
    return out;
  }

  /** The term as text: "gaza", "health ministry". */
  text(id: number): string {
    const w = this.words[id];
    if (w !== null && w !== undefined) return w;
    return `${this.words[this.firsts[id] ?? -1] ?? ''} ${this.words[this.seconds[id] ?? -1] ?? ''}`;
  }

  private add(word: string | null, first: number, second: number): number {
    const id = this.words.length;
    this.words.push(word);
    if (id >= this.firsts.length) {
      const f = new Int32Array(this.firsts.length * 2);
      f.set(this.firsts);
      this.firsts = f;
      const s = new Int32Array(this.seconds.length * 2);
      s.set(this.seconds);
      this.seconds = s;
    }
    this.firsts[id] = first;
    this.seconds[id] = second;
    return id;
  }

  private slotOf(first: number, second: number, table: Int32Array): number {
    const mask = table.length - 1;
    let h = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca77)) & mask;
    for (;;) {
      const v = table[h] ?? 0;
      if (v === 0) return h;
      const id = v - 1;
      if (this.firsts[id] === first && this.seconds[id] === second) return h;
      h = (h + 1) & mask;
    }
  }

  private pair(first: number, second: number): number {
    const h = this.slotOf(first, second, this.table);
    const v = this.table[h] ?? 0;
    if (v !== 0) return v - 1;
    const id = this.add(null, first, second);
    this.table[h] = id + 1;
    this.pairs += 1;
    if (this.pairs * 2 > this.table.length) {
      const bigger = new Int32Array(this.table.length * 2);
      for (const old of this.table) {
        if (old === 0) continue;
        const o = old - 1;
        bigger[this.slotOf(this.firsts[o] ?? 0, this.seconds[o] ?? 0, bigger)] = old;
      }
      this.table = bigger;
    }
    return id;
  }
}

/**
 * The first `top` terms with z > 0 of `logOdds(group, rest, alpha0, minCount)`, in its order,
 * from counts held in arrays indexed by term id: `order` lists the group's terms in the order
 * they were first counted (the insertion order of the map `logOdds` reads), `group[id]` and
 * `all[id]` are the counts in the group and in group + rest, `n` the total of `all`. The same
 * arithmetic as `logOdds`, so the same values and the same order, ties included.
 */
export function topLogOdds(
  order: Int32Array | readonly number[],
  orderLength: number,
  group: Int32Array,
  all: Int32Array,
  n: number,
  top: number,
  alpha0 = 1000,
  minCount = 2,
): LogOddsTerm<number>[] {
  let ni = 0;
  for (let k = 0; k < orderLength; k += 1) ni += group[order[k] ?? 0] ?? 0;
  const nj = n - ni;
  if (ni === 0 || n === 0) return [];
  const best: LogOddsTerm<number>[] = [];
  const before = (x: LogOddsTerm<number>, y: LogOddsTerm<number>): number => y.z - x.z || y.count - x.count;
  for (let k = 0; k < orderLength; k += 1) {
    const term = order[k] ?? 0;
    const yi = group[term] ?? 0;
    if (yi < minCount) continue;
    const yj = (all[term] ?? 0) - yi;
    const alpha = (alpha0 * (yi + yj)) / n;
    const a = Math.log((yi + alpha) / (ni + alpha0 - yi - alpha));
    const b = Math.log((yj + alpha) / (nj + alpha0 - yj - alpha));
    const delta = a - b;
    const variance = 1 / (yi + alpha) + 1 / (yj + alpha);
    const z = delta / Math.sqrt(variance);
    if (!(z > 0)) continue;
    const t: LogOddsTerm<number> = { term, delta, z, count: yi, rest: yj };
    if (best.length === top) {
      const last = best[top - 1];
      if (last === undefined || !(before(t, last) < 0)) continue;
    }
    let at = best.length;
    while (at > 0 && before(t, best[at - 1] as LogOddsTerm<number>) < 0) at -= 1;
    best.splice(at, 0, t);
    if (best.length > top) best.pop();
  }
  return best;
}
