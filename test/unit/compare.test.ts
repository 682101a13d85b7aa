import { describe, expect, it } from 'vitest';
import type { MetricTable } from '../../src/shared/comparison';
import { EvidenceStore, type AnalysedArticle, type Aggregator, type FeatureSource } from '../../src/main/engine/aggregate';
import { compare, eventsOf } from '../../src/main/engine/compare/compare';
import { buildOmissionGrid, NOT_COMPARED_DIFFERENT_EVENTS } from '../../src/main/engine/compare/omissions';
import { eventTermsComponent } from '../../src/main/engine/events/terms';
import { createPipeline } from '../../src/main/engine/pipeline';
import { buildDoc } from '../../src/main/engine/text/buildDoc';
import { topicFeatures, topicsComponent } from '../../src/main/engine/topics/topics';

const pipeline = createPipeline([eventTermsComponent, topicsComponent()]);

function analyse(id: string, outlet: string | null, date: string | null, text: string): AnalysedArticle {
  const meta = { id, outlet, title: null, date };
  return { meta, results: pipeline.run(buildDoc(id, text), meta) };
}

const QUAKE = 'An earthquake struck Gaziantep and Hatay; rescue teams searched the rubble for survivors in Antakya.';
const FLOOD = 'Floodwaters from the Danube reached Vienna; sandbags were piled along the riverbank in Nysa.';

/** Test-local feature source: "voice:mayor" when the article quotes the mayor. */
const mayorVoice: FeatureSource = (a) =>
  a.meta.id === 'q1' || a.meta.id === 'f1'
    ? [{ kind: 'voice', key: 'voice:mayor', label: 'the mayor quoted', evidence: [{ articleId: a.meta.id, start: 0, end: 2, text: 'An', rule: 'test:voice', weight: 1 }] }]
    : [];

const articles = [
  analyse('q1', 'North', '2024-02-06', `${QUAKE} The death toll rose.`),
  analyse('q2', 'South', '2024-02-07', QUAKE),
  analyse('q3', 'East', '2024-02-06', `${QUAKE} Survivors were displaced.`),
  analyse('f1', 'West', '2024-09-14', FLOOD),
  analyse('f2', null, '2024-09-15', FLOOD),
];
const OUTLETS = ['North', 'South', 'East', 'West', 'Unknown outlet'];

/** A trivial aggregator: article count per outlet, to check scoping. */
const counting: Aggregator = {
  id: 'count',
  tables(list, outlets, _store, scope): MetricTable[] {
    return [
      {
        id: `count:${scope.kind === 'event' ? scope.eventId : 'corpus'}`,
        title: 'Articles',
        unit: 'articles',
        columns: [{ id: 'n', label: 'n' }],
        rows: outlets.map((outlet) => ({
          outlet,
          cells: { n: { value: list.filter((a) => (a.meta.outlet ?? 'Unknown outlet') === outlet).length, count: 0, evidenceKey: null } },
        })),
      },
    ];
  },
};

describe('omission grid', () => {
  const { grouping } = eventsOf(articles, { outlets: OUTLETS });

  it('finds two events', () => {
    expect(grouping.events.map((e) => [...e.articleIds].sort())).toEqual([
      ['q1', 'q2', 'q3'],
      ['f1', 'f2'],
    ]);
  });

  it('lists, per outlet of an event, what others include and it leaves out, with their evidence', () => {
    const store = new EvidenceStore();
    const grid = buildOmissionGrid(articles, grouping, [topicFeatures, mayorVoice], store, { outlets: OUTLETS });
    const quake = grid.events[0];
    expect(quake?.outlets).toEqual(['North', 'South', 'East']);
    // Voices sort before topics.
    expect(quake?.features.map((f) => f.key)).toEqual(['voice:mayor', 'topic:civilian-harm', 'topic:return-displacement']);
    const cell = (outlet: string, key: string) => quake?.cells.find((c) => c.outlet === outlet && c.featureKey === key);
    expect(cell('North', 'topic:civilian-harm')?.status).toBe('includes');
    expect(cell('South', 'topic:civilian-harm')).toMatchObject({ status: 'omits', includedBy: ['North'], count: 1 });
    expect(cell('South', 'topic:return-displacement')).toMatchObject({ status: 'omits', includedBy: ['East'] });
    expect(cell('North', 'topic:return-displacement')?.status).toBe('omits');
    const omitted = store.get(cell('South', 'topic:civilian-harm')?.evidenceKey ?? '');
    expect(omitted?.evidence.map((e) => `${e.articleId}:${e.text}`)).toEqual(['q1:death toll']);
    expect(omitted?.title).toMatch(/left out by South, included by North/);
    expect(cell('South', 'voice:mayor')).toMatchObject({ status: 'omits', includedBy: ['North'] });
  });

  it('does not compare outlets that covered different events, and says so', () => {
    const grid = buildOmissionGrid(articles, grouping, [topicFeatures, mayorVoice], new EvidenceStore(), { outlets: OUTLETS });
    // West quotes the mayor on the flood; North, South and East covered the quake: no omission across events.
    const flood = grid.events[1];
    expect(flood?.outlets).toEqual(['West', 'Unknown outlet']);
    expect(flood?.cells.find((c) => c.outlet === 'Unknown outlet' && c.featureKey === 'voice:mayor')?.status).toBe('omits');
    expect(grid.events[0]?.cells.some((c) => c.featureKey === 'voice:mayor' && c.includedBy.includes('West'))).toBe(false);
    expect(grid.notCompared).toContainEqual({ outlets: ['North', 'West'], reason: NOT_COMPARED_DIFFERENT_EVENTS });
    expect(grid.notCompared).not.toContainEqual(expect.objectContaining({ outlets: ['North', 'South'] }));
    expect(grid.notCompared).toHaveLength(6);
    expect(grid.notes.join(' ')).toMatch(/Not compared: 6 outlet pair\(s\) covered different events/);
  });

  it('compares nothing inside an event covered by one outlet', () => {
    const solo = [analyse('s1', 'North', '2024-02-06', `${QUAKE} The death toll rose.`), analyse('s2', 'North', '2024-02-06', QUAKE)];
    const { grouping: g } = eventsOf(solo, { outlets: ['North'] });
    const grid = buildOmissionGrid(solo, g, [topicFeatures], new EvidenceStore(), { outlets: ['North'] });
    expect(grid.events[0]?.compared).toBe(false);
    expect(grid.events[0]?.note).toMatch(/Only one outlet/);
    expect(grid.events[0]?.cells.every((c) => c.status === 'includes')).toBe(true);
  });
});

describe('compare', () => {
  it('returns events, thread, tables for the scope and per event, grid, discovery and notes', () => {
    const store = new EvidenceStore();
    const result = compare(articles, { scope: { kind: 'corpus' }, outlets: OUTLETS, aggregators: [counting], featureSources: [topicFeatures], store });
    expect(result.articleIds).toHaveLength(5);
    expect(result.tables.map((t) => t.id)).toEqual(['count:corpus']);
    expect(result.eventTables.map((e) => e.tables[0]?.rows.map((r) => r.cells['n']?.value))).toEqual([
      [1, 1, 1, 0, 0],
      [0, 0, 0, 1, 1],
    ]);
    expect(result.thread.entries).toHaveLength(2);
    expect(result.discovery).toHaveLength(2);
    expect(result.notes.join(' ')).toMatch(/Across 2 events/);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('restricts to one event and refuses an unknown one', () => {
    const store = new EvidenceStore();
    const all = compare(articles, { scope: { kind: 'corpus' }, outlets: OUTLETS, aggregators: [], featureSources: [], store });
    const flood = all.grouping.events[1]?.id ?? '';
    const within = compare(articles, { scope: { kind: 'event', eventId: flood }, outlets: OUTLETS, aggregators: [counting], featureSources: [], store });
    expect([...within.articleIds].sort()).toEqual(['f1', 'f2']);
    expect(within.tables[0]?.rows.map((r) => r.cells['n']?.value)).toEqual([0, 0, 0, 1, 1]);
    expect(within.eventTables).toEqual([]);
    expect(within.omissions.events.map((e) => e.eventId)).toEqual([flood]);
    expect(within.notes.join(' ')).toMatch(/Within one event/);
    expect(() => compare(articles, { scope: { kind: 'event', eventId: 'nope' }, outlets: OUTLETS, aggregators: [], featureSources: [], store })).toThrow(/No event nope/);
  });

  it('replays manifest overrides and session edits', () => {
    const result = compare(articles, {
      scope: { kind: 'corpus' },
      outlets: OUTLETS,
      aggregators: [],
      featureSources: [],
      store: new EvidenceStore(),
      overrides: [{ articleId: 'q3', eventId: 'aftermath' }],
      eventNames: [{ id: 'aftermath', name: 'Quake aftermath' }],
      edits: [{ kind: 'move', articleId: 'q2', toEventId: 'aftermath' }],
    });
    const after = result.grouping.events.find((e) => e.id === 'aftermath');
    expect(after).toMatchObject({ name: 'Quake aftermath', nameSource: 'user' });
    expect([...(after?.articleIds ?? [])].sort()).toEqual(['q2', 'q3']);
  });

  it('handles an empty folder and an article with no words', () => {
    const empty = compare([], { scope: { kind: 'corpus' }, outlets: [], aggregators: [counting], featureSources: [topicFeatures], store: new EvidenceStore() });
    expect(empty.grouping.events).toEqual([]);
    expect(empty.thread.entries).toEqual([]);
    expect(empty.omissions.events).toEqual([]);
    const blank = compare([analyse('z', 'A', null, '…'), ...articles], { scope: { kind: 'corpus' }, outlets: ['A', ...OUTLETS], aggregators: [], featureSources: [], store: new EvidenceStore() });
    expect(blank.grouping.events.find((e) => e.articleIds.includes('z'))?.articleIds).toEqual(['z']);
  });

  it('needs the event-terms component', () => {
    const bare = createPipeline([topicsComponent()]);
    const meta = { id: 'x', outlet: 'A', title: null, date: null };
    const a = { meta, results: bare.run(buildDoc('x', 'Text.'), meta) };
    expect(() => compare([a], { scope: { kind: 'corpus' }, outlets: ['A'], aggregators: [], featureSources: [], store: new EvidenceStore() })).toThrow(/event-terms/);
  });
});
