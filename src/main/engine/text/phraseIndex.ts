/**
 * One merged index of every lexicon phrase, matched in a single pass over a document's tokens.
 *
 * Each measure (sentiment words, referent labels, attribution verbs, figure categories, topics,
 * actors…) registers its phrases under its own namespace; the pass does one `Map` lookup per
 * token on the token's normalised form and then checks the few candidate phrases that start
 * with it. Measures then read the sparse list of matches instead of scanning the text again:
 * this is what keeps the whole engine near the cost of a bare tokenise-and-lookup.
 */
import type { Doc } from '../document';
import { tokenize } from './tokenize';

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
  readonly id: string;
  /** Normalised tokens after the first one. */
  readonly rest: readonly string[];
}

/** The normalised tokens of a phrase, as the document tokeniser would produce them. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}

export class PhraseIndex {
  /**
   * Phrases by first token; multi-word phrases further by second token, so a frequent first word
   * ("the", "Israeli") costs one more Map lookup instead of a comparison per candidate phrase.
   */
  private readonly byFirst = new Map<string, { single: Compiled[]; bySecond: Map<string, Compiled[]> | null }>();
  private readonly namespaces = new Set<string>();

  constructor(entries: Iterable<PhraseEntry> = []) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: PhraseEntry): void {
    const tokens = phraseTokens(entry.phrase);
    const [first, ...rest] = tokens;
    if (first === undefined) throw new Error(`Lexicon phrase "${entry.phrase}" (${entry.namespace}:${entry.id}) has no words.`);
    let bucket = this.byFirst.get(first);
    if (bucket === undefined) {
      bucket = { single: [], bySecond: null };
      this.byFirst.set(first, bucket);
    }
    const compiled: Compiled = { namespace: entry.namespace, id: entry.id, rest };
    const [second] = rest;
    if (second === undefined) bucket.single.push(compiled);
    else {
      bucket.bySecond ??= new Map();
      const list = bucket.bySecond.get(second);
      if (list) list.push(compiled);
      else bucket.bySecond.set(second, [compiled]);
    }
    this.namespaces.add(entry.namespace);
  }

  has(namespace: string): boolean {
    return this.namespaces.has(namespace);
  }

  /**
   * All matches in the document, in token order; sentences marked excluded (page clutter) are
   * skipped. A phrase never crosses a sentence boundary. Overlapping matches are all returned:
   * use `longestPerNamespace` where a measure wants one reading per span.
   */
  match(doc: Doc): Match[] {
    const out: Match[] = [];
    const { tokens } = doc;
    for (let s = 0; s < doc.sentences.length; s += 1) {
      const sentence = doc.sentences[s];
      if (sentence === undefined || sentence.excluded) continue;
      const end = sentence.endToken;
      for (let t = sentence.firstToken; t < end; t += 1) {
        const token = tokens[t];
        if (token === undefined) continue;
        const bucket = this.byFirst.get(token.norm);
        if (bucket === undefined) continue;
        for (const c of bucket.single) out.push({ namespace: c.namespace, id: c.id, firstToken: t, endToken: t + 1, sentence: s });
        if (bucket.bySecond === null || t + 1 >= end) continue;
        const candidates = bucket.bySecond.get(tokens[t + 1]?.norm ?? '');
        if (candidates === undefined) continue;
        for (const c of candidates) {
          const last = t + 1 + c.rest.length;
          if (last > end) continue;
          let ok = true;
          for (let k = 1; k < c.rest.length; k += 1) {
            if (tokens[t + 1 + k]?.norm !== c.rest[k]) {
              ok = false;
              break;
            }
          }
          if (ok) out.push({ namespace: c.namespace, id: c.id, firstToken: t, endToken: last, sentence: s });
        }
      }
    }
    return out;
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
