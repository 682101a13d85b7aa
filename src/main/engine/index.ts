/**
 * The analysis engine's entry point: pure TypeScript with no Electron import. File I/O happens
 * only in `ingest/`.
 */
import path from 'node:path';
import type { AnalysisSnapshot, OutletSummary, Progress } from '../../shared/model';
import { ENGINE_VERSION } from '../../shared/version';
import { loadFolder } from './ingest/loadFolder';

export interface AnalyzeOptions {
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  readonly isSeeds?: boolean;
  readonly now?: () => Date;
}

export async function analyzeFolder(folder: string, options: AnalyzeOptions = {}): Promise<AnalysisSnapshot> {
  const resolved = path.resolve(folder);
  const loaded = await loadFolder(resolved, options);
  const total = loaded.articles.length;
  options.onProgress?.({ phase: 'analysing', done: 0, total, folder: resolved });

  const byOutlet = new Map<string, { ids: string[]; words: number }>();
  for (const { summary } of loaded.articles) {
    const name = summary.outlet.value ?? 'Unknown outlet';
    const slot = byOutlet.get(name) ?? { ids: [], words: 0 };
    slot.ids.push(summary.id);
    slot.words += summary.wordCount;
    byOutlet.set(name, slot);
  }
  const outlets: OutletSummary[] = [...byOutlet.entries()]
    .map(([name, s]) => ({ name, articleIds: s.ids, wordCount: s.words }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));

  const snapshot: AnalysisSnapshot = {
    folder: { path: resolved, name: path.basename(resolved), isSeeds: options.isSeeds ?? false },
    articles: loaded.articles.map((a) => a.summary),
    outlets,
    problems: loaded.problems,
    engineVersion: ENGINE_VERSION,
    analysedAt: (options.now?.() ?? new Date()).toISOString(),
  };
  return snapshot;
}
