/**
 * Tokeniser with character offsets: one pass of one regular expression over the text. Words
 * keep inner apostrophes and hyphens ("Hamas-run", "Israel's", "don’t"), numbers keep their
 * separators ("22,835", "1.5"), and curly quotes never stick to words (the `sentiment`
 * package's own tokeniser loses "‘avoid" and "commitment”").
 */
import type { Token } from '../document';

const TOKEN =
  /(\p{N}[\p{N},.]*\p{N}|\p{N})|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-‐‑][\p{L}\p{M}\p{N}]+)*)|(\S)/gu;

/** Lower-cases and folds typographic variants so lexicon entries match however it was typed. */
export function normalizeForMatch(s: string): string {
  return s.toLowerCase().replace(/[’‘]/g, "'").replace(/[‐‑–—]/g, '-').replace(/[“”]/g, '"');
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN.source, TOKEN.flags);
  const slice = from === 0 && to === text.length ? text : text.slice(0, to);
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const raw = m[0];
    const start = m.index;
    const kind = m[1] !== undefined ? 'number' : m[2] !== undefined ? 'word' : 'punct';
    tokens.push({ start, end: start + raw.length, norm: normalizeForMatch(raw), kind });
  }
  return tokens;
}
