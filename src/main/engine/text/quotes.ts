/**
 * Direct quotations in an article: spans between quotation marks, straight or curly, double or
 * single, including quotes that run over several paragraphs (by convention each continued
 * paragraph opens with a quotation mark and only the last one closes).
 *
 * Labels inside a quote are the quoted speaker's words, not the outlet's; voices are found from
 * these spans. Single quotes are read as quotation marks only where an apostrophe cannot be
 * meant: an opening ‘ or ' must start a word after a space, line start or bracket, and the
 * closing ’ or ' must not be followed by a letter ("Israel's" stays a word).
 */
import type { Doc, Span } from '../document';
import { slot, type Component } from '../pipeline';
import { sentenceAt } from './buildDoc';

export interface QuoteSpan extends Span {
  /** The quoted words, without the quotation marks: [contentStart, contentEnd). */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Quotes continued over several paragraphs share one group number (index of the first part). */
  readonly group: number;
  /** Index of the sentence where the quote opens (in Doc.sentences). */
  readonly sentence: number;
}

const OPEN_DOUBLE = new Set(['“', '"', '«', '„']);
const CLOSE_DOUBLE = new Set(['”', '"', '»', '“']);
const OPEN_SINGLE = new Set(['‘', "'"]);
const CLOSE_SINGLE = new Set(['’', "'"]);

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isOpeningContext = (ch: string | undefined): boolean => ch === undefined || /[\s([{—–-]/u.test(ch);

const QUOTE_MARKS = /[“”"«»„‘’']/g;

/** Index into `marks` of the mark closing a quote opened at marks[from - 1], or -1 before lineEnd. */
function closeAt(text: string, marks: readonly number[], from: number, lineEnd: number, single: boolean, opener: string): number {
  for (let k = from; k < marks.length; k += 1) {
    const i = marks[k] ?? lineEnd;
    if (i >= lineEnd) return -1;
    const ch = text[i] ?? '';
    if (single) {
      if (CLOSE_SINGLE.has(ch) && !isLetter(text[i + 1]) && i > (marks[from - 1] ?? 0) + 1) return k;
    } else if (CLOSE_DOUBLE.has(ch) && !(ch === '“' && opener !== '„')) {
      // A straight quote closes a straight quote; a curly opener is closed by ” (or “ after „).
      if (opener === '"' ? ch === '"' : ch !== '"') return k;
    }
  }
  return -1;
}


/** Finds the direct quotes of a document, in text order. Visits only the quotation marks. */
export function findQuotes(doc: Doc): QuoteSpan[] {
  const { text } = doc;
  const marks: number[] = [];
  QUOTE_MARKS.lastIndex = 0;
  for (let m = QUOTE_MARKS.exec(text); m !== null; m = QUOTE_MARKS.exec(text)) marks.push(m.index);
  const out: QuoteSpan[] = [];
  if (marks.length === 0) return out;
  let k = 0;
  let lineStart = 0;
  let openGroup = -1; // a quote left open at the end of the previous paragraph
  while (lineStart <= text.length && k < marks.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let firstInLine = lineStart;
    while (firstInLine < lineEnd && /\s/.test(text[firstInLine] ?? '')) firstInLine += 1;
    if (firstInLine === lineEnd && lineEnd < text.length) {
      // A blank line between paragraphs keeps a quote left open above it open.
      lineStart = lineEnd + 1;
      continue;
    }
    let continuing = (marks[k] ?? -1) === firstInLine ? openGroup : -1;
    openGroup = -1;
    while (k < marks.length && (marks[k] ?? lineEnd) < lineEnd) {
      const i = marks[k] ?? 0;
      const ch = text[i] ?? '';
      k += 1;
      const double = OPEN_DOUBLE.has(ch);
      const single = !double && OPEN_SINGLE.has(ch) && isOpeningContext(text[i - 1]) && isLetter(text[i + 1]);
      if (!double && !single) continue;
      if (double && !isOpeningContext(text[i - 1]) && i !== firstInLine && !/[,:.]/.test(text[i - 1] ?? '')) continue;
      const closeK = closeAt(text, marks, k, lineEnd, single, ch);
      const close = closeK === -1 ? -1 : (marks[closeK] ?? -1);
      const group = continuing >= 0 && i === firstInLine ? continuing : out.length;
      continuing = -1;
      const end = close === -1 ? lineEnd : close + 1;
      let contentEnd = close === -1 ? lineEnd : close;
      while (contentEnd > i + 1 && /\s/.test(text[contentEnd - 1] ?? '')) contentEnd -= 1;
      if (contentEnd > i + 1) {
        out.push({ start: i, end, contentStart: i + 1, contentEnd, group, sentence: sentenceAt(doc, i) });
      }
      if (close === -1) {
        // Open at the end of the paragraph: it continues only if the next paragraph opens with a quote mark.
        openGroup = group;
        while (k < marks.length && (marks[k] ?? lineEnd) < lineEnd) k += 1;
        break;
      }
      k = closeK + 1;
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

/** True when [start, end) lies inside the quoted words of one of the (sorted) quotes. */
export function insideQuote(quotes: readonly QuoteSpan[], start: number, end: number): QuoteSpan | undefined {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid];
    if (q === undefined) break;
    if (q.contentEnd < end) lo = mid + 1;
    else if (q.contentStart > start) hi = mid - 1;
    else return q;
  }
  return undefined;
}

export const QUOTES = slot<readonly QuoteSpan[]>('quotes');

/** Pipeline component: finds direct quotes once for every measure that needs them. */
export const quotesComponent: Component = {
  name: 'quotes',
  requires: [],
  assigns: [QUOTES],
  run(ctx) {
    ctx.set(QUOTES, findQuotes(ctx.doc));
  },
};
