/**
 * A fingerprint of the engine's per-article records for one folder: loads the folder as the app
 * does, analyses every article with `analyseArticle` (single-threaded, in folder order) and
 * prints a sha256 over the JSON of all records. A change meant only to make the engine faster
 * must leave this hash unchanged.
 *
 *   npx tsx scripts/bench/records-hash.ts <folder>
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { metaOf } from '../../src/main/engine';
import { loadFolder } from '../../src/main/engine/ingest/loadFolder';
import { createPipeline } from '../../src/main/engine/pipeline';
import { engineParts } from '../../src/main/engine/registry';
import { analyseArticle } from '../../src/main/engine/work';

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (arg === undefined) throw new Error('Usage: npx tsx scripts/bench/records-hash.ts <folder>');
  const folder = path.resolve(arg);
  const loaded = await loadFolder(folder);
  const pipeline = createPipeline(engineParts(folder).components);
  const hash = createHash('sha256');
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const a of loaded.articles) {
    const record = analyseArticle(pipeline, { meta: metaOf(a.summary), text: a.text, excluded: a.excluded });
    hash.update(JSON.stringify(record));
    hash.update('\n');
  }
  const u = process.cpuUsage(cpu);
  process.stderr.write(
    `${String(loaded.articles.length)} articles analysed in ${(performance.now() - started).toFixed(0)} ms (CPU ${((u.user + u.system) / 1000).toFixed(0)} ms, including hashing)\n`,
  );
  process.stdout.write(`${hash.digest('hex')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`records-hash: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
