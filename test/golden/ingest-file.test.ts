import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestGolden } from '../helpers/ingestGolden';

describe('ingest of the seeds against the golden file', () => {
  it('matches test/golden/ingest-seeds.golden.json (regenerate only with scripts/regen-golden-ingest.ts)', async () => {
    const golden = JSON.parse(await readFile(path.resolve(import.meta.dirname, 'ingest-seeds.golden.json'), 'utf8')) as unknown;
    expect(await ingestGolden()).toEqual(golden);
  });
});
