/**
 * Attribution verbs, graded (neutral / distancing / endorsing, from the attribution pack) and
 * paired with the source they attribute to.
 *
 * The source is found near the verb, within its clause (never across , ; : or a quotation
 * mark): for "according to" it follows the phrase; otherwise the nearest actor mention before
 * the verb ("The Hamas-owned Ministry of Health in Gaza claims", "The IDF claims"), else a
 * pronoun or a capitalised name just before it, else — when the verb opens its clause, as in
 * "…,” said Blinken" — the same searches after it. Sources that are actors of the actors pack are
 * keyed by actor id; others by their words. Verbs inside direct quotes are the speaker's words
 * and are not counted.
 */
import type { ActorGroupId } from '../../../shared/actors';
import type { Doc, Evidence } from '../document';
import type { LexiconPack } from '../lexicons/pack';
import { packStamp } from '../lexicons/pack';
import { slot, type Component } from '../pipeline';
import type { Match } from '../text/phraseIndex';
import { QUOTES, insideQuote, type QuoteSpan } from '../text/quotes';
import { ACTORS, actorMentions, type ActorMention } from './actors';
import { evidenceAt, longestFirst, matchSpan } from './common';
import type { AttributionEntry, AttributionGrade } from './packs';

export interface AttributionSource {
  /** "actor:<id>", "name:<words>", "pronoun:<he>" or "unattributed". */
  readonly key: string;
  /** What a reader sees: "Gaza Health Ministry", "Army Radio", "he". */
  readonly name: string;
  readonly group: ActorGroupId | null;
  /** Where the source is written, when it is. */
  readonly evidence: Evidence | null;
}

export interface AttributionHit {
  readonly verb: string;
  readonly grade: AttributionGrade;
  readonly sentence: number;
  readonly source: AttributionSource;
  readonly evidence: Evidence;
}

export interface AttributionResult {
  readonly hits: readonly AttributionHit[];
  readonly packs: readonly string[];
}

export const ATTRIBUTIONS = slot<AttributionResult>('attributions');

const WINDOW = 8;
const STOPS = new Set([',', ';', ':', '"', '(', ')', '-', '.', '?', '!']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
/** Words between a subject and its verb that do not end the search ("he also said", "has insisted"). */
const SKIP = new Set([
  'also', 'has', 'have', 'had', 'later', 'then', 'previously', 'earlier', 'repeatedly', 'again', 'further', 'recently',
  'now', 'still', 'only', 'already', 'once', 'publicly', 'separately', 'last', 'on', 'in', 'this', 'week', 'who', 'which',
  'reportedly', 'was', 'were', 'is', 'are', 'been', 'not', 'never',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'that']);

interface Clause {
  readonly from: number;
  readonly to: number;
}

function isStop(doc: Doc, t: number): boolean {
  const tok = doc.tokens[t];
  return tok === undefined || (tok.kind === 'punct' && STOPS.has(tok.norm));
}

function capitalized(doc: Doc, t: number): boolean {
  const tok = doc.tokens[t];
  if (tok === undefined || tok.kind !== 'word') return false;
  const ch = doc.text[tok.start] ?? '';
  return ch !== ch.toLowerCase();
}

function nameSource(doc: Doc, first: number, end: number, kind: 'name' | 'pronoun'): AttributionSource {
  const start = doc.tokens[first]?.start ?? 0;
  const stop = doc.tokens[end - 1]?.end ?? start;
  const text = doc.text.slice(start, stop);
  return {
    key: `${kind}:${text.toLowerCase()}`,
    name: text,
    group: null,
    evidence: evidenceAt(doc, start, stop, `source:${kind}`, 1),
  };
}

function actorSource(m: ActorMention): AttributionSource {
  return { key: `actor:${m.actor}`, name: m.name, group: m.group, evidence: m.evidence };
}

/** A capitalised run ending at `last` (inclusive), or the single noun before the verb. */
function wordsBefore(doc: Doc, clause: Clause, last: number): AttributionSource | null {
  let t = last;
  while (t >= clause.from && SKIP.has(doc.tokens[t]?.norm ?? '') && !capitalized(doc, t)) t -= 1;
  if (t < clause.from) return null;
  const tok = doc.tokens[t];
  if (tok === undefined || tok.kind !== 'word') return null;
  if (PRONOUNS.has(tok.norm)) return nameSource(doc, t, t + 1, 'pronoun');
  if (capitalized(doc, t)) {
    let first = t;
    while (first - 1 >= clause.from && capitalized(doc, first - 1)) first -= 1;
    return nameSource(doc, first, t + 1, 'name');
  }
  // "the office said", "the release continued": a common noun right before the verb.
  if (t - 1 >= clause.from && DETERMINERS.has(doc.tokens[t - 1]?.norm ?? '')) return nameSource(doc, t, t + 1, 'name');
  return null;
}

function wordsAfter(doc: Doc, clause: Clause, first: number): AttributionSource | null {
  let t = first;
  while (t < clause.to && DETERMINERS.has(doc.tokens[t]?.norm ?? '')) t += 1;
  const tok = doc.tokens[t];
  if (t >= clause.to || tok === undefined || tok.kind !== 'word') return null;
  if (PRONOUNS.has(tok.norm)) return nameSource(doc, t, t + 1, 'pronoun');
  let end = t + 1;
  if (capitalized(doc, t)) while (end < clause.to && capitalized(doc, end)) end += 1;
  else while (end < clause.to && end - t < 5 && doc.tokens[end]?.kind === 'word') end += 1;
  return nameSource(doc, t, end, 'name');
}

/** "said Blinken", "said the prime minister": a name or actor right after the verb. */
function inverted(doc: Doc, clause: Clause, mentions: readonly ActorMention[]): AttributionSource | null {
  let t = clause.from;
  while (t < clause.to && DETERMINERS.has(doc.tokens[t]?.norm ?? '')) t += 1;
  if (t >= clause.to) return null;
  const actor = mentions.find((m) => m.firstToken === t);
  if (actor !== undefined) return actorSource(actor);
  if (!capitalized(doc, t)) return null;
  let end = t + 1;
  while (end < clause.to && capitalized(doc, end)) end += 1;
  return nameSource(doc, t, end, 'name');
}

const isPossessive = (doc: Doc, m: ActorMention): boolean => /['’]s$/i.test(doc.tokens[m.endToken - 1]?.norm ?? '');

/** Finds the source of one attribution verb match; pure. */
export function findSource(
  doc: Doc,
  verb: Pick<Match, 'firstToken' | 'endToken' | 'sentence'>,
  sourceAfter: boolean,
  mentions: readonly ActorMention[],
): AttributionSource {
  const sentence = doc.sentences[verb.sentence];
  if (sentence === undefined) return unattributed();
  let from = verb.firstToken;
  while (from > sentence.firstToken && verb.firstToken - from < WINDOW && !isStop(doc, from - 1)) from -= 1;
  let to = verb.endToken;
  while (to < sentence.endToken && to - verb.endToken < WINDOW && !isStop(doc, to)) to += 1;
  const before: Clause = { from, to: verb.firstToken };
  const after: Clause = { from: verb.endToken, to };
  const inSentence = mentions.filter((m) => m.sentence === verb.sentence);

  if (sourceAfter) {
    const m = inSentence.find((x) => x.firstToken >= after.from && x.endToken <= after.to);
    return m ? actorSource(m) : (wordsAfter(doc, after, after.from) ?? unattributed());
  }
  if (before.to > before.from) {
    // Nearest candidate before the verb in its clause: an actor, unless a pronoun stands closer.
    const words = wordsBefore(doc, before, before.to - 1);
    let actor: ActorMention | undefined;
    for (const m of inSentence) if (m.firstToken >= before.from && m.endToken <= before.to) actor = m;
    if (actor !== undefined) {
      if (words?.key.startsWith('pronoun:') === true && (words.evidence?.start ?? 0) > actor.evidence.end) return words;
      return actorSource(actor);
    }
    if (words !== null) return words;
  }
  const inv = inverted(doc, after, inSentence);
  if (inv !== null) return inv;
  // "X, on his sixth trip…, said" / "The war cabinet declined…, saying": the sentence's subject,
  // read as its first actor that is not a possessive modifier ("Israel's … Minister Orit Strook").
  const subject = inSentence.find((m) => m.endToken <= verb.firstToken && !isPossessive(doc, m));
  return subject ? actorSource(subject) : unattributed();
}

function unattributed(): AttributionSource {
  return { key: 'unattributed', name: 'unattributed', group: null, evidence: null };
}

export function attributionComponent(pack: LexiconPack<AttributionEntry>): Component {
  const byId = new Map(pack.entries.map((e) => [e.id, e]));
  const notPreceded = new Map(pack.entries.map((e) => [e.id, new Set((e.notPrecededBy ?? []).map((w) => w.toLowerCase()))]));
  const packs = [packStamp(pack)];
  return {
    name: 'attribution',
    requires: [QUOTES, ACTORS],
    assigns: [ATTRIBUTIONS],
    phrases: () => pack.entries.flatMap((e) => e.phrases.map((phrase) => ({ namespace: 'attribution', id: e.id, phrase }))),
    run(ctx) {
      const { doc } = ctx;
      const quotes: readonly QuoteSpan[] = ctx.get(QUOTES);
      const bySentence = new Map<number, ActorMention[]>();
      for (const a of actorMentions(ctx.get(ACTORS), doc.articleId)) {
        const list = bySentence.get(a.sentence);
        if (list) list.push(a);
        else bySentence.set(a.sentence, [a]);
      }
      const none: readonly ActorMention[] = [];
      const hits: AttributionHit[] = [];
      for (const m of longestFirst(ctx.matchesIn('attribution'))) {
        const entry = byId.get(m.id);
        if (entry === undefined) continue;
        const prev = doc.tokens[m.firstToken - 1];
        if (prev !== undefined && notPreceded.get(m.id)?.has(prev.norm) === true) continue;
        const { start, end } = matchSpan(doc, m);
        if (insideQuote(quotes, start, end) !== undefined) continue;
        hits.push({
          verb: entry.id,
          grade: entry.grade,
          sentence: m.sentence,
          source: findSource(doc, m, entry.sourceAfter === true, bySentence.get(m.sentence) ?? none),
          evidence: evidenceAt(doc, start, end, `attribution:${entry.id}`, 1),
        });
      }
      ctx.set(ATTRIBUTIONS, { hits, packs });
    },
  };
}
