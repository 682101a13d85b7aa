/**
 * The JSON export: the same document from the app's data export and the command line, so a
 * script can rely on it. `schemaVersion` changes only when fields are renamed or removed; new
 * fields and columns are added without a change.
 */
import type { DataTable } from '../../shared/exporting';
import type { AnalysisSnapshot } from '../../shared/model';

export const EXPORT_SCHEMA_VERSION = 1;

export type JsonCell = string | number | boolean | null;

export interface ExportJson {
  readonly schemaVersion: number;
  readonly generator: string;
  readonly engineVersion: string;
  /** Lexicon packs and reference series used, as id@version. */
  readonly lexicons: readonly string[];
  readonly analysedAt: string;
  readonly folder: { readonly name: string };
  readonly articles: AnalysisSnapshot['articles'];
  readonly outlets: AnalysisSnapshot['outlets'];
  readonly problems: AnalysisSnapshot['problems'];
  /** Every data table, rows as objects keyed by the CSV column names. */
  readonly tables: Readonly<Record<DataTable, readonly Readonly<Record<string, JsonCell>>[]>>;
}

/** Paths are left out (they differ between machines); the folder's name stays. */
export function toExportJson(snapshot: AnalysisSnapshot, tables: ExportJson['tables']): ExportJson {
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generator: 'Framescope',
    engineVersion: snapshot.engineVersion,
    lexicons: snapshot.details.lexicons,
    analysedAt: snapshot.analysedAt,
    folder: { name: snapshot.folder.name },
    articles: snapshot.articles,
    outlets: snapshot.outlets,
    problems: snapshot.problems,
    tables,
  };
}
