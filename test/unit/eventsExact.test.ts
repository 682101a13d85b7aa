/**
 * The fast paths of event grouping compute exactly what the definitions say, in the same
 * floating-point order: the windowed similarity matrix equals pairwise cosine × date factor bit
 * for bit, the typed maps behave as Maps, and whole groupings of generated folders (dated,
 * partly undated, without dates; both methods) hash to the values the straightforward
 * implementation gave before the typed-array rewrite.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinkMap, TermVec } from '../../src/main/engine/events/blocked';
import { buildEventCorpus, groupEvents, similarity, similarityMatrix } from '../../src/main/engine/events/group';
import { generatedEventInputs } from '../helpers/eventInputs';

const inputsOf = generatedEventInputs;

describe('event grouping computes exactly', () => {
  it('the windowed similarity matrix equals pairwise similarity bit for bit (some articles undated)', () => {
    const inputs = inputsOf(90, 4, 4);
    const corpus = buildEventCorpus(inputs);
    const n = inputs.length;
    const m = similarityMatrix(corpus);
    let nonZero = 0;
    for (let i = 0; i < n; i += 1) {
      expect(m[i * n + i]).toBe(1);
      for (let j = 0; j < n; j += 1) {
        if (i === j) continue;
        const want = Math.fround(similarity(corpus, i, j));
        expect(m[i * n + j]).toBe(want);
        if (want > 0) nonZero += 1;
      }
    }
    // Pairs beyond the date window are 0, the others not: both kinds occur.
    expect(nonZero).toBeGreaterThan(0);
    expect(nonZero).toBeLessThan(n * (n - 1));
  });

  it('LinkMap behaves as a Map under any sequence of sets and deletes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 60 }), fc.double({ noNaN: true })), { maxLength: 400 }), (ops) => {
        const map = new LinkMap(2);
        const ref = new Map<number, number>();
        for (const [set, key, value] of ops) {
          if (set) {
            map.set(key, value);
            ref.set(key, value);
          } else {
            map.delete(key);
            ref.delete(key);
          }
          expect(map.size).toBe(ref.size);
        }
        for (let key = 0; key <= 60; key += 1) {
          expect(map.has(key)).toBe(ref.has(key));
          if (ref.has(key)) expect(map.get(key)).toBe(ref.get(key));
          else expect(map.get(key)).toBeNaN();
        }
        const entries = new Map<number, number>();
        for (let e = 0; e < map.size; e += 1) entries.set(map.keys[e] ?? -1, map.values[e] ?? Number.NaN);
        expect(entries).toEqual(ref);
      }),
      { numRuns: 200 },
    );
  });

  it('TermVec keeps terms in order of first addition and sums as a Map would (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 500 }), (adds) => {
        const vec = new TermVec(1);
        const ref = new Map<number, number>();
        for (const [t, w] of adds) {
          vec.add(t, w);
          ref.set(t, (ref.get(t) ?? 0) + w);
        }
        expect(vec.size).toBe(ref.size);
        expect(Array.from(vec.terms.subarray(0, vec.size))).toEqual([...ref.keys()]);
        expect(Array.from(vec.weights.subarray(0, vec.size))).toEqual([...ref.values()]);
        for (const [t, w] of ref) expect(vec.get(t)).toBe(w);
        expect(vec.get(5001)).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  // Hashes of JSON.stringify(grouping) from the implementation before the typed-array rewrite
  // (Maps for vectors, slots and links; the full n × n pair scan): any change to membership,
  // names, confidences, cohesion or the method description shows here.
  const cases: [count: number, seed: number, undatedEvery: number, ignoreDates: boolean, hash: string][] = [
    [400, 7, 5, false, '48769e943353b4f5'],
    [300, 12, 0, true, '702b09def7d96c80'],
    [250, 3, 2, false, 'd8c81bbff3858f61'],
    [500, 21, 0, false, '963e5ca716dd1292'],
  ];
  it.each(cases)('groups %i articles (seed %i, every %i-th undated, ignoreDates %s) exactly as before', (count, seed, undatedEvery, ignoreDates, hash) => {
    const inputs = inputsOf(count, seed, undatedEvery);
    for (const method of ['exhaustive', 'blocked'] as const) {
      const { grouping } = groupEvents(inputs, { method, ignoreDates });
      expect(createHash('sha256').update(JSON.stringify(grouping)).digest('hex').slice(0, 16)).toBe(hash);
    }
  });
});
