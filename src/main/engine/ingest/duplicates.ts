/**
 * Near-duplicate detection: syndicated copies and the same story filed under two outlets. Each
 * article's scored text becomes a set of hashed word 5-shingles, summarised by a 128-bin
 * one-permutation MinHash signature (each shingle hashed once, its hash's top bits choosing the
 * bin, the bin keeping its minimum); locality-sensitive hashing (32 bands of 4 bins) proposes
 * candidate pairs, and each candidate's exact Jaccard similarity is computed from the two sorted
 * shingle sets. Linear in the number of articles plus the candidates; a candidate's comparison
 * stops as soon as the shingles left cannot lift it to the threshold.
 */
import { fnv } from './words';

const SHINGLE = 5;
const HASHES = 128;
const BANDS = 32;
const ROWS = HASHES / BANDS;
const EMPTY = 0xffffffff;
/**
 * Jaccard similarity at or above which two texts count as the same article: syndicated copies
 * with their own headline, byline and footer score 0.85–0.95; different articles on the same
 * event, sharing quotes and background paragraphs, stay well below 0.5.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.7;

/** A 32-bit mixer (murmur3 finaliser). */
function mix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export interface Signature {
  /** One-permutation MinHash bins (EMPTY where no shingle fell). */
  readonly bins: Uint32Array;
  /**
   * The distinct shingle hashes, sorted, for the exact similarity of candidate pairs; stored with
   * the top bit flipped as signed integers (the same order as the unsigned hashes), which the
   * merge in similarityAtLeast compares a quarter faster than unsigned ones.
   */
  readonly shingles: Int32Array;
}

/** Lower-cased words of a text, as signature() wants them. */
export function shingleWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}

/** The MinHash signature of a text (or its words), or null when it has fewer words than one shingle. */
export function signature(input: string | readonly string[]): Signature | null {
  const words = typeof input === 'string' ? shingleWords(input) : input;
  if (words.length < SHINGLE) return null;
  const wordHashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i += 1) wordHashes[i] = fnv(words[i] ?? '');
  return signatureOfHashes(wordHashes);
}

/** The signature from the words' FNV-1a hashes (words.ts `scanWords`), or null below one shingle. */
export function signatureOfHashes(wordHashes: Uint32Array): Signature | null {
  if (wordHashes.length < SHINGLE) return null;
  const bins = new Uint32Array(HASHES).fill(EMPTY);
  const all = new Int32Array(wordHashes.length - SHINGLE + 1);
  for (let i = 0; i + SHINGLE <= wordHashes.length; i += 1) {
    let h = 0x9e3779b9;
    for (let k = 0; k < SHINGLE; k += 1) h = mix((h ^ (wordHashes[i + k] ?? 0)) + k);
    all[i] = h ^ 0x80000000;
    const bin = h >>> 25;
    const value = h & 0x01ffffff;
    if (value < (bins[bin] ?? EMPTY)) bins[bin] = value;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i += 1) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i] ?? 0;
  return { bins, shingles: all.slice(0, n) };
}

/** Jaccard similarity of two texts' shingle sets (shared shingles over all distinct shingles). */
export function similarity(a: Signature, b: Signature): number {
  // With a threshold of 0 the merge never stops early and every pair qualifies.
  return Math.max(0, similarityAtLeast(a, b, 0));
}

/**
 * The similarity of two texts when it is at least `threshold`, else -1: the merge of the sorted
 * shingle sets stops once even sharing every remaining shingle could not reach the threshold.
 */
export function similarityAtLeast(a: Signature, b: Signature, threshold: number): number {
  const x = a.shingles;
  const y = b.shingles;
  const total = x.length + y.length;
  // shared / (total - shared) >= threshold  ⇔  shared >= need.
  // (A hair below, so rounding never stops a pair that sits exactly on the threshold.)
  const need = (threshold * total) / (1 + threshold) - 1e-9;
  if (Math.min(x.length, y.length) < need) return -1;
  const xl = x.length;
  const yl = y.length;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < xl && j < yl) {
    const u = x[i] ?? 0;
    const v = y[j] ?? 0;
    if (u === v) {
      shared += 1;
      i += 1;
      j += 1;
    } else {
      if (u < v) i += 1;
      else j += 1;
      if (shared + Math.min(xl - i, yl - j) < need) return -1;
    }
  }
  const union = total - shared;
  const s = union === 0 ? 0 : shared / union;
  return s >= threshold ? s : -1;
}

export interface NearPair {
  /** Index of the earlier article. */
  readonly first: number;
  readonly second: number;
  readonly similarity: number;
}

/** Whether two signatures agree on every bin of the band starting at bin `at`. */
function sameBand(x: Uint32Array, y: Uint32Array, at: number): boolean {
  for (let r = 0; r < ROWS; r += 1) if (x[at + r] !== y[at + r]) return false;
  return true;
}

/**
 * A band's bins hashed to a small non-negative integer (a V8 Smi, which a Map hashes without
 * boxing); -1 for a band of empty bins. Different bands can share a key: callers compare bins.
 */
export function bandKey(bins: Uint32Array, band: number): number {
  const at = band * ROWS;
  let h = band;
  let empty = true;
  for (let r = 0; r < ROWS; r += 1) {
    const v = bins[at + r] ?? EMPTY;
    if (v !== EMPTY) empty = false;
    h = mix(h ^ v) + r;
  }
  return empty ? -1 : h & 0x3fffffff;
}

/**
 * The groups of articles whose signatures agree on one whole band (lists of two or more indices,
 * in index order): the candidates of locality-sensitive hashing. A band's four bins are hashed to
 * a small integer key; an article joins the group under its key only when its band equals the
 * band of the group's first article, and a band that merely shares a key with another (rare)
 * goes to a second table keyed by the band's exact bins, so groups are exactly the sets of
 * articles with equal bands. A band of empty bins says nothing about similarity: skipped.
 */
function bandGroups(signatures: readonly (Signature | null)[]): number[][] {
  const groups: number[][] = [];
  for (let b = 0; b < BANDS; b += 1) {
    const at = b * ROWS;
    // Key → the first article with that band, and the group once a second one joins.
    const first = new Map<number, number>();
    const lists = new Map<number, number[]>();
    let spill: Map<string, number[]> | null = null;
    for (let i = 0; i < signatures.length; i += 1) {
      const bins = signatures[i]?.bins;
      if (bins === undefined) continue;
      const key = bandKey(bins, b);
      if (key < 0) continue;
      const owner = first.get(key);
      if (owner === undefined) {
        first.set(key, i);
        continue;
      }
      const ownerBins = signatures[owner]?.bins;
      if (ownerBins !== undefined && sameBand(ownerBins, bins, at)) {
        const list = lists.get(key);
        if (list) list.push(i);
        else lists.set(key, [owner, i]);
        continue;
      }
      spill ??= new Map<string, number[]>();
      let exact = '';
      for (let r = 0; r < ROWS; r += 1) {
        const v = bins[at + r] ?? EMPTY;
        exact += String.fromCharCode(v >>> 16, v & 0xffff);
      }
      const list = spill.get(exact);
      if (list) list.push(i);
      else spill.set(exact, [i]);
    }
    for (const list of lists.values()) groups.push(list);
    if (spill) for (const list of spill.values()) if (list.length > 1) groups.push(list);
  }
  return groups;
}

/** Pairs of signatures at or above the threshold; `first` < `second`. */
export function findNearDuplicates(signatures: readonly (Signature | null)[], threshold = NEAR_DUPLICATE_THRESHOLD): NearPair[] {
  const buckets = bandGroups(signatures);
  const n = signatures.length;
  const seen = new Set<number>();
  const pairs: NearPair[] = [];
  for (const list of buckets) {
    // A big bucket is one story copied many times: compare each copy with its first only.
    const outer = list.length > 50 ? 1 : list.length;
    for (let x = 0; x < outer; x += 1) {
      for (let y = x + 1; y < list.length; y += 1) {
        const i = list[x] ?? 0;
        const j = list[y] ?? 0;
        const key = i * n + j;
        if (seen.has(key)) continue;
        seen.add(key);
        const a = signatures[i];
        const b = signatures[j];
        if (!a || !b) continue;
        const s = similarityAtLeast(a, b, threshold);
        if (s >= 0) pairs.push({ first: Math.min(i, j), second: Math.max(i, j), similarity: s });
      }
    }
  }
  return pairs.sort((p, q) => p.second - q.second || p.first - q.first);
}
