/**
 * The vocabulary ids behind the single pass: token ids must name exactly the token's norm, and
 * the id-based phrase index must find exactly what a plain comparison of norms finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractTerms, extractTermsPlain } from '../../src/main/engine/events/terms';
import { buildDoc } from '../../src/main/engine/text/buildDoc';
import { PhraseIndex, type Match } from '../../src/main/engine/text/phraseIndex';
import { tokenize } from '../../src/main/engine/text/tokenize';
import { AUTO_CAPACITY, detached, hashNorm, VOCABULARY, Vocabulary, WordIdSet } from '../../src/main/engine/text/vocabulary';
import type { Doc } from '../../src/main/engine/document';

const CHARS = ['a', 'b', 'z', 'Q', 'B', 'I', 'É', 'é', 'ß', 'Σ', '1', '7', '٣', ',', '.', "'", '’', '-', '‐', '—', '“', '”', ' ', ' ', '\n', '😀'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((cs) => cs.join(''));

describe('vocabulary ids', () => {
  it('name the token norm, whatever the characters', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const token of tokenize(t)) {
          expect(token.id).toBeGreaterThanOrEqual(0);
          expect(VOCABULARY.norms[token.id]).toBe(token.norm);
          expect(VOCABULARY.find(token.norm)).toBe(token.id);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('give every spelling of a word one id and one norm string', () => {
    const [a, b, c, d] = tokenize('Gaza GAZA gaza gAzA');
    expect(a?.id).toBe(b?.id);
    expect(b?.id).toBe(c?.id);
    expect(c?.id).toBe(d?.id);
    expect(a?.norm).toBe('gaza');
    // Curly and straight apostrophes fold to one word.
    const [x, y] = tokenize('Israel’s Israel\'s');
    expect(x?.id).toBe(y?.id);
  });

  it('interns lexicon words past the automatic capacity, and stops adding article words there', () => {
    const v = new Vocabulary();
    for (let k = 0; k < 50; k += 1) v.intern(`w${String(k)}`);
    expect(v.size).toBe(50);
    expect(v.find('w7')).toBe(7);
    expect(v.find('nope')).toBe(-1);
    expect(v.findAsciiLower('xx W7 yy', 3, 5, hashNorm('w7'))).toBe(7);
    expect(v.internToken('fresh', hashNorm('fresh'))).toBe(50);
    expect(AUTO_CAPACITY).toBeGreaterThan(100_000);
    const small = new Vocabulary(3);
    expect(small.internToken('a', hashNorm('a'))).toBe(0);
    expect(small.internToken('b', hashNorm('b'))).toBe(1);
    expect(small.internToken('c', hashNorm('c'))).toBe(2);
    expect(small.internToken('d', hashNorm('d'))).toBe(-1);
    expect(small.internToken('b', hashNorm('b'))).toBe(1);
    expect(small.intern('lexicon-word')).toBe(3);
    // Thousands of words: the table grows and every id is still found.
    const big = new Vocabulary();
    for (let k = 0; k < 20_000; k += 1) big.intern(`w${String(k)}`);
    for (let k = 0; k < 20_000; k += 97) expect(big.find(`w${String(k)}`)).toBe(k);
  });

  it('keeps copies of words, not slices of article text', () => {
    const long = 'x'.repeat(3000) + 'é'.repeat(10);
    expect(detached(long)).toBe(long);
    expect(detached('')).toBe('');
    const v = new Vocabulary();
    const text = `Some article text with internationalisation in it ${'y'.repeat(500)}`;
    const at = text.indexOf('internationalisation');
    const id = v.intern(text.slice(at, at + 20));
    expect(v.norms[id]).toBe('internationalisation');
  });

  it('WordIdSet holds exactly its words', () => {
    const set = new WordIdSet(['the', 'of', "don't"]);
    const ids = tokenize("The of don’t ofs theme").map((t) => set.has(t.id));
    expect(ids).toEqual([true, true, true, false, false]);
    expect(set.has(-1)).toBe(false);
  });
});

/** The plain definition: every phrase compared norm by norm at every token of every scored sentence. */
function naiveMatch(doc: Doc, phrases: readonly { namespace: string; id: string; norms: string[] }[]): string[] {
  const out: string[] = [];
  doc.sentences.forEach((s, si) => {
    if (s.excluded) return;
    for (let t = s.firstToken; t < s.endToken; t += 1) {
      for (const p of phrases) {
        if (t + p.norms.length > s.endToken) continue;
        if (p.norms.every((n, k) => doc.tokens[t + k]?.norm === n)) out.push(`${p.namespace}:${p.id}@${String(t)}-${String(t + p.norms.length)}/${String(si)}`);
      }
    }
  });
  return out.sort();
}

const key = (m: Match): string => `${m.namespace}:${m.id}@${String(m.firstToken)}-${String(m.endToken)}/${String(m.sentence)}`;

describe('PhraseIndex over vocabulary ids', () => {
  const WORDS = ['gaza', 'Gaza', 'the', 'war', 'hamas-run', 'ministry', 'said', 'not', 'good', 'U.S.', 'Oct. 7', '22,835', '’s', 'killed', 'É'];
  it('finds what a plain norm comparison finds, grouped by namespace in token order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(...WORDS, '.', ',', '\n', 'Then'), { maxLength: 60 }),
        fc.boolean(),
        (entries, words, exclude) => {
          const phrases = entries.map(([namespace, ws], k) => ({ namespace, id: `p${String(k)}`, phrase: ws.join(' ') }));
          const index = new PhraseIndex(phrases);
          const body = words.join(' ');
          const doc = buildDoc('x', body, exclude ? [{ start: 0, end: Math.floor(body.length / 2) }] : []);
          const expected = naiveMatch(
            doc,
            phrases.map((p) => ({ ...p, norms: tokenize(p.phrase).map((t) => t.norm) })),
          );
          expect(index.match(doc).map(key).sort()).toEqual(expected);
          const lists = index.matchByNamespace(doc);
          index.namespaces.forEach((ns, k) => {
            const list = lists[k] ?? [];
            expect(list.every((m) => m.namespace === ns)).toBe(true);
            expect(list.map((m) => m.firstToken)).toEqual([...list.map((m) => m.firstToken)].sort((x, y) => x - y));
            expect(list).toEqual(index.match(doc).filter((m) => m.namespace === ns));
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('extractTerms on vocabulary ids', () => {
  const WORDS = ['Gaza', 'gaza', "Gaza's", 'Tel', 'Aviv', 'Aviv’s', 'Prime', 'Minister', 'Benjamin', 'Netanyahu', 'the', 'The', 'said', 'Said', 'war', 'wars', "war's", 'ICJ', 'Rafah', 'of', 'Al', 'Jazeera', 'Hamas-run', 'ministry', '22,835', 'É', 'Éric', 'it’s', 'Ms', 'Ab'];
  it('gives exactly what the plain Map-per-article definition gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS, '.', ',', '“', '”', '\n'), { maxLength: 120 }),
        fc.boolean(),
        (words, exclude) => {
          const body = words.join(' ');
          const doc = buildDoc('x', body, exclude ? [{ start: 0, end: Math.floor(body.length / 3) }] : []);
          expect(extractTerms(doc)).toEqual(extractTermsPlain(doc));
        },
      ),
      { numRuns: 500 },
    );
  });
});
