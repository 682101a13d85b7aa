/**
 * The joined first test of the clutter line patterns (clutter.ts `linePattern`): it must pick
 * exactly the pattern the plain in-order loop picks, on clutter lines, on lines that must not
 * match, and on arbitrary lines built from the patterns' own words (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchoredBody, compileClutter, DEFAULT_CLUTTER, findClutter, linePattern, type ClutterRules } from '../../src/main/engine/ingest/clutter';
import clutterData from '../../src/main/engine/ingest/data/clutter.json' with { type: 'json' };

/** The definition: every line pattern in file order, with its word limit and needles. */
function naive(s: string, rules: ClutterRules): string | undefined {
  const words = s.split(/[ \t\n\r\u00a0]+/).filter(Boolean).length;
  const lower = s.toLowerCase();
  for (const p of rules.patterns) {
    if (p.scope !== 'whole' || s.length > 60 * 12) continue;
    if (words > p.maxWords) continue;
    if (p.needles && !p.needles.some((n) => lower.includes(n))) continue;
    if (p.re.test(s)) return p.id;
  }
  return undefined;
}

describe('linePattern', () => {
  it.each([
    ['Copyright 2024 Nexstar Media Inc. All rights reserved.', 'copyright-line'],
    ['All rights reserved.', 'all-rights-reserved'],
    ['Scroll to Top', 'scroll-to-top'],
    ['Want more from the JC?', 'want-more-from'],
    ['Share via', 'share-via'],
    ['Receive latest news & updates', 'latest-news-updates'],
    ['For as little as $5, you can support us and our reporting.', 'as-little-as'],
    ['This site is supported by readers like you.', 'supported-by-readers'],
    ['Key Takeaways', 'key-takeaways'],
    ['Blinken 031924 AP', 'agency-photo-code'],
  ])('%s → %s', (line, id) => {
    expect(linePattern(line)?.id).toBe(id);
    expect(naive(line, DEFAULT_CLUTTER)).toBe(id);
  });

  it.each([
    'The copyright of the report was disputed in 2024.',
    'Officials said they would share details via the ministry.',
    'Ad hoc talks resumed on Monday.',
    'He wanted more from the talks than the JC did, he said, in a long interview on Monday with reporters.',
    'Scroll to Top of the page, the button said, was broken all week according to readers of the site.',
    'Popular articles were shared thousands of times.',
    'Updated figures from the ministry put the toll at 34,568.',
  ])('false positive: %s', (line) => {
    expect(linePattern(line)).toBeUndefined();
    expect(naive(line, DEFAULT_CLUTTER)).toBeUndefined();
  });

  it('reads which patterns can only match at the start', () => {
    expect(anchoredBody('^all rights reserved$')).toBe('all rights reserved$');
    expect(anchoredBody('^a|b')).toBeNull();
    expect(anchoredBody('^(?:a|b)[|]\\|c')).toBe('(?:a|b)[|]\\|c');
    expect(anchoredBody('\\bfor as little as')).toBeNull();
    expect(anchoredBody('^(a)\\1')).toBeNull();
  });

  it('picks what the in-order loop picks on arbitrary lines (property)', () => {
    const words = fc.constantFrom(
      'copyright', '©', '2024', 'all', 'rights', 'reserved', 'share', 'via', 'facebook', 'twitter', 'donate', 'now', 'want', 'more',
      'from', 'the', 'JC?', 'subscribe', 'newsletter', 'updated', 'on', 'Jan', '8', 'photo:', 'credit', 'AP', '031924', 'Blinken',
      'readers', 'like', 'you', 'for', 'as', 'little', '$5', 'support', 'help', 'us', 'every', 'day', 'key', 'takeaways', 'read',
      'next:', 'talks', 'said', 'Gaza', 'to', 'top', 'scroll', 'a', 'message', 'x', 'ad', 'sponsored', 'latest', 'stories', '.',
    );
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 70 }), (parts) => {
        const line = parts.join(' ');
        expect(linePattern(line)?.id).toBe(naive(line, DEFAULT_CLUTTER));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps file order when patterns overlap and some cannot be joined', () => {
    const rules = compileClutter({
      ...clutterData,
      patterns: [
        { id: 'loose-first', kind: 'k', pattern: 'share', needles: ['share'], note: 'n' },
        { id: 'backref', kind: 'k', pattern: '^(\\w+) \\1$', note: 'n' },
        { id: 'anchored', kind: 'k', pattern: '^share via$', note: 'n' },
        { id: 'short', kind: 'k', pattern: '^a b c d e$', maxWords: 5, note: 'n' },
      ],
    });
    for (const line of ['share via', 'go go', 'a b c d e', 'a b c d e f', 'nothing here']) {
      expect(linePattern(line, rules)?.id).toBe(naive(line, rules));
    }
    expect(linePattern('share via', rules)?.id).toBe('loose-first');
    expect(linePattern('go go', rules)?.id).toBe('backref');
  });
});

describe('findClutter lower-cases lines from one lower-cased copy of the text', () => {
  it('relies on no character getting shorter when lower-cased', () => {
    const shorter: string[] = [];
    for (let c = 0; c <= 0x10ffff; c += 1) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (ch.toLowerCase().length < ch.length) shorter.push(c.toString(16));
    }
    expect(shorter).toEqual([]);
  });

  it('finds the same ranges with and without the per-line fallback (property)', () => {
    // A capital sigma anywhere makes findClutter lower-case each line on its own; a last
    // paragraph of just "Σ" changes nothing else, so the ranges over the rest must agree.
    const pieces = fc.constantFrom(
      'Want more from the JC?', 'Copyright 2024 Nexstar Media Inc.', 'Share via', 'Facebook Twitter', 'Help us educate readers every day.',
      'Key Takeaways', '• Talks in Cairo', '• Aid trucks wait', 'Talks in Cairo', 'Photo: AP', 'Blinken 031924 AP', 'for as little as $5 you can support us',
      'The talks in Cairo went on.', 'İstanbul', 'Straße', 'ǅemal', 'K', 'ß', 'readers like you', '(Photo: Reuters)', 'SUBSCRIBER-ONLY', 'Updated Jan 8, 2024',
    );
    const sep = fc.constantFrom(' ', '\n', '\n\n', ' \u00a0', '\t');
    fc.assert(
      fc.property(fc.array(fc.tuple(pieces, sep), { maxLength: 30 }), (parts) => {
        const text = parts.map(([p, s]) => p + s).join('');
        const fallback = findClutter(`${text}\n\nΣ`).filter((r) => r.start < text.length);
        expect(findClutter(text)).toEqual(fallback);
      }),
      { numRuns: 1500 },
    );
  });
});
