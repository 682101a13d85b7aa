import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../src/shared/evidence';
import { paragraphs, segmentText } from '../../src/renderer/src/segments';

const h = (start: number, end: number, layer: Highlight['layer'], tag = 't'): Highlight => ({ start, end, layer, tag, note: '' });

describe('segmentText', () => {
  const text = 'The Hamas-run ministry said 31,000 died.';
  it('covers the text exactly, in order', () => {
    const segs = segmentText(text, [h(4, 22, 'labels'), h(28, 34, 'figures')], new Set(['labels', 'figures']));
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.highlights.length).map((s) => s.text)).toEqual(['Hamas-run ministry', '31,000']);
  });

  it('splits overlapping highlights into runs carrying both', () => {
    const segs = segmentText(text, [h(4, 22, 'labels'), h(23, 27, 'attribution'), h(4, 13, 'sentiment')], new Set(['labels', 'attribution', 'sentiment']));
    const both = segs.find((s) => s.text === 'Hamas-run');
    expect(both?.highlights.map((x) => x.layer).sort()).toEqual(['labels', 'sentiment']);
    expect(segs.find((s) => s.text === ' ministry')?.highlights.map((x) => x.layer)).toEqual(['labels']);
  });

  it('hides layers that are switched off and clips to a range', () => {
    const segs = segmentText(text, [h(4, 22, 'labels')], new Set(['figures']));
    expect(segs).toHaveLength(1);
    const clipped = segmentText(text, [h(4, 22, 'labels')], new Set(['labels']), 10, 30);
    expect(clipped.map((s) => s.text).join('')).toBe(text.slice(10, 30));
  });
});

describe('paragraphs', () => {
  it('returns non-empty lines with offsets', () => {
    const text = 'One.\n\n  \nTwo words.\n';
    expect(paragraphs(text).map((p) => text.slice(p.start, p.end))).toEqual(['One.', 'Two words.']);
  });
});
