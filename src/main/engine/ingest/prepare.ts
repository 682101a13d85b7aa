/**
 * One article file's bytes → its clean display text, its clutter ranges and the metadata the file
 * itself carries (front matter, HTML meta tags). Pure and deterministic: the loader and the reader
 * both call it, so the reader shows exactly the text (and offsets) the analysis used.
 */
import path from 'node:path';
import { z } from 'zod';
import { CLUTTER_OVERRIDE, DEFAULT_CLUTTER, compileClutter, findClutter, type ClutterRules, type ExcludedRange } from './clutter';
import { errnoCode, readOptional, type IngestFs } from './fsLayer';
import { decodeBytes, normaliseText } from './decode';
import { extractHtml, type HtmlMeta } from './html';
import { extractMarkdown, type FrontMatter } from './markdown';

export type ArticleFormat = 'txt' | 'md' | 'html';

export const FORMAT_BY_EXTENSION: Readonly<Record<string, ArticleFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

export function formatOf(file: string): ArticleFormat | null {
  return FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()] ?? null;
}

export interface PreparedArticle {
  readonly ok: true;
  readonly format: ArticleFormat;
  readonly encoding: string;
  /** True when the encoding was detected rather than declared by a BOM or valid UTF-8. */
  readonly encodingGuessed: boolean;
  readonly text: string;
  readonly excluded: readonly ExcludedRange[];
  readonly frontMatter: FrontMatter;
  readonly frontMatterError: string | null;
  readonly html: HtmlMeta | null;
  /** HTML only: false when Readability found no article and the whole page text was used. */
  readonly readable: boolean;
  /** Markdown: the first "# heading". */
  readonly heading: string | null;
}

export type PrepareResult = PreparedArticle | { readonly ok: false; readonly reason: 'binary' | 'empty'; readonly detail: string };

/** Decodes, extracts and marks clutter; never throws. */
export function prepareArticle(bytes: Uint8Array, file: string, rules: ClutterRules = DEFAULT_CLUTTER): PrepareResult {
  const format = formatOf(file) ?? 'txt';
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, reason: 'binary', detail: decoded.reason };
  let text = decoded.text;
  let frontMatter: FrontMatter = {};
  let frontMatterError: string | null = null;
  let html: HtmlMeta | null = null;
  let readable = true;
  let heading: string | null = null;
  if (format === 'html') {
    const extract = extractHtml(text);
    text = normaliseText(extract.text);
    html = extract.meta;
    readable = extract.readable;
  } else if (format === 'md') {
    const extract = extractMarkdown(text);
    text = extract.text;
    frontMatter = extract.frontMatter;
    frontMatterError = extract.frontMatterError;
    heading = extract.heading;
  } else if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
  }
  if (!text.trim()) {
    return { ok: false, reason: 'empty', detail: format === 'html' ? 'the page has no readable text' : 'only white space' };
  }
  const excluded = findClutter(text, rules);
  return {
    ok: true,
    format,
    encoding: decoded.encoding,
    encodingGuessed: decoded.guessed,
    text,
    excluded,
    frontMatter,
    frontMatterError,
    html,
    readable,
    heading,
  };
}

/**
 * The clutter patterns for a folder: its own `lexicons/clutter.json` when it has one, else the
 * built-in file. Both the loader and the reader call this, so their offsets agree.
 */
export async function clutterForFolder(fs: IngestFs, folder: string): Promise<{ rules: ClutterRules; problem: string | null }> {
  let bytes: Uint8Array | null;
  try {
    bytes = await readOptional(fs, path.join(folder, ...CLUTTER_OVERRIDE.split('/')));
  } catch (err) {
    return { rules: DEFAULT_CLUTTER, problem: `${CLUTTER_OVERRIDE} could not be read (${errnoCode(err)}); the built-in clutter patterns are used.` };
  }
  if (bytes === null) return { rules: DEFAULT_CLUTTER, problem: null };
  try {
    return { rules: compileClutter(JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''))), problem: null };
  } catch (err) {
    const detail = err instanceof z.ZodError
      ? `${err.issues[0]?.path.join('.') ?? ''}: ${err.issues[0]?.message ?? 'invalid'}`
      : (err as Error).message;
    return { rules: DEFAULT_CLUTTER, problem: `${CLUTTER_OVERRIDE} is not valid (${detail}); the built-in clutter patterns are used.` };
  }
}
