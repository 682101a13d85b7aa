/**
 * Re-opening a folder from its snapshot cache: the cache key is built from the lexicon stamps
 * alone (the matchers are built only when articles are analysed or read again), and what a
 * re-open runs does not import the ingest modules (HTML, Markdown, encodings, front matter).
 */
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFolder } from '../../src/main/engine';
import { engineParts, lexiconStamps } from '../../src/main/engine/registry';

const root = path.resolve(import.meta.dirname, '../..');
const seedsDir = path.join(root, 'seeds');
const lexiconsDir = path.join(root, 'src/main/engine/lexicons');

async function copyOfSeeds(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fs-warm-'));
  await cp(seedsDir, dir, { recursive: true });
  return dir;
}

async function builtInPack(id: string): Promise<{ version: string; entries: unknown[] } & Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(lexiconsDir, `${id}.json`), 'utf8')) as { version: string; entries: unknown[] };
}

describe('lexicon stamps for the cache key', () => {
  it('are those of engineParts, with and without a folder’s own packs and reference series', async () => {
    expect(lexiconStamps(null)).toEqual(engineParts(null).lexicons);
    expect(lexiconStamps(seedsDir)).toEqual(engineParts(seedsDir).lexicons);
    const withPack = await copyOfSeeds();
    await mkdir(path.join(withPack, 'lexicons'));
    const cues = await builtInPack('cues');
    await writeFile(path.join(withPack, 'lexicons', 'cues.json'), JSON.stringify({ ...cues, version: '9.9.9' }));
    expect(lexiconStamps(withPack)).toEqual(engineParts(withPack).lexicons);
    expect(lexiconStamps(withPack)).toContain('cues@9.9.9');
    const withReference = await copyOfSeeds();
    await writeFile(path.join(withReference, 'reference.csv'), 'date,killed_cum,injured_cum\n2024-01-01,22000,57000\n');
    expect(lexiconStamps(withReference)).toEqual(engineParts(withReference).lexicons);
    expect(lexiconStamps(withReference)).toContain('reference:reference');
    // A broken pack is still an error naming the file, not a silent fallback to the built-in stamps.
    await writeFile(path.join(withPack, 'lexicons', 'cues.json'), '{ not json');
    expect(() => lexiconStamps(withPack)).toThrow(/cues\.json is not JSON/);
  });

  it('keep the folder cache exactly as strict: a lexicon added or edited in the folder makes it stale', async () => {
    const dir = await copyOfSeeds();
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'fs-warm-cache-'));
    const first = await analyzeFolder(dir, { cacheDir });
    expect(first.stats.snapshot).toBe('fresh');
    const hit = await analyzeFolder(dir, { cacheDir });
    expect(hit.stats.snapshot).toBe('hit');
    // Built lazily on a hit, the reader's highlights are those of a fresh analysis.
    const id = first.snapshot.articles[0]?.id ?? '';
    expect(await hit.article(id)).toEqual(await first.article(id));

    // A folder pack with a new version: stale, analysed with it, then a hit again.
    await mkdir(path.join(dir, 'lexicons'));
    const cues = await builtInPack('cues');
    const packFile = path.join(dir, 'lexicons', 'cues.json');
    await writeFile(packFile, JSON.stringify({ ...cues, version: '2.0.0' }));
    const withPack = await analyzeFolder(dir, { cacheDir });
    expect(withPack.stats.snapshot).not.toBe('hit');
    expect(withPack.snapshot.details.lexicons).toContain('cues@2.0.0');
    expect((await analyzeFolder(dir, { cacheDir })).stats.snapshot).toBe('hit');

    // The same version with other entries: still stale (the folder's files are part of the key).
    await writeFile(packFile, JSON.stringify({ ...cues, version: '2.0.0', entries: cues.entries.slice(1) }));
    expect((await analyzeFolder(dir, { cacheDir })).stats.snapshot).toBe('stale');
    expect((await analyzeFolder(dir, { cacheDir })).stats.snapshot).toBe('hit');

    // A broken pack is an error, never the cached analysis.
    await writeFile(packFile, JSON.stringify({ ...cues, version: 'two' }));
    await expect(analyzeFolder(dir, { cacheDir })).rejects.toMatchObject({ code: 'E_LEXICON_INVALID' });
  });
});

/** Modules a file imports for their values (not `import type`, not `import()`), resolved to files. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const re = /^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) found.push(m[1] ?? '');
  return found;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // try the next form
    }
  }
  return null;
}

/** Every source file and package reached from `entry` by static imports. */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() ?? '';
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.ts') && !file.endsWith('.tsx')) continue;
    for (const spec of staticImports(file)) {
      const local = resolveLocal(file, spec);
      if (local) todo.push(local);
      else if (!spec.startsWith('.') && !spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec));
    }
  }
  return { files, packages };
}

describe('what starting the app loads before a folder is read', () => {
  const ingestOnly = ['linkedom', '@mozilla/readability', 'yaml', 'chardet', 'iconv-lite', 'chokidar', 'csv-stringify'];
  for (const entry of ['src/main/browser/main.ts', 'src/main/index.ts']) {
    it(`${entry} imports no ingest module statically (they load when articles are read)`, () => {
      const { files, packages } = reachable(path.join(root, entry));
      const ingest = [...files].map((f) => path.relative(root, f)).filter((f) => f.startsWith('src/main/engine/ingest/'));
      // Type-only imports aside, nothing under ingest/ is reached; the engine reaches it through import().
      expect(ingest).toEqual([]);
      expect(ingestOnly.filter((p) => packages.has(p))).toEqual([]);
      // The walk does follow imports: the engine and zod are reached.
      expect(files.has(path.join(root, 'src/main/engine/index.ts'))).toBe(true);
      expect(packages.has('zod')).toBe(true);
    });
  }
});
