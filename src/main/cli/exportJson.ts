/**
 * The JSON export: the same document from the app's data export and the command line, so a
 * script can rely on it. `schemaVersion` changes only when fields are renamed or removed.
 */
import type { AnalysisSnapshot } from '../../shared/model';

export const EXPORT_SCHEMA_VERSION = 1;

export interface ExportJson {
  readonly schemaVersion: number;
  readonly generator: string;
  readonly engineVersion: string;
  readonly analysedAt: string;
  readonly folder: { readonly name: string };
  readonly articles: AnalysisSnapshot['articles'];
  readonly outlets: AnalysisSnapshot['outlets'];
  readonly problems: AnalysisSnapshot['problems'];
}

/** Paths are left out (they differ between machines); the folder's name stays. */
export function toExportJson(snapshot: AnalysisSnapshot): ExportJson {
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generator: 'Framescope',
    engineVersion: snapshot.engineVersion,
    analysedAt: snapshot.analysedAt,
    folder: { name: snapshot.folder.name },
    articles: snapshot.articles,
    outlets: snapshot.outlets,
    problems: snapshot.problems,
  };
}
