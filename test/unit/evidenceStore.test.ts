import { describe, expect, it } from 'vitest';
import { EvidenceStore } from '../../src/main/engine/aggregate';
import type { Evidence } from '../../src/main/engine/document';

const ev = (articleId: string, start: number, text: string, rule: string, weight = 1): Evidence => ({
  articleId,
  start,
  end: start + text.length,
  text,
  rule,
  weight,
});

describe('EvidenceStore', () => {
  const a = ev('a1', 10, 'killed', 'afinn:killed', -3);
  const b = ev('a2', 4, 'Hamas-run', 'label:gaza-moh/hamas-run', 0.5);
  const c = ev('a1', 99, '“terrorists”', 'label:hamas-members/terrorists');

  it('keeps items in order under each key, appends to a key, and pages them', () => {
    const store = new EvidenceStore();
    store.put('tone|X', 'Tone in X', [a, b]);
    store.put('tone|X|event:e1', 'Tone in X, e1', [b]);
    store.put('tone|X', 'ignored title', [c]);
    expect(store.size).toBe(2);
    expect(store.has('tone|X')).toBe(true);
    expect(store.has('tone|Y')).toBe(false);
    expect(store.get('tone|Y')).toBeUndefined();
    expect(store.get('tone|X')).toEqual({ title: 'Tone in X', evidence: [a, b, c] });
    expect(store.get('tone|X|event:e1')?.evidence).toEqual([b]);
    expect(store.page('tone|X', 1, 5)).toEqual({ title: 'Tone in X', total: 3, evidence: [b, c] });
    expect(store.page('tone|X', 3, 5)?.evidence).toEqual([]);
  });

  it('round-trips through its compact encoding, storing an item put under several keys once', () => {
    const store = new EvidenceStore();
    store.put('k1', 'one', [a, b, c]);
    store.put('k2', 'two', [b, c]);
    const encoded = store.encode();
    expect(encoded.article.length).toBe(3);
    expect(encoded.rows.length).toBe(5);
    const back = EvidenceStore.decode(encoded);
    expect(back.get('k1')).toEqual(store.get('k1'));
    expect(back.get('k2')).toEqual(store.get('k2'));
    expect(back.page('k1', 2, 1)).toEqual({ title: 'one', total: 3, evidence: [c] });
    // A decoded store still takes more evidence.
    back.put('k2', 'two', [a]);
    expect(back.get('k2')?.evidence).toEqual([b, c, a]);
  });

  it('refuses an encoding whose parts do not fit together', () => {
    const store = new EvidenceStore();
    store.put('k1', 'one', [a, b]);
    const encoded = store.encode();
    expect(() => EvidenceStore.decode({ ...encoded, rows: Int32Array.from([0, 7]) })).toThrow(/row out of range/);
    expect(() => EvidenceStore.decode({ ...encoded, rule: Int32Array.from([0, 99]) })).toThrow(/string id out of range/);
    expect(() => EvidenceStore.decode({ ...encoded, start: Int32Array.from([0]) })).toThrow(/different lengths/);
    expect(() => EvidenceStore.decode({ ...encoded, keys: [['k1', 'one', 1, 5]] })).toThrow(/key rows out of range/);
  });
});
