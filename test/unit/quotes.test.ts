import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../src/main/engine/text/buildDoc';
import { findQuotes, insideQuote } from '../../src/main/engine/text/quotes';

const quoted = (text: string): string[] => {
  const doc = buildDoc('a', text);
  return findQuotes(doc).map((q) => text.slice(q.contentStart, q.contentEnd));
};

describe('direct quotes', () => {
  it('finds curly and straight double quotes', () => {
    expect(quoted('“It is a mistake,” he said. She called it "trash" twice.')).toEqual(['It is a mistake,', 'trash']);
  });

  it('reads single quotes as quotation marks but keeps apostrophes inside words', () => {
    expect(quoted("Blinken warns war ‘could metastasize' into a regional conflict, Israel's ally says")).toEqual(['could metastasize']);
    expect(quoted('The United States’ position and Israel’s plan.')).toEqual([]);
  });

  it('joins a quote continued over paragraphs into one group', () => {
    const text = '“The first part goes on.\n“And it continues here,” he said.\nNot quoted.';
    const qs = findQuotes(buildDoc('a', text));
    expect(qs.map((q) => q.group)).toEqual([0, 0]);
    expect(text.slice(qs[1]?.contentStart, qs[1]?.contentEnd)).toBe('And it continues here,');
  });

  it('does not continue a quote into a paragraph that opens without a quotation mark', () => {
    const qs = findQuotes(buildDoc('a', '“Open at the end\nPlain paragraph with “a quote” inside.'));
    expect(qs.map((q) => q.group)).toEqual([0, 1]);
  });

  it('answers whether a span lies inside quoted words', () => {
    const text = 'Officials said “terrorists attacked” on Sunday.';
    const qs = findQuotes(buildDoc('a', text));
    const at = text.indexOf('terrorists');
    expect(insideQuote(qs, at, at + 10)).toBeDefined();
    expect(insideQuote(qs, 0, 9)).toBeUndefined();
  });
});

describe('multi-paragraph quotes across blank lines', () => {
  it('continues a quote over a blank line between paragraphs', () => {
    const qs = findQuotes(buildDoc('a', '“The first part goes on.\n\n“And it continues here,” he said.\n\nNot quoted.'));
    expect(qs.map((q) => q.group)).toEqual([0, 0]);
  });
});
