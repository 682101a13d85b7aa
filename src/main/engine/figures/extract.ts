/**
 * Casualty figures as attributed records: a pure function from a document, its lexicon matches,
 * its direct quotes and voices to figure findings (record + evidence).
 *
 * A number (digits, a number word, a vague amount such as "several thousand") becomes a figure
 * when it is not a date, year, amount of money, unit, ordinal or code, and a category cue
 * ("killed", "dead", "hostages", "fled"…) lies close to it (up to 8 tokens after or before; the
 * nearest wins). Qualifiers are read right before it; the victim group from the noun right after
 * it, its place ("people in Gaza"), the category's default, the nearest group word, or the
 * agent; the source from a source phrase with an attribution verb in the same sentence (or the
 * quoted speaker when the figure is inside a quote). The same value and category stated again in
 * one article is one citation.
 */
import type { FigureCategory, FigureQualifier, FigureRecord, FigureSource, FigureValue, VictimGroup } from '../../../shared/figures';
import type { ArticleMeta } from '../pipeline';
import type { Doc, Evidence, Token } from '../document';
import { longestPerNamespace, type Match } from '../text/phraseIndex';
import { insideQuote, type QuoteSpan } from '../text/quotes';
import type { Voice } from '../voices/extract';
import { ns, type EntryOf, type FigureLexicon } from './lexicon';

export interface FigureFinding {
  readonly record: FigureRecord;
  readonly evidence: readonly Evidence[];
}

/** A number as found, before it is tied to a category. */
export interface Numeral {
  readonly first: number;
  readonly end: number;
  readonly sentence: number;
  readonly value: FigureValue;
  readonly vague: boolean;
  /** A number word ("four") rather than digits or a vague amount. */
  readonly word: boolean;
  readonly rule: string;
}

const AFTER_WINDOW = 10;
const BEFORE_WINDOW = 8;
const GROUP_WINDOW = 15;
const AUX = new Set(['has', 'have', 'had', 'since', 'now', 'already', 'so', 'far', 'reportedly', 'also', 'allegedly', 'been']);
const BE = new Set(['been', 'were', 'was', 'are', 'is', 'be', 'being']);
const CLAUSE_BREAK = new Set([',', ';', ':', '—', '–', '(', ')', 'that', 'which', 'who', 'when', 'while', 'and', 'but']);
const NUMBER_NS = ns('number');
const VAGUE_NS = ns('vague');
const STOPS = new Set(['!', '?', ';']);

/** Two tokens written with nothing between them. */
function glued(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** A sentence stop inside a sentence span (text glued without a space: "flee.At least"), not an abbreviation's dot. */
function isStop(doc: Doc, t: number): boolean {
  const tok = doc.tokens[t];
  if (tok === undefined) return false;
  if (STOPS.has(tok.norm)) return true;
  if (tok.norm !== '.') return false;
  const prev = doc.tokens[t - 1];
  const next = doc.tokens[t + 1];
  if (prev === undefined || next === undefined || prev.kind !== 'word' || prev.norm.length < 4) return false;
  return /^\p{Lu}/u.test(doc.text[next.start] ?? '');
}
const SUBORDINATE = new Set(['when', 'which', 'who', 'while', 'after', 'before', 'as', 'where']);
const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we']);
const NUMBER_LINK = new Set(['of', 'the', 'his', 'her', 'its', 'their', 'our', 'those', 'them']);

function parseDigits(norm: string): number | null {
  if (/,\d{1,2}$|,\d{4,}/.test(norm)) return null; // "1,2" or "12,3456": not a thousands-grouped number
  const n = Number(norm.replaceAll(',', ''));
  return Number.isFinite(n) ? n : null;
}

interface SentenceMatches {
  readonly byNs: Map<string, Match[]>;
}

function groupBySentence(matches: readonly Match[]): Map<number, SentenceMatches> {
  const out = new Map<number, SentenceMatches>();
  for (const m of matches) {
    if (!m.namespace.startsWith('fig:')) continue;
    let s = out.get(m.sentence);
    if (!s) {
      s = { byNs: new Map() };
      out.set(m.sentence, s);
    }
    const list = s.byNs.get(m.namespace);
    if (list) list.push(m);
    else s.byNs.set(m.namespace, [m]);
  }
  return out;
}

export class FigureExtractor {
  /** Lexicon matches per sentence of the document being read (for look-back and look-ahead). */
  private sentenceMatches = new Map<number, SentenceMatches>();

  constructor(private readonly lex: FigureLexicon) {}

  private startsAt(sm: SentenceMatches | undefined, kind: Parameters<typeof ns>[0], token: number): Match | undefined {
    return sm?.byNs.get(ns(kind))?.find((m) => m.firstToken === token);
  }

  private endsAt(sm: SentenceMatches | undefined, kind: Parameters<typeof ns>[0], token: number): Match | undefined {
    return sm?.byNs.get(ns(kind))?.find((m) => m.endToken === token);
  }

  /** Numbers of one sentence that can be figures (dates, years, money, units, codes removed). */
  numerals(doc: Doc, sentence: number, sm: SentenceMatches | undefined): Numeral[] {
    const s = doc.sentences[sentence];
    if (s === undefined) return [];
    const out: Numeral[] = [];
    const used = new Set<number>();
    const tok = (i: number): Token | undefined => (i >= s.firstToken && i < s.endToken ? doc.tokens[i] : undefined);
    const isMonth = (i: number): boolean => this.startsAt(sm, 'month', i) !== undefined;
    const unitAfter = (i: number): boolean => {
      const u = this.startsAt(sm, 'unit', i);
      if (u === undefined) return false;
      const t = tok(i);
      const prev = tok(i - 1);
      // Ordinal suffixes count only when glued to the number ("7th").
      if (t && ['st', 'nd', 'rd', 'th'].includes(t.norm)) return prev !== undefined && prev.end === t.start;
      return true;
    };
    const multiplier = (i: number): number => {
      const m = this.startsAt(sm, 'multiplier', i);
      return m ? (this.lex.entry('multiplier', m.id)?.value ?? 1) : 1;
    };

    // Vague amounts first: "several thousand", "millions", "tens of thousands".
    for (const m of longestPerNamespace(sm?.byNs.get(ns('vague')) ?? [])) {
      const e = this.lex.entry('vague', m.id);
      if (!e) continue;
      if (unitAfter(m.endToken)) continue;
      for (let i = m.firstToken; i < m.endToken; i += 1) used.add(i);
      out.push({ first: m.firstToken, end: m.endToken, sentence, value: { value: null, low: e.low, high: e.high }, vague: true, word: false, rule: `figures:${e.id}` });
    }
    // Number words: "four", "a million", "two hundred".
    for (const m of longestPerNamespace(sm?.byNs.get(ns('number')) ?? [])) {
      if (used.has(m.firstToken)) continue;
      const e = this.lex.entry('number', m.id);
      if (!e) continue;
      let end = m.endToken;
      let value = e.value;
      const mult = multiplier(end);
      if (mult > 1) {
        value *= mult;
        end += 1;
      }
      if (unitAfter(end)) continue;
      for (let i = m.firstToken; i < end; i += 1) used.add(i);
      out.push({ first: m.firstToken, end, sentence, value: { value, low: value, high: value }, vague: false, word: mult === 1, rule: `figures:${e.id}` });
    }
    for (let i = s.firstToken; i < s.endToken; i += 1) {
      const t = doc.tokens[i];
      if (t === undefined || t.kind !== 'number' || used.has(i)) continue;
      const raw = doc.text.slice(t.start, t.end);
      const n = parseDigits(t.norm);
      if (n === null) continue;
      const prev = tok(i - 1);
      const next = tok(i + 1);
      if (prev && ['$', '£', '€', '#'].includes(prev.norm)) continue; // money, hashtags
      if ((prev && ['/', ':'].includes(prev.norm) && glued(prev, t)) || (next && ['/', ':', '%'].includes(next.norm) && glued(t, next))) continue;
      if (/^0\d/.test(raw)) continue; // codes such as "031924"
      // Ages: "Amit Man, 22, texted".
      if (n <= 120 && prev?.norm === ',' && next?.norm === ',' && /^\p{Lu}/u.test(doc.text[tok(i - 2)?.start ?? 0] ?? '')) continue;
      if (/^\d{4}$/.test(raw) && n >= 1900 && n <= 2100) continue; // years
      if (n <= 31 && (isMonth(i + 1) || isMonth(i - 1) || (prev?.norm === '.' && isMonth(i - 2)))) continue; // dates
      if (next?.norm === ',' && /^\d{4}$/.test(tok(i + 2)?.norm ?? '') && isMonth(i - 1)) continue;
      let end = i + 1;
      let value = n;
      const mult = multiplier(end);
      if (mult > 1) {
        value = n * mult;
        end += 1;
      }
      if (unitAfter(end)) continue;
      out.push({ first: i, end, sentence, value: { value, low: value, high: value }, vague: false, word: false, rule: 'figures:number' });
    }
    return out.sort((a, b) => a.first - b.first);
  }

  /** Finds the figures of a document. */
  extract(
    doc: Doc,
    meta: ArticleMeta,
    matches: readonly Match[],
    quotes: readonly QuoteSpan[],
    voices: readonly Voice[],
  ): FigureFinding[] {
    // Only sentences with a number (digits, a number word, a vague amount) and their neighbours
    // (hostage context before, caveats after) are read.
    const needed = new Set<number>();
    const need = (si: number): void => {
      for (let k = si - 3; k <= si + 3; k += 1) needed.add(k);
    };
    const withNumberToken = new Set<number>();
    for (let si = 0; si < doc.sentences.length; si += 1) {
      const s = doc.sentences[si];
      if (s === undefined || s.excluded) continue;
      for (let t = s.firstToken; t < s.endToken; t += 1) {
        if (doc.tokens[t]?.kind === 'number') {
          need(si);
          withNumberToken.add(si);
          break;
        }
      }
    }
    for (const m of matches) if (m.namespace === NUMBER_NS || m.namespace === VAGUE_NS) need(m.sentence);
    if (needed.size === 0) return [];
    const bySentence = groupBySentence(matches.filter((m) => needed.has(m.sentence)));
    this.sentenceMatches = bySentence;
    const found: FigureFinding[] = [];
    for (let si = 0; si < doc.sentences.length; si += 1) {
      const s = doc.sentences[si];
      if (s === undefined || s.excluded) continue;
      const sm = bySentence.get(si);
      if (!withNumberToken.has(si) && !sm?.byNs.has(ns('number')) && !sm?.byNs.has(ns('vague'))) continue;
      const nums = this.numerals(doc, si, sm);
      const recs: FigureFinding[] = [];
      for (let k = 0; k < nums.length; k += 1) {
        const n = nums[k];
        if (n === undefined) continue;
        const f = this.figure(doc, meta, si, sm, n, nums, quotes, voices);
        if (f === null) continue;
        // "22 people, or 33 people": two numbers joined by "or"/"to" with one category are one range.
        const last = recs.at(-1);
        const lastNum = nums[k - 1];
        if (last && lastNum && last.record.category === f.record.category && n.first - lastNum.end <= 4) {
          let joined = false;
          for (let t = lastNum.end; t < n.first; t += 1) if (['or', 'to', '-'].includes(doc.tokens[t]?.norm ?? '')) joined = true;
          if (joined) {
            recs[recs.length - 1] = mergeRange(doc, last, f);
            continue;
          }
        }
        recs.push(f);
      }
      found.push(...recs);
    }
    return dedupe(found);
  }

  private figure(
    doc: Doc,
    meta: ArticleMeta,
    si: number,
    sm: SentenceMatches | undefined,
    n: Numeral,
    siblings: readonly Numeral[],
    quotes: readonly QuoteSpan[],
    voices: readonly Voice[],
  ): FigureFinding | null {
    const s = doc.sentences[si];
    if (s === undefined) return null;
    const lex = this.lex;
    const norm = (i: number): string => (i >= s.firstToken && i < s.endToken ? (doc.tokens[i]?.norm ?? '') : '');

    // The noun right after the number, skipping "of his", "of the" ("Seventeen of his friends").
    let nounAt = n.end;
    while (NUMBER_LINK.has(norm(nounAt)) && nounAt - n.end < 3) nounAt += 1;
    const groupNoun = this.startsAt(sm, 'group', nounAt) ?? this.startsAt(sm, 'group', n.end);
    const peopleNoun =
      this.startsAt(sm, 'people', nounAt) ??
      (groupNoun ? this.startsAt(sm, 'people', groupNoun.endToken) : undefined) ??
      this.startsAt(sm, 'people', n.end + 1); // one adjective between: "33 Israeli hostages", "2 million people"
    const catRightAfter = this.startsAt(sm, 'category', nounAt) ?? this.startsAt(sm, 'category', n.end);
    // A capitalised plural right after a number word is a nationality: "seven Argentines".
    const demonym = n.word && /^\p{Lu}\p{Ll}+s$/u.test(doc.text.slice(doc.tokens[nounAt]?.start ?? 0, doc.tokens[nounAt]?.end ?? 0));
    if (n.word && !groupNoun && !peopleNoun && !catRightAfter && !demonym) return null;

    // Category: nearest cue within the window (after preferred on a tie).
    const cats = longestPerNamespace(sm?.byNs.get(ns('category')) ?? []);
    let best: { m: Match; e: EntryOf<'category'>; d: number; after: boolean } | null = null;
    for (const m of cats) {
      const e = lex.entry('category', m.id);
      if (!e) continue;
      const after = m.firstToken >= n.end;
      const d = after ? m.firstToken - n.end : n.first - m.endToken;
      if (d < 0 || d > (after ? AFTER_WINDOW : BEFORE_WINDOW)) continue;
      // A cue with another number between belongs to that number ("23,000 and 2 million … displaced"),
      // so does a verb right before another number ("killed at least 70 … and injured 200").
      const lo = after ? n.end : m.endToken;
      const hi = after ? m.firstToken : n.first;
      if (siblings.some((o) => o !== n && o.first >= lo && o.end <= hi)) continue;
      if (after && siblings.some((o) => o !== n && (o.first === m.endToken || this.endsAt(sm, 'qualifier', o.first)?.firstToken === m.endToken))) continue;
      let crossesStop = false;
      for (let t = lo; t < hi; t += 1) if (isStop(doc, t)) crossesStop = true;
      if (crossesStop) continue;
      // A killing verb governing the number ("killed at least 70") binds it outright.
      const q = this.endsAt(sm, 'qualifier', n.first);
      if (!after && e.voice === 'active' && (m.endToken === n.first || q?.firstToken === m.endToken)) {
        best = { m, e, d: -1, after };
        break;
      }
      if (best === null || d < best.d || (d === best.d && after && !best.after)) best = { m, e, d, after };
    }
    let category: FigureCategory;
    let cueMatch: Match | null = best?.m ?? null;
    let cueEntry = best?.e ?? null;
    if (best === null) {
      // A count of people with no cue in its sentence takes a hostage context from just before
      // ("a hostage deal … to save 22 people, or 33 people").
      if (!peopleNoun && !groupNoun) return null;
      const ctx = this.hostageContext(doc, si, quotes);
      if (ctx === null) return null;
      cueMatch = ctx.m;
      cueEntry = ctx.e;
      category = ctx.e.category;
    } else {
      category = best.e.category;
      // Fighters with a killing cue nearby are fighters killed; the reverse too.
      const killedNear = cats.some((m) => lex.entry('category', m.id)?.category === 'killed' && Math.abs(m.firstToken - n.first) <= BEFORE_WINDOW);
      const fighterNoun = groupNoun !== undefined && lex.entry('group', groupNoun.id)?.group === 'fighters';
      if ((category === 'fighters' && killedNear) || (category === 'killed' && fighterNoun)) category = 'fighters-killed';
      // "13 of its hostages had been killed": hostages killed are deaths.
      const killedAfter = cats.some((m) => {
        if (lex.entry('category', m.id)?.category !== 'killed' || m.firstToken < n.end || m.firstToken - n.end > AFTER_WINDOW) return false;
        return !siblings.some((o) => o !== n && o.first >= n.end && o.end <= m.firstToken);
      });
      if (category === 'hostages' && killedAfter) category = 'killed';
      if (category === 'hostages') {
        const held = (sm?.byNs.get(ns('held')) ?? []).some((m) => m.firstToken >= n.end && m.firstToken - n.end <= 6);
        const release = (sm?.byNs.get(ns('release')) ?? []).some((m) => m.endToken <= n.first && n.first - m.endToken <= 3);
        if (release && !held) category = 'hostages-released';
      }
    }
    if (cueMatch === null || cueEntry === null) return null;

    // Qualifier.
    let qualifier: FigureQualifier = n.vague ? 'vague' : 'exact';
    let writtenStart = n.first;
    const q = this.endsAt(sm, 'qualifier', n.first);
    if (q) {
      const e = lex.entry('qualifier', q.id);
      if (e) {
        qualifier = e.qualifier;
        writtenStart = q.firstToken;
      }
    } else if (norm(n.end) === 'or' && ['more', 'so'].includes(norm(n.end + 1))) {
      qualifier = norm(n.end + 1) === 'more' ? 'at-least' : 'approximately';
    }

    // Victim group.
    const victimNoun = groupNoun ?? peopleNoun;
    let group: VictimGroup | null = groupNoun ? (lex.entry('group', groupNoun.id)?.group ?? null) : null;
    if (group === null && peopleNoun) {
      const place = this.startsAt(sm, 'place', peopleNoun.endToken);
      if (place) group = lex.entry('place', place.id)?.group ?? null;
    }
    if (group === null && cueEntry.group !== undefined) group = cueEntry.group;
    if (category === 'fighters' || category === 'fighters-killed') group = 'fighters';
    if (group === null) group = this.nearestGroup(sm, n, nounAt, peopleNoun !== undefined && groupNoun === undefined);
    group ??= 'unspecified';

    // Voice and agent.
    const cueText = doc.text.slice(doc.tokens[cueMatch.firstToken]?.start ?? 0, doc.tokens[cueMatch.endToken - 1]?.end ?? 0);
    let voice: FigureRecord['voice'] = 'nominal';
    let agentSpan: { start: number; end: number } | null = null;
    if (cueEntry.voice === 'active' && cueMatch.sentence === si) {
      if (cueMatch.endToken <= n.first) {
        voice = 'active';
        agentSpan = this.agentBefore(doc, si, cueMatch.firstToken);
      } else if (BE.has(norm(cueMatch.firstToken - 1))) voice = 'passive';
    }

    // Source: inside a quote the speaker; else a source phrase with an attribution verb.
    const numStart = doc.tokens[n.first]?.start ?? 0;
    const numEnd = doc.tokens[n.end - 1]?.end ?? numStart;
    const quote = insideQuote(quotes, numStart, numEnd);
    let source: FigureSource | null = null;
    const evidence: Evidence[] = [];
    const ev = (first: number, end: number, rule: string, weight = 0): Evidence => {
      const a = doc.tokens[first]?.start ?? 0;
      const b = doc.tokens[end - 1]?.end ?? a;
      return { articleId: doc.articleId, start: a, end: b, text: doc.text.slice(a, b), rule, weight };
    };
    let sourceMatch: Match | null = null;
    if (quote) {
      const v = voices.find((x) => x.kind === 'direct' && x.start <= quote.start && quote.end <= x.end);
      source = { id: 'quoted-speaker', label: v?.speaker ?? 'unattributed quote', verb: v?.verb ?? null, verbGrade: null };
    } else {
      const found = this.sourceOf(doc, si, sm, n);
      if (found) {
        source = found.source;
        sourceMatch = found.match;
        evidence.push(ev(found.labelFirst, found.labelEnd, `figures:source/${found.source.id}`));
        if (found.verb) evidence.push(ev(found.verb.firstToken, found.verb.endToken, `figures:${found.verb.id}`));
      }
    }
    let agent = agentSpan ? doc.text.slice(agentSpan.start, agentSpan.end) : null;
    if (agent !== null && PRONOUNS.has(agent.toLowerCase())) agent = source?.label ?? agent;

    const caveats = source && sourceMatch ? this.caveats(doc, si, source.id) : [];
    const oct7 = (sm?.byNs.get(ns('oct7')) ?? []).length > 0 && (group === 'israelis' || group === 'unspecified');

    const written = doc.text.slice(doc.tokens[writtenStart]?.start ?? numStart, numEnd);
    evidence.unshift(ev(writtenStart, n.end, n.rule, 1));
    evidence.push(ev(cueMatch.firstToken, cueMatch.endToken, `figures:${cueEntry.id}`));
    for (const c of caveats) evidence.push({ articleId: doc.articleId, start: c.start, end: c.end, text: c.text, rule: 'figures:caveat', weight: 0 });

    const record: FigureRecord = {
      id: `${doc.articleId}:${String(numStart)}`,
      articleId: doc.articleId,
      written,
      value: n.value,
      qualifier,
      category,
      victimGroup: group,
      victimNoun: victimNoun ? doc.text.slice(doc.tokens[victimNoun.firstToken]?.start ?? 0, doc.tokens[victimNoun.endToken - 1]?.end ?? 0) : null,
      cue: cueText,
      voice,
      agent,
      source,
      caveats: caveats.map((c) => c.text),
      inQuote: quote !== undefined,
      oct7,
      asOf: meta.date,
      mentions: 1,
      reference: null,
      featureKey: featureKey(category, group, oct7),
    };
    return { record, evidence };
  }

  /**
   * The group named nearest the number in its sentence: a group word or place ("Palestinian",
   * "in Gaza"), or the opposite side of a named agent ("Israeli airstrikes", "Hamas gunmen").
   * Group words inside an agent or a speaker ("Palestinian officials said") do not count; armed
   * men not counted by the number are read as the agent. For a bare "people", places come first.
   */
  private nearestGroup(sm: SentenceMatches | undefined, n: Numeral, nounAt: number, placesFirst: boolean): VictimGroup | null {
    const masks = [...(sm?.byNs.get(ns('mask')) ?? []), ...(sm?.byNs.get(ns('agent')) ?? [])];
    const masked = (m: Match): boolean => masks.some((x) => x.firstToken <= m.firstToken && m.endToken <= x.endToken && x !== m);
    const distance = (m: Match): number => (m.firstToken >= n.end ? m.firstToken - n.end : n.first - m.firstToken);
    let nearest: { g: VictimGroup; d: number; rank: number } | null = null;
    const consider = (g: VictimGroup, d: number, rank: number): void => {
      if (d < -GROUP_WINDOW || d > GROUP_WINDOW) return;
      if (nearest === null || d < nearest.d || (d === nearest.d && rank < nearest.rank)) nearest = { g, d, rank };
    };
    for (const kind of ['group', 'place'] as const) {
      for (const m of sm?.byNs.get(ns(kind)) ?? []) {
        if (masked(m)) continue;
        let g = this.lex.entry(kind, m.id)?.group;
        if (g === undefined) continue;
        if (g === 'fighters' && m.firstToken !== nounAt) g = 'israelis'; // "killed by Hamas gunmen"
        consider(g, distance(m) - (placesFirst && kind === 'place' ? GROUP_WINDOW : 0), kind === 'place' ? 1 : 0);
      }
    }
    for (const m of longestPerNamespace(sm?.byNs.get(ns('agent')) ?? [])) {
      const g = this.lex.entry('agent', m.id)?.group;
      if (g !== undefined) consider(g, distance(m), 2);
    }
    return (nearest as { g: VictimGroup } | null)?.g ?? null;
  }

  /** The subject of an active killing verb: back from the verb over auxiliaries to the clause start. */
  private agentBefore(doc: Doc, si: number, verbToken: number): { start: number; end: number } | null {
    const s = doc.sentences[si];
    if (s === undefined) return null;
    let end = verbToken;
    while (end > s.firstToken && AUX.has(doc.tokens[end - 1]?.norm ?? '')) end -= 1;
    const subject = doc.tokens[end - 1];
    if (subject !== undefined && PRONOUNS.has(subject.norm)) return { start: subject.start, end: subject.end }; // "claims it has killed"
    let start = end;
    while (start > s.firstToken && !CLAUSE_BREAK.has(doc.tokens[start - 1]?.norm ?? '') && end - start < 8) start -= 1;
    if (start === end) return null;
    const a = doc.tokens[start];
    const b = doc.tokens[end - 1];
    if (a === undefined || b === undefined) return null;
    return { start: a.start, end: b.end };
  }

  /** A source phrase with an attribution verb in the sentence, nearest to the number, and its label as written. */
  private sourceOf(
    doc: Doc,
    si: number,
    sm: SentenceMatches | undefined,
    n: Numeral,
  ): { source: FigureSource; match: Match; verb: Match | null; labelFirst: number; labelEnd: number } | null {
    const s = doc.sentences[si];
    if (s === undefined) return null;
    const verbs = longestPerNamespace(sm?.byNs.get(ns('verb')) ?? []);
    let best: { source: FigureSource; match: Match; verb: Match | null; labelFirst: number; labelEnd: number; d: number } | null = null;
    for (const m of longestPerNamespace(sm?.byNs.get(ns('source')) ?? [])) {
      const e = this.lex.entry('source', m.id);
      if (!e) continue;
      const { first, end } = this.labelSpan(doc, si, m);
      // "X claims/said/reports …" (verb within 3 tokens after the label) or "according to X".
      const verb =
        verbs.find((v) => v.firstToken >= end && v.firstToken - end <= 3) ??
        verbs.find((v) => doc.tokens[v.firstToken]?.norm === 'according' && v.endToken <= first && first - v.endToken <= 1) ??
        verbs.find((v) => v.firstToken >= end && v.firstToken - end <= 1 + (doc.tokens[end]?.norm === ',' ? 1 : 0));
      if (!verb) continue;
      // The source's clause ends at ", when …", ", which …": a figure there is the outlet's own.
      if (verb.endToken <= n.first) {
        let outOfScope = false;
        for (let t = verb.endToken; t < n.first; t += 1) {
          if (doc.tokens[t]?.norm === ',' && SUBORDINATE.has(doc.tokens[t + 1]?.norm ?? '')) outOfScope = true;
        }
        if (outOfScope) continue;
      }
      const d = Math.abs(m.firstToken - n.first);
      if (best === null || d < best.d) {
        const ve = this.lex.entry('verb', verb.id);
        best = {
          source: {
            id: e.source,
            label: doc.text.slice(doc.tokens[first]?.start ?? 0, doc.tokens[end - 1]?.end ?? 0),
            verb: doc.text.slice(doc.tokens[verb.firstToken]?.start ?? 0, doc.tokens[verb.endToken - 1]?.end ?? 0),
            verbGrade: ve?.grade ?? null,
          },
          match: m,
          verb,
          labelFirst: first,
          labelEnd: end,
          d,
        };
      }
    }
    return best;
  }

  /** Grows a source match to its label as written: "The Hamas-owned Ministry of Health in Gaza". */
  private labelSpan(doc: Doc, si: number, m: Match): { first: number; end: number } {
    const s = doc.sentences[si];
    let first = m.firstToken;
    let end = m.endToken;
    if (s === undefined) return { first, end };
    const cap = (i: number): boolean => /^\p{Lu}/u.test(doc.text[doc.tokens[i]?.start ?? 0] ?? '');
    while (first > s.firstToken) {
      const t = doc.tokens[first - 1];
      if (t === undefined || t.kind !== 'word') break;
      if (t.norm === 'the' || t.norm === 'a') {
        first -= 1;
        break;
      }
      if (!cap(first - 1) && !t.norm.includes('-')) break;
      first -= 1;
    }
    const after = doc.tokens[end]?.norm;
    if (after === 'in' && cap(end + 1)) end += 2;
    else if (after === 'in' && doc.tokens[end + 1]?.norm === 'the' && cap(end + 2)) {
      end += 3;
      if (cap(end) && doc.tokens[end]?.kind === 'word' && end < s.endToken) end += 1; // "in the Gaza Strip"
    }
    return { first, end: Math.min(end, s.endToken) };
  }

  /**
   * Caveat sentences attached to a source: in the figure's sentence or the next three, a caveat
   * cue in a sentence that names the same source, or opens with "It" right after such a sentence.
   */
  private caveats(doc: Doc, si: number, sourceId: string): { start: number; end: number; text: string }[] {
    const out: { start: number; end: number; text: string }[] = [];
    let previousWasCaveat = false;
    for (let k = si; k <= si + 3 && k < doc.sentences.length; k += 1) {
      const s = doc.sentences[k];
      if (s === undefined || s.excluded) continue;
      const sm = this.sentenceMatches.get(k);
      const hasCaveat = (sm?.byNs.get(ns('caveat')) ?? []).length > 0;
      const namesSource = (sm?.byNs.get(ns('source')) ?? []).some((x) => this.lex.entry('source', x.id)?.source === sourceId);
      const opensWithIt = doc.tokens[s.firstToken]?.norm === 'it';
      if (hasCaveat && (namesSource || (opensWithIt && previousWasCaveat))) {
        out.push({ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) });
        previousWasCaveat = true;
      } else previousWasCaveat = false;
    }
    return out;
  }

  /** The nearest hostage cue in the three sentences before, outside quotes. */
  private hostageContext(
    doc: Doc,
    si: number,
    quotes: readonly QuoteSpan[],
  ): { m: Match; e: EntryOf<'category'> } | null {
    for (let k = si - 1; k >= si - 3 && k >= 0; k -= 1) {
      const sm = this.sentenceMatches.get(k);
      const cues = [...(sm?.byNs.get(ns('category')) ?? [])].reverse();
      for (const m of cues) {
        const e = this.lex.entry('category', m.id);
        const a = doc.tokens[m.firstToken];
        if (!e || a === undefined || (e.category !== 'hostages' && e.category !== 'hostages-released')) continue;
        if (insideQuote(quotes, a.start, a.end)) continue;
        return { m, e };
      }
    }
    return null;
  }
}

/** Omission-grid key for a figure. */
export function featureKey(category: FigureCategory, group: VictimGroup, oct7: boolean): string {
  const gaza = group === 'palestinians' || group === 'people-in-gaza';
  if (category === 'killed') {
    if (gaza) return 'figure:killed/gaza';
    if (group === 'israelis' || oct7) return 'figure:killed/israel-oct7';
    return `figure:killed/${group}`;
  }
  if (category === 'wounded') return gaza ? 'figure:wounded/gaza' : `figure:wounded/${group}`;
  if (category === 'hostages' || category === 'hostages-released') return 'figure:hostages';
  if (category === 'displaced') return 'figure:displaced';
  return `figure:${category}`;
}

export const FEATURE_LABELS: Readonly<Record<string, string>> = {
  'figure:killed/gaza': 'a Gaza death toll',
  'figure:killed/israel-oct7': 'the 7 October death toll in Israel',
  'figure:wounded/gaza': 'a Gaza count of wounded',
  'figure:hostages': 'a hostage count',
  'figure:displaced': 'a count of displaced people',
  'figure:fighters-killed': 'a count of fighters killed',
  'figure:fighters': 'a count of fighters',
};

function mergeRange(doc: Doc, a: FigureFinding, b: FigureFinding): FigureFinding {
  const lo = Math.min(a.record.value.low, b.record.value.low);
  const hi = Math.max(a.record.value.high ?? a.record.value.low, b.record.value.high ?? b.record.value.low);
  const first = a.evidence[0];
  const second = b.evidence[0];
  const start = first?.start ?? 0;
  let end = second?.end ?? start;
  const noun = b.record.victimNoun;
  if (noun !== null && doc.text.startsWith(` ${noun}`, end)) end += noun.length + 1;
  const written = doc.text.slice(start, end);
  const span: Evidence = { articleId: doc.articleId, start, end, text: written, rule: 'figures:range', weight: 1 };
  return {
    record: { ...a.record, written, value: { value: null, low: lo, high: hi }, qualifier: 'vague' },
    evidence: [span, ...a.evidence.slice(1), ...b.evidence.slice(1)],
  };
}

/** One citation per value and category within an article; repeats add mentions and evidence. */
function dedupe(found: readonly FigureFinding[]): FigureFinding[] {
  const out: FigureFinding[] = [];
  const byKey = new Map<string, number>();
  for (const f of found) {
    const key = `${String(f.record.value.low)}/${String(f.record.value.high)}/${f.record.category}`;
    const at = byKey.get(key);
    if (at === undefined) {
      byKey.set(key, out.length);
      out.push(f);
      continue;
    }
    const prev = out[at];
    if (prev === undefined) continue;
    out[at] = { record: { ...prev.record, mentions: prev.record.mentions + 1 }, evidence: [...prev.evidence, ...f.evidence] };
  }
  return out;
}
