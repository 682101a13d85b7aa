/**
 * HTML articles: the main text is extracted with Mozilla's Readability (the Firefox reader view)
 * on a server-side DOM (linkedom), then flattened to plain text with paragraph breaks. Only text
 * leaves this module: no markup, script, style or iframe can reach the renderer. Page metadata
 * (site name, title, publication date, canonical URL) is read from the head before extraction.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** linkedom's types need the DOM library, which the engine does not load: its shape, here. */
const parseDocument = parseHTML as unknown as (html: string) => { document: MiniDocument };

/** The few DOM members this module uses, typed here because the engine has no DOM library. */
interface MiniNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<MiniNode>;
  getAttribute?: (name: string) => string | null;
}

interface MiniDocument {
  readonly title?: string;
  readonly body: MiniNode | null;
  readonly documentElement: MiniNode | null;
  querySelectorAll: (selector: string) => ArrayLike<MiniNode>;
}

export interface HtmlMeta {
  readonly title: string | null;
  readonly siteName: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly byline: string | null;
}

export interface HtmlExtract {
  readonly text: string;
  readonly meta: HtmlMeta;
  /** True when Readability found an article; false when the whole body text was used. */
  readonly readable: boolean;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'HEAD', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'NAV']);
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'FIGURE', 'FIGCAPTION', 'HR', 'DL', 'DT', 'DD', 'ADDRESS', 'BODY',
]);

/** Flattens a DOM subtree to text: blocks become paragraphs, <br> a line break, list items "• ". */
function flatten(root: MiniNode): string {
  const blocks: string[] = [];
  let current = '';
  const flush = (): void => {
    const t = current.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (t) blocks.push(t);
    current = '';
  };
  const walk = (node: MiniNode): void => {
    if (node.nodeType === 3) {
      current += (node.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    if (name === 'LI') current += '• ';
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i += 1) {
      const kid = kids[i];
      if (kid) walk(kid);
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}

function metaContent(doc: MiniDocument, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    const nodes = doc.querySelectorAll(selector);
    for (let i = 0; i < nodes.length; i += 1) {
      const node = nodes[i];
      const value = (node?.getAttribute?.('content') ?? node?.getAttribute?.('href') ?? '').trim();
      if (value) return value.replace(/\s+/g, ' ');
    }
  }
  return null;
}

function readMeta(doc: MiniDocument): Omit<HtmlMeta, 'byline'> {
  const titleNode = doc.querySelectorAll('title')[0];
  const titleText = titleNode ? flatten(titleNode).replace(/\s+/g, ' ').trim() : '';
  return {
    title: metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? (titleText || null),
    siteName: metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]']),
    published: metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[name="date"]',
      'meta[name="pubdate"]',
      'meta[name="publish-date"]',
      'meta[itemprop="datePublished"]',
      'meta[name="dc.date"]',
    ]),
    url: metaContent(doc, ['link[rel="canonical"]', 'meta[property="og:url"]']),
  };
}

/** "Headline - Site Name" → "Headline". */
export function stripSiteSuffix(title: string, site: string | null): string {
  if (!site) return title;
  for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ']) {
    const suffix = `${sep}${site}`;
    if (title.toLowerCase().endsWith(suffix.toLowerCase())) return title.slice(0, -suffix.length).trim();
  }
  return title;
}

/** Readability's serializer: hand back the article's DOM node itself, to flatten below. */
const keepNode = (node: unknown): MiniNode => node as MiniNode;

/** Extracts the article text and metadata from an HTML page; never throws. */
export function extractHtml(html: string): HtmlExtract {
  const empty: HtmlMeta = { title: null, siteName: null, published: null, url: null, byline: null };
  let meta: Omit<HtmlMeta, 'byline'> = empty;
  try {
    const doc = parseDocument(html).document;
    meta = readMeta(doc);
    let article: { content: MiniNode | null; byline: string | null; title: string | null } | null = null;
    try {
      const reader = new Readability<MiniNode>(doc as never, { serializer: keepNode });
      const parsed = reader.parse();
      if (parsed?.content) article = { content: parsed.content, byline: parsed.byline ?? null, title: parsed.title ?? null };
    } catch {
      article = null;
    }
    const rawTitle = meta.title ?? (article?.title || null);
    const title = rawTitle ? stripSiteSuffix(rawTitle, meta.siteName) : null;
    if (article?.content) {
      let text = flatten(article.content);
      // Readability drops the headline it reads as the title; put it back as the first line, as in
      // a saved text article, so the reader shows it and title inference sees it.
      if (title && !text.startsWith(title)) text = text ? `${title}\n\n${text}` : title;
      if (text.trim()) return { text, meta: { ...meta, title, byline: article.byline }, readable: true };
    }
    // Readability gives up on short pages: use the body text (already cleared of scripts, etc.).
    const fresh = parseDocument(html).document;
    const root = fresh.body ?? fresh.documentElement;
    const text = root ? flatten(root) : '';
    return { text, meta: { ...meta, title, byline: null }, readable: false };
  } catch {
    return { text: '', meta: { ...empty, ...meta }, readable: false };
  }
}
