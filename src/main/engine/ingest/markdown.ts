/**
 * Markdown articles: YAML front matter (between "---" lines at the very top) is read as metadata
 * with the `yaml` package and is not part of the article text; the body keeps its words and
 * paragraphs while heading marks, emphasis marks, link targets and images are removed, so the
 * reader shows clean text and nothing matches inside a URL.
 */
import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  readonly outlet?: string;
  readonly title?: string;
  readonly date?: string;
  readonly url?: string;
  readonly event?: string;
}

export interface MarkdownExtract {
  readonly text: string;
  readonly frontMatter: FrontMatter;
  /** Why front matter was ignored, when it was there but unreadable. */
  readonly frontMatterError: string | null;
  /** The first "# heading", if any. */
  readonly heading: string | null;
}

const FRONT = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function asString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  return undefined;
}

function pick(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const found = Object.keys(record).find((k) => k.toLowerCase() === key);
    const value = found === undefined ? undefined : asString(record[found]);
    if (value !== undefined) return value;
  }
  return undefined;
}

function readFrontMatter(yamlText: string): { frontMatter: FrontMatter; error: string | null } {
  let data: unknown;
  try {
    data = parseYaml(yamlText, { logLevel: 'error' });
  } catch (err) {
    return { frontMatter: {}, error: `front matter is not valid YAML (${(err as Error).message.split('\n')[0]?.replace(/:\s*$/, '') ?? ''})` };
  }
  if (data === null || data === undefined) return { frontMatter: {}, error: null };
  if (typeof data !== 'object' || Array.isArray(data)) return { frontMatter: {}, error: 'front matter is not a set of key: value fields' };
  const record = data as Record<string, unknown>;
  const fm: { -readonly [K in keyof FrontMatter]: FrontMatter[K] } = {};
  const outlet = pick(record, ['outlet', 'source', 'publication', 'publisher', 'site', 'site_name']);
  const title = pick(record, ['title', 'headline']);
  const date = pick(record, ['date', 'published', 'published_at', 'publication_date']);
  const url = pick(record, ['url', 'link', 'canonical_url']);
  const event = pick(record, ['event']);
  if (outlet !== undefined) fm.outlet = outlet;
  if (title !== undefined) fm.title = title;
  if (date !== undefined) fm.date = date;
  if (url !== undefined) fm.url = url;
  if (event !== undefined) fm.event = event;
  return { frontMatter: fm, error: null };
}

/** A line without any of these characters (or a leading list mark) has no Markdown to remove. */
const MARKUP = /[#>[<*_`]|^ {0,3}[-+][ \t]/;

export function cleanLine(line: string): string {
  if (!MARKUP.test(line)) return line;
  return line
    .replace(/^ {0,3}#{1,6}[ \t]+/, '')
    .replace(/[ \t]+#+[ \t]*$/, '')
    .replace(/^ {0,3}>[ \t]?/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<https?:\/\/[^>]+>/g, '')
    .replace(/(\*\*|__)(?=\S)([^*_]+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?=$|[^\w*])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^ {0,3}([-*+])[ \t]+/, '• ');
}

/** Splits front matter from a Markdown text and cleans the body; never throws. */
export function extractMarkdown(source: string): MarkdownExtract {
  let body = source;
  let frontMatter: FrontMatter = {};
  let frontMatterError: string | null = null;
  const m = FRONT.exec(source);
  if (m) {
    const read = readFrontMatter(m[1] ?? '');
    frontMatter = read.frontMatter;
    frontMatterError = read.error;
    body = source.slice(m[0].length);
  }
  let heading: string | null = null;
  const lines: string[] = [];
  let inFence = false;
  for (const raw of body.split('\n')) {
    if (/^ {0,3}(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      lines.push(raw);
      continue;
    }
    if (/^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/.test(raw) || /^ {0,3}(=+|-+)[ \t]*$/.test(raw)) {
      lines.push('');
      continue;
    }
    if (heading === null) {
      const h = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/.exec(raw);
      if (h?.[1]) heading = cleanLine(h[1]).trim();
    }
    lines.push(cleanLine(raw));
  }
  const text = lines.join('\n').replace(/^\n+/, '');
  return { text, frontMatter, frontMatterError, heading };
}
