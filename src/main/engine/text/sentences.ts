/**
 * Sentence splitting with offsets. Lines are always boundaries (articles saved from the web put
 * one paragraph, heading, caption or bullet per line); inside a line a sentence ends at . ! ? or …
 * (plus any closing quotes or brackets) followed by space and a capital, digit or opening quote,
 * unless the word before the stop is a known abbreviation ("U.S.", "Oct.", "Jan. 7", "Mr.") or
 * a single initial. A bullet or list marker opening a line ("•", "-", "*", "1.", "a)") is not
 * part of the sentence and never ends one.
 *
 * Works on the tokens (see `sentenceSpans`): only punctuation tokens are examined.
 */
import type { Span, Token } from '../document';
import { tokenize } from './tokenize';

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

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x2e || isAsciiLetter(c) || (c >= 128 && isLetter(text[i] ?? ''));
}

function isAbbreviationBefore(text: string, lineStart: number, stop: number): boolean {
  // The word immediately before the stop, including inner dots ("U.S").
  let i = stop - 1;
  // Abbreviations are short: give up on a longer word without slicing it.
  const limit = Math.max(lineStart, stop - 8);
  while (i >= limit) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || isAsciiLetter(c) || (c >= 128 && isLetter(text[i] ?? ''))) i -= 1;
    else break;
  }
  if (i >= lineStart && i === limit - 1 && isWordCode(text, i)) return false;
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

const isStopCode = (c: number): boolean => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;

/** A sentence with its token range [firstToken, endToken) in the token list it was split from. */
export interface TokenSentence extends Span {
  readonly firstToken: number;
  readonly endToken: number;
}

/**
 * Splits tokenised text into sentences (offsets into `text`, token ranges into `tokens`), in
 * order, never empty. Works on the tokens, so only punctuation tokens are examined: every
 * non-space character belongs to a token, so a gap between two tokens is whitespace.
 */
export function sentenceSpans(text: string, tokens: readonly Token[]): TokenSentence[] {
  const out: TokenSentence[] = [];
  const n = tokens.length;
  const push = (first: number, end: number): void => {
    out.push({ start: tokens[first]?.start ?? 0, end: tokens[end - 1]?.end ?? 0, firstToken: first, endToken: end });
  };
  let i = 0;
  while (i < n) {
    const head = tokens[i]?.start ?? 0;
    const lineStart = text.lastIndexOf('\n', head - 1) + 1;
    let lineEnd = text.indexOf('\n', head);
    if (lineEnd === -1) lineEnd = text.length;
    let j = i;
    while (j < n && (tokens[j]?.start ?? 0) < lineEnd) j += 1;
    const markerEnd = listMarkerEnd(text, lineStart, lineEnd);
    let first = i;
    if (markerEnd > lineStart) while (first < j && (tokens[first]?.start ?? 0) < markerEnd) first += 1;
    for (let k = first; k < j; k += 1) {
      const tok = tokens[k];
      if (tok === undefined || tok.kind !== 'punct') continue;
      const c = text.charCodeAt(tok.start);
      if (!isStopCode(c)) continue;
      // Closing quotes, brackets and further dots written right after the stop.
      let e = k + 1;
      while (e < j) {
        const next = tokens[e];
        const prev = tokens[e - 1];
        if (next === undefined || prev === undefined || next.start !== prev.end || next.end - next.start !== 1) break;
        const d = text.charCodeAt(next.start);
        if (!CLOSERS.has(d) && d !== 0x2e) break;
        e += 1;
      }
      if (e >= j) continue;
      const after = tokens[e];
      if (after === undefined || after.start === tokens[e - 1]?.end) continue;
      if (!opensSentence(text, after.start)) continue;
      const a = text.charCodeAt(after.start);
      const quoteAfter = a === 0x22 || a === 0x201c || a === 0x2018 || a === 0x27;
      if (c === 0x2e && !quoteAfter && isAbbreviationBefore(text, lineStart, tok.start)) continue;
      if (e > first) push(first, e);
      first = e;
      k = e - 1;
    }
    if (j > first) push(first, j);
    i = j;
  }
  return out;
}

/** Splits text into sentence spans (offsets into `text`), in order, never empty. */
export function splitSentences(text: string): Span[] {
  return sentenceSpans(text, tokenize(text)).map((s) => ({ start: s.start, end: s.end }));
}
