/**
 * Reads an article folder: lists the article files (subfolders on request), reads each one
 * (decoding, HTML and Markdown extraction, clutter ranges), applies the manifest, front matter
 * and inference for metadata, finds duplicates, and reports every file it could not use with a
 * specific reason. It never writes to the folder.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type {
  ArticleSummary,
  DuplicateRef,
  FileProblem,
  FileProblemCode,
  Progress,
  SourcedField,
} from '../../../shared/model';
import { CodedError } from '../../../shared/result';
import { CLUTTER_OVERRIDE, type ClutterRules, type ExcludedRange } from './clutter';
import { findNearDuplicates, signatureOfHashes, type Signature } from './duplicates';
import { errnoCode, nodeFs, type IngestFs } from './fsLayer';
import { inferDate, inferOutlet, inferTitle, LANGUAGE_NAMES, type Inferred } from './infer';
import {
  MANIFEST_CSV,
  MANIFEST_FILE,
  parseManifest,
  parseManifestCsv,
  type Manifest,
  type ManifestEntry,
} from './manifest';
import { clutterForFolder, formatOf, prepareArticle, type PreparedArticle } from './prepare';
import { scanWords } from './words';

export { decodeBytes } from './decode';
export type { ExcludedRange } from './clutter';
export type { IngestFs } from './fsLayer';

export const ARTICLE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml'] as const;
/** Files above this size are skipped with a message; news articles are far smaller. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Fewer scored words than this, once clutter is set aside, and the file holds no article. */
export const MIN_ARTICLE_WORDS = 8;
/** Document types people save articles as that ingest does not read: named in the report. */
const KNOWN_UNSUPPORTED = new Set(['.pdf', '.doc', '.docx', '.rtf', '.odt', '.epub', '.mht', '.mhtml', '.webarchive', '.pages']);
const MAX_DEPTH = 32;
/** Longest stretch of loading work between two turns of the event loop. */
const YIELD_EVERY_MS = 8;

export interface LoadedArticle {
  readonly summary: ArticleSummary;
  readonly text: string;
  /** Page clutter inside `text`, sorted and non-overlapping: kept for display, never scored. */
  readonly excluded: readonly ExcludedRange[];
}

export interface LoadedFolder {
  readonly articles: readonly LoadedArticle[];
  readonly problems: readonly FileProblem[];
  /** The manifest as read (null when there is none or it is invalid). */
  readonly manifest: Manifest | null;
}

export interface LoadOptions {
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  /** Read subfolders too (file names become relative paths with "/"). */
  readonly recursive?: boolean;
  /** Analyse exact and near duplicates as separate articles (they are counted once by default). */
  readonly keepDuplicates?: boolean;
  readonly maxFileBytes?: number;
  /** The file-system layer; tests inject one to simulate failures. */
  readonly fs?: IngestFs;
  /** Clutter patterns to use instead of the folder's `lexicons/clutter.json` or the built-in ones. */
  readonly clutter?: ClutterRules;
  /** Files read at once. */
  readonly concurrency?: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Decodes bytes as text (see decode.ts); null for bytes that are not text. Kept for callers. */
export function decodeText(bytes: Uint8Array): string | null {
  const r = prepareArticle(bytes, 'x.txt');
  return r.ok ? r.text : null;
}

function field<T>(value: T, source: SourcedField<T>['source'], note?: string, confidence?: Inferred<unknown>['confidence']): SourcedField<T> {
  return {
    value,
    source,
    ...(note === undefined ? {} : { note }),
    ...(confidence === undefined ? {} : { confidence }),
  };
}

function inferredField(inf: Inferred<string>): SourcedField<string | null> {
  return inf.value === null ? field<string | null>(null, 'unknown', inf.note) : field<string | null>(inf.value, 'text', inf.note, inf.confidence);
}

/** An ISO date from front matter or a meta tag ("2024-01-08", "2024-01-08T10:00Z", "January 8, 2024"). */
function isoFrom(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (m) {
    const t = Date.parse(`${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}T00:00:00Z`);
    return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
  }
  const t = Date.parse(`${value} UTC`);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

interface Metadata {
  readonly outlet: SourcedField<string | null>;
  readonly title: SourcedField<string | null>;
  readonly date: SourcedField<string | null>;
  readonly url: SourcedField<string | null>;
  readonly event: SourcedField<string | null>;
}

/** Manifest > front matter (or HTML meta tags) > inference from the text > unknown. */
export function resolveMetadata(prepared: PreparedArticle, entry: ManifestEntry | undefined): Metadata {
  const fm = prepared.frontMatter;
  const html = prepared.html;
  const FM = prepared.format === 'html' ? 'the page’s meta tags' : 'the front matter';

  let outlet: SourcedField<string | null>;
  let inferredOutlet: Inferred<string> | null = null;
  if (entry?.outlet) outlet = field<string | null>(entry.outlet, 'manifest');
  else if (fm.outlet) outlet = field<string | null>(fm.outlet, 'front-matter', `From ${FM}.`);
  else if (html?.siteName) outlet = field<string | null>(html.siteName, 'front-matter', `From ${FM} (site name).`);
  else {
    inferredOutlet = inferOutlet(prepared.text);
    outlet = inferredField(inferredOutlet);
  }

  let title: SourcedField<string | null>;
  if (entry?.title) title = field<string | null>(entry.title, 'manifest');
  else if (fm.title) title = field<string | null>(fm.title, 'front-matter', `From ${FM}.`);
  else if (html?.title) title = field<string | null>(html.title, 'front-matter', `From ${FM} (page title).`);
  else if (prepared.heading) title = field<string | null>(prepared.heading, 'text', 'The first heading.', 'high');
  else title = inferredField(inferTitle(prepared.text, prepared.excluded, outlet.value));

  let date: SourcedField<string | null>;
  const fmDate = isoFrom(fm.date);
  const htmlDate = isoFrom(html?.published);
  if (entry?.date) date = field<string | null>(entry.date, 'manifest');
  else if (fmDate) date = field<string | null>(fmDate, 'front-matter', `From ${FM}.`);
  else if (htmlDate) date = field<string | null>(htmlDate, 'front-matter', `From ${FM} (publication time).`);
  else date = inferredField(inferDate(prepared.text, prepared.excluded));

  let url: SourcedField<string | null>;
  if (entry?.url) url = field<string | null>(entry.url, 'manifest');
  else if (fm.url) url = field<string | null>(fm.url, 'front-matter', `From ${FM}.`);
  else if (html?.url) url = field<string | null>(html.url, 'front-matter', `From ${FM} (canonical link).`);
  else url = field<string | null>(null, 'unknown');

  let event: SourcedField<string | null>;
  if (entry?.event) event = field<string | null>(entry.event, 'manifest');
  else if (fm.event) event = field<string | null>(fm.event, 'front-matter', `From ${FM}.`);
  else event = field<string | null>(null, 'unknown', 'No event assigned: grouped automatically.');

  return { outlet, title, date, url, event };
}

function problem(file: string, code: FileProblemCode, message: string, severity?: 'warning'): FileProblem {
  return severity ? { file, code, message, severity } : { file, code, message };
}

async function readManifest(fs: IngestFs, folder: string, names: ReadonlySet<string>, problems: FileProblem[]): Promise<Manifest | null> {
  const hasJson = names.has(MANIFEST_FILE);
  const hasCsv = names.has(MANIFEST_CSV);
  if (!hasJson && !hasCsv) return null;
  const file = hasJson ? MANIFEST_FILE : MANIFEST_CSV;
  if (hasJson && hasCsv) {
    problems.push(problem(MANIFEST_CSV, 'manifest-invalid', `${MANIFEST_CSV} is ignored because ${MANIFEST_FILE} is present; keep one manifest.`, 'warning'));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await fs.readFile(path.join(folder, file)));
  } catch (err) {
    problems.push(problem(file, 'manifest-invalid', `${file} could not be read (${errnoCode(err)}); outlets, titles and dates are inferred from the texts.`));
    return null;
  }
  const parsed = hasJson ? parseManifest(text) : parseManifestCsv(text);
  if (!parsed.ok) {
    problems.push(problem(file, 'manifest-invalid', `${parsed.message} The manifest is ignored until this is fixed; outlets, titles and dates are inferred from the texts.`));
    return null;
  }
  return parsed.manifest;
}

interface Listing {
  readonly articles: string[];
  readonly rootNames: Set<string>;
}

async function listFolder(fs: IngestFs, folder: string, recursive: boolean, problems: FileProblem[]): Promise<Listing> {
  const articles: string[] = [];
  const rootNames = new Set<string>();
  const visited = new Set<string>();
  try {
    visited.add(await fs.realpath(folder));
  } catch (err) {
    throw new CodedError('E_FOLDER_UNREADABLE', `Could not read the folder ${folder}: ${errnoCode(err)}`);
  }

  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir);
    } catch (err) {
      if (rel === '') throw new CodedError('E_FOLDER_UNREADABLE', `Could not read the folder ${folder}: ${errnoCode(err)}`);
      const code = errnoCode(err);
      problems.push(
        code === 'EACCES' || code === 'EPERM'
          ? problem(`${rel}/`, 'permission-denied', `The subfolder ${rel} cannot be opened: permission denied (${code}). Its files were not read.`)
          : problem(`${rel}/`, 'unreadable', `The subfolder ${rel} could not be read (${code}).`),
      );
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (rel === '') rootNames.add(e.name);
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = await fs.stat(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (err) {
          const code = errnoCode(err);
          if (code === 'ELOOP') problems.push(problem(relPath, 'symlink-loop', `${relPath} is a symbolic link that loops back on itself (ELOOP); skipped.`));
          else if (code === 'ENOENT') problems.push(problem(relPath, 'unreadable', `${relPath} is a symbolic link to a file that does not exist; skipped.`));
          else if (code === 'EACCES' || code === 'EPERM') problems.push(problem(relPath, 'permission-denied', `${relPath} cannot be opened: permission denied (${code}).`));
          else problems.push(problem(relPath, 'unreadable', `${relPath} could not be read (${code}).`));
          continue;
        }
      }
      if (isDir) {
        if (!recursive || (rel === '' && e.name === 'lexicons') || e.name === 'node_modules') continue;
        if (depth >= MAX_DEPTH) {
          problems.push(problem(`${relPath}/`, 'unreadable', `${relPath} is nested more than ${String(MAX_DEPTH)} folders deep; not read.`));
          continue;
        }
        let real: string;
        try {
          real = await fs.realpath(abs);
        } catch (err) {
          const code = errnoCode(err);
          problems.push(code === 'ELOOP'
            ? problem(`${relPath}/`, 'symlink-loop', `${relPath} is a symbolic link that loops back on itself (ELOOP); not followed.`)
            : problem(`${relPath}/`, 'unreadable', `${relPath} could not be read (${code}).`));
          continue;
        }
        if (visited.has(real)) {
          problems.push(problem(`${relPath}/`, 'symlink-loop', `${relPath} links to a folder that is already being read (${real}); not followed, so no file is read twice and the walk cannot loop.`));
          continue;
        }
        visited.add(real);
        await walk(abs, relPath, depth + 1);
        continue;
      }
      if (!isFile) continue;
      const ext = path.extname(e.name).toLowerCase();
      if (rel === '' && (e.name === MANIFEST_FILE || e.name === MANIFEST_CSV)) continue;
      if (/^readme(\.\w+)?$/i.test(e.name)) continue;
      if ((ARTICLE_EXTENSIONS as readonly string[]).includes(ext)) articles.push(relPath);
      else if (KNOWN_UNSUPPORTED.has(ext)) {
        problems.push(problem(relPath, 'unsupported-type', `${relPath} is a ${ext.slice(1).toUpperCase()} file, which Framescope does not read; save the article as text (.txt), Markdown (.md) or a web page (.html).`));
      }
    }
  };
  await walk(folder, '', 0);
  return { articles, rootNames };
}

type ReadOutcome =
  | { readonly kind: 'article'; readonly bytes: Uint8Array; readonly prepared: PreparedArticle }
  | { readonly kind: 'problem'; readonly problem: FileProblem };

async function readStable(fs: IngestFs, abs: string, file: string, maxBytes: number): Promise<{ bytes: Uint8Array } | { problem: FileProblem }> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let before;
    try {
      before = await fs.stat(abs);
    } catch (err) {
      return { problem: readError(file, err, 'listed') };
    }
    if (!before.isFile()) return { problem: problem(file, 'unreadable', `${file} is not a regular file; skipped.`) };
    if (before.size > maxBytes) {
      const mb = (before.size / 1024 / 1024).toFixed(1);
      return { problem: problem(file, 'too-large', `${file} is ${mb} MB, above the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit for one article; skipped. Split it or save only the article.`) };
    }
    let bytes: Uint8Array;
    let after;
    try {
      bytes = await fs.readFile(abs);
    } catch (err) {
      return { problem: readError(file, err, 'read') };
    }
    try {
      after = await fs.stat(abs);
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') {
        return { problem: problem(file, 'deleted-while-loading', `${file} was deleted while it was being read; skipped. Reload the folder when it is complete.`) };
      }
      return { problem: readError(file, err, 'read') };
    }
    if (bytes.length === before.size && after.size === before.size && after.mtimeMs === before.mtimeMs) return { bytes };
  }
  return { problem: problem(file, 'changed-while-loading', `${file} kept changing while it was being read (another program is writing it); skipped. Reload the folder when it is saved.`) };
}

function readError(file: string, err: unknown, stage: 'listed' | 'read'): FileProblem {
  const code = errnoCode(err);
  if (code === 'ENOENT') {
    return problem(file, 'deleted-while-loading', `${file} was deleted after the folder was ${stage === 'listed' ? 'listed' : 'opened'}; skipped.`);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return problem(file, 'permission-denied', `${file} cannot be read: permission denied (${code}). Change its permissions to let Framescope read it.`);
  }
  if (code === 'ELOOP') return problem(file, 'symlink-loop', `${file} is a symbolic link that loops back on itself (ELOOP); skipped.`);
  if (code === 'EISDIR') return problem(file, 'unreadable', `${file} is a folder, not a file.`);
  return problem(file, 'unreadable', `${file} could not be read (${code}).`);
}

async function readOne(fs: IngestFs, folder: string, file: string, maxBytes: number, clutter: ClutterRules): Promise<ReadOutcome> {
  const read = await readStable(fs, path.join(folder, ...file.split('/')), file, maxBytes);
  if ('problem' in read) return { kind: 'problem', problem: read.problem };
  const { bytes } = read;
  if (bytes.length === 0) return { kind: 'problem', problem: problem(file, 'empty', `${file} is empty (0 bytes); skipped.`) };
  const prepared = prepareArticle(bytes, file, clutter);
  if (!prepared.ok) {
    if (prepared.reason === 'binary') {
      return { kind: 'problem', problem: problem(file, 'not-text', `${file} is named ${path.extname(file) || 'as text'} but contains ${prepared.detail}, not text; skipped.`) };
    }
    return { kind: 'problem', problem: problem(file, 'empty', `${file} has no text: ${prepared.detail}; skipped.`) };
  }
  return { kind: 'article', bytes, prepared };
}

interface BuiltArticle extends LoadedArticle {
  readonly signature: Signature | null;
}

function buildArticle(file: string, bytes: Uint8Array, prepared: PreparedArticle, entry: ManifestEntry | undefined, problems: FileProblem[]): BuiltArticle | null {
  // One scan of the scored words serves the word count, the language guess and the signature.
  const scanned = scanWords(prepared.text, prepared.excluded);
  const words = scanned.count;
  if (words < MIN_ARTICLE_WORDS) {
    const kinds = [...new Set(prepared.excluded.map((r) => r.kind))].join(', ');
    problems.push(problem(file, 'only-clutter', prepared.excluded.length > 0
      ? `${file} holds only page clutter (${kinds}) and ${String(words)} other word${words === 1 ? '' : 's'}; no article to analyse, skipped.`
      : `${file} holds only ${String(words)} word${words === 1 ? '' : 's'}; too short to be an article, skipped.`));
    return null;
  }
  const id = createHash('sha256').update(bytes).digest('hex');
  const meta = resolveMetadata(prepared, entry);
  const warnings: string[] = [];
  if (meta.outlet.value === null) warnings.push('Outlet unknown: name it in the manifest.');
  if (meta.date.value === null) warnings.push('Date unknown: name it in the manifest.');
  if (prepared.encodingGuessed) warnings.push(`Not UTF-8: decoded as ${prepared.encoding} (detected). If letters look wrong, save the file as UTF-8.`);
  if (prepared.frontMatterError) {
    warnings.push(`Front matter ignored: ${prepared.frontMatterError}.`);
    problems.push(problem(file, 'front-matter-invalid', `${file}: ${prepared.frontMatterError}; its metadata is ignored and inferred from the text instead.`, 'warning'));
  }
  if (prepared.format === 'html' && !prepared.readable) {
    warnings.push('No article found in the page: the whole page text is used, so menus and links may be included.');
    problems.push(problem(file, 'no-article-found', `${file}: no main article found in the page; the whole page text is used.`, 'warning'));
  }
  const { language } = scanned;
  if (language.code !== 'en' && language.code !== 'und') {
    const name = LANGUAGE_NAMES[language.code] ?? 'not English';
    const what = language.code === 'other' ? 'is not in English' : `looks ${name} (${String(Math.round(language.score * 100))}% ${name} function words)`;
    warnings.push(`The text ${what}; the lexicons are English, so its scores are unreliable.`);
    problems.push(problem(file, 'non-english', `${file} ${what}; it is analysed, but the English lexicons will miss most of it.`, 'warning'));
  }
  const excludedCharacters = prepared.excluded.reduce((n, r) => n + (r.end - r.start), 0);
  const summary: ArticleSummary = {
    id,
    file,
    outlet: meta.outlet,
    title: meta.title,
    date: meta.date,
    url: meta.url,
    event: meta.event,
    wordCount: words,
    characters: prepared.text.length,
    warnings,
    format: prepared.format,
    encoding: prepared.encoding,
    language,
    excludedCharacters,
  };
  return { summary, text: prepared.text, excluded: prepared.excluded, signature: signatureOfHashes(scanned.hashes) };
}

function describeOutlet(a: LoadedArticle): string {
  return a.summary.outlet.value ?? 'outlet unknown';
}

/** Marks exact and near duplicates; drops them unless `keep`. */
function resolveDuplicates(articles: BuiltArticle[], keep: boolean, problems: FileProblem[]): LoadedArticle[] {
  const dupOf = new Map<number, DuplicateRef>();
  const firstById = new Map<string, number>();
  articles.forEach((a, i) => {
    const first = firstById.get(a.summary.id);
    if (first === undefined) firstById.set(a.summary.id, i);
    else dupOf.set(i, { id: a.summary.id, file: articles[first]?.summary.file ?? '', kind: 'exact', similarity: 1 });
  });
  const sigs: (Signature | null)[] = articles.map((a, i) => (dupOf.has(i) ? null : a.signature));
  for (const pair of findNearDuplicates(sigs)) {
    if (dupOf.has(pair.second)) continue;
    let root = pair.first;
    const seen = new Set<number>();
    while (dupOf.has(root) && !seen.has(root)) {
      seen.add(root);
      const ref = dupOf.get(root);
      root = ref ? articles.findIndex((x) => x.summary.file === ref.file) : root;
    }
    const original = articles[root];
    if (!original) continue;
    dupOf.set(pair.second, { id: original.summary.id, file: original.summary.file, kind: 'near', similarity: Math.round(pair.similarity * 100) / 100 });
  }
  const strip = ({ summary, text, excluded }: BuiltArticle): LoadedArticle => ({ summary, text, excluded });
  if (dupOf.size === 0) return articles.map(strip);

  const copiesOf = new Map<string, DuplicateRef[]>();
  const out: LoadedArticle[] = [];
  articles.forEach((a, i) => {
    const ref = dupOf.get(i);
    if (!ref) {
      out.push(strip(a));
      return;
    }
    const original = articles.find((x) => x.summary.file === ref.file);
    const otherOutlet = original && original.summary.outlet.value !== a.summary.outlet.value
      ? ` under another outlet (${describeOutlet(original)} there, ${describeOutlet(a)} here)`
      : '';
    const what = ref.kind === 'exact'
      ? `is an exact copy of ${ref.file}${otherOutlet}`
      : `repeats ${ref.file}${otherOutlet} (${String(Math.round(ref.similarity * 100))}% of its word sequences the same: a syndicated or lightly edited copy)`;
    const list = copiesOf.get(ref.file) ?? [];
    list.push({ id: a.summary.id, file: a.summary.file, kind: ref.kind, similarity: ref.similarity });
    copiesOf.set(ref.file, list);
    const code = ref.kind === 'exact' ? 'duplicate' : 'near-duplicate';
    if (keep) {
      problems.push(problem(a.summary.file, code, `${a.summary.file} ${what}; both are analysed because duplicates are kept.`, 'warning'));
      out.push({ ...strip(a), summary: { ...a.summary, duplicateOf: ref, warnings: [...a.summary.warnings, `This article ${what}.`] } });
    } else {
      problems.push(problem(a.summary.file, code, `${a.summary.file} ${what}; counted once, so it is not analysed separately.`));
    }
  });
  return out.map((a) => {
    const copies = copiesOf.get(a.summary.file);
    return copies ? { ...a, summary: { ...a.summary, duplicates: copies } } : a;
  });
}

export async function loadFolder(folder: string, options: LoadOptions = {}): Promise<LoadedFolder> {
  const { onProgress, signal } = options;
  const fs = options.fs ?? nodeFs;
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const report = (p: Omit<Progress, 'folder'>): void => onProgress?.({ ...p, folder });
  const cancelled = (): CodedError => new CodedError('E_CANCELLED', 'Loading was cancelled.');

  report({ phase: 'listing', done: 0, total: 0 });
  const problems: FileProblem[] = [];
  const listing = await listFolder(fs, folder, options.recursive ?? false, problems);
  if (signal?.aborted) throw cancelled();
  let clutter: ClutterRules;
  if (options.clutter) clutter = options.clutter;
  else {
    const found = await clutterForFolder(fs, folder);
    clutter = found.rules;
    if (found.problem) problems.push(problem(CLUTTER_OVERRIDE, 'lexicon-invalid', found.problem, 'warning'));
  }
  const manifest = await readManifest(fs, folder, listing.rootNames, problems);
  const manifestByFile = new Map<string, ManifestEntry>();
  for (const entry of manifest?.articles ?? []) manifestByFile.set(entry.file.replace(/\\/g, '/'), entry);
  const files = listing.articles;
  const listed = new Set(files);
  for (const file of manifestByFile.keys()) {
    if (!listed.has(file) && !problems.some((p) => p.file === file)) {
      problems.push(problem(file, 'manifest-entry-missing-file', `${listing.rootNames.has(MANIFEST_FILE) ? MANIFEST_FILE : MANIFEST_CSV} lists ${file}, but the folder has no such article file${formatOf(file) === null ? ' (only .txt, .md and .html files are read)' : ''}.`));
    }
  }

  const total = files.length;
  const outcomes: (ReadOutcome | undefined)[] = new Array<ReadOutcome | undefined>(total);
  let next = 0;
  let done = 0;
  let lastReport = 0;
  report({ phase: 'reading', done: 0, total });
  // Reading and preparing files is mostly synchronous work: give the event loop back every few
  // milliseconds so progress, cancellation and other requests are served while a folder loads.
  let lastYield = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      if (signal?.aborted) return;
      const i = next;
      next += 1;
      const file = files[i] ?? '';
      try {
        outcomes[i] = await readOne(fs, folder, file, maxBytes, clutter);
      } catch (err) {
        // Nothing a file holds may stop the rest of the folder from loading.
        outcomes[i] = { kind: 'problem', problem: problem(file, 'unreadable', `${file} could not be read: ${(err as Error).message}`) };
      }
      done += 1;
      const now = Date.now();
      if (now - lastReport >= 50 || done === total) {
        lastReport = now;
        report({ phase: 'reading', done, total, current: file });
      }
      if (performance.now() - lastYield >= YIELD_EVERY_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 8, total || 1));
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  if (signal?.aborted) throw cancelled();

  const articles: BuiltArticle[] = [];
  outcomes.forEach((outcome, i) => {
    const file = files[i] ?? '';
    if (!outcome) return;
    if (outcome.kind === 'problem') {
      problems.push(outcome.problem);
      return;
    }
    try {
      const article = buildArticle(file, outcome.bytes, outcome.prepared, manifestByFile.get(file), problems);
      if (article) articles.push(article);
    } catch (err) {
      problems.push(problem(file, 'unreadable', `${file} could not be analysed: ${(err as Error).message}`));
    }
  });
  const kept = resolveDuplicates(articles, options.keepDuplicates ?? false, problems);
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { articles: kept, problems, manifest };
}
