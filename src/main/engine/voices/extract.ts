/**
 * Voices: who is quoted and paraphrased. Pure functions from a document, its lexicon matches and
 * its direct quotes to voice records.
 *
 * Speakers are resolved in one left-to-right walk over the mentions outside quotes: names give
 * the person; titles ("the prime minister") the holder mentioned last (else the pack's default
 * holder); pronouns ("he", "she") the person of that gender mentioned last; documents ("the
 * statement", "the release") the institution or office that spoke last, and "his office" the
 * man mentioned last. A direct quote takes the speaker of the speech verb nearest to it in its
 * opening or closing sentence; a quote with no speech verb continues the previous quote's speaker
 * when it follows it in the same or the next paragraph.
 */
import type { ActorGroupId } from '../../../shared/actors';
import type { VoiceRecord } from '../../../shared/figures';
import { sentenceAt as sentenceAtOffset } from '../text/buildDoc';
import type { Doc, Evidence } from '../document';
import type { Match } from '../text/phraseIndex';
import { longestPerNamespace } from '../text/phraseIndex';
import { insideQuote, type QuoteSpan } from '../text/quotes';
import { NS_DOCUMENT, NS_PERSON, NS_PRONOUN, NS_TITLE, NS_VERB, type VoiceLexicon } from './lexicon';

export interface Voice extends VoiceRecord {
  readonly evidence: readonly Evidence[];
}

/** A mention of a possible speaker outside quotes, resolved to a person or institution id. */
export interface Mention {
  readonly firstToken: number;
  readonly endToken: number;
  readonly sentence: number;
  readonly speakerId: string | null;
  readonly via: 'name' | 'title' | 'pronoun' | 'document';
  readonly text: string;
}

const MENTION_NAMESPACES = new Set([NS_PERSON, NS_TITLE, NS_PRONOUN, NS_DOCUMENT]);

/** Token index of the first token starting at or after `offset`. */
export function tokenAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((doc.tokens[mid]?.start ?? Infinity) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const spanText = (doc: Doc, first: number, end: number): string =>
  doc.text.slice(doc.tokens[first]?.start ?? 0, doc.tokens[end - 1]?.end ?? 0);

/** Resolves every speaker mention outside quotes, in token order. */
export function resolveMentions(doc: Doc, matches: readonly Match[], quotes: readonly QuoteSpan[], lex: VoiceLexicon): Mention[] {
  const candidates = longestPerNamespace(matches.filter((m) => MENTION_NAMESPACES.has(m.namespace))).filter((m) => {
    const a = doc.tokens[m.firstToken];
    const b = doc.tokens[m.endToken - 1];
    return a !== undefined && b !== undefined && insideQuote(quotes, a.start, b.end) === undefined;
  });
  // Across namespaces, a longer mention wins over one it contains ("Secretary of State Antony Blinken").
  candidates.sort((a, b) => a.firstToken - b.firstToken || b.endToken - a.endToken);
  const kept: Match[] = [];
  let reached = -1;
  for (const m of candidates) {
    if (m.firstToken < reached) continue;
    kept.push(m);
    reached = m.endToken;
  }

  const lastAt = new Map<string, number>();
  const lastByGender: Record<'m' | 'f', string | null> = { m: null, f: null };
  let lastPerson: string | null = null;
  let docSpeaker: string | null = null;
  const out: Mention[] = [];
  const notePerson = (speakerId: string, at: number): void => {
    lastAt.set(speakerId, at);
    const s = lex.speakers.get(speakerId);
    if (s?.kind === 'person') {
      lastPerson = speakerId;
      if (s.gender) lastByGender[s.gender] = speakerId;
    } else if (s) docSpeaker = speakerId;
  };

  for (let i = 0; i < kept.length; i += 1) {
    const m = kept[i];
    if (m === undefined) continue;
    let speakerId: string | null = null;
    if (m.namespace === NS_PERSON) {
      speakerId = m.id;
    } else if (m.namespace === NS_TITLE) {
      const next = kept[i + 1];
      // A title right before a name ("Prime Minister Benjamin Netanyahu") is part of that name.
      if (next?.namespace === NS_PERSON && next.firstToken === m.endToken) continue;
      const title = lex.titles.get(m.id);
      if (title) {
        let best: string | null = null;
        let bestAt = -1;
        for (const h of title.holders) {
          const at = lastAt.get(h);
          if (at !== undefined && at > bestAt) {
            best = h;
            bestAt = at;
          }
        }
        speakerId = best ?? title.holders[0] ?? null;
      }
    } else if (m.namespace === NS_PRONOUN) {
      const p = lex.pronouns.get(m.id);
      speakerId = p === undefined ? null : p.gender === 'any' ? lastPerson : lastByGender[p.gender];
    } else {
      const phrase = doc.tokens[m.firstToken]?.norm;
      if (phrase === 'his' || phrase === 'her') {
        speakerId = lastByGender[phrase === 'his' ? 'm' : 'f'];
        if (speakerId !== null) docSpeaker = speakerId;
      } else speakerId = docSpeaker;
    }
    if (speakerId !== null && m.namespace !== NS_DOCUMENT) notePerson(speakerId, m.firstToken);
    else if (speakerId !== null) lastAt.set(speakerId, m.firstToken);
    const via = m.namespace === NS_PERSON ? 'name' : m.namespace === NS_TITLE ? 'title' : m.namespace === NS_PRONOUN ? 'pronoun' : 'document';
    out.push({ firstToken: m.firstToken, endToken: m.endToken, sentence: m.sentence, speakerId, via, text: spanText(doc, m.firstToken, m.endToken) });
  }
  return out;
}

interface Attribution {
  readonly mention: Mention | null;
  readonly verb: Match | null;
}

/** The speaker of a speech verb: its subject before it, or the name right after it ("said Blinken"). */
function speakerOfVerb(doc: Doc, verb: Match, mentionsBySentence: ReadonlyMap<number, readonly Mention[]>, lex: VoiceLexicon, maxBefore: number): Mention | null {
  const inSentence = mentionsBySentence.get(verb.sentence) ?? [];
  const entry = lex.verbs.get(verb.id);
  if (entry?.position === 'before-speaker') {
    // "according to a press release from the US State Department": the named source beats the document.
    const after = inSentence.filter((m) => m.firstToken >= verb.endToken && m.firstToken - verb.endToken <= 10);
    return after.find((m) => m.via === 'name' || m.via === 'title') ?? after.at(-1) ?? null;
  }
  const before = inSentence.filter((m) => m.endToken <= verb.firstToken);
  const b = before.at(-1);
  // A participle ("…, calling it “trash” and saying …") attaches to the clause's subject unless
  // its own subject stands right before it ("with Blinken saying").
  const participle = doc.tokens[verb.firstToken]?.norm.endsWith('ing') === true;
  if (participle && before.length > 0 && b !== undefined && b.endToken !== verb.firstToken) return before[0] ?? null;
  const a = inSentence.find((m) => m.firstToken >= verb.endToken);
  const db = b === undefined ? Infinity : verb.firstToken - b.endToken;
  const da = a === undefined ? Infinity : a.firstToken - verb.endToken;
  if (a !== undefined && da <= 2 && da < db) return a;
  if (b !== undefined && db <= maxBefore) return b;
  if (a !== undefined && da <= 4) return a;
  return null;
}

/** Paragraph number of each offset: counts the non-empty lines before it. */
function paragraphIndexer(text: string): (offset: number) => number {
  const starts: number[] = [];
  const nonBlank = /\S/g;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    nonBlank.lastIndex = lineStart;
    const m = nonBlank.exec(text);
    if (m !== null && m.index < lineEnd) starts.push(lineStart);
    lineStart = lineEnd + 1;
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? Infinity) <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

const wordCount = (doc: Doc, start: number, end: number): number => {
  let n = 0;
  for (let t = tokenAt(doc, start); t < doc.tokens.length; t += 1) {
    const tok = doc.tokens[t];
    if (tok === undefined || tok.end > end) break;
    if (tok.kind !== 'punct') n += 1;
  }
  return n;
};

function record(
  doc: Doc,
  lex: VoiceLexicon,
  kind: 'direct' | 'paraphrase',
  attribution: Attribution,
  parts: readonly { start: number; end: number }[],
  span: { start: number; end: number },
): Voice {
  const speaker = attribution.mention?.speakerId != null ? lex.speakers.get(attribution.mention.speakerId) : undefined;
  const group: ActorGroupId | null = speaker?.group ?? null;
  const rule = `voice:${kind}/${speaker?.id ?? 'unresolved'}`;
  // Each part's words are counted once: the evidence weight, summed for the voice.
  let words = 0;
  const evidence: Evidence[] = parts.map((p) => {
    const weight = wordCount(doc, p.start, p.end);
    words += weight;
    return { articleId: doc.articleId, start: p.start, end: p.end, text: doc.text.slice(p.start, p.end), rule, weight };
  });
  const text = evidence.map((e) => e.text).join(' ');
  for (const m of [attribution.verb, attribution.mention]) {
    if (m === null) continue;
    const s = doc.tokens[m.firstToken]?.start ?? 0;
    const e = doc.tokens[m.endToken - 1]?.end ?? s;
    evidence.push({ articleId: doc.articleId, start: s, end: e, text: doc.text.slice(s, e), rule: 'voice:attribution', weight: 0 });
  }
  const verb = attribution.verb;
  return {
    articleId: doc.articleId,
    kind,
    personId: speaker?.id ?? null,
    speaker: speaker?.name ?? null,
    speakerAs: attribution.mention?.text ?? null,
    group,
    verb: verb === null ? null : spanText(doc, verb.firstToken, verb.endToken),
    text,
    words,
    start: span.start,
    end: span.end,
    evidence,
  };
}

/** Direct quotes (one record per quote group) and attributed paraphrases, in text order. */
export function findVoices(doc: Doc, matches: readonly Match[], quotes: readonly QuoteSpan[], lex: VoiceLexicon): Voice[] {
  const mentions = resolveMentions(doc, matches, quotes, lex);
  const verbs = matches.filter((m) => {
    if (m.namespace !== NS_VERB) return false;
    const a = doc.tokens[m.firstToken];
    const b = doc.tokens[m.endToken - 1];
    // A capitalised verb inside a sentence is a name or headline case ("United States", "Netanyahu Tells").
    const capitalised = a !== undefined && /\p{Lu}/u.test(doc.text[a.start] ?? '') && doc.sentences[m.sentence]?.firstToken !== m.firstToken;
    return !capitalised && a !== undefined && b !== undefined && insideQuote(quotes, a.start, b.end) === undefined;
  });
  const mentionsBySentence = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = mentionsBySentence.get(m.sentence);
    if (list) list.push(m);
    else mentionsBySentence.set(m.sentence, [m]);
  }
  const verbsBySentence = new Map<number, Match[]>();
  for (const v of verbs) {
    const list = verbsBySentence.get(v.sentence);
    if (list) list.push(v);
    else verbsBySentence.set(v.sentence, [v]);
  }
  const paragraphOf = paragraphIndexer(doc.text);
  const out: Voice[] = [];

  // Direct quotes, grouped by multi-paragraph group.
  const groups = new Map<number, QuoteSpan[]>();
  for (const q of quotes) {
    const s = doc.sentences[q.sentence];
    if (s?.excluded === true) continue;
    const list = groups.get(q.group);
    if (list) list.push(q);
    else groups.set(q.group, [q]);
  }
  let previous: { attribution: Attribution; paragraph: number } | null = null;
  for (const parts of groups.values()) {
    const first = parts[0];
    const last = parts.at(-1);
    if (first === undefined || last === undefined) continue;
    const sentences = new Set<number>();
    for (const q of parts) {
      sentences.add(q.sentence);
      sentences.add(sentenceAtOffset(doc, Math.max(q.start, q.end - 1)));
    }
    const qStartTok = tokenAt(doc, first.start);
    const qEndTok = tokenAt(doc, last.end);
    let best: { verb: Match; distance: number } | null = null;
    for (const si of sentences) {
      for (const v of verbsBySentence.get(si) ?? []) {
        const distance = v.endToken <= qStartTok ? qStartTok - v.endToken : Math.max(0, v.firstToken - qEndTok);
        if (best === null || distance < best.distance) best = { verb: v, distance };
      }
    }
    let attribution: Attribution = { mention: null, verb: null };
    if (best !== null) {
      attribution = { mention: speakerOfVerb(doc, best.verb, mentionsBySentence, lex, 40), verb: best.verb };
    } else {
      // Headline style: "Blinken: Israeli assault of Rafah would be 'mistake'".
      const s = doc.sentences[first.sentence];
      const m = mentionsBySentence.get(first.sentence)?.find((x) => x.firstToken === s?.firstToken);
      if (m !== undefined && doc.tokens[m.endToken]?.norm === ':') attribution = { mention: m, verb: null };
    }
    const paragraph = paragraphOf(first.start);
    if (attribution.mention === null && best === null && previous !== null && paragraph - previous.paragraph <= 1) {
      attribution = previous.attribution;
    }
    const voice = record(
      doc,
      lex,
      'direct',
      attribution,
      parts.map((q) => ({ start: q.contentStart, end: q.contentEnd })),
      { start: first.start, end: last.end },
    );
    out.push(voice);
    previous = { attribution, paragraph: paragraphOf(last.start) };
  }

  // Paraphrases: a speech verb with a resolved speaker in a sentence without direct quotes.
  const quotedSentences = new Set<number>();
  for (const q of quotes) {
    const last = sentenceAtOffset(doc, Math.max(q.start, q.end - 1));
    for (let s = q.sentence; s <= last; s += 1) quotedSentences.add(s);
  }
  const doneSentences = new Set<number>();
  for (const v of verbs) {
    if (quotedSentences.has(v.sentence) || doneSentences.has(v.sentence)) continue;
    const entry = lex.verbs.get(v.id);
    if (entry?.paraphrase !== true) continue;
    const sentence = doc.sentences[v.sentence];
    if (sentence === undefined || sentence.excluded) continue;
    const mention = speakerOfVerb(doc, v, mentionsBySentence, lex, 12);
    if (mention?.speakerId == null) continue;
    const before = entry.position === 'before-speaker';
    const start = before ? sentence.start : (doc.tokens[v.endToken]?.start ?? sentence.end);
    const end = before ? (doc.tokens[v.firstToken]?.start ?? sentence.end) : sentence.end;
    if (end <= start) continue;
    doneSentences.add(v.sentence);
    out.push(record(doc, lex, 'paraphrase', { mention, verb: v }, [{ start, end }], { start: sentence.start, end: sentence.end }));
  }
  return out.sort((a, b) => a.start - b.start);
}
