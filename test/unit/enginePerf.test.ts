/**
 * Invariants behind the engine's speed-ups: each faster path must give exactly what the plain
 * definition gives (token norms, merged match order, the top event terms).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/main/engine/document';
import { STOPWORDS } from '../../src/main/engine/events/stopwords';
import { extractTerms, MAX_TERMS } from '../../src/main/engine/events/terms';
import { formatCount } from '../../src/main/engine/figures/reference';
import { buildDoc } from '../../src/main/engine/text/buildDoc';
import { mergeInTokenOrder, type Match } from '../../src/main/engine/text/phraseIndex';
import { normalizeForMatch, tokenize } from '../../src/main/engine/text/tokenize';

const CHARS = ['a', 'z', 'Q', 'I', 'É', 'é', 'ß', 'Σ', '1', '٣', ',', '.', "'", '’', '‘', '-', '‐', '–', '—', '“', '”', ' ', '\n', '😀', '$'];

describe('tokenize norms', () => {
  it('equal the normalised text of the token, whatever the characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        for (const t of tokenize(text)) expect(t.norm).toBe(normalizeForMatch(text.slice(t.start, t.end)));
      }),
      { numRuns: 2000 },
    );
  });

  it('lower-cases capitalised and upper-case ASCII words', () => {
    expect(tokenize('Israel IDF McDonald I x-Ray').map((t) => t.norm)).toEqual(['israel', 'idf', 'mcdonald', 'i', 'x-ray']);
  });
});

describe('mergeInTokenOrder', () => {
  const match = (namespace: string, firstToken: number, k: number): Match => ({ namespace, id: `${namespace}${String(k)}`, firstToken, endToken: firstToken + 1, sentence: 0 });
  it('is the stable sort by first token of the concatenated lists', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 12 }), { maxLength: 6 }), (raw) => {
        const lists = raw.map((xs, l) => [...xs].sort((a, b) => a - b).map((t, k) => match(`n${String(l)}`, t, k)));
        const expected = lists.flat().sort((a, b) => a.firstToken - b.firstToken);
        expect(mergeInTokenOrder(lists)).toEqual(expected);
      }),
    );
  });
});

describe('extractTerms top terms', () => {
  it('keeps the most frequent terms, ties in code-unit order, as a full sort would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[a-zé]{3,7}$/), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 400 }),
        (pairs) => {
          const counts = new Map<string, number>();
          for (const [w, n] of pairs) counts.set(w, n);
          const text = `${[...counts].flatMap(([w, n]) => Array.from({ length: n }, () => w)).join(' ')}\n`;
          const doc = buildDoc('a', text);
          // The plain definition: count every content term, sort by count then code units, keep the top.
          const all = new Map<string, number>();
          for (const t of extractTermsInput(doc)) all.set(t, (all.get(t) ?? 0) + 1);
          const expected = [...all]
            .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
            .slice(0, MAX_TERMS)
            .map(([t]) => t);
          expect(extractTerms(doc).keys).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** The content terms extractTerms counts, for lower-case one-line text: words of 3+ letters not in the stopword list. */
function extractTermsInput(doc: Doc): string[] {
  return doc.tokens.filter((t) => t.kind === 'word' && t.norm.length >= 3 && !STOPWORDS.has(t.norm)).map((t) => t.norm);
}

describe('formatCount', () => {
  it("writes numbers as toLocaleString('en-US') does", () => {
    for (const n of [0, -0, 1, 999, 1000, 12_345, 1_234_567, -1, -1000, -123_456, 2.5, 1234.5678, Number.MAX_SAFE_INTEGER, 2 ** 60, Number.NaN]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.double({ noNaN: true })), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: 2000 },
    );
  });
});
