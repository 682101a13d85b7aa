import { describe, expect, it } from 'vitest';
import { createPipeline, slot, type Component } from '../../src/main/engine/pipeline';
import { buildDoc } from '../../src/main/engine/text/buildDoc';
import { PhraseIndex, longestPerNamespace } from '../../src/main/engine/text/phraseIndex';

const meta = { id: 'a', outlet: 'X', title: null, date: null };

describe('phrase index', () => {
  const index = new PhraseIndex([
    { namespace: 'label', id: 'offensive', phrase: 'offensive' },
    { namespace: 'label', id: 'retaliatory-offensive', phrase: 'retaliatory offensive' },
    { namespace: 'label', id: 'hamas-run', phrase: 'Hamas-run' },
    { namespace: 'afinn', id: 'killed', phrase: 'killed' },
  ]);

  it('matches single and multi-word phrases in one pass, with sentence indexes', () => {
    const doc = buildDoc('a', 'The retaliatory offensive has killed many. The Hamas‐run ministry said so.');
    const found = index.match(doc).map((m) => `${m.namespace}:${m.id}@${String(m.sentence)}`);
    expect(found).toEqual(['label:retaliatory-offensive@0', 'label:offensive@0', 'afinn:killed@0', 'label:hamas-run@1']);
    expect(longestPerNamespace(index.match(doc)).map((m) => m.id)).toEqual(['retaliatory-offensive', 'killed', 'hamas-run']);
  });

  it('skips excluded sentences and never crosses a sentence boundary', () => {
    const text = 'Donate now, offensive.\nThey said retaliatory. Offensive was it.';
    const doc = buildDoc('a', text, [{ start: 0, end: 22 }]);
    const ids = index.match(doc).map((m) => `${m.id}@${String(m.sentence)}`);
    expect(ids).toEqual(['offensive@2']);
  });
});

describe('pipeline', () => {
  const COUNT = slot<number>('count');
  const DOUBLE = slot<number>('double');
  const counter: Component = {
    name: 'counter',
    requires: [],
    assigns: [COUNT],
    phrases: () => [{ namespace: 'w', id: 'gaza', phrase: 'Gaza' }],
    run: (ctx) => {
      ctx.set(COUNT, ctx.matchesIn('w').length);
    },
  };
  const doubler: Component = {
    name: 'doubler',
    requires: [COUNT],
    assigns: [DOUBLE],
    run: (ctx) => {
      ctx.set(DOUBLE, ctx.get(COUNT) * 2);
    },
  };

  it('runs components in order over the merged matches', () => {
    const results = createPipeline([counter, doubler]).run(buildDoc('a', 'Gaza. In Gaza, again Gaza.'), meta);
    expect(results.get(COUNT)).toBe(3);
    expect(results.get(DOUBLE)).toBe(6);
  });

  it('refuses a component whose requirement no earlier component assigns', () => {
    expect(() => createPipeline([doubler, counter])).toThrow(/"doubler" requires "count"/);
  });

  it('refuses two components assigning the same slot, and duplicate names', () => {
    expect(() => createPipeline([counter, { ...counter, name: 'other' }])).toThrow(/assigned by both/);
    expect(() => createPipeline([counter, { ...doubler, name: 'counter' }])).toThrow(/Two pipeline components/);
  });

  it('fails when a component does not assign what it declared', () => {
    const lazy: Component = { name: 'lazy', requires: [], assigns: [COUNT], run: () => undefined };
    expect(() => createPipeline([lazy]).run(buildDoc('a', 'x'), meta)).toThrow(/did not assign "count"/);
  });
});
