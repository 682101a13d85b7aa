/**
 * Lexicon packs: versioned JSON data with provenance, validated with zod when loaded. Each
 * measure defines the schema of its entries; this module gives every pack the same envelope:
 *
 * { "id": "referents", "version": "1.0.0", "description": "…", "provenance": "…",
 *   "entries": [ … each with a "note" saying why it is there … ] }
 *
 * The default packs ship in this folder. A user replaces one for a folder by putting a file of
 * the same id at `<folder>/lexicons/<id>.json`; a pack that fails validation is an
 * E_LEXICON_INVALID error naming the file and the first problem, never a silent fallback.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CodedError } from '../../../shared/result';

export interface LexiconPack<E> {
  readonly id: string;
  readonly version: string;
  readonly description: string;
  readonly provenance: string;
  readonly entries: readonly E[];
  /** Where it was loaded from: "built-in" or the override file's path. */
  readonly origin: string;
}

/** "id@version", as stamped on results and exports. */
export function packStamp(pack: Pick<LexiconPack<unknown>, 'id' | 'version'>): string {
  return `${pack.id}@${pack.version}`;
}

function envelope<E extends z.ZodType>(entry: E) {
  return z.object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version must look like 1.0.0'),
    description: z.string().min(1),
    provenance: z.string().min(1),
    entries: z.array(entry),
  });
}

/** Validates parsed JSON as a pack of `id`; `origin` names the source in messages. */
export function parsePack<E extends z.ZodType>(
  id: string,
  json: unknown,
  entry: E,
  origin: string,
): LexiconPack<z.infer<E>> {
  const parsed = envelope(entry).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new CodedError('E_LEXICON_INVALID', `Lexicon pack ${origin} is not valid${where}: ${issue?.message ?? 'unknown problem'}.`);
  }
  if (parsed.data.id !== id) {
    throw new CodedError('E_LEXICON_INVALID', `Lexicon pack ${origin} has id "${parsed.data.id}", expected "${id}".`);
  }
  return { ...parsed.data, origin };
}

/**
 * The pack to use for a folder: `<folder>/lexicons/<id>.json` when present (validated), else the
 * built-in default. Reading the override never writes anything.
 */
export function packForFolder<E extends z.ZodType>(
  id: string,
  builtIn: unknown,
  entry: E,
  folder: string | null,
): LexiconPack<z.infer<E>> {
  if (folder !== null) {
    const file = path.join(folder, 'lexicons', `${id}.json`);
    let raw: string | null = null;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new CodedError('E_LEXICON_INVALID', `Lexicon pack ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
    }
    if (raw !== null) {
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (err) {
        throw new CodedError('E_LEXICON_INVALID', `Lexicon pack ${file} is not JSON: ${(err as Error).message}.`);
      }
      return parsePack(id, json, entry, file);
    }
  }
  return parsePack(id, builtIn, entry, 'built-in');
}
