/**
 * Voices as a pipeline component (after `quotesComponent`), the share-of-voice aggregator and
 * the omission-grid features ("voice:<group>").
 */
import { ACTOR_GROUPS, type ActorGroupId } from '../../../shared/actors';
import type { Cell, MetricTable } from '../../../shared/comparison';
import type { VoiceShare } from '../../../shared/figures';
import { distinctEvidence, evidenceKey, outletOf, scopeKey, type AnalysedArticle, type Aggregator, type Feature, type FeatureSource } from '../aggregate';
import type { Evidence } from '../document';
import { slot, type Component } from '../pipeline';
import { mergeInTokenOrder } from '../text/phraseIndex';
import { QUOTES } from '../text/quotes';
import { findVoices, type Voice } from './extract';
import { NS_DOCUMENT, NS_PERSON, NS_PRONOUN, NS_TITLE, NS_VERB, voiceLexicon, type VoiceLexicon } from './lexicon';

const VOICE_NAMESPACES = [NS_PERSON, NS_TITLE, NS_VERB, NS_PRONOUN, NS_DOCUMENT];

export { findVoices, resolveMentions, type Voice } from './extract';
export { voiceLexicon, VoiceLexicon } from './lexicon';

export const VOICES = slot<readonly Voice[]>('voices');

/** Pipeline component: direct quotes and paraphrases with resolved speakers. Requires QUOTES. */
export function voicesComponent(lex: VoiceLexicon): Component {
  return {
    name: 'voices',
    requires: [QUOTES],
    assigns: [VOICES],
    phrases: () => lex.phrases(),
    run(ctx) {
      // Only this measure's namespaces, in token order (the full match list holds every measure's).
      const mine = mergeInTokenOrder(VOICE_NAMESPACES.map((n) => ctx.matchesIn(n)));
      ctx.set(VOICES, findVoices(ctx.doc, mine, ctx.get(QUOTES), lex));
    },
  };
}

export function voiceComponentsFor(folder: string | null): Component[] {
  return [voicesComponent(voiceLexicon(folder))];
}


/** Direct-quote words per actor group for each outlet; groups never quoted are listed as absent. */
interface QuoteCounts {
  words: number;
  quotes: number;
  paraphrases: number;
}

export function voiceShares(articles: readonly AnalysedArticle[], outlets: readonly string[]): VoiceShare[] {
  const byOutlet = new Map<string, { per: Map<ActorGroupId, QuoteCounts>; total: number }>();
  for (const outlet of outlets) byOutlet.set(outlet, { per: new Map<ActorGroupId, QuoteCounts>(), total: 0 });
  for (const a of articles) {
    const mine = byOutlet.get(outletOf(a));
    if (!mine || !a.results.has(VOICES)) continue;
    for (const v of a.results.get(VOICES)) {
      if (v.kind === 'direct') mine.total += v.words;
      if (v.group === null) continue;
      let s = mine.per.get(v.group);
      if (!s) mine.per.set(v.group, (s = { words: 0, quotes: 0, paraphrases: 0 }));
      if (v.kind === 'direct') {
        s.words += v.words;
        s.quotes += 1;
      } else s.paraphrases += 1;
    }
  }
  return outlets.map((outlet) => {
    const { per, total } = byOutlet.get(outlet) ?? { per: new Map<ActorGroupId, QuoteCounts>(), total: 0 };
    return {
      outlet,
      totalWords: total,
      groups: ACTOR_GROUPS.map(({ id }) => {
        const s = per.get(id) ?? { words: 0, quotes: 0, paraphrases: 0 };
        return { group: id, words: s.words, share: total > 0 ? s.words / total : 0, quotes: s.quotes, paraphrases: s.paraphrases, absent: s.quotes === 0 };
      }),
    };
  });
}

/** Share of direct-quote words by actor group per outlet; an absent group is a cell noted "absent". */
export const voicesAggregator: Aggregator = {
  id: 'voices',
  tables(articles, outlets, store, scope) {
    const shares = voiceShares(articles, outlets);
    // outlet → group → the evidence lists of its direct quotes, article by article.
    const evidenceFor = new Map<string, Map<ActorGroupId, (readonly Evidence[])[]>>();
    for (const a of articles) {
      if (!a.results.has(VOICES)) continue;
      const outlet = outletOf(a);
      for (const v of a.results.get(VOICES)) {
        if (v.kind !== 'direct' || v.group === null) continue;
        let mine = evidenceFor.get(outlet);
        if (!mine) evidenceFor.set(outlet, (mine = new Map<ActorGroupId, (readonly Evidence[])[]>()));
        const lists = mine.get(v.group);
        if (lists) lists.push(v.evidence);
        else mine.set(v.group, [v.evidence]);
      }
    }
    const table: MetricTable = {
      id: 'voices',
      title: 'Share of voice (words quoted directly) by actor group',
      unit: 'share of directly quoted words',
      columns: ACTOR_GROUPS.map((g) => ({ id: g.id, label: g.label })),
      rows: shares.map((s) => {
        const cells: Record<string, Cell> = {};
        for (const g of s.groups) {
          const lists = evidenceFor.get(s.outlet)?.get(g.group) ?? [];
          const key = g.absent ? null : store.put(evidenceKey('voices', s.outlet, g.group, scopeKey(scope)), `${g.group} quoted by ${s.outlet}`, distinctEvidence(lists.flat()));
          cells[g.group] = g.absent
            ? { value: 0, count: 0, evidenceKey: null, note: 'absent: no direct quote' }
            : { value: g.share, count: g.quotes, evidenceKey: key, note: `${String(g.words)} words in ${String(g.quotes)} quotes` };
        }
        return { outlet: s.outlet, cells };
      }),
    };
    return [table];
  },
};

/** "voice:<group>" for each group the article quotes directly. */
export const voiceFeatures: FeatureSource = (article) => {
  if (!article.results.has(VOICES)) return [];
  const by = new Map<ActorGroupId, Evidence[]>();
  for (const v of article.results.get(VOICES)) {
    if (v.kind !== 'direct' || v.group === null) continue;
    const list = by.get(v.group) ?? [];
    list.push(...v.evidence);
    by.set(v.group, list);
  }
  const out: Feature[] = [];
  for (const g of ACTOR_GROUPS) {
    const evidence = by.get(g.id);
    if (evidence) out.push({ kind: 'voice', key: `voice:${g.id}`, label: `a voice of ${g.label}`, evidence });
  }
  return out;
};
