/**
 * A fingerprint of what loading a folder produces: loads each folder with `loadFolder` and prints
 * one sha256 over every loaded article's summary, excluded ranges and text (in folder order),
 * the problems list and the manifest. A change meant only to make loading faster must leave it
 * unchanged.
 *
 *   npx tsx scripts/bench/ingest-hash.ts <folder> [<folder> …] [--recursive] [--keep-duplicates]
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadFolder, type LoadedFolder } from '../../src/main/engine/ingest/loadFolder';

export function hashLoaded(loaded: LoadedFolder): string {
  const hash = createHash('sha256');
  for (const a of loaded.articles) {
    hash.update(JSON.stringify(a.summary));
    hash.update('\u0000');
    hash.update(JSON.stringify(a.excluded));
    hash.update('\u0000');
    hash.update(a.text);
    hash.update('\u0001');
  }
  hash.update('\u0002');
  hash.update(JSON.stringify(loaded.problems));
  hash.update('\u0002');
  hash.update(JSON.stringify(loaded.manifest));
  return hash.digest('hex');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      recursive: { type: 'boolean', default: false },
      'keep-duplicates': { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) throw new Error('Usage: npx tsx scripts/bench/ingest-hash.ts <folder> [<folder> …] [--recursive] [--keep-duplicates]');
  for (const arg of positionals) {
    const folder = path.resolve(arg);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const loaded = await loadFolder(folder, {
      recursive: values.recursive,
      keepDuplicates: values['keep-duplicates'],
    });
    const ms = performance.now() - started;
    const u = process.cpuUsage(cpu);
    process.stdout.write(
      `${hashLoaded(loaded)}  ${arg}  (${String(loaded.articles.length)} articles, ${String(loaded.problems.length)} problems; ${ms.toFixed(0)} ms wall, ${((u.user + u.system) / 1000).toFixed(0)} ms CPU)\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`ingest-hash: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
