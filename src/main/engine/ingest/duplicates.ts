/**
 * Near-duplicate detection: syndicated copies and the same story filed under two outlets. Each
 * article's scored text becomes a set of word 5-shingles, summarised by a 64-value MinHash
 * signature; locality-sensitive hashing (16 bands of 4) proposes candidate pairs, whose
 * similarity is then estimated from the full signatures. Linear in the number of articles.
 */

const SHINGLE = 5;
const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
/** Estimated Jaccard similarity above which two texts count as the same article. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/** FNV-1a over a string, 32 bits. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mixer (murmur3 finaliser) applied to h xor a per-hash seed. */
function mix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + i * 0x7f4a7c15));

export type Signature = Uint32Array;

/** The MinHash signature of a text, or null when it has fewer words than one shingle. */
export function signature(text: string): Signature | null {
  const words = text.toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < SHINGLE) return null;
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= words.length; i += 1) {
    const h = fnv(words.slice(i, i + SHINGLE).join(' '));
    for (let k = 0; k < HASHES; k += 1) {
      const v = mix(h ^ (SEEDS[k] ?? 0));
      if (v < (sig[k] ?? 0)) sig[k] = v;
    }
  }
  return sig;
}

export function similarity(a: Signature, b: Signature): number {
  let same = 0;
  for (let k = 0; k < HASHES; k += 1) if (a[k] === b[k]) same += 1;
  return same / HASHES;
}

export interface NearPair {
  /** Index of the earlier article. */
  readonly first: number;
  readonly second: number;
  readonly similarity: number;
}

/** Pairs of signatures at or above the threshold; `first` < `second`. */
export function findNearDuplicates(signatures: readonly (Signature | null)[], threshold = NEAR_DUPLICATE_THRESHOLD): NearPair[] {
  const buckets = new Map<string, number[]>();
  signatures.forEach((sig, i) => {
    if (!sig) return;
    for (let b = 0; b < BANDS; b += 1) {
      const key = `${String(b)}:${Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const seen = new Set<string>();
  const pairs: NearPair[] = [];
  for (const list of buckets.values()) {
    if (list.length < 2) continue;
    // A big bucket is one story copied many times: compare each copy with its first only.
    const outer = list.length > 50 ? 1 : list.length;
    for (let x = 0; x < outer; x += 1) {
      for (let y = x + 1; y < list.length; y += 1) {
        const i = list[x] ?? 0;
        const j = list[y] ?? 0;
        const key = `${String(i)}:${String(j)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const a = signatures[i];
        const b = signatures[j];
        if (!a || !b) continue;
        const s = similarity(a, b);
        if (s >= threshold) pairs.push({ first: Math.min(i, j), second: Math.max(i, j), similarity: s });
      }
    }
  }
  return pairs.sort((p, q) => p.second - q.second || p.first - q.first);
}
