/**
 * One scan of an article's scored text (the text outside its clutter ranges) that gives what the
 * loader needs from its words: how many there are, a hash of each lower-cased word (for the
 * near-duplicate signature) and the stopword shares of the language guess. No word string is
 * built for plain text: ASCII words are hashed and compared straight from the character codes.
 *
 * The words are exactly those of `shingleWords(scoredText(text, excluded))`, the regular
 * expression `[\p{L}\p{N}]+(?:['’][\p{L}]+)*` over the lower-cased text, and the hashes those of
 * `fnv(word)`: a whitespace-separated chunk holding a character outside ASCII and a few common
 * punctuation marks is lower-cased and matched with that very expression, so accented names,
 * other scripts and case mappings that change length all give the same words. (Lower-casing
 * never looks across white space, so chunk by chunk equals the whole text at once.)
 */
import type { Span } from '../document';
import { languageFromCounts, stopwordByHash, LANGUAGE_SAMPLE, type LanguageGuess } from './infer';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a string, 32 bits (the word hash of the near-duplicate signature). */
export function fnv(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * Characters outside ASCII that are neither letters nor digits and that lower-casing leaves
 * alone: no-break space, curly quotes, dashes, ellipsis, bullets, guillemets, currency and
 * degree signs. A chunk of ASCII and these is scanned without building strings.
 */
const PLAIN_MARKS: readonly number[] = [
  0x00a0, 0x00a3, 0x00a9, 0x00ab, 0x00ae, 0x00b0, 0x00b7, 0x00bb, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2026, 0x2032, 0x2033, 0x20ac, 0x2122,
];

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

export interface ScannedWords {
  /** Number of words. */
  readonly count: number;
  /** FNV-1a hash of each lower-cased word, in order. */
  readonly hashes: Uint32Array;
  /** The stopword guess over the first LANGUAGE_SAMPLE words (see detectLanguage). */
  readonly language: LanguageGuess;
}

/** Words found so far: the hash buffer grows by doubling. */
interface Sink {
  hashes: Uint32Array;
  count: number;
  /** Words looked at for the language guess, and the stopword counts per language bit. */
  sampled: number;
  readonly language: Int32Array;
}

function push(sink: Sink, h: number): void {
  if (sink.count === sink.hashes.length) {
    const grown = new Uint32Array(sink.hashes.length * 2);
    grown.set(sink.hashes);
    sink.hashes = grown;
  }
  sink.hashes[sink.count] = h;
  sink.count += 1;
}

/** Adds `by` (1, or -1 to take a tally back) to the count of each language in `bits`. */
function tally(sink: Sink, bits: number, by: number): void {
  for (let b = 0, rest = bits; rest !== 0; b += 1, rest >>>= 1) if (rest & 1) sink.language[b] = (sink.language[b] ?? 0) + by;
}

/** A chunk holding other characters: lower-cased and matched with the word pattern itself. */
function slowChunk(sink: Sink, chunk: string): void {
  for (const m of chunk.toLowerCase().matchAll(WORD)) {
    const word = m[0];
    const h = fnv(word);
    push(sink, h);
    if (sink.sampled < LANGUAGE_SAMPLE) {
      sink.sampled += 1;
      const stop = stopwordByHash(h);
      if (stop !== undefined && stop.word === word) tally(sink, stop.bits, 1);
    }
  }
}

/** PLAIN_MARKS as a table by char code. */
const PLAIN_TABLE = new Uint8Array(Math.max(...PLAIN_MARKS) + 1);
for (const c of PLAIN_MARKS) PLAIN_TABLE[c] = 1;

function isPlainMark(c: number): boolean {
  return c < PLAIN_TABLE.length && PLAIN_TABLE[c] === 1;
}

/**
 * The language bits tallied for the words of the current chunk, to take back if it is not plain
 * (grown when a chunk holds more stopwords than it has room for).
 */
let chunkTallies = new Int32Array(64);

/**
 * Hashes the words from `start` to `end` (a scored segment) in one pass over the character codes.
 * A white-space-separated chunk of ASCII and plain marks is hashed straight from the codes, no
 * strings built; on meeting any other character, the words already taken from its chunk are
 * taken back and the whole chunk goes to slowChunk.
 */
function scanSegment(sink: Sink, text: string, start: number, end: number): void {
  // Where the current chunk starts, and the sink as it was there.
  let chunkStart = start;
  let chunkCount = sink.count;
  let chunkSampled = sink.sampled;
  let tallied = 0;
  let k = start;
  while (k < end) {
    let c = text.charCodeAt(k);
    if (!isAsciiWordChar(c)) {
      if (c >= 128 && !isPlainMark(c)) {
        sink.count = chunkCount;
        sink.sampled = chunkSampled;
        for (let t = 0; t < tallied; t += 1) tally(sink, chunkTallies[t] ?? 0, -1);
        let chunkEnd = k + 1;
        while (chunkEnd < end && !isSpace(text.charCodeAt(chunkEnd))) chunkEnd += 1;
        slowChunk(sink, text.slice(chunkStart, chunkEnd));
        k = chunkEnd;
        chunkStart = k;
        chunkCount = sink.count;
        chunkSampled = sink.sampled;
        tallied = 0;
        continue;
      }
      k += 1;
      if (isSpace(c)) {
        chunkStart = k;
        chunkCount = sink.count;
        chunkSampled = sink.sampled;
        tallied = 0;
      }
      continue;
    }
    const wordStart = k;
    let h = FNV_OFFSET;
    while (k < end && isAsciiWordChar((c = text.charCodeAt(k)))) {
      h = Math.imul(h ^ lower(c), FNV_PRIME);
      k += 1;
    }
    // Apostrophe groups: "don't", "Israel’s".
    while (k + 1 < end && ((c = text.charCodeAt(k)) === 39 || c === 0x2019) && isAsciiLetter(text.charCodeAt(k + 1))) {
      h = Math.imul(h ^ c, FNV_PRIME);
      k += 1;
      while (k < end && isAsciiLetter((c = text.charCodeAt(k)))) {
        h = Math.imul(h ^ lower(c), FNV_PRIME);
        k += 1;
      }
    }
    h >>>= 0;
    push(sink, h);
    if (sink.sampled < LANGUAGE_SAMPLE) {
      sink.sampled += 1;
      const stop = stopwordByHash(h);
      if (stop !== undefined && stop.word.length === k - wordStart) {
        let same = true;
        for (let q = 0; q < stop.word.length && same; q += 1) same = lower(text.charCodeAt(wordStart + q)) === stop.word.charCodeAt(q);
        if (same) {
          tally(sink, stop.bits, 1);
          if (tallied === chunkTallies.length) {
            const grown = new Int32Array(tallied * 2);
            grown.set(chunkTallies);
            chunkTallies = grown;
          }
          chunkTallies[tallied] = stop.bits;
          tallied += 1;
        }
      }
    }
  }
}

/** Scans the words of `text` outside the sorted, non-overlapping `excluded` ranges. */
export function scanWords(text: string, excluded: readonly Span[]): ScannedWords {
  const sink: Sink = { hashes: new Uint32Array(Math.max(16, text.length >>> 2)), count: 0, sampled: 0, language: new Int32Array(32) };
  let pos = 0;
  let r = 0;
  while (pos < text.length) {
    // The end of the current scored segment, and where the next one starts.
    let to = text.length;
    let next = text.length;
    while (r < excluded.length) {
      const range = excluded[r];
      if (range === undefined || range.start > pos) {
        if (range !== undefined) {
          to = range.start;
          next = Math.max(pos, range.end);
        }
        break;
      }
      pos = Math.max(pos, range.end);
      r += 1;
    }
    if (r < excluded.length) r += 1;
    if (pos < to) scanSegment(sink, text, pos, to);
    pos = next;
  }
  return { count: sink.count, hashes: sink.hashes.subarray(0, sink.count), language: languageFromCounts(Array.from(sink.language), sink.sampled) };
}
