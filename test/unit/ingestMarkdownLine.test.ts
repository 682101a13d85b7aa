/**
 * Markdown line cleaning skips lines with no markup character: the result must equal the full
 * chain of replacements on every line (fast-check over Markdown-ish lines), and the table shows
 * lines that must stay as they are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine } from '../../src/main/engine/ingest/markdown';

/** The definition: every replacement, whatever the line holds. */
function fullChain(line: string): string {
  return line
    .replace(/^ {0,3}#{1,6}[ \t]+/, '')
    .replace(/[ \t]+#+[ \t]*$/, '')
    .replace(/^ {0,3}>[ \t]?/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<https?:\/\/[^>]+>/g, '')
    .replace(/(\*\*|__)(?=\S)([^*_]+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?=$|[^\w*])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^ {0,3}([-*+])[ \t]+/, '• ');
}

describe('cleanLine', () => {
  it.each([
    ['## Heading ##', 'Heading'],
    ['> quoted words', 'quoted words'],
    ['See [the report](https://example.org) and ![img](a.png)', 'See the report and '],
    ['**bold** and _emphasis_ and `code`', 'bold and emphasis and code'],
    ['- a list item', '• a list item'],
    ['+ another item', '• another item'],
  ])('%s', (line, want) => {
    expect(cleanLine(line)).toBe(want);
    expect(fullChain(line)).toBe(want);
  });

  it.each(['Plain text stays: 34,568 people, 1.5 million — “quoted” words!', 'A-B test - not a list', '  - x', 'Price: $5 + tax', ''])('unchanged or as the chain: %s', (line) => {
    expect(cleanLine(line)).toBe(fullChain(line));
  });

  it('equals the full chain on arbitrary Markdown-ish lines (property)', () => {
    const piece = fc.constantFrom('#', '##', ' ', '\t', '>', '!', '[', ']', '(', ')', '<', 'https://x.org', '*', '**', '_', '__', '`', '-', '+', 'word', 'W', '1', '.', ':', '—', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const line = parts.join('');
        expect(cleanLine(line)).toBe(fullChain(line));
      }),
      { numRuns: 3000 },
    );
  });
});
