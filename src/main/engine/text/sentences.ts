/**
 * Sentence splitting with offsets. Lines are always boundaries (articles saved from the web put
 * one paragraph, heading, caption or bullet per line); inside a line a sentence ends at . ! or ?
 * (plus any closing quotes or brackets) followed by space and a capital, digit or opening quote,
 * unless the word before the stop is a known abbreviation ("U.S.", "Oct.", "Jan. 7", "Mr.") or
 * a single initial.
 */
import type { Span } from '../document';

const ABBREVIATIONS = new Set([
  'u.s', 'u.k', 'u.n', 'e.u', 'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm',
  'sen', 'rep', 'gov', 'pres', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'a.m', 'p.m', 'approx',
]);

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

function isAbbreviationBefore(line: string, stop: number): boolean {
  // The word immediately before the stop, including inner dots ("U.S").
  let i = stop - 1;
  while (i >= 0 && /[\p{L}.]/u.test(line[i] ?? '')) i -= 1;
  const word = line.slice(i + 1, stop).toLowerCase();
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  return /^\p{L}$/u.test(word) && /\p{Lu}/u.test(line[i + 1] ?? ''); // single initial: "J. Smith"
}

function splitLine(text: string, lineStart: number, lineEnd: number, out: Span[]): void {
  const line = text.slice(lineStart, lineEnd);
  let start = 0;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < line.length && (CLOSERS.has(line[end] ?? '') || line[end] === '.')) end += 1;
    if (end >= line.length || !/\s/.test(line[end] ?? '')) continue;
    let next = end;
    while (next < line.length && /\s/.test(line[next] ?? '')) next += 1;
    const after = line[next] ?? '';
    if (!/[\p{Lu}\p{N}"“‘'([]/u.test(after)) continue;
    if (ch === '.' && isAbbreviationBefore(line, i) && !/["“‘']/.test(after)) continue;
    pushTrimmed(text, lineStart + start, lineStart + end, out);
    start = next;
    i = next - 1;
  }
  pushTrimmed(text, lineStart + start, lineEnd, out);
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s += 1;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
  if (e > s) out.push({ start: s, end: e });
}

/** Splits text into sentence spans (offsets into `text`), in order, never empty. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i === text.length || text[i] === '\n') {
      splitLine(text, lineStart, i, out);
      lineStart = i + 1;
    }
  }
  return out;
}
