/**
 * Reads an article folder: lists the article files, reads each one, applies the manifest and
 * reports every file it could not use with a specific reason. It never writes to the folder.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type {
  ArticleSummary,
  FileProblem,
  Progress,
  SourcedField,
} from '../../../shared/model';
import { CodedError } from '../../../shared/result';
import type { Span } from '../document';
import { MANIFEST_FILE, parseManifest, type ManifestEntry } from './manifest';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm'] as const;
/** Files above this size are skipped with a message; news articles are far smaller. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface LoadedArticle {
  readonly summary: ArticleSummary;
  readonly text: string;
  /** Page clutter inside `text`: kept for display, never scored. */
  readonly excluded: readonly Span[];
}

export interface LoadedFolder {
  readonly articles: readonly LoadedArticle[];
  readonly problems: readonly FileProblem[];
}

export interface LoadOptions {
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n += 1;
  return n;
}

/** Decodes bytes as UTF-8 (BOM stripped); returns null for bytes that are not text. */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not valid UTF-8: most such article files are Windows-1252.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.normalize('NFC');
}

function firstLine(text: string): string | null {
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t) return t.length > 200 ? `${t.slice(0, 197)}…` : t;
  }
  return null;
}

function field<T>(value: T, source: SourcedField<T>['source'], note?: string): SourcedField<T> {
  return note === undefined ? { value, source } : { value, source, note };
}

export async function loadFolder(folder: string, options: LoadOptions = {}): Promise<LoadedFolder> {
  const { onProgress, signal } = options;
  const report = (p: Omit<Progress, 'folder'>): void => onProgress?.({ ...p, folder });

  report({ phase: 'listing', done: 0, total: 0 });
  let names: string[];
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    names = entries
      .filter((e) => e.isFile() || e.isSymbolicLink())
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, 'en'));
  } catch (err) {
    throw new CodedError(
      'E_FOLDER_UNREADABLE',
      `Could not read the folder ${folder}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }

  const problems: FileProblem[] = [];
  const manifestByFile = new Map<string, ManifestEntry>();
  if (names.includes(MANIFEST_FILE)) {
    const parsed = parseManifest(await readFile(path.join(folder, MANIFEST_FILE), 'utf8'));
    if (parsed.ok) {
      for (const entry of parsed.manifest.articles) manifestByFile.set(entry.file, entry);
    } else {
      problems.push({ file: MANIFEST_FILE, code: 'manifest-invalid', message: parsed.message });
    }
  }

  const candidates = names.filter((n) => {
    if (n === MANIFEST_FILE || n.startsWith('.') || n.toLowerCase() === 'readme.md') return false;
    return (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(n).toLowerCase());
  });
  for (const file of manifestByFile.keys()) {
    if (!candidates.includes(file)) {
      problems.push({
        file,
        code: 'manifest-entry-missing-file',
        message: `${MANIFEST_FILE} lists ${file}, but the folder has no such article file.`,
      });
    }
  }

  const articles: LoadedArticle[] = [];
  let done = 0;
  for (const file of candidates) {
    if (signal?.aborted) throw new CodedError('E_CANCELLED', 'Loading was cancelled.');
    report({ phase: 'reading', done, total: candidates.length, current: file });
    const loaded = await loadOne(folder, file, manifestByFile.get(file));
    if ('problem' in loaded) problems.push(loaded.problem);
    else articles.push(loaded.article);
    done += 1;
  }
  report({ phase: 'reading', done, total: candidates.length });
  return { articles, problems };
}

async function loadOne(
  folder: string,
  file: string,
  entry: ManifestEntry | undefined,
): Promise<{ article: LoadedArticle } | { problem: FileProblem }> {
  const full = path.join(folder, file);
  let bytes: Buffer;
  try {
    const info = await stat(full);
    if (!info.isFile()) {
      return { problem: { file, code: 'unreadable', message: `${file} is not a regular file.` } };
    }
    if (info.size > MAX_FILE_BYTES) {
      const mb = (info.size / 1024 / 1024).toFixed(1);
      return {
        problem: {
          file,
          code: 'too-large',
          message: `${file} is ${mb} MB, above the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for one article; skipped.`,
        },
      };
    }
    bytes = await readFile(full);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return { problem: { file, code: 'unreadable', message: `${file} could not be read (${code}).` } };
  }
  if (bytes.length === 0) {
    return { problem: { file, code: 'empty', message: `${file} is empty.` } };
  }
  const text = decodeText(bytes);
  if (text === null) {
    return {
      problem: { file, code: 'not-text', message: `${file} contains binary data, not text; skipped.` },
    };
  }
  if (!text.trim()) {
    return { problem: { file, code: 'empty', message: `${file} holds only white space.` } };
  }

  const id = createHash('sha256').update(bytes).digest('hex');
  const warnings: string[] = [];
  const titleLine = firstLine(text);
  const outlet = entry?.outlet
    ? field<string | null>(entry.outlet, 'manifest')
    : field<string | null>(null, 'unknown', 'No manifest entry names the outlet.');
  if (outlet.value === null) warnings.push('Outlet unknown: name it in the manifest.');
  const title = entry?.title
    ? field<string | null>(entry.title, 'manifest')
    : field<string | null>(titleLine, titleLine ? 'text' : 'unknown', 'First line of the text.');
  const date = entry?.date
    ? field<string | null>(entry.date, 'manifest')
    : field<string | null>(null, 'unknown');
  if (date.value === null) warnings.push('Date unknown.');

  return {
    article: {
      text,
      excluded: [],
      summary: {
        id,
        file,
        outlet,
        title,
        date,
        wordCount: countWords(text),
        characters: text.length,
        warnings,
      },
    },
  };
}
