/** What the ingest golden file records for each seed (shared by the test and its regeneration script). */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadFolder } from '../../src/main/engine/ingest/loadFolder';
import { SEEDS_DIR } from './seedDocs';

export async function ingestGolden(): Promise<unknown> {
  const withManifest = await loadFolder(SEEDS_DIR);
  const bare = await mkdtemp(path.join(tmpdir(), 'fs-golden-'));
  try {
    await cp(SEEDS_DIR, bare, { recursive: true, filter: (src) => !/manifest\.json$|README\.md$/.test(src) });
    const inferred = await loadFolder(bare);
    return withManifest.articles.map(({ summary, text, excluded }) => {
      const guess = inferred.articles.find((a) => a.summary.file === summary.file)?.summary;
      const field = (f: { value: unknown; source: string; confidence?: string } | undefined) =>
        f ? { value: f.value, source: f.source, ...(f.confidence ? { confidence: f.confidence } : {}) } : null;
      return {
        file: summary.file,
        id: summary.id,
        cleanText: { sha256: createHash('sha256').update(text).digest('hex'), characters: text.length },
        excluded: excluded.map((x) => ({ start: x.start, end: x.end, kind: x.kind, pattern: x.pattern, text: text.slice(x.start, x.end) })),
        metadata: { outlet: field(summary.outlet), title: field(summary.title), date: field(summary.date) },
        inferred: { outlet: field(guess?.outlet), title: field(guess?.title), date: field(guess?.date) },
      };
    });
  } finally {
    await rm(bare, { recursive: true, force: true });
  }
}
