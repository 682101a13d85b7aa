/**
 * Writes test/golden/ingest-seeds.golden.json: for each seed, the clean text (as a hash and its
 * length), every excluded range with its kind, pattern and words, and the outlet, title and date
 * with their sources — with the seeds' manifest and, inferred from the text alone, without it.
 * The golden test compares loading against this file; it changes only by running this script
 * (review the diff: seed-expectations.md is the reference).
 *
 *   npx tsx scripts/regen-golden-ingest.ts
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ingestGolden } from '../test/helpers/ingestGolden';

const out = path.resolve(import.meta.dirname, '../test/golden/ingest-seeds.golden.json');
await writeFile(out, `${JSON.stringify(await ingestGolden(), null, 2)}\n`);
process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
