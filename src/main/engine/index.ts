/**
 * The analysis engine's entry point: pure TypeScript with no Electron import. File I/O happens
 * only in `ingest/`. An `Analysis` keeps what the dashboard needs (summaries and the comparison)
 * plus the evidence behind every mark; article texts are read again on demand, never all kept.
 */
import path from 'node:path';
import type { Scope } from '../../shared/comparison';
import type { ArticleView, EvidenceItem, EvidenceKey, EvidencePage, Highlight } from '../../shared/evidence';
import type { AnalysisSnapshot, ArticleSummary, OutletSummary, Progress } from '../../shared/model';
import { CodedError } from '../../shared/result';
import { ENGINE_VERSION } from '../../shared/version';
import { EvidenceStore, type AnalysedArticle } from './aggregate';
import type { Doc, Span } from './document';
import { loadArticleText } from './ingest/loadArticle';
import { loadFolder } from './ingest/loadFolder';
import { createPipeline, type ArticleMeta } from './pipeline';
import { engineParts, type EngineParts } from './registry';
import { buildDoc } from './text/buildDoc';

export interface AnalyzeOptions {
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  readonly isSeeds?: boolean;
  readonly now?: () => Date;
  /** The measures to run; the registry's defaults when absent. */
  readonly parts?: EngineParts;
}

export interface Analysis {
  readonly snapshot: AnalysisSnapshot;
  /** One article with its highlight layers, read again from disk (refused if it changed). */
  article(id: string): Promise<ArticleView>;
  /** A page of the evidence behind one mark, each item with its sentence. */
  evidence(key: EvidenceKey, offset?: number, limit?: number): Promise<EvidencePage>;
}

const UNKNOWN_OUTLET = 'Unknown outlet';

export function metaOf(summary: ArticleSummary): ArticleMeta {
  return { id: summary.id, outlet: summary.outlet.value ?? UNKNOWN_OUTLET, title: summary.title.value, date: summary.date.value };
}

function sentenceOf(doc: Doc, offset: number): Span {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (s === undefined) break;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return { start: Math.max(0, offset - 80), end: Math.min(doc.text.length, offset + 80) };
}

export async function analyzeFolder(folder: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  const resolved = path.resolve(folder);
  const loaded = await loadFolder(resolved, options);
  const total = loaded.articles.length;
  const parts = options.parts ?? engineParts(resolved);
  const pipeline = createPipeline(parts.components);
  const report = (done: number): void => options.onProgress?.({ phase: 'analysing', done, total, folder: resolved });
  report(0);

  const analysed: AnalysedArticle[] = [];
  const excludedById = new Map<string, readonly Span[]>();
  for (const [i, { summary, text, excluded }] of loaded.articles.entries()) {
    if (options.signal?.aborted) throw new CodedError('E_CANCELLED', 'Analysis was cancelled.');
    const meta = metaOf(summary);
    analysed.push({ meta, results: pipeline.run(buildDoc(summary.id, text, excluded), meta) });
    excludedById.set(summary.id, excluded);
    if (i % 50 === 49) report(i + 1);
  }
  report(total);

  const byOutlet = new Map<string, { ids: string[]; words: number }>();
  for (const { summary } of loaded.articles) {
    const name = summary.outlet.value ?? UNKNOWN_OUTLET;
    const slot = byOutlet.get(name) ?? { ids: [], words: 0 };
    slot.ids.push(summary.id);
    slot.words += summary.wordCount;
    byOutlet.set(name, slot);
  }
  const outlets: OutletSummary[] = [...byOutlet.entries()]
    .map(([name, s]) => ({ name, articleIds: s.ids, wordCount: s.words }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const outletNames = outlets.map((o) => o.name);

  const store = new EvidenceStore();
  const scope: Scope = { kind: 'corpus' };
  const tables = parts.aggregators.flatMap((a) => a.tables(analysed, outletNames, store, scope));

  const snapshot: AnalysisSnapshot = {
    folder: { path: resolved, name: path.basename(resolved), isSeeds: options.isSeeds ?? false },
    articles: loaded.articles.map((a) => a.summary),
    outlets,
    problems: loaded.problems,
    comparison: { tables, lexicons: parts.lexicons },
    engineVersion: ENGINE_VERSION,
    analysedAt: (options.now?.() ?? new Date()).toISOString(),
  };

  const summaries = new Map(snapshot.articles.map((a) => [a.id, a] as const));
  // Read again on every request, so a file changed since the analysis is refused (E_STALE)
  // rather than shown with offsets that no longer fit.
  const docOf = async (id: string): Promise<Doc> => {
    const summary = summaries.get(id);
    if (!summary) throw new CodedError('E_NOT_FOUND');
    return buildDoc(id, await loadArticleText(resolved, summary), excludedById.get(id) ?? []);
  };

  return {
    snapshot,
    async article(id) {
      const summary = summaries.get(id);
      if (!summary) throw new CodedError('E_NOT_FOUND');
      const doc = await docOf(id);
      const meta = metaOf(summary);
      const article: AnalysedArticle = { meta, results: pipeline.run(doc, meta) };
      const highlights: Highlight[] = doc.excluded.map((x) => ({
        start: x.start,
        end: x.end,
        layer: 'excluded',
        tag: 'clutter',
        note: 'Page clutter: shown, never scored',
      }));
      for (const h of parts.highlighters) highlights.push(...h(article, doc));
      highlights.sort((a, b) => a.start - b.start || b.end - a.end);
      return {
        id,
        file: summary.file,
        outlet: summary.outlet.value,
        title: summary.title.value,
        date: summary.date.value,
        text: doc.text,
        highlights,
      };
    },
    async evidence(key, offset = 0, limit = 50) {
      const entry = store.get(key);
      if (!entry) throw new CodedError('E_NOT_FOUND', 'No evidence under that key in the open analysis.');
      const slice = entry.evidence.slice(offset, offset + limit);
      const items: EvidenceItem[] = [];
      const docs = new Map<string, Doc>();
      for (const e of slice) {
        const doc = docs.get(e.articleId) ?? (await docOf(e.articleId));
        docs.set(e.articleId, doc);
        const s = sentenceOf(doc, e.start);
        items.push({
          articleId: e.articleId,
          start: e.start,
          end: e.end,
          text: e.text,
          rule: e.rule,
          weight: e.weight,
          sentence: { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) },
        });
      }
      return { key, title: entry.title, total: entry.evidence.length, items };
    },
  };
}
