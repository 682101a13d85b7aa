/** Pure helpers of the chart serialiser: escaping, colours as SVG paint, weights, line grouping, base64. */
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, escapeXml, exportWeight, groupLines, num, parseCssColor } from '../../src/renderer/src/export/svgUtil';

describe('escapeXml', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml(`<img src=x onerror="alert(1)"> & 'q'`)).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;');
    expect(escapeXml('a\u0000b\u0007c\u000bd\tе\n')).toBe('abcd\tе\n');
    expect(escapeXml('‘occupied West Bank’ ✓')).toBe('‘occupied West Bank’ ✓');
  });
});

describe('parseCssColor', () => {
  it.each([
    ['rgb(0, 114, 178)', '#0072b2', 1],
    ['rgba(0, 0, 0, 0.12)', '#000000', 0.12],
    ['rgb(0 158 115 / 14%)', '#009e73', 0.14],
    ['#abc', '#aabbcc', 1],
    ['#00000080', '#000000', 128 / 255],
    ['transparent', 'none', 0],
    ['none', 'none', 0],
    ['rgba(0, 0, 0, 0)', '#000000', 0],
  ])('%s → %s at %s', (css, colour, alpha) => {
    const p = parseCssColor(css);
    expect(p.colour).toBe(colour);
    expect(p.alpha).toBeCloseTo(alpha, 3);
  });
  it('passes other paints through', () => {
    expect(parseCssColor('url(#grad)')).toEqual({ colour: 'url(#grad)', alpha: 1 });
  });
});

describe('exportWeight and num', () => {
  it('maps CSS weights to the two embedded faces', () => {
    expect(['400', 'normal', '500', '300'].map(exportWeight)).toEqual([400, 400, 400, 400]);
    expect(['600', '700', 'bold', '800'].map(exportWeight)).toEqual([600, 600, 600, 600]);
  });
  it('writes short numbers', () => {
    expect([1, 1.006, 2.3456, -0.001, 10.1].map(num)).toEqual(['1', '1.01', '2.35', '0', '10.1']);
  });
});

describe('groupLines', () => {
  const w = (text: string, left: number, top: number) => ({ text, left, right: left + text.length * 7, top, height: 18 });
  it('joins words on one line and starts a new line where the browser wrapped', () => {
    const lines = groupLines([w('occupied', 10, 100), w('West', 80, 100.5), w('Bank', 12, 118)]);
    expect(lines.map((l) => [l.text, l.left, l.top])).toEqual([
      ['occupied West', 10, 100],
      ['Bank', 12, 118],
    ]);
    expect(lines[0]?.right).toBe(80 + 4 * 7);
  });
  it('treats a word to the left of the previous one as a new line even at the same height', () => {
    expect(groupLines([w('a', 50, 0), w('b', 10, 0)]).map((l) => l.text)).toEqual(['a', 'b']);
  });
  it('returns nothing for no words', () => {
    expect(groupLines([])).toEqual([]);
  });
});

describe('base64', () => {
  it('round-trips bytes larger than one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    const b64 = bytesToBase64(bytes);
    expect(b64).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(b64)).toEqual(bytes);
  });
});
