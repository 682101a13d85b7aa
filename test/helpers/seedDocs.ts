/**
 * The five seed articles as the engine sees them: loaded through the real ingest (manifest,
 * decoding, clutter ranges) and built into documents. Golden tests start here.
 */
import path from 'node:path';
import type { Doc } from '../../src/main/engine/document';
import { loadFolder } from '../../src/main/engine/ingest/loadFolder';
import type { ArticleMeta } from '../../src/main/engine/pipeline';
import { buildDoc } from '../../src/main/engine/text/buildDoc';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../seeds');

export interface SeedDoc {
  /** File name prefix: "000" … "004". */
  readonly key: string;
  readonly meta: ArticleMeta;
  readonly doc: Doc;
}

export async function loadSeedDocs(): Promise<SeedDoc[]> {
  const loaded = await loadFolder(SEEDS_DIR);
  return loaded.articles.map(({ summary, text, excluded }) => ({
    key: summary.file.slice(0, 3),
    meta: { id: summary.id, outlet: summary.outlet.value, title: summary.title.value, date: summary.date.value },
    doc: buildDoc(summary.id, text, excluded),
  }));
}
