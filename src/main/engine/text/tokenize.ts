/**
 * Tokeniser with character offsets: one hand-written pass over the text's character codes (a
 * unicode regular expression per token costs about twice as much). Words keep inner apostrophes
 * and hyphens ("Hamas-run", "Israel's", "don’t"), numbers keep their separators ("22,835",
 * "1.5"), and curly quotes never stick to words (the `sentiment` package's own tokeniser loses
 * "‘avoid" and "commitment”").
 *
 * The grammar is exactly the regular expression it replaced:
 *   number: \p{N}[\p{N},.]*\p{N} | \p{N}
 *   word:   [\p{L}\p{M}][\p{L}\p{M}\p{N}]* (['’\-‐‑][\p{L}\p{M}\p{N}]+)*
 *   punct:  any other single non-space character (a whole code point)
 */
import type { Token } from '../document';

/** Lower-cases and folds typographic variants so lexicon entries match however it was typed. */
export function normalizeForMatch(s: string): string {
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i += 1) {
    const c = lower.charCodeAt(i);
    if (c === 0x2018 || c === 0x2019 || c === 0x2010 || c === 0x2011 || c === 0x2013 || c === 0x2014 || c === 0x201c || c === 0x201d) {
      return lower.replace(/[’‘]/g, "'").replace(/[‐‑–—]/g, '-').replace(/[“”]/g, '"');
    }
  }
  return lower;
}

/** Normalised forms of the one-character punctuation tokens that fold (’ → ', “ → ", — → -). */
const FOLDED_PUNCT: readonly (string | undefined)[] = (() => {
  const folded = new Map<number, string>([
    [0x2018, "'"], [0x2019, "'"], [0x201c, '"'], [0x201d, '"'], [0x2010, '-'], [0x2011, '-'], [0x2013, '-'], [0x2014, '-'],
  ]);
  // Indexed by code - 0x2010, for U+2010..U+201D.
  return Array.from({ length: 0x201e - 0x2010 }, (_, k) => folded.get(0x2010 + k));
})();

/** One-character strings of the ASCII range, shared by every punctuation token. */
const ASCII_CHARS: readonly string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

const SPACE = 1;
const LETTER = 2; // \p{L} or \p{M}
const DIGIT = 3; // \p{N}
const OTHER = 4;

/** Character classes of the Basic Multilingual Plane, filled lazily (0 = not yet known). */
const BMP = new Uint8Array(65536);
for (let c = 0; c < 128; c += 1) {
  const ch = String.fromCharCode(c);
  BMP[c] = /\s/.test(ch) ? SPACE : /[A-Za-z]/.test(ch) ? LETTER : /[0-9]/.test(ch) ? DIGIT : OTHER;
}

function classifyCodePoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (/\s/u.test(ch)) return SPACE;
  if (/[\p{L}\p{M}]/u.test(ch)) return LETTER;
  if (/\p{N}/u.test(ch)) return DIGIT;
  return OTHER;
}

/** Class of the code point starting at `i` (surrogate pairs read as one). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    let k = BMP[c] ?? 0;
    if (k === 0) {
      k = classifyCodePoint(c);
      BMP[c] = k;
    }
    return k;
  }
  const cp = text.codePointAt(i) ?? c;
  return classifyCodePoint(cp);
}

/** Length in code units of the code point at `i`. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Word-inner joiners: ' ’ - ‐ ‑ */
function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2010 || c === 0x2011;
}

function isWordChar(k: number): boolean {
  return k === LETTER || k === DIGIT;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? (BMP[c] ?? OTHER) : classAt(text, i);
    if (k === SPACE) {
      i += 1;
      continue;
    }
    const start = i;
    if (k === LETTER) {
      // ASCII words (most of a text) are lower-cased here: most need nothing, most of the rest
      // only their first letter.
      const firstUpper = c >= 65 && c <= 90;
      let restUpper = false;
      let ascii = c < 128;
      i += widthAt(text, i);
      for (;;) {
        while (i < to) {
          const d = text.charCodeAt(i);
          if (d >= 97 && d <= 122) {
            i += 1;
            continue;
          }
          const kd = d < 128 ? (BMP[d] ?? OTHER) : classAt(text, i);
          if (!isWordChar(kd)) break;
          if (d >= 65 && d <= 90) restUpper = true;
          else if (d >= 128) ascii = false;
          i += widthAt(text, i);
        }
        // A joiner continues the word only when a word character follows it.
        if (i + 1 < to && isJoiner(text.charCodeAt(i)) && isWordChar(classAt(text, i + 1))) {
          if (text.charCodeAt(i) !== 0x27 && text.charCodeAt(i) !== 0x2d) ascii = false;
          i += 1;
          continue;
        }
        break;
      }
      let norm: string;
      if (!ascii) norm = normalizeForMatch(text.slice(start, i));
      else if (restUpper) norm = text.slice(start, i).toLowerCase();
      else if (firstUpper) norm = (ASCII_CHARS[c + 32] ?? '') + text.slice(start + 1, i);
      else norm = text.slice(start, i);
      tokens.push({ start, end: i, norm, kind: 'word' });
      continue;
    }
    if (k === DIGIT) {
      let ascii = c < 128;
      i += widthAt(text, i);
      let lastDigitEnd = i;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (d === 0x2c || d === 0x2e) {
          i += 1;
          continue;
        }
        const kd = d < 128 ? (BMP[d] ?? OTHER) : classAt(text, i);
        if (kd !== DIGIT) break;
        if (d >= 128) ascii = false;
        i += widthAt(text, i);
        lastDigitEnd = i;
      }
      i = lastDigitEnd;
      const raw = text.slice(start, i);
      tokens.push({ start, end: i, norm: ascii ? raw : normalizeForMatch(raw), kind: 'number' });
      continue;
    }
    if (c < 128) {
      i += 1;
      tokens.push({ start, end: i, norm: ASCII_CHARS[c] ?? String.fromCharCode(c), kind: 'punct' });
      continue;
    }
    i += widthAt(text, i);
    const folded = c >= 0x2010 && c <= 0x201d ? FOLDED_PUNCT[c - 0x2010] : undefined;
    tokens.push({ start, end: i, norm: folded ?? normalizeForMatch(text.slice(start, i)), kind: 'punct' });
  }
  return tokens;
}
