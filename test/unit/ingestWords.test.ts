/**
 * The loader's word scan (ingest/words.ts) against the definition it replaces: the words of
 * `shingleWords(scoredText(text, excluded))`, their FNV-1a hashes, and `detectLanguage` of them.
 * Tables with the cases that need care (apostrophes, accents, case mappings that change length,
 * clutter ranges cutting a word) and a fast-check property over mixed-script text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findClutter, mergeRanges, scoredText, type ExcludedRange } from '../../src/main/engine/ingest/clutter';
import { shingleWords, signature, signatureOfHashes } from '../../src/main/engine/ingest/duplicates';
import { detectLanguage } from '../../src/main/engine/ingest/infer';
import { fnv, scanWords } from '../../src/main/engine/ingest/words';

function reference(text: string, excluded: readonly ExcludedRange[]): { words: string[]; hashes: number[]; language: ReturnType<typeof detectLanguage> } {
  const words = shingleWords(scoredText(text, excluded));
  return { words, hashes: words.map(fnv), language: detectLanguage(words) };
}

function expectSame(text: string, excluded: readonly ExcludedRange[] = []): void {
  const want = reference(text, excluded);
  const got = scanWords(text, excluded);
  expect(got.count).toBe(want.words.length);
  expect(Array.from(got.hashes)).toEqual(want.hashes);
  expect(got.language).toEqual(want.language);
}

const range = (start: number, end: number): ExcludedRange => ({ start, end, kind: 'test', pattern: 'clutter:test' });

describe('scanWords gives the words of the word pattern over the lower-cased scored text', () => {
  it.each([
    ['plain words', 'The talks in Cairo ended on Monday.'],
    ['apostrophes, straight and curly', "Israel’s army didn't say; the 'quoted' words o'k9 rock'n'roll ’tis"],
    ['an apostrophe before a digit or at the end', "the 90's and rock' roll' 7'8"],
    ['numbers and punctuation', '34,568 people; 1.5 million — “at least” 22 people, or 33 people…'],
    ['accents and other scripts', 'José Ángel Núñez met Erdoğan in Kahramanmaraş; Москва и Київ; 東京'],
    ['case mappings that change length', 'İstanbul İSTANBUL ΟΔΟΣ ΣΊΣΥΦΟΣ Straße STRASSE ǅemal'],
    ['digits outside ASCII and letters next to marks', '²³ ½ ٣٤٥ №5 ª º µ a·b a–b a—b'],
    ['tabs, form feeds and line breaks', 'one\ttwo\fthree\r\nfour\n\nfive'],
    ['stopwords in a chunk found not plain only at its end', 'the,and,of,é the—de—la·ü and’s—Straße la de the'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expectSame(text);
  });

  it('skips clutter ranges, including one that cuts a word', () => {
    const text = 'Want more from the JC? Subscribe now. Real reporting continues here with words.';
    expectSame(text, [range(0, 22)]);
    expectSame(text, [range(3, 9), range(40, 44)]);
    expectSame(text, [range(0, text.length)]);
    expectSame(text, mergeRanges([range(5, 20), range(10, 30)]));
  });

  it('gives the same language guess on English and French fixtures', () => {
    const fixture = path.resolve(import.meta.dirname, '../fixtures/ingest/mixed');
    const french = readFileSync(path.join(fixture, 'french.txt'), 'utf8');
    expectSame(french);
    expect(scanWords(french, []).language.code).toBe('fr');
    const english = 'The minister said the talks would continue and that the plan had been agreed by all of the parties in the region. '.repeat(3);
    expect(scanWords(english, []).language.code).toBe('en');
    expectSame(english);
  });

  it('the signature from the hashes equals the signature from the words', () => {
    const text = 'Officials said more details would be released in the coming days as talks in Cairo went on.';
    const a = signature(shingleWords(text));
    const b = signatureOfHashes(scanWords(text, []).hashes);
    expect(b).toEqual(a);
    expect(signatureOfHashes(scanWords('Too short here.', []).hashes)).toBeNull();
  });

  it('equals the definition on arbitrary mixed-script text with clutter ranges (property)', () => {
    const pieces = fc.constantFrom(
      'the', 'The', 'AND', 'de', 'la', "don't", 'Israel’s', "'", '’', ' ', '\n', '\t', '.', ',', '—', '“', '”', '9', '2024', 'é', 'É',
      'Σ', 'ς', 'İ', 'ß', 'ǅ', '½', '²', 'ك', '東', '\u00a0', '\u0301', 'x', 'said', 'Straße', '\r\n', 'o\'k', 'ΣΑΣ',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 80 }), fc.array(fc.tuple(fc.nat(300), fc.nat(40)), { maxLength: 4 }), (parts, cuts) => {
        const text = parts.join('');
        const excluded = mergeRanges(cuts.map(([s, l]) => range(Math.min(s, text.length), Math.min(s + l, text.length))));
        expectSame(text, excluded);
      }),
      { numRuns: 400 },
    );
  });

  it('equals the definition on the sample articles with their clutter', () => {
    const seeds = path.resolve(import.meta.dirname, '../../seeds');
    const files = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(path.join(seeds, f), 'utf8');
      expectSame(text, findClutter(text));
    }
  });
});
