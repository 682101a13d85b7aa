/**
 * Topics: which sentences of an article are about which topic of the topic lexicon pack
 * (`lexicons/topics.json`, replaceable per folder). A sentence is about a topic when it contains
 * one of the topic's phrases; the phrases are matched in the pipeline's single merged pass.
 *
 * Also here: the topics aggregator (outlet × topic table of the share of sentences, and the mean
 * tone of those sentences when a tone function is wired in) and the topic feature source for the
 * omission grid.
 */
import { z } from 'zod';
import type { Column, MetricTable, Scope } from '../../../shared/comparison';
import type { AnalysedArticle, Aggregator, EvidenceStore, Feature, FeatureSource } from '../aggregate';
import { evidenceKey, outletOf } from '../aggregate';
import type { Evidence } from '../document';
import { packForFolder, packStamp, parsePack, type LexiconPack } from '../lexicons/pack';
import topicsData from '../lexicons/topics.json' with { type: 'json' };
import { slot, type Component } from '../pipeline';

export const TOPIC_NAMESPACE = 'topic';

export const topicEntrySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'topic ids are lower-case words joined by hyphens'),
  label: z.string().min(1),
  phrases: z.array(z.string().min(1)).min(1),
  note: z.string().min(1),
});

export type TopicEntry = z.infer<typeof topicEntrySchema>;
export type TopicPack = LexiconPack<TopicEntry>;

/** The built-in topic pack (validated). */
export function defaultTopicPack(): TopicPack {
  return parsePack('topics', topicsData, topicEntrySchema, 'built-in');
}

/** The topic pack for a folder: `<folder>/lexicons/topics.json` when present, else the built-in one. */
export function topicPackForFolder(folder: string | null): TopicPack {
  return packForFolder('topics', topicsData, topicEntrySchema, folder);
}

export interface TopicSentence {
  /** Index in `Doc.sentences`. */
  readonly sentence: number;
  /** The phrases that put the sentence in the topic. */
  readonly evidence: readonly Evidence[];
}

export interface ArticleTopic {
  readonly topicId: string;
  readonly label: string;
  readonly sentences: readonly TopicSentence[];
}

export interface ArticleTopics {
  /** Sentences not excluded as page clutter: the denominator of every share. */
  readonly scoredSentences: number;
  /** Topics with at least one sentence, in pack order. */
  readonly topics: readonly ArticleTopic[];
  /** "topics@1.0.0" */
  readonly pack: string;
}

export const TOPICS = slot<ArticleTopics>('topics');

/** Phrase ids carry the entry and the phrase's position: "rafah-operation#2". */
function phraseId(topicId: string, k: number): string {
  return `${topicId}#${k}`;
}

export function topicsComponent(pack: TopicPack = defaultTopicPack()): Component {
  const entries = new Map(pack.entries.map((e) => [e.id, e]));
  const stamp = packStamp(pack);
  // Each phrase id read once: its topic, the topic's entry and the evidence rule it writes.
  const byPhraseId = new Map<string, { topicId: string; rule: string }>();
  for (const e of pack.entries) {
    for (let k = 0; k < e.phrases.length; k += 1) {
      const id = phraseId(e.id, k);
      const hash = id.lastIndexOf('#');
      const topicId = id.slice(0, hash);
      const entry = entries.get(topicId);
      if (!entry) continue;
      const phrase = entry.phrases[Number(id.slice(hash + 1))] ?? '';
      byPhraseId.set(id, { topicId, rule: `topic:${topicId}/${phrase.toLowerCase()}` });
    }
  }
  return {
    name: 'topics',
    requires: [],
    assigns: [TOPICS],
    phrases: () => pack.entries.flatMap((e) => e.phrases.map((phrase, k) => ({ namespace: TOPIC_NAMESPACE, id: phraseId(e.id, k), phrase }))),
    run(ctx) {
      const { doc } = ctx;
      const byTopic = new Map<string, Map<number, Evidence[]>>();
      for (const m of ctx.matchesIn(TOPIC_NAMESPACE)) {
        const known = byPhraseId.get(m.id);
        const first = doc.tokens[m.firstToken];
        const last = doc.tokens[m.endToken - 1];
        if (!known || !first || !last) continue;
        const { topicId, rule } = known;
        let sentences = byTopic.get(topicId);
        if (!sentences) byTopic.set(topicId, (sentences = new Map<number, Evidence[]>()));
        const list = sentences.get(m.sentence) ?? [];
        // Overlapping phrases of one topic ("hostage deal" and "hostage") are one piece of evidence.
        if (list.some((e) => e.start <= first.start && e.end >= last.end)) continue;
        for (let k = list.length - 1; k >= 0; k -= 1) {
          const e = list[k];
          if (e && e.start >= first.start && e.end <= last.end) list.splice(k, 1);
        }
        list.push({
          articleId: doc.articleId,
          start: first.start,
          end: last.end,
          text: doc.text.slice(first.start, last.end),
          rule,
          weight: 1,
        });
        sentences.set(m.sentence, list);
      }
      const topics: ArticleTopic[] = [];
      for (const entry of pack.entries) {
        const sentences = byTopic.get(entry.id);
        if (!sentences) continue;
        topics.push({
          topicId: entry.id,
          label: entry.label,
          sentences: [...sentences.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([index, evidence]) => ({ sentence: index, evidence })),
        });
      }
      ctx.set(TOPICS, { scoredSentences: doc.sentences.filter((s) => !s.excluded).length, topics, pack: stamp });
    },
  };
}

/**
 * Tone of one sentence of an article (e.g. its mean AFINN score), or null when it has none.
 * Supplied by the sentiment measure; when absent the topics aggregator makes no tone table.
 */
export type SentenceTone = (article: AnalysedArticle, sentenceIndex: number) => number | null;

export interface TopicsAggregatorOptions {
  readonly pack?: TopicPack;
  readonly sentenceTone?: SentenceTone;
}

function scopeKey(scope: Scope): string {
  return scope.kind === 'event' ? `event:${scope.eventId}` : 'corpus';
}

/**
 * Outlet × topic tables: "topics:share" (share of the outlet's scored sentences about the
 * topic, pooled over its articles) and, with `sentenceTone`, "topics:tone" (mean tone of those
 * sentences). Each cell's evidence is the topic phrases in those sentences.
 */
export function topicsAggregator(options: TopicsAggregatorOptions = {}): Aggregator {
  const pack = options.pack ?? defaultTopicPack();
  const columns: Column[] = pack.entries.map((e) => ({ id: e.id, label: e.label }));
  const { sentenceTone } = options;
  // Per article, computed once for every scope it is compared in: per topic its sentence count,
  // the evidence lists of those sentences and their tones, in sentence order.
  const memo = new WeakMap<object, ArticleTopicFold>();
  const foldOf = (article: AnalysedArticle): ArticleTopicFold => {
    let fold = memo.get(article.results);
    if (fold === undefined) {
      const result = article.results.get(TOPICS);
      const topics = new Map<string, { sentences: number; evidence: (readonly Evidence[])[]; tones: number[] }>();
      for (const t of result.topics) {
        let h = topics.get(t.topicId);
        if (!h) topics.set(t.topicId, (h = { sentences: 0, evidence: [], tones: [] }));
        h.sentences += t.sentences.length;
        for (const s of t.sentences) {
          h.evidence.push(s.evidence);
          const value = sentenceTone?.(article, s.sentence) ?? null;
          if (value !== null) h.tones.push(value);
        }
      }
      fold = { scored: result.scoredSentences, topics };
      memo.set(article.results, fold);
    }
    return fold;
  };
  return {
    id: 'topics',
    tables(articles, outlets, store: EvidenceStore, scope): MetricTable[] {
      const where = scopeKey(scope);
      const share: { outlet: string; cells: Record<string, MetricTable['rows'][number]['cells'][string]> }[] = [];
      const tone: typeof share = [];
      const byOutlet = new Map<string, AnalysedArticle[]>(outlets.map((o) => [o, []]));
      for (const a of articles) byOutlet.get(outletOf(a))?.push(a);
      for (const outlet of outlets) {
        let scored = 0;
        const hits = new Map<string, { sentences: number; evidence: (readonly Evidence[])[]; toneSum: number; toned: number }>();
        for (const article of byOutlet.get(outlet) ?? []) {
          const fold = foldOf(article);
          scored += fold.scored;
          for (const [topicId, t] of fold.topics) {
            let h = hits.get(topicId);
            if (!h) hits.set(topicId, (h = { sentences: 0, evidence: [], toneSum: 0, toned: 0 }));
            h.sentences += t.sentences;
            for (const list of t.evidence) h.evidence.push(list);
            // Added one by one, in the order of a single pass over every sentence.
            for (const value of t.tones) h.toneSum += value;
            h.toned += t.tones.length;
          }
        }
        const shareCells: Record<string, MetricTable['rows'][number]['cells'][string]> = {};
        const toneCells: typeof shareCells = {};
        for (const c of columns) {
          const h = hits.get(c.id);
          const key = h ? evidenceKey('topics', outlet, c.id, where) : null;
          if (h && key !== null && !store.has(key)) store.putLists(key, `${c.label} in ${outlet}`, h.evidence);
          shareCells[c.id] = {
            value: scored > 0 ? (h?.sentences ?? 0) / scored : null,
            count: h?.sentences ?? 0,
            evidenceKey: key,
            note: `${h?.sentences ?? 0} of ${scored} sentences`,
          };
          toneCells[c.id] = {
            value: h && h.toned > 0 ? h.toneSum / h.toned : null,
            count: h?.toned ?? 0,
            evidenceKey: key,
          };
        }
        share.push({ outlet, cells: shareCells });
        tone.push({ outlet, cells: toneCells });
      }
      const tables: MetricTable[] = [
        { id: 'topics:share', title: 'Topics', unit: 'share of sentences', columns, rows: share },
      ];
      if (sentenceTone) {
        tables.push({ id: 'topics:tone', title: 'Tone by topic', unit: 'mean tone of the topic’s sentences', columns, rows: tone });
      }
      return tables;
    },
  };
}

/** One article's topics as the topics aggregator folds them. */
interface ArticleTopicFold {
  readonly scored: number;
  readonly topics: ReadonlyMap<string, { readonly sentences: number; readonly evidence: readonly (readonly Evidence[])[]; readonly tones: readonly number[] }>;
}

/** Omission-grid features: one per topic the article covers, with its phrases as evidence. */
export const topicFeatures: FeatureSource = (article): Feature[] => {
  if (!article.results.has(TOPICS)) return [];
  return article.results.get(TOPICS).topics.map((t) => ({
    kind: 'topic',
    key: `topic:${t.topicId}`,
    label: t.label,
    evidence: t.sentences.flatMap((s) => s.evidence),
  }));
};
