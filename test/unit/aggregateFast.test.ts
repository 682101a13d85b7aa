/**
 * The comparison's fast paths give exactly what the plain folds give: evidence put as lists
 * equals evidence put item by item, term ids count what term strings count, and `topLogOdds`
 * ranks as `logOdds` sorted, filtered and cut, ties included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvidenceStore } from '../../src/main/engine/aggregate';
import type { Evidence } from '../../src/main/engine/document';
import { TermIds, logOdds, termCounts, topLogOdds, type TermSequence } from '../../src/main/engine/measures/distinctive';

const ev = (articleId: string, start: number, rule = 'r'): Evidence => ({ articleId, start, end: start + 1, text: `t${String(start)}`, rule, weight: start / 7 });

describe('EvidenceStore.putLists', () => {
  it('stores what put stores for the lists concatenated, list after list, items shared by identity', () => {
    fc.assert(
      fc.property(
        // Calls: key index, then lists as index lists into a pool of items and of lists.
        fc.array(fc.tuple(fc.nat(5), fc.array(fc.nat(7), { maxLength: 4 })), { maxLength: 20 }),
        fc.array(fc.array(fc.nat(11), { maxLength: 6 }), { minLength: 8, maxLength: 8 }),
        (calls, listSpecs) => {
          const items = Array.from({ length: 12 }, (_, i) => ev(`a${String(i % 3)}`, i));
          const lists = listSpecs.map((spec) => spec.map((i) => items[i] as Evidence));
          const plain = new EvidenceStore();
          const fast = new EvidenceStore();
          for (const [k, chosen] of calls) {
            const parts = chosen.map((i) => lists[i] ?? []);
            plain.put(`k${String(k)}`, `title ${String(k)}`, parts.flat());
            fast.putLists(`k${String(k)}`, `title ${String(k)}`, parts);
          }
          expect(fast.encode()).toEqual(plain.encode());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('after release, stores items again as put does', () => {
    const a = ev('x', 1);
    const list = [a, ev('y', 2)];
    const plain = new EvidenceStore();
    const fast = new EvidenceStore();
    plain.put('k', 'k', list);
    fast.putLists('k', 'k', [list]);
    plain.release();
    fast.release();
    plain.put('j', 'j', list);
    fast.putLists('j', 'j', [list]);
    expect(fast.encode()).toEqual(plain.encode());
    expect(fast.encode().article.length).toBe(4);
  });

  it('appends to a decoded key', () => {
    const store = new EvidenceStore();
    store.put('k', 'k', [ev('a', 1)]);
    const back = EvidenceStore.decode(store.encode());
    back.putLists('k', 'k', [[ev('b', 2)], [ev('c', 3)]]);
    expect(back.get('k')?.evidence.map((e) => e.articleId)).toEqual(['a', 'b', 'c']);
  });
});

const seqArb = fc
  .array(fc.tuple(fc.constantFrom('gaza', 'aid', 'health', 'ministry', 'strike', 'talks', 'hamas', 'israel'), fc.boolean()), { maxLength: 40 })
  .map((ws): TermSequence => ({
    words: ws.map(([w]) => w),
    starts: Int32Array.from(ws, (_, i) => i * 10),
    ends: Int32Array.from(ws, (_, i) => i * 10 + 5),
    joins: Uint8Array.from(ws, ([, j], i) => (i > 0 && j ? 1 : 0)),
  }));

describe('TermIds', () => {
  it('counts the unigrams and bigrams termCounts counts, named the same', () => {
    fc.assert(
      fc.property(fc.array(seqArb, { minLength: 1, maxLength: 5 }), (seqs) => {
        const ids = new TermIds();
        for (const seq of seqs) {
          const byId = new Map<number, number>();
          const { unigrams, bigrams } = ids.of(seq);
          for (let i = 0; i < unigrams.length; i += 1) {
            const u = unigrams[i] ?? -1;
            byId.set(u, (byId.get(u) ?? 0) + 1);
            const b = bigrams[i] ?? -1;
            if (b >= 0) byId.set(b, (byId.get(b) ?? 0) + 1);
          }
          const named = new Map([...byId].map(([id, c]) => [ids.text(id), c]));
          expect(named).toEqual(termCounts(seq));
          // Remembered per sequence.
          expect(ids.of(seq)).toBe(ids.of(seq));
        }
      }),
    );
  });
});

describe('topLogOdds', () => {
  it('ranks as logOdds, sorted, filtered to z > 0 and cut, ties kept in first-counted order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(12), fc.boolean()), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(10, 100, 1000),
        (tokens, top, alpha0) => {
          // Each token: a term id, counted in the group (true) or in the rest.
          const group = new Map<number, number>();
          const rest = new Map<number, number>();
          const g = new Int32Array(13);
          const all = new Int32Array(13);
          const order: number[] = [];
          for (const [term, mine] of tokens) {
            all[term] = (all[term] ?? 0) + 1;
            if (mine) {
              if (!group.has(term)) order.push(term);
              group.set(term, (group.get(term) ?? 0) + 1);
              g[term] = (g[term] ?? 0) + 1;
            } else rest.set(term, (rest.get(term) ?? 0) + 1);
          }
          const expected = logOdds(group, rest, alpha0)
            .filter((t) => t.z > 0)
            .slice(0, top);
          expect(topLogOdds(order, order.length, g, all, tokens.length, top, alpha0)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
