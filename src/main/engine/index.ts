/**
 * The analysis engine's entry point: pure TypeScript with no Electron import. File I/O happens
 * only in `ingest/`. An `Analysis` keeps what the dashboard needs (summaries and the comparison)
 * plus the evidence behind every mark; article texts are read again on demand, never all kept.
 */
import path from 'node:path';
import type { ArticleView, EvidenceItem, EvidenceKey, EvidencePage, Highlight } from '../../shared/evidence';
import type { MetricTable } from '../../shared/comparison';
import type { FigureRow } from '../../shared/figures';
import type { AnalysisSnapshot, ArticleSummary, ComparisonDetails, OutletSummary, Progress } from '../../shared/model';
import { compare } from './compare/compare';
import { overridesFromFolder } from './events/manifest';
import { figureRows } from './figures/aggregate';
import { toneDistribution } from './measures/index';
import { voiceShares } from './voices/index';
import { CodedError } from '../../shared/result';
import { ENGINE_VERSION, resultsVersion } from '../../shared/version';
import { EvidenceStore, UNKNOWN_OUTLET, type AnalysedArticle } from './aggregate';
import type { Doc, Span } from './document';
import { createPipeline, resultsFromRecord, type ArticleMeta, type Pipeline, type PipelineResults, type SerializedResults } from './pipeline';
import { ResultCache, type CacheLoad } from '../cache/resultCache';
import { SnapshotCache, folderFingerprint, type SnapshotLoad } from '../cache/snapshotCache';
import { rememberJson } from '../knownJson';
import { unpack, type Packed } from '../workers/packed';
import { analysisWorkerCount, mapInWorkers } from '../workers/pool';
import { analyseArticle, type WorkItem } from './work';
import { engineParts, lexiconStamps, type EngineParts } from './registry';
import { buildDoc, sentenceAt } from './text/buildDoc';

export interface AnalyzeOptions {
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  readonly isSeeds?: boolean;
  readonly now?: () => Date;
  /** Read articles in subfolders too. */
  readonly recursive?: boolean;
  /** The measures to run; the registry's defaults when absent. */
  readonly parts?: EngineParts;
  /** Folder for the incremental cache (the app's data folder, never the article folder). */
  readonly cacheDir?: string;
  /**
   * The built worker module (out/main/analyzeWorker.js). Folders of at least `workerThreshold`
   * articles still to analyse run in worker threads; without it everything runs in-process.
   */
  readonly workerFile?: string | URL;
  /** Worker threads to use (0 = in-process); default `analysisWorkerCount()`. */
  readonly workers?: number;
  readonly workerThreshold?: number;
  /** Extra worker settings (tests run the TypeScript worker through a loader). */
  readonly workerExecArgv?: readonly string[];
  readonly workerEnv?: Readonly<Record<string, string>>;
}

/** How the last analysis went, for the benchmark and the status line. */
export interface AnalysisStats {
  readonly articles: number;
  readonly fromCache: number;
  readonly analysed: number;
  readonly workers: number;
  readonly cache: CacheLoad['status'] | 'off';
  readonly cacheMessage?: string;
  /** The folder-level snapshot cache: 'hit' when the whole analysis came from it. */
  readonly snapshot?: 'hit' | 'fresh' | 'stale' | 'corrupt' | 'off';
  readonly seconds: { readonly load: number; readonly analyse: number; readonly aggregate: number };
}

export interface Analysis {
  readonly snapshot: AnalysisSnapshot;
  readonly stats: AnalysisStats;
  /** One article with its highlight layers, read again from disk (refused if it changed). */
  article(id: string): Promise<ArticleView>;
  /** One event's tables (the snapshot carries the whole folder's only); null for an unknown event. */
  eventTables(eventId: string): Promise<readonly MetricTable[] | null>;
  /** Every cited casualty figure, in timeline order (the snapshot carries only their count). */
  figures(): Promise<readonly FigureRow[]>;
  /** A page of the evidence behind one mark, each item with its sentence. */
  evidence(key: EvidenceKey, offset?: number, limit?: number): Promise<EvidencePage>;
  /**
   * Every article's pipeline results with its text read again (refused with E_STALE if a file
   * changed since the analysis), one at a time in folder order: what the data export reads.
   */
  articleResults(): AsyncGenerator<ArticleResults>;
  /**
   * Whether the folder's files differ now from those analysed (names, sizes, modification times),
   * for a watcher started after the analysis. Always false when the folder cache is off (no
   * fingerprint was taken).
   */
  changedOnDisk?(): Promise<boolean>;
}

/** One analysed article as the data export reads it. */
export interface ArticleResults {
  readonly summary: ArticleSummary;
  readonly outlet: string;
  readonly results: PipelineResults;
  readonly doc: Doc;
}


export function metaOf(summary: ArticleSummary): ArticleMeta {
  return { id: summary.id, outlet: summary.outlet.value ?? UNKNOWN_OUTLET, title: summary.title.value, date: summary.date.value };
}

function sentenceOf(doc: Doc, offset: number): Span {
  const s = doc.sentences[sentenceAt(doc, offset)];
  if (s && offset >= s.start && offset < s.end) return s;
  return { start: Math.max(0, offset - 80), end: Math.min(doc.text.length, offset + 80) };
}

/**
 * The ingest modules (encodings, HTML, Markdown, front matter …) are loaded only when articles are
 * actually read: a folder re-opened from its snapshot cache never needs them, and loading them
 * costs about a third of a second of CPU.
 */
const ingest = {
  loadFolder: async () => (await import('./ingest/loadFolder')).loadFolder,
  loadArticleText: async () => (await import('./ingest/loadArticle')).loadArticleText,
};

/** Cache writes still in progress, per folder. */
const pendingWrites = new Map<string, Promise<void>>();

/** Resolves once every cache write started by `analyzeFolder` has finished (call before exiting). */
export async function whenCachesWritten(): Promise<void> {
  await Promise.all([...pendingWrites.values()]);
}

export async function analyzeFolder(folder: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  const resolved = path.resolve(folder);
  await pendingWrites.get(resolved);
  const t0 = performance.now();
  // A re-open from the snapshot cache needs only the lexicon stamps (the cache key), not the built
  // matchers: the parts are built when articles are analysed or read again.
  let built: EngineParts | undefined = options.parts;
  const parts = (): EngineParts => (built ??= engineParts(resolved));
  const versionKey = [resultsVersion, ...(options.parts ? options.parts.lexicons : lexiconStamps(resolved))].join(' ');
  // Custom measures (tests, tools) are not named by the versions: never cache their snapshot.
  const snapshots = options.cacheDir && !options.parts ? new SnapshotCache(options.cacheDir, resolved, versionKey) : null;
  const fingerprint = snapshots ? await folderFingerprint(resolved, options.recursive ?? false).catch(() => null) : null;
  const changedOnDisk = async (): Promise<boolean> =>
    fingerprint !== null && (await folderFingerprint(resolved, options.recursive ?? false).catch(() => null)) !== fingerprint;
  let snapshotLoad: SnapshotLoad | null = null;
  if (snapshots && fingerprint !== null) {
    snapshotLoad = await snapshots.load(fingerprint);
    const cached = snapshotLoad.snapshot;
    const details = snapshotLoad.details;
    const readFigures = snapshotLoad.figures;
    if (cached && details && readFigures) {
      if (options.signal?.aborted) throw new CodedError('E_CANCELLED', 'Analysis was cancelled.');
      const isSeeds = options.isSeeds ?? false;
      const snapshot: AnalysisSnapshot = cached.folder.isSeeds === isSeeds ? cached : { ...cached, folder: { ...cached.folder, isSeeds } };
      // Unchanged, the snapshot is exactly its stored JSON: the browser-mode server sends those bytes.
      if (snapshot === cached && snapshotLoad.snapshotJson) rememberJson(snapshot, snapshotLoad.snapshotJson);
      const total = snapshot.articles.length;
      options.onProgress?.({ phase: 'analysing', done: total, total, folder: resolved });
      const t = (performance.now() - t0) / 1000;
      const stats: AnalysisStats = {
        articles: total,
        fromCache: total,
        analysed: 0,
        workers: 0,
        cache: 'hit',
        snapshot: 'hit',
        seconds: { load: t, analyse: 0, aggregate: 0 },
      };
      // The evidence and clutter ranges are read after the first screen, when first needed.
      let loading: Promise<Details> | null = null;
      const rest = (): Promise<Details> => {
        loading ??= details().then(
          (d) => ({
            store: EvidenceStore.decode(d.evidence),
            excluded: new Map(Object.entries(d.excluded)),
            eventTables: new Map(d.eventTables.map((e) => [e.eventId, e.tables] as const)),
          }),
          (err: unknown) => {
            throw new CodedError('E_INTERNAL', (err as Error).message);
          },
        );
        return loading;
      };
      // Read it soon anyway, so the first click does not wait for it.
      setTimeout(() => void rest().catch(() => undefined), 1500).unref();
      // The figure rows are read when first asked for (the dashboard asks right after the snapshot).
      let figureRowsRead: Promise<readonly FigureRow[]> | null = null;
      const figures = (): Promise<readonly FigureRow[]> => {
        figureRowsRead ??= readFigures().catch((err: unknown) => {
          figureRowsRead = null;
          throw new CodedError('E_INTERNAL', (err as Error).message);
        });
        return figureRowsRead;
      };
      return analysisOf(resolved, parts, snapshot, rest, figures, stats, changedOnDisk);
    }
  }
  // Article texts are held only until each one is analysed (or handed to a worker), so the
  // process never keeps a whole folder's text while the results come in.
  const loadFolder = await ingest.loadFolder();
  const { texts, articles, problems, manifest } = await loadFolder(resolved, options).then((loaded) => ({
    texts: loaded.articles.map((a): string | undefined => a.text),
    articles: loaded.articles.map(({ summary, excluded }) => ({ summary, excluded })),
    problems: loaded.problems,
    manifest: loaded.manifest,
  }));
  const t1 = performance.now();
  const total = articles.length;
  const { components, aggregators, featureSources, lexicons } = parts();
  const pipeline = createPipeline(components);
  const started = performance.now();
  const report = (done: number): void => {
    const elapsed = (performance.now() - started) / 1000;
    const etaSeconds = done > 0 && done < total ? (elapsed / done) * (total - done) : undefined;
    options.onProgress?.({ phase: 'analysing', done, total, folder: resolved, ...(etaSeconds === undefined ? {} : { etaSeconds }) });
  };
  report(0);

  // One copy of each repeated string across the records read from workers and the cache.
  const shared = new Map<string, string>();
  const cache = options.cacheDir
    ? new ResultCache<SerializedResults>(options.cacheDir, resolved, versionKey, shared)
    : null;
  const cacheLoad = cache ? await cache.load() : null;
  const records = new Array<SerializedResults | undefined>(total);
  const todo: number[] = [];
  articles.forEach(({ summary }, i) => {
    const hit = cache?.get(summary.id);
    if (hit) records[i] = hit;
    else todo.push(i);
  });
  let done = total - todo.length;
  const item = (k: number): WorkItem => {
    const i = todo[k] ?? -1;
    const a = articles[i];
    const text = texts[i];
    if (!a || text === undefined) throw new CodedError('E_INTERNAL');
    texts[i] = undefined;
    return { meta: metaOf(a.summary), text, excluded: a.excluded };
  };
  texts.forEach((_, i) => {
    if (records[i]) texts[i] = undefined;
  });
  const poolSize = options.workers ?? analysisWorkerCount();
  const useWorkers = options.workerFile !== undefined && poolSize > 0 && todo.length >= (options.workerThreshold ?? 200);
  let workers = 0;
  if (useWorkers && options.workerFile !== undefined) {
    workers = poolSize;
    await mapInWorkers<WorkItem, Packed>({
      workerFile: options.workerFile,
      items: { count: todo.length, item },
      collect: false,
      size: workers,
      batchSize: 64,
      workerData: { folder: resolved },
      ...(options.workerExecArgv ? { execArgv: options.workerExecArgv } : {}),
      ...(options.workerEnv ? { env: options.workerEnv } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onResult: (k, record) => {
        const i = todo[k];
        if (i !== undefined) records[i] = unpack(record, shared) as SerializedResults;
        done += 1;
        if (done % 100 === 0) report(done);
      },
    });
  } else {
    for (let k = 0; k < todo.length; k += 1) {
      if (options.signal?.aborted) throw new CodedError('E_CANCELLED', 'Analysis was cancelled.');
      const i = todo[k];
      if (i !== undefined) records[i] = analyseArticle(pipeline, item(k));
      done += 1;
      if (done % 50 === 0) {
        report(done);
        // Let the process answer the renderer and stream progress between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  if (options.signal?.aborted) throw new CodedError('E_CANCELLED', 'Analysis was cancelled.');
  report(total);
  if (cache) {
    for (const i of todo) {
      const record = records[i];
      const a = articles[i];
      if (record && a) cache.set(a.summary.id, record);
    }
  }
  const t2 = performance.now();

  const analysed: AnalysedArticle[] = [];
  const excludedById = new Map<string, readonly Span[]>();
  articles.forEach(({ summary, excluded }, i) => {
    const record = records[i];
    if (!record) throw new CodedError('E_INTERNAL', `No analysis for ${summary.file}.`);
    analysed.push({ meta: metaOf(summary), results: resultsFromRecord(record) });
    excludedById.set(summary.id, excluded);
  });

  const byOutlet = new Map<string, { ids: string[]; words: number }>();
  for (const { summary } of articles) {
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

  // Grouping and comparing a large folder takes a while: say so, and let the message go out.
  options.onProgress?.({ phase: 'comparing', done: total, total, folder: resolved });
  await new Promise((resolve) => setImmediate(resolve));
  if (options.signal?.aborted) throw new CodedError('E_CANCELLED', 'Analysis was cancelled.');

  const store = new EvidenceStore();
  const { overrides, names: eventNames } = overridesFromFolder(
    articles.map((a) => a.summary),
    manifest?.events ?? null,
  );
  const { eventTables, ...comparison } = compare(analysed, {
    scope: { kind: 'corpus' },
    outlets: outletNames,
    aggregators,
    featureSources,
    store,
    overrides,
    eventNames,
  });
  const figures = figureRows(analysed, store);
  const details: ComparisonDetails = {
    figureCount: figures.length,
    tone: toneDistribution(analysed, outletNames),
    voices: voiceShares(analysed, outletNames),
    lexicons,
  };
  store.release();

  const snapshot: AnalysisSnapshot = {
    folder: { path: resolved, name: path.basename(resolved), isSeeds: options.isSeeds ?? false },
    articles: articles.map((a) => a.summary),
    outlets,
    problems,
    comparison,
    details,
    engineVersion: ENGINE_VERSION,
    analysedAt: (options.now?.() ?? new Date()).toISOString(),
  };

  const t3 = performance.now();
  const stats: AnalysisStats = {
    articles: total,
    fromCache: total - todo.length,
    analysed: todo.length,
    workers,
    cache: cacheLoad?.status ?? 'off',
    ...(cacheLoad?.message ? { cacheMessage: cacheLoad.message } : {}),
    ...(snapshotLoad?.message && !cacheLoad?.message ? { cacheMessage: snapshotLoad.message } : {}),
    snapshot: snapshotLoad?.status ?? 'off',
    seconds: { load: (t1 - t0) / 1000, analyse: (t2 - t1) / 1000, aggregate: (t3 - t2) / 1000 },
  };
  // The caches are written after the snapshot is handed back, so the first screen does not wait
  // for them; the next open of this folder (and whenCachesWritten) waits for the writes.
  const write = (async (): Promise<void> => {
    await cache?.save().catch(() => undefined);
    if (snapshots && fingerprint !== null) {
      const excluded: Record<string, readonly Span[]> = {};
      for (const [id, spans] of excludedById) excluded[id] = spans;
      await snapshots.save(fingerprint, { snapshot, figures, evidence: store.encode(), excluded, eventTables }).catch(() => undefined);
    }
  })();
  pendingWrites.set(resolved, write);
  void write.finally(() => {
    if (pendingWrites.get(resolved) === write) pendingWrites.delete(resolved);
  });
  const rest = Promise.resolve({ store, excluded: excludedById, eventTables: new Map(eventTables.map((e) => [e.eventId, e.tables] as const)) });
  return analysisOf(resolved, parts, snapshot, () => rest, () => Promise.resolve(figures), stats, changedOnDisk, pipeline);
}

/** What the screens after the first need: evidence, one event's tables, clutter ranges for the reader. */
interface Details {
  readonly store: EvidenceStore;
  readonly excluded: ReadonlyMap<string, readonly Span[]>;
  readonly eventTables: ReadonlyMap<string, readonly MetricTable[]>;
}

/** The open analysis: the snapshot, its evidence and the articles read again on demand. */
function analysisOf(
  resolved: string,
  parts: () => EngineParts,
  snapshot: AnalysisSnapshot,
  rest: () => Promise<Details>,
  figures: () => Promise<readonly FigureRow[]>,
  stats: AnalysisStats,
  changedOnDisk: () => Promise<boolean>,
  built?: Pipeline,
): Analysis {
  let pipeline = built ?? null;
  const summaries = new Map(snapshot.articles.map((a) => [a.id, a] as const));
  // Read again on every request, so a file changed since the analysis is refused (E_STALE)
  // rather than shown with offsets that no longer fit.
  const docOf = async (id: string): Promise<Doc> => {
    const summary = summaries.get(id);
    if (!summary) throw new CodedError('E_NOT_FOUND');
    const { excluded } = await rest();
    const loadArticleText = await ingest.loadArticleText();
    return buildDoc(id, await loadArticleText(resolved, summary), excluded.get(id) ?? []);
  };

  return {
    snapshot,
    stats,
    figures,
    changedOnDisk,
    async eventTables(eventId) {
      return (await rest()).eventTables.get(eventId) ?? null;
    },
    // Results are computed again from each article's text (the same pipeline, so the same
    // results) rather than kept for every article for the life of the analysis.
    async *articleResults() {
      for (const summary of snapshot.articles) {
        const doc = await docOf(summary.id);
        const meta = metaOf(summary);
        pipeline ??= createPipeline(parts().components);
        const results: PipelineResults = pipeline.run(doc, meta);
        yield { summary, outlet: meta.outlet ?? UNKNOWN_OUTLET, results, doc };
      }
    },
    async article(id) {
      const summary = summaries.get(id);
      if (!summary) throw new CodedError('E_NOT_FOUND');
      const doc = await docOf(id);
      const meta = metaOf(summary);
      pipeline ??= createPipeline(parts().components);
      const article: AnalysedArticle = { meta, results: pipeline.run(doc, meta) };
      const highlights: Highlight[] = doc.excluded.map((x) => ({
        start: x.start,
        end: x.end,
        layer: 'excluded',
        tag: 'clutter',
        note: 'Page clutter: shown, never scored',
      }));
      for (const h of parts().highlighters) highlights.push(...h(article, doc));
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
      const { store } = await rest();
      const entry = store.page(key, offset, limit);
      if (!entry) throw new CodedError('E_NOT_FOUND', 'No evidence under that key in the open analysis.');
      const slice = entry.evidence;
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
      return { key, title: entry.title, total: entry.total, items };
    },
  };
}
