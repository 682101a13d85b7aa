import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../src/main/engine/text/buildDoc';
import { splitSentences, listMarkerEnd } from '../../src/main/engine/text/sentences';
import { tokenize } from '../../src/main/engine/text/tokenize';

const words = (text: string): string[] => tokenize(text).map((t) => text.slice(t.start, t.end));
const norms = (text: string): string[] => tokenize(text).map((t) => t.norm);
const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('tokenize', () => {
  it.each<[string, string[]]>([
    ['The Hamas-run ministry', ['The', 'Hamas-run', 'ministry']],
    ['Israel’s and Israel\'s', ['Israel’s', 'and', "Israel's"]],
    ['don’t stop', ['don’t', 'stop']],
    ['22,835 Palestinians, 1.5 km.', ['22,835', 'Palestinians', ',', '1.5', 'km', '.']],
    ['“could easily metastasize”', ['“', 'could', 'easily', 'metastasize', '”']],
    ['‘avoid further expansion’', ['‘', 'avoid', 'further', 'expansion', '’']],
    ['commitment” to', ['commitment', '”', 'to']],
    ['U.S. officials', ['U', '.', 'S', '.', 'officials']],
    ['war-torn — region', ['war-torn', '—', 'region']],
    ['naïve café 😀 ok', ['naïve', 'café', '😀', 'ok']],
    ['trailing- hyphen and \'quote', ['trailing', '-', 'hyphen', 'and', "'", 'quote']],
  ])('%s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('keeps offsets exact and normalises case, apostrophes and dashes', () => {
    const text = '  Gaza’s  Hamas‐Run   ministry';
    const tokens = tokenize(text);
    for (const t of tokens) expect(t.end).toBeGreaterThan(t.start);
    expect(tokens.map((t) => [t.start, t.end])).toEqual([[2, 8], [10, 19], [22, 30]]);
    expect(norms(text)).toEqual(["gaza's", 'hamas-run', 'ministry']);
  });

  it('classifies words, numbers and punctuation', () => {
    expect(tokenize('Oct. 7, 2023').map((t) => t.kind)).toEqual(['word', 'punct', 'number', 'punct', 'number']);
  });

  it('tokenises a range of the text only', () => {
    const text = 'one two three';
    expect(tokenize(text, 4, 7).map((t) => t.norm)).toEqual(['two']);
  });
});

describe('sentence splitting', () => {
  it.each<[string, string[]]>([
    ['He left. She stayed.', ['He left.', 'She stayed.']],
    ['U.S. Secretary of State Antony Blinken met him. Then he left.', ['U.S. Secretary of State Antony Blinken met him.', 'Then he left.']],
    ['It began on Oct. 7, when Hamas attacked. The war followed.', ['It began on Oct. 7, when Hamas attacked.', 'The war followed.']],
    ['In Doha, Qatar, Jan. 7, 2024. (Photo: Reuters)', ['In Doha, Qatar, Jan. 7, 2024.', '(Photo: Reuters)']],
    ['Mr. Netanyahu and Dr. Smith met J. Biden.', ['Mr. Netanyahu and Dr. Smith met J. Biden.']],
    ['“This is a moment,” Blinken said. “This is a conflict.” Then silence.', ['“This is a moment,” Blinken said.', '“This is a conflict.”', 'Then silence.']],
    ['He said “stop. now” and left.', ['He said “stop. now” and left.']],
    ['Is it over? No! It goes on… Really.', ['Is it over?', 'No!', 'It goes on…', 'Really.']],
    ['Headline without stop\nBody text. More.', ['Headline without stop', 'Body text.', 'More.']],
  ])('%s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('drops bullet and number markers and keeps each list item a sentence', () => {
    const text = 'Key Takeaways\n\n  • Blinken opposes an assault. He pushes a deal.\n- Hamas accuses him.\n1. First point\n2) Second point\n(3) Third';
    expect(sentences(text)).toEqual([
      'Key Takeaways',
      'Blinken opposes an assault.',
      'He pushes a deal.',
      'Hamas accuses him.',
      'First point',
      'Second point',
      'Third',
    ]);
  });

  describe('false positives: must not split', () => {
    it.each([
      'The U.S. and the U.N. agreed.',
      'They met on Jan. 7 in Doha.',
      'Prices rose 1.5 percent.',
      'He said “it is over.” and walked away.',
      'e.g. this and i.e. that.',
      'The 2024. figure was low.',
    ])('%s', (text) => {
      expect(sentences(text)).toHaveLength(1);
    });
  });

  it('list markers need a following space', () => {
    expect(listMarkerEnd('•x', 0, 2)).toBe(0);
    expect(listMarkerEnd('2024. The year', 0, 14)).toBe(0);
    expect(listMarkerEnd('• item', 0, 6)).toBe(2);
  });

  it('maps sentences to token ranges in buildDoc', () => {
    const doc = buildDoc('a', 'One two. Three four five.\n• Six.');
    expect(doc.sentences.map((s) => [s.firstToken, s.endToken])).toEqual([[0, 3], [3, 7], [8, 10]]);
    for (const s of doc.sentences) {
      expect(doc.tokens[s.firstToken]?.start).toBe(s.start);
      expect(doc.tokens[s.endToken - 1]?.end).toBe(s.end);
    }
  });

  it('marks sentences mostly inside excluded ranges', () => {
    const text = 'Body sentence here.\nDonate to us now.';
    const doc = buildDoc('a', text, [{ start: text.indexOf('Donate'), end: text.length }]);
    expect(doc.sentences.map((s) => s.excluded)).toEqual([false, true]);
  });
});
