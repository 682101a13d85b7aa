/**
 * Runs Doyensec's Electronegativity over the Electron-facing source through its programmatic
 * API (its CLI exits 0 whatever it finds). Fails on any finding of medium severity or above, on
 * any file it could not parse (it would otherwise skip it silently), and on any inline
 * suppression without a written reason.
 */
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Level {
  readonly value: number;
  readonly name?: string;
}
interface Issue {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly severity: Level;
  readonly confidence: Level;
  readonly description: string;
}
interface RunResult {
  readonly errors: readonly { file: string; message: string; tolerable: boolean }[];
  readonly issues: readonly Issue[];
  readonly atomicChecks: number;
  readonly globalChecks: number;
}
type Run = (options: Record<string, unknown>) => Promise<RunResult>;

const require = createRequire(import.meta.url);

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx|html)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('electronegativity', () => {
  it('finds nothing of medium severity or above in src/, and parses every file', async () => {
    const run = require('@doyensec/electronegativity') as Run;
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    const electronVersion = (pkg.devDependencies.electron ?? '').replace(/^[^\d]*/, '');
    const result = await run({
      input: path.resolve('src'),
      output: null,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      severitySet: 'informational',
      confidenceSet: 'tentative',
      isRelative: true,
      electronVersionOverride: electronVersion,
    });
    expect(result.atomicChecks).toBeGreaterThan(20);
    expect(result.errors, 'files Electronegativity could not parse').toEqual([]);
    const severities = require('@doyensec/electronegativity/dist/finder/attributes') as { severity: Record<string, Level> };
    const medium = severities.severity.MEDIUM?.value ?? 2;
    const serious = result.issues
      .filter((i) => i.severity.value >= medium)
      .map((i) => `${i.id} ${i.file}:${i.location.line} — ${i.description}`);
    expect(serious).toEqual([]);
  }, 60_000);

  it('every inline suppression carries a written reason', async () => {
    const files = await sourceFiles('src');
    const bare: string[] = [];
    for (const file of files) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        const m = /eng-disable[ \t]+([A-Z_ \t]+)(.*)$/.exec(line);
        if (m && (m[2] ?? '').replace(/^[\s—–:-]+/, '').length < 15) bare.push(`${file}:${i + 1}`);
      });
    }
    expect(bare).toEqual([]);
  });
});
