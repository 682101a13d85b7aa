/**
 * The event layer with the engine's real measures on the seeds: the figures and voices parts
 * as omission features, sentence tone from the sentiment measure in the topic table. Expected
 * values are the hand-read facts of seed-expectations.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EvidenceStore, type AnalysedArticle } from '../../src/main/engine/aggregate';
import { compare } from '../../src/main/engine/compare/compare';
import { eventTermsComponent } from '../../src/main/engine/events/terms';
import { figureComponents, figureFeatures, voiceFeatures } from '../../src/main/engine/figures';
import { framingComponents, sentenceTone } from '../../src/main/engine/measures';
import { createPipeline } from '../../src/main/engine/pipeline';
import { quotesComponent } from '../../src/main/engine/text/quotes';
import { topicFeatures, topicsAggregator, topicsComponent } from '../../src/main/engine/topics/topics';
import { loadSeedDocs } from '../helpers/seedDocs';

const OUTLETS = ['All Israel News', 'The Hill', 'BNN Breaking', 'Xinhua', 'The Jewish Chronicle'];
let articles: AnalysedArticle[];

beforeAll(async () => {
  const seeds = await loadSeedDocs();
  const pipeline = createPipeline([
    quotesComponent,
    ...framingComponents(null),
    ...figureComponents(null, { reference: null }),
    eventTermsComponent,
    topicsComponent(),
  ]);
  articles = seeds.map((s) => ({ meta: s.meta, results: pipeline.run(s.doc, s.meta) }));
});

describe('events with the real measures', () => {
  it('the omission grid, fed the figures part, shows the JC without the Gaza death toll BNN cites on 1 May', () => {
    const store = new EvidenceStore();
    const result = compare(articles, {
      scope: { kind: 'corpus' },
      outlets: OUTLETS,
      aggregators: [topicsAggregator({ sentenceTone })],
      featureSources: [figureFeatures, voiceFeatures, topicFeatures],
      store,
    });
    expect(result.grouping.events).toHaveLength(3);
    const may = result.omissions.events.find((e) => e.outlets.includes('BNN Breaking'));
    expect(may?.outlets).toEqual(['BNN Breaking', 'The Jewish Chronicle']);
    const jc = may?.cells.find((c) => c.outlet === 'The Jewish Chronicle' && c.featureKey === 'figure:killed/gaza');
    expect(jc?.status).toBe('omits');
    expect(jc?.includedBy).toEqual(['BNN Breaking']);
    expect(store.get(jc?.evidenceKey ?? '')?.evidence.some((e) => e.text.includes('34,568'))).toBe(true);
    // Features come in kind order: figures, then voices, then topics.
    const kinds = may?.features.map((f) => f.kind) ?? [];
    expect(kinds.indexOf('topic')).toBeGreaterThan(kinds.lastIndexOf('figure'));
  });

  it('wires sentence tone into a topic tone table', () => {
    const result = compare(articles, {
      scope: { kind: 'corpus' },
      outlets: OUTLETS,
      aggregators: [topicsAggregator({ sentenceTone })],
      featureSources: [],
      store: new EvidenceStore(),
    });
    const tone = result.tables.find((t) => t.id === 'topics:tone');
    expect(tone).toBeDefined();
    // Every outlet has ceasefire/hostage sentences (seed-expectations: all five), so each has a tone.
    for (const row of tone?.rows ?? []) expect(typeof row.cells['ceasefire-hostages']?.value).toBe('number');
    // Xinhua never mentions Rafah: no tone there.
    expect(tone?.rows.find((r) => r.outlet === 'Xinhua')?.cells['rafah-operation']?.value).toBeNull();
  });
});
