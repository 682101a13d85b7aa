/**
 * One merged index of every lexicon phrase, matched in a single pass over a document's tokens.
 *
 * Each measure (sentiment words, referent labels, attribution verbs, figure categories, topics,
 * actors…) registers its phrases under its own namespace; the pass does one array lookup per
 * token on the token's vocabulary id and then checks the few candidate phrases that start
 * with it. Measures then read the sparse list of matches instead of scanning the text again:
 * this is what keeps the whole engine near the cost of a bare tokenise-and-lookup.
 */
import type { Doc } from '../document';
import { tokenize } from './tokenize';
import { VOCABULARY } from './vocabulary';

export interface PhraseEntry {
  /** Which measure the phrase belongs to, e.g. "afinn", "label", "topic". */
  readonly namespace: string;
  /** The lexicon entry's id inside the namespace. */
  readonly id: string;
  /** The phrase as written in the lexicon; tokenised with the document tokeniser. */
  readonly phrase: string;
}

export interface Match {
  readonly namespace: string;
  readonly id: string;
  /** Token range [firstToken, endToken) in `Doc.tokens`. */
  readonly firstToken: number;
  readonly endToken: number;
  /** Index of the sentence the match lies in, in `Doc.sentences`. */
  readonly sentence: number;
}

interface Compiled {
  readonly namespace: string;
  /** Index of the namespace in the index's namespace list. */
  readonly ns: number;
  readonly id: string;
  /** Vocabulary ids of the phrase's tokens after the first one. */
  readonly rest: readonly number[];
}

interface Bucket {
  readonly single: Compiled[];
  bySecond: Map<number, Compiled[]> | null;
}

/** The normalised tokens of a phrase, as the document tokeniser would produce them. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}

export class PhraseIndex {
  /**
   * Phrases by the vocabulary id of their first token; multi-word phrases further by the id of
   * their second token, so a frequent first word ("the", "Israeli") costs one more lookup instead
   * of a comparison per candidate phrase.
   */
  private readonly byFirst: (Bucket | undefined)[] = [];
  private readonly namespaceIndex = new Map<string, number>();
  private readonly namespaceList: string[] = [];

  constructor(entries: Iterable<PhraseEntry> = []) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: PhraseEntry): void {
    const ids = phraseTokens(entry.phrase).map((norm) => VOCABULARY.intern(norm));
    const [first, ...rest] = ids;
    if (first === undefined) throw new Error(`Lexicon phrase "${entry.phrase}" (${entry.namespace}:${entry.id}) has no words.`);
    while (this.byFirst.length <= first) this.byFirst.push(undefined);
    let bucket = this.byFirst[first];
    if (bucket === undefined) {
      bucket = { single: [], bySecond: null };
      this.byFirst[first] = bucket;
    }
    let ns = this.namespaceIndex.get(entry.namespace);
    if (ns === undefined) {
      ns = this.namespaceList.length;
      this.namespaceList.push(entry.namespace);
      this.namespaceIndex.set(entry.namespace, ns);
    }
    const compiled: Compiled = { namespace: entry.namespace, ns, id: entry.id, rest };
    const [second] = rest;
    if (second === undefined) bucket.single.push(compiled);
    else {
      bucket.bySecond ??= new Map();
      const list = bucket.bySecond.get(second);
      if (list) list.push(compiled);
      else bucket.bySecond.set(second, [compiled]);
    }
  }

  has(namespace: string): boolean {
    return this.namespaceIndex.has(namespace);
  }

  /** The namespaces with phrases, in the order `matchByNamespace` lists them. */
  get namespaces(): readonly string[] {
    return this.namespaceList;
  }

  /**
   * All matches in the document, in token order; sentences marked excluded (page clutter) are
   * skipped. A phrase never crosses a sentence boundary. Overlapping matches are all returned:
   * use `longestPerNamespace` where a measure wants one reading per span.
   */
  match(doc: Doc): Match[] {
    const out: Match[] = [];
    this.scan(doc, (_ns, m) => out.push(m));
    return out;
  }

  /**
   * The same matches as `match`, one list per namespace (indexed as `namespaces`), each in
   * token order: what a measure reads, without grouping the whole list afterwards.
   */
  matchByNamespace(doc: Doc): Match[][] {
    const out: Match[][] = this.namespaceList.map(() => []);
    this.scan(doc, (ns, m) => out[ns]?.push(m));
    return out;
  }

  private scan(doc: Doc, emit: (ns: number, m: Match) => void): void {
    const { tokens } = doc;
    const byFirst = this.byFirst;
    const known = byFirst.length;
    for (let s = 0; s < doc.sentences.length; s += 1) {
      const sentence = doc.sentences[s];
      if (sentence === undefined || sentence.excluded) continue;
      const end = sentence.endToken;
      for (let t = sentence.firstToken; t < end; t += 1) {
        const id = tokens[t]?.id ?? -1;
        if (id < 0 || id >= known) continue;
        const bucket = byFirst[id];
        if (bucket === undefined) continue;
        for (const c of bucket.single) emit(c.ns, { namespace: c.namespace, id: c.id, firstToken: t, endToken: t + 1, sentence: s });
        if (bucket.bySecond === null || t + 1 >= end) continue;
        const candidates = bucket.bySecond.get(tokens[t + 1]?.id ?? -1);
        if (candidates === undefined) continue;
        for (const c of candidates) {
          const last = t + 1 + c.rest.length;
          if (last > end) continue;
          let ok = true;
          for (let k = 1; k < c.rest.length; k += 1) {
            if (tokens[t + 1 + k]?.id !== c.rest[k]) {
              ok = false;
              break;
            }
          }
          if (ok) emit(c.ns, { namespace: c.namespace, id: c.id, firstToken: t, endToken: last, sentence: s });
        }
      }
    }
  }
}

/**
 * Keeps, within each namespace, the longest match wherever matches overlap (earlier wins on a
 * tie): "retaliatory offensive" rather than "offensive". Input and output are in token order.
 */
export function longestPerNamespace(matches: readonly Match[]): Match[] {
  const sorted = [...matches].sort(
    (a, b) => a.firstToken - b.firstToken || b.endToken - b.firstToken - (a.endToken - a.firstToken),
  );
  const reachedBy = new Map<string, number>();
  const out: Match[] = [];
  for (const m of sorted) {
    const reached = reachedBy.get(m.namespace) ?? -1;
    if (m.firstToken < reached) continue;
    out.push(m);
    reachedBy.set(m.namespace, m.endToken);
  }
  return out;
}

/**
 * Merges lists of matches that are each in token order into one list in token order, stably:
 * on the same first token, lists given earlier come first (the same as concatenating the lists
 * and sorting by first token, without the sort).
 */
export function mergeInTokenOrder(lists: readonly (readonly Match[])[]): Match[] {
  const heads = lists.map(() => 0);
  let total = 0;
  for (const list of lists) total += list.length;
  const out: Match[] = [];
  while (out.length < total) {
    let best = -1;
    let bestToken = Infinity;
    for (let l = 0; l < lists.length; l += 1) {
      const m = lists[l]?.[heads[l] ?? 0];
      if (m !== undefined && m.firstToken < bestToken) {
        best = l;
        bestToken = m.firstToken;
      }
    }
    const list = lists[best];
    const at = heads[best] ?? 0;
    const m = list?.[at];
    if (m === undefined) break;
    out.push(m);
    heads[best] = at + 1;
  }
  return out;
}
