/**
 * Wording by referent: which label an article uses for the same referent (the Gaza health
 * ministry, the 7 October attack, Hamas members…), from the referents pack.
 *
 * Match, then write: the phrase index finds every label phrase and context phrase once; a label
 * counts when its context conditions hold in its sentence (requireAny / excludeAny /
 * notFollowedBy); where counted labels overlap the longest wins ("Palestinian terrorists held in
 * Israeli prisons" rather than "terrorists", "the war against Hamas" rather than "the war"). Labels inside a direct quote are the quoted
 * speaker's words: they carry the quote's span and are reported apart from the outlet's own.
 */
import type { Doc, Evidence } from '../document';
import type { LexiconPack } from '../lexicons/pack';
import { packStamp } from '../lexicons/pack';
import { slot, type Component } from '../pipeline';
import { phraseTokens, type Match, type PhraseEntry } from '../text/phraseIndex';
import { QUOTES, insideQuote, type QuoteSpan } from '../text/quotes';
import { evidenceAt, longestFirst, matchSpan, quotedIn, type QuotedIn } from './common';
import type { LabelEntry, ReferentEntry } from './packs';

export interface LabelHit {
  readonly referent: string;
  /** The label entry's id, "referent/label". */
  readonly labelId: string;
  readonly label: string;
  readonly connotation: LabelEntry['connotation'];
  readonly sentence: number;
  /** Non-null when the label lies inside a direct quote: credited to the quoted speaker. */
  readonly quoted: QuotedIn | null;
  readonly evidence: Evidence;
}

export interface LabelsResult {
  readonly hits: readonly LabelHit[];
  readonly packs: readonly string[];
}

export const LABELS = slot<LabelsResult>('labels');

const key = (phrase: string): string => phraseTokens(phrase).join(' ');

/** Compiled label lexicon: phrases for the index plus the per-entry context rules. */
export class LabelMatcher {
  readonly labels: ReadonlyMap<string, LabelEntry>;
  private readonly require = new Map<string, readonly string[]>();
  private readonly exclude = new Map<string, readonly string[]>();
  private readonly notFollowedBy = new Map<string, ReadonlySet<string>>();
  private readonly contextPhrases = new Set<string>();

  constructor(entries: readonly ReferentEntry[]) {
    const labels = new Map<string, LabelEntry>();
    for (const e of entries) {
      if (e.kind !== 'label') continue;
      labels.set(e.id, e);
      if (e.requireAny) this.require.set(e.id, e.requireAny.map(key));
      if (e.excludeAny) this.exclude.set(e.id, e.excludeAny.map(key));
      if (e.notFollowedBy) this.notFollowedBy.set(e.id, new Set(e.notFollowedBy.map(key)));
      for (const p of [...(e.requireAny ?? []), ...(e.excludeAny ?? [])]) this.contextPhrases.add(p);
    }
    this.labels = labels;
  }

  phrases(): PhraseEntry[] {
    const out: PhraseEntry[] = [];
    for (const e of this.labels.values()) for (const phrase of e.phrases) out.push({ namespace: 'label', id: e.id, phrase });
    for (const phrase of this.contextPhrases) out.push({ namespace: 'label-context', id: key(phrase), phrase });
    return out;
  }

  /** Labels that count, longest where they overlap; pure function of the doc and its matches. */
  match(doc: Doc, labelMatches: readonly Match[], contextMatches: readonly Match[], quotes: readonly QuoteSpan[]): LabelHit[] {
    if (labelMatches.length === 0) return [];
    const context = new Map<number, Set<string>>();
    for (const m of contextMatches) {
      const set = context.get(m.sentence);
      if (set) set.add(m.id);
      else context.set(m.sentence, new Set([m.id]));
    }
    const accepted = labelMatches.filter((m) => {
      const inSentence = context.get(m.sentence);
      const req = this.require.get(m.id);
      if (req !== undefined && !req.some((k) => inSentence?.has(k) === true)) return false;
      const exc = this.exclude.get(m.id);
      if (exc !== undefined && exc.some((k) => inSentence?.has(k) === true)) return false;
      const nf = this.notFollowedBy.get(m.id);
      if (nf !== undefined) {
        const next = doc.tokens[m.endToken];
        const sentence = doc.sentences[m.sentence];
        if (next !== undefined && sentence !== undefined && m.endToken < sentence.endToken && nf.has(next.norm)) return false;
      }
      return true;
    });
    const hits: LabelHit[] = [];
    for (const m of longestFirst(accepted)) {
      const entry = this.labels.get(m.id);
      if (entry === undefined) continue;
      const { start, end } = matchSpan(doc, m);
      const quote = insideQuote(quotes, start, end);
      hits.push({
        referent: entry.referent,
        labelId: entry.id,
        label: entry.label,
        connotation: entry.connotation,
        sentence: m.sentence,
        quoted: quotedIn(quote),
        evidence: evidenceAt(doc, start, end, `label:${entry.id}`, 1),
      });
    }
    return hits;
  }
}

export function labelsComponent(pack: LexiconPack<ReferentEntry>): Component {
  const matcher = new LabelMatcher(pack.entries);
  const packs = [packStamp(pack)];
  return {
    name: 'labels',
    requires: [QUOTES],
    assigns: [LABELS],
    phrases: () => matcher.phrases(),
    run(ctx) {
      const hits = matcher.match(ctx.doc, ctx.matchesIn('label'), ctx.matchesIn('label-context'), ctx.get(QUOTES));
      ctx.set(LABELS, { hits, packs });
    },
  };
}
