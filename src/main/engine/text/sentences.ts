/**
 * Sentence splitting with offsets. Lines are always boundaries (articles saved from the web put
 * one paragraph, heading, caption or bullet per line); inside a line a sentence ends at . ! ? or …
 * (plus any closing quotes or brackets) followed by space and a capital, digit or opening quote,
 * unless the word before the stop is a known abbreviation ("U.S.", "Oct.", "Jan. 7", "Mr.") or
 * a single initial. A bullet or list marker opening a line ("•", "-", "*", "1.", "a)") is not
 * part of the sentence and never ends one.
 *
 * Scans character codes, not one-character strings: it runs over every character of the corpus.
 */
import type { Span } from '../document';

const ABBREVIATIONS = new Set([
  'u.s', 'u.k', 'u.n', 'e.u', 'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm',
  'sen', 'rep', 'gov', 'pres', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'a.m', 'p.m', 'approx',
  'mt', 'ft', 'fig', 'gen', 'brig', 'cmdr', 'rev', 'hon', 'dept', 'est', 'nos', 'vol',
]);

/** " ” ’ ' ) ] » */
const CLOSERS = new Set([0x22, 0x201d, 0x2019, 0x27, 0x29, 0x5d, 0xbb]);
/** Bullet characters that may open a list line. */
const BULLETS = new Set([0x2022, 0x2023, 0x25e6, 0x2043, 0x2219, 0x25aa, 0x25cf, 0x2d, 0x2a, 0x2013, 0x2014, 0xb7, 0x25a0]);

const isSpace = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 ||
  (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isUpper = (ch: string): boolean => /\p{Lu}/u.test(ch);

/** May a sentence start with this character? Capitals, digits, opening quotes and brackets. */
function opensSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  if (isDigit(c)) return true;
  if (c === 0x22 || c === 0x201c || c === 0x2018 || c === 0x27 || c === 0x28 || c === 0x5b) return true;
  if (c < 128) return false;
  const ch = String.fromCodePoint(text.codePointAt(i) ?? c);
  return isUpper(ch) || /\p{N}/u.test(ch);
}

function isAbbreviationBefore(text: string, lineStart: number, stop: number): boolean {
  // The word immediately before the stop, including inner dots ("U.S").
  let i = stop - 1;
  while (i >= lineStart) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || isAsciiLetter(c) || (c >= 128 && isLetter(text[i] ?? ''))) i -= 1;
    else break;
  }
  const word = text.slice(i + 1, stop).toLowerCase();
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  return word.length === 1 && isUpper(text[i + 1] ?? ''); // single initial: "J. Smith"
}

/** End of a leading list marker ("• ", "- ", "1. ", "a) ", "(2) "), or `from` when there is none. */
export function listMarkerEnd(text: string, from: number, lineEnd: number): number {
  let i = from;
  while (i < lineEnd && isSpace(text.charCodeAt(i))) i += 1;
  const c = text.charCodeAt(i);
  let j = i;
  if (BULLETS.has(c)) j = i + 1;
  else {
    let k = i;
    if (c === 0x28) k += 1; // "(2)"
    const numStart = k;
    while (k < lineEnd && isDigit(text.charCodeAt(k))) k += 1;
    if (k === numStart && k < lineEnd && isAsciiLetter(text.charCodeAt(k)) && (text.charCodeAt(k + 1) === 0x29)) k += 1; // "a)"
    if (k === numStart || k - numStart > 3) return from;
    const d = text.charCodeAt(k);
    if (d !== 0x2e && d !== 0x29) return from;
    j = k + 1;
  }
  if (j >= lineEnd || !isSpace(text.charCodeAt(j))) return from;
  while (j < lineEnd && isSpace(text.charCodeAt(j))) j += 1;
  return j;
}

function splitLine(text: string, lineStart: number, lineEnd: number, out: Span[]): void {
  let start = listMarkerEnd(text, lineStart, lineEnd);
  for (let i = start; i < lineEnd; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 0x2e && c !== 0x21 && c !== 0x3f && c !== 0x2026) continue;
    let end = i + 1;
    while (end < lineEnd) {
      const d = text.charCodeAt(end);
      if (CLOSERS.has(d) || d === 0x2e) end += 1;
      else break;
    }
    if (end >= lineEnd || !isSpace(text.charCodeAt(end))) continue;
    let next = end;
    while (next < lineEnd && isSpace(text.charCodeAt(next))) next += 1;
    if (next >= lineEnd || !opensSentence(text, next)) continue;
    const after = text.charCodeAt(next);
    const quoteAfter = after === 0x22 || after === 0x201c || after === 0x2018 || after === 0x27;
    if (c === 0x2e && !quoteAfter && isAbbreviationBefore(text, lineStart, i)) continue;
    pushTrimmed(text, start, end, out);
    start = next;
    i = next - 1;
  }
  pushTrimmed(text, start, lineEnd, out);
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s += 1;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e -= 1;
  if (e > s) out.push({ start: s, end: e });
}

/** Splits text into sentence spans (offsets into `text`), in order, never empty. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    splitLine(text, lineStart, lineEnd, out);
    lineStart = lineEnd + 1;
  }
  return out;
}
