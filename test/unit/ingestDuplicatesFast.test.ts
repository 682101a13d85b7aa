/**
 * The near-duplicate search (ingest/duplicates.ts) against the definition it replaced: bands as
 * exact string keys in one map, candidates compared as unsigned shingle hashes. Same pairs, same
 * similarities, on generated texts that share sentences, on signatures with many equal bands
 * (big buckets), and on bands that share a map key without being equal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandKey,
  findNearDuplicates,
  signature,
  similarityAtLeast,
  NEAR_DUPLICATE_THRESHOLD,
  type NearPair,
  type Signature,
} from '../../src/main/engine/ingest/duplicates';

const BANDS = 32;
const ROWS = 4;
const EMPTY = 0xffffffff;

/** Unsigned shingle hashes back from the signed, top-bit-flipped storage. */
function unsignedShingles(s: Signature): number[] {
  return Array.from(s.shingles, (v) => (v ^ 0x80000000) >>> 0);
}

/** The exact Jaccard similarity over unsigned hashes, written plainly. */
function jaccard(a: Signature, b: Signature): number {
  const x = new Set(unsignedShingles(a));
  const y = new Set(unsignedShingles(b));
  let shared = 0;
  for (const v of x) if (y.has(v)) shared += 1;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** The earlier search: string keys per band, lists of every article in the bucket. */
function reference(signatures: readonly (Signature | null)[], threshold = NEAR_DUPLICATE_THRESHOLD): NearPair[] {
  const buckets = new Map<string, number[]>();
  signatures.forEach((sig, i) => {
    if (!sig) return;
    for (let b = 0; b < BANDS; b += 1) {
      let empty = true;
      let key = String.fromCharCode(b);
      for (let r = 0; r < ROWS; r += 1) {
        const v = sig.bins[b * ROWS + r] ?? EMPTY;
        if (v !== EMPTY) empty = false;
        key += String.fromCharCode(v >>> 16, v & 0xffff);
      }
      if (empty) continue;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const seen = new Set<string>();
  const pairs: NearPair[] = [];
  for (const list of buckets.values()) {
    if (list.length < 2) continue;
    const outer = list.length > 50 ? 1 : list.length;
    for (let x = 0; x < outer; x += 1) {
      for (let y = x + 1; y < list.length; y += 1) {
        const i = list[x] ?? 0;
        const j = list[y] ?? 0;
        if (seen.has(`${String(i)},${String(j)}`)) continue;
        seen.add(`${String(i)},${String(j)}`);
        const a = signatures[i];
        const b = signatures[j];
        if (!a || !b) continue;
        const s = jaccard(a, b);
        if (s >= threshold) pairs.push({ first: Math.min(i, j), second: Math.max(i, j), similarity: s });
      }
    }
  }
  return pairs.sort((p, q) => p.second - q.second || p.first - q.first);
}

/** Texts built from a small pool of sentences, so many share shingles and some are copies. */
function generatedTexts(seed: number, count: number): string[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const words = ['talks', 'ceasefire', 'Gaza', 'ministry', 'said', 'officials', 'hostages', 'aid', 'trucks', 'border', 'Rafah', 'Cairo', 'Blinken', 'army', 'killed', 'people', 'on', 'the', 'in', 'of'];
  const sentences = Array.from({ length: 40 }, () => Array.from({ length: 8 + Math.floor(next() * 10) }, () => words[Math.floor(next() * words.length)] ?? '').join(' '));
  const texts: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const earlier = texts[Math.floor(next() * texts.length)];
    if (earlier !== undefined && next() < 0.2) {
      // A syndicated copy with a changed opening or ending, or an exact copy.
      const edit = next();
      texts.push(edit < 0.3 ? earlier : edit < 0.6 ? `Updated. ${earlier}` : `${earlier} More to follow.`);
      continue;
    }
    texts.push(Array.from({ length: 3 + Math.floor(next() * 12) }, () => sentences[Math.floor(next() * sentences.length)] ?? '').join('. '));
  }
  return texts;
}

describe('findNearDuplicates equals the plain definition', () => {
  it('on generated folders whose articles share sentences', () => {
    for (const seed of [1, 2]) {
      const sigs = generatedTexts(seed, 300).map((t) => signature(t));
      const got = findNearDuplicates(sigs);
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(reference(sigs));
      expect(findNearDuplicates(sigs, 0.3)).toEqual(reference(sigs, 0.3));
    }
  });

  it('with nulls and big buckets (one story copied more than 50 times)', () => {
    const base = 'The ministry said the talks in Cairo would continue on Monday as aid trucks waited at the border crossing.';
    const texts = [null, ...Array.from({ length: 70 }, (_, i) => `${base} Copy ${String(i)} of the story.`), null, 'Too short'];
    const sigs = texts.map((t) => (t === null ? null : signature(t)));
    expect(findNearDuplicates(sigs)).toEqual(reference(sigs));
  });

  it('keeps bands apart that share a map key without being equal', () => {
    // Find two different bands with one key (a 30-bit key: a birthday search of some 10^5 bands).
    let state = 12345;
    const rand = (): number => {
      state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
      return state & 0x01ffffff;
    };
    const byKey = new Map<number, number[]>();
    let clash: [number[], number[]] | null = null;
    const probe = new Uint32Array(128).fill(EMPTY);
    for (let n = 0; n < 2_000_000 && !clash; n += 1) {
      const band = [rand(), rand(), rand(), rand()];
      probe.set(band, 0);
      const key = bandKey(probe, 0);
      const other = byKey.get(key);
      if (other && other.some((v, r) => v !== band[r])) clash = [other, band];
      else byKey.set(key, band);
    }
    expect(clash).not.toBeNull();
    if (!clash) return;
    const [bandA, bandB] = clash;
    // Four signatures: A, B, A again, B again (band 0 forced; the rest empty, shingles distinct or equal).
    const make = (band: number[], shingles: number[]): Signature => {
      const bins = new Uint32Array(128).fill(EMPTY);
      bins.set(band, 0);
      return { bins, shingles: Int32Array.from(shingles.map((v) => v ^ 0x80000000).sort((p, q) => p - q)) };
    };
    const sigs = [make(bandA, [1, 2, 3, 4]), make(bandB, [1, 2, 3, 4]), make(bandA, [1, 2, 3, 5]), make(bandB, [1, 2, 3, 4])];
    const got = findNearDuplicates(sigs, 0.5);
    expect(got).toEqual(reference(sigs, 0.5));
    // A with A and B with B are candidates; A with B never are, though their shingles are equal.
    expect(got.map((p) => [p.first, p.second])).toEqual([[0, 2], [1, 3]]);
  });

  it('similarityAtLeast gives the Jaccard similarity, or -1 below the threshold (property)', () => {
    const sig = fc.uniqueArray(fc.nat(), { maxLength: 60 }).map((xs): Signature => ({
      bins: new Uint32Array(128).fill(EMPTY),
      shingles: Int32Array.from(xs.map((v) => v ^ 0x80000000).sort((p, q) => p - q)),
    }));
    fc.assert(
      fc.property(sig, sig, fc.constantFrom(0, 0.3, 0.5, 0.7, 1), (a, b, t) => {
        const want = jaccard(a, b);
        const got = similarityAtLeast(a, b, t);
        if (want >= t) expect(got).toBeCloseTo(want, 12);
        else expect(got).toBe(-1);
      }),
    );
  });
});
