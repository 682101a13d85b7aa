/**
 * From per-article pipeline results to the comparison: aggregators fold analysed articles into
 * outlet × metric tables, storing the evidence behind each cell in an EvidenceStore under a
 * deterministic key, so a click on any mark can list the sentences behind it.
 */
import type { MetricTable, Scope } from '../../shared/comparison';
import type { EvidenceKey } from '../../shared/evidence';
import type { Evidence } from './document';
import type { ArticleMeta, PipelineResults } from './pipeline';

export interface AnalysedArticle {
  readonly meta: ArticleMeta;
  readonly results: PipelineResults;
}

/** The outlet name used when neither the manifest, the file nor the text names one. */
export const UNKNOWN_OUTLET = 'Unknown outlet';

/** The outlet an analysed article is compared under. */
export function outletOf(article: AnalysedArticle): string {
  return article.meta.outlet ?? UNKNOWN_OUTLET;
}

/** Evidence behind every mark of a comparison, kept in the main process and paged to the renderer. */
export class EvidenceStore {
  private readonly items = new Map<EvidenceKey, { title: string; evidence: Evidence[] }>();

  /** Adds evidence under a key (appending when the key exists) and returns the key. */
  put(key: EvidenceKey, title: string, evidence: readonly Evidence[]): EvidenceKey {
    const slot = this.items.get(key);
    if (slot) slot.evidence.push(...evidence);
    else this.items.set(key, { title, evidence: [...evidence] });
    return key;
  }

  get(key: EvidenceKey): { readonly title: string; readonly evidence: readonly Evidence[] } | undefined {
    return this.items.get(key);
  }

  get size(): number {
    return this.items.size;
  }
}

/** Builds an evidence key from parts: "tone|Xinhua|event:e1". Parts may hold any text. */
export function evidenceKey(...parts: readonly string[]): EvidenceKey {
  return parts.map((p) => p.replaceAll('|', '¦')).join('|');
}

export interface Aggregator {
  readonly id: string;
  /** Tables for the given articles (already restricted to the scope), outlets in the given order. */
  tables(articles: readonly AnalysedArticle[], outlets: readonly string[], store: EvidenceStore, scope: Scope): MetricTable[];
}

/**
 * What an article includes that others covering the same event might leave out: a figure (a Gaza
 * death toll), a voice (a group quoted), a topic. The omission grid compares these by `key`.
 */
export interface Feature {
  readonly kind: 'figure' | 'voice' | 'topic';
  /** Comparable identity, e.g. "figure:killed/palestinians", "voice:hamas", "topic:rafah". */
  readonly key: string;
  /** What a person reads: "a Gaza death toll", "a Hamas voice", "the Rafah operation". */
  readonly label: string;
  readonly evidence: readonly Evidence[];
}

/** Measures that contribute omission features read them from the article's results. */
export type FeatureSource = (article: AnalysedArticle) => readonly Feature[];
