/**
 * Intensifiers and hedges (Recasens et al. 2013 style bias cues) from the cues pack, plus scare
 * quotes found by rule: a short quoted phrase (one to four words) in a sentence that has neither
 * an attribution verb nor a known actor, so no speaker owns it and the quotation marks
 * themselves carry the writer's distance. Cues inside quotes are the speaker's: kept apart.
 */
import type { Evidence } from '../document';
import type { LexiconPack } from '../lexicons/pack';
import { packStamp } from '../lexicons/pack';
import { slot, type Component } from '../pipeline';
import { QUOTES, insideQuote } from '../text/quotes';
import { ACTORS, mentionSentences } from './actors';
import { ATTRIBUTIONS } from './attribution';
import { evidenceAt, longestFirst, matchSpan, quotedIn, type QuotedIn } from './common';
import type { CueEntry } from './packs';

export type CueKind = CueEntry['kind'] | 'scare-quote';

export interface CueHit {
  readonly cue: string;
  readonly kind: CueKind;
  readonly sentence: number;
  readonly quoted: QuotedIn | null;
  readonly evidence: Evidence;
}

export interface CuesResult {
  readonly hits: readonly CueHit[];
  readonly packs: readonly string[];
}

export const CUES = slot<CuesResult>('cues');

export const SCARE_QUOTE_MAX_WORDS = 4;
/** Quotes longer than this many characters cannot have four words or fewer worth checking. */
const SCARE_QUOTE_MAX_CHARS = 60;

export function cuesComponent(pack: LexiconPack<CueEntry>): Component {
  const byId = new Map(pack.entries.map((e) => [e.id, e]));
  const packs = [packStamp(pack)];
  return {
    name: 'cues',
    requires: [QUOTES, ACTORS, ATTRIBUTIONS],
    assigns: [CUES],
    phrases: () => pack.entries.flatMap((e) => e.phrases.map((phrase) => ({ namespace: 'cue', id: e.id, phrase }))),
    run(ctx) {
      const { doc } = ctx;
      const quotes = ctx.get(QUOTES);
      const hits: CueHit[] = [];
      for (const m of longestFirst(ctx.matchesIn('cue'))) {
        const entry = byId.get(m.id);
        if (entry === undefined) continue;
        const { start, end } = matchSpan(doc, m);
        hits.push({
          cue: entry.id,
          kind: entry.kind,
          sentence: m.sentence,
          quoted: quotedIn(insideQuote(quotes, start, end)),
          evidence: evidenceAt(doc, start, end, `cue:${entry.id}`, 1),
        });
      }
      if (quotes.length > 0) {
        const owned = new Set<number>();
        for (const h of ctx.get(ATTRIBUTIONS).hits) owned.add(h.sentence);
        for (const sentence of mentionSentences(ctx.get(ACTORS))) owned.add(sentence);
        for (const q of quotes) {
          if (q.contentEnd - q.contentStart > SCARE_QUOTE_MAX_CHARS || owned.has(q.sentence) || doc.sentences[q.sentence]?.excluded !== false) continue;
          let words = 0;
          for (let t = doc.sentences[q.sentence]?.firstToken ?? 0; t < doc.tokens.length; t += 1) {
            const tok = doc.tokens[t];
            if (tok === undefined || tok.start >= q.contentEnd) break;
            if (tok.start >= q.contentStart && tok.kind !== 'punct') words += 1;
          }
          if (words === 0 || words > SCARE_QUOTE_MAX_WORDS) continue;
          hits.push({
            cue: 'scare-quote',
            kind: 'scare-quote',
            sentence: q.sentence,
            quoted: null,
            evidence: evidenceAt(doc, q.start, q.end, 'cue:scare-quote', 1),
          });
        }
        hits.sort((a, b) => a.evidence.start - b.evidence.start);
      }
      ctx.set(CUES, { hits, packs });
    },
  };
}
