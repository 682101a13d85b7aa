import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceStore, type AnalysedArticle } from '../../src/main/engine/aggregate';
import { groupEvents } from '../../src/main/engine/events/group';
import { EVENT_TERMS, eventTermsComponent } from '../../src/main/engine/events/terms';
import { createPipeline } from '../../src/main/engine/pipeline';
import { buildDoc } from '../../src/main/engine/text/buildDoc';
import { discoverEventTerms } from '../../src/main/engine/topics/discovery';
import {
  defaultTopicPack,
  topicFeatures,
  topicPackForFolder,
  TOPICS,
  topicsAggregator,
  topicsComponent,
  type TopicPack,
} from '../../src/main/engine/topics/topics';

const pipeline = createPipeline([eventTermsComponent, topicsComponent()]);

function analyse(id: string, outlet: string, text: string, date: string | null = null, excluded: { start: number; end: number }[] = []): AnalysedArticle {
  const meta = { id, outlet, title: null, date };
  return { meta, results: pipeline.run(buildDoc(id, text, excluded), meta) };
}

function topicsOf(text: string): string[] {
  return analyse('t', 'X', text).results.get(TOPICS).topics.map((t) => t.topicId);
}

describe('topic pack', () => {
  it('ships a valid default pack with the eight topics of this conflict, each with a note', () => {
    const pack = defaultTopicPack();
    expect(pack.id).toBe('topics');
    expect(pack.entries.map((e) => e.id)).toEqual([
      'rafah-operation',
      'ceasefire-hostages',
      'humanitarian-aid',
      'civilian-harm',
      'return-displacement',
      'palestinian-state',
      'icc-warrants',
      'regional-escalation',
    ]);
    for (const e of pack.entries) expect(e.note.length).toBeGreaterThan(20);
  });

  it('takes a per-folder pack and names the broken entry of an invalid one', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'fs-topics-'));
    mkdirSync(path.join(folder, 'lexicons'));
    const file = path.join(folder, 'lexicons', 'topics.json');
    const custom = { id: 'topics', version: '2.0.0', description: 'd', provenance: 'p', entries: [{ id: 'floods', label: 'Floods', phrases: ['flood'], note: 'n' }] };
    writeFileSync(file, JSON.stringify(custom));
    expect(topicPackForFolder(folder).entries.map((e) => e.id)).toEqual(['floods']);
    writeFileSync(file, JSON.stringify({ ...custom, entries: [{ id: 'floods', label: 'Floods', phrases: [], note: 'n' }] }));
    expect(() => topicPackForFolder(folder)).toThrow(/entries\.0\.phrases/);
  });
});

describe('topic matching', () => {
  const cases: [string, string[]][] = [
    ['Israel plans an offensive in Rafah.', ['rafah-operation']],
    ['Talks on a cease-fire and the hostages resumed.', ['ceasefire-hostages']],
    ['More humanitarian assistance must reach Gaza.', ['humanitarian-aid']],
    ['The death toll rose as civilians fled.', ['civilian-harm']],
    ['Gazans must be allowed to return home.', ['return-displacement']],
    ['He backed a Palestinian state.', ['palestinian-state']],
    ['The ICC may issue arrest warrants.', ['icc-warrants']],
    ['The war could metastasize into a regional conflict.', ['regional-escalation']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(topicsOf(text)).toEqual(expected);
  });

  // False positives: words that look like a topic but are not one.
  const none: string[] = [
    'The US approved military aid for Ukraine.',
    'There was tension over the budget.',
    'Peace in the region was the theme of the conference.',
    'The escalating violence in the league worried fans.',
    'He returned from a holiday in Spain.',
    'The state visit went ahead.',
  ];
  it.each(none)('no topic in: %s', (text) => {
    expect(topicsOf(text)).toEqual([]);
  });

  it('counts a sentence once per topic, keeps the longer of overlapping phrases, and skips clutter', () => {
    const text = 'A hostage deal and a ceasefire were discussed.\nSubscribe for ceasefire news.';
    const a = analyse('t', 'X', text, null, [{ start: text.indexOf('Subscribe'), end: text.length }]);
    const topics = a.results.get(TOPICS);
    expect(topics.scoredSentences).toBe(1);
    const hits = topics.topics[0];
    expect(hits?.sentences).toHaveLength(1);
    expect(hits?.sentences[0]?.evidence.map((e) => [e.text, e.rule])).toEqual([
      ['hostage deal', 'topic:ceasefire-hostages/hostage deal'],
      ['ceasefire', 'topic:ceasefire-hostages/ceasefire'],
    ]);
    const e = hits?.sentences[0]?.evidence[0];
    expect(text.slice(e?.start, e?.end)).toBe('hostage deal');
  });
});

describe('topics aggregator', () => {
  const articles = [
    analyse('a1', 'A', 'Rafah was shelled. Aid trucks waited. Nothing else.'),
    analyse('a2', 'A', 'Rafah again.'),
    analyse('b1', 'B', 'The ceasefire held. Talks went on.'),
  ];

  it('shares sentences per outlet pooled over its articles, with evidence; null for an outlet without articles', () => {
    const store = new EvidenceStore();
    const [share, ...rest] = topicsAggregator().tables(articles, ['A', 'B', 'C'], store, { kind: 'corpus' });
    expect(rest).toEqual([]);
    const row = (o: string) => share?.rows.find((r) => r.outlet === o)?.cells;
    expect(row('A')?.['rafah-operation']).toMatchObject({ value: 2 / 4, count: 2, note: '2 of 4 sentences' });
    expect(row('A')?.['humanitarian-aid']?.value).toBe(1 / 4);
    expect(row('A')?.['ceasefire-hostages']).toMatchObject({ value: 0, count: 0, evidenceKey: null });
    expect(row('B')?.['ceasefire-hostages']?.value).toBe(1 / 2);
    expect(row('C')?.['rafah-operation']?.value).toBeNull();
    const key = row('A')?.['rafah-operation']?.evidenceKey ?? '';
    expect(store.get(key)?.evidence.map((e) => `${e.articleId}:${e.text}`)).toEqual(['a1:Rafah', 'a2:Rafah']);
  });

  it('adds a mean tone table when a sentence tone function is wired in', () => {
    const tone = (article: AnalysedArticle, sentence: number): number | null => (article.meta.id === 'a1' ? [-2, 4, 0][sentence] ?? null : article.meta.id === 'a2' ? 1 : null);
    const tables = topicsAggregator({ sentenceTone: tone }).tables(articles, ['A', 'B'], new EvidenceStore(), { kind: 'event', eventId: 'e1' });
    expect(tables.map((t) => t.id)).toEqual(['topics:share', 'topics:tone']);
    const a = tables[1]?.rows.find((r) => r.outlet === 'A')?.cells;
    expect(a?.['rafah-operation']?.value).toBe((-2 + 1) / 2);
    expect(a?.['humanitarian-aid']?.value).toBe(4);
    expect(tables[1]?.rows.find((r) => r.outlet === 'B')?.cells['ceasefire-hostages']).toMatchObject({ value: null, count: 0 });
    expect(tables[0]?.rows[0]?.cells['rafah-operation']?.evidenceKey).toContain('event:e1');
  });

  it('uses any pack', () => {
    const pack: TopicPack = { ...defaultTopicPack(), entries: [{ id: 'floods', label: 'Floods', phrases: ['flood'], note: 'n' }] };
    const p = createPipeline([topicsComponent(pack)]);
    const meta = { id: 'f', outlet: 'F', title: null, date: null };
    const article = { meta, results: p.run(buildDoc('f', 'The flood rose. Rain fell.'), meta) };
    const [share] = topicsAggregator({ pack }).tables([article], ['F'], new EvidenceStore(), { kind: 'corpus' });
    expect(share?.columns).toEqual([{ id: 'floods', label: 'Floods' }]);
    expect(share?.rows[0]?.cells['floods']?.value).toBe(0.5);
  });

  it('gives the omission grid one topic feature per covered topic', () => {
    expect(topicFeatures(articles[0] as AnalysedArticle).map((f) => [f.kind, f.key, f.label, f.evidence.length])).toEqual([
      ['topic', 'topic:rafah-operation', 'Rafah operation', 1],
      ['topic', 'topic:humanitarian-aid', 'Humanitarian aid', 1],
    ]);
  });
});

describe('topic discovery', () => {
  const flood = (i: number) => `Floodwaters from the Danube reached Vienna as sandbags were piled along the riverbank. Rescue crews and sandbags stood ready in Vienna. Report ${i}.`;
  const rates = (i: number) => `Lagarde said inflation was easing and interest rates would hold in Frankfurt. Inflation and interest rates dominated the Frankfurt meeting. Item ${i}.`;
  const inputs = [0, 1, 2, 3].flatMap((i) => [
    { id: `f${i}`, outlet: 'A', date: '2024-09-14', terms: analyse(`f${i}`, 'A', flood(i)).results.get(EVENT_TERMS) },
    { id: `r${i}`, outlet: 'B', date: '2024-02-06', terms: analyse(`r${i}`, 'B', rates(i)).results.get(EVENT_TERMS) },
  ]);

  it('finds the words that set each event apart (log-odds), with evidence', () => {
    const { corpus, grouping } = groupEvents(inputs);
    expect(grouping.events).toHaveLength(2);
    const store = new EvidenceStore();
    const found = discoverEventTerms(corpus, grouping, store);
    const rateTerms = found[0]?.terms.map((t) => t.term.toLowerCase()) ?? [];
    const floodTerms = found[1]?.terms.map((t) => t.term.toLowerCase()) ?? [];
    expect(found.map((d) => d.method)).toEqual(['log-odds', 'log-odds']);
    expect(rateTerms).toEqual(expect.arrayContaining(['inflation', 'frankfurt']));
    expect(floodTerms).toEqual(expect.arrayContaining(['sandbags', 'vienna']));
    expect(rateTerms).not.toContain('sandbags');
    expect(floodTerms).not.toContain('inflation');
    const sand = found[1]?.terms.find((t) => t.term === 'sandbags');
    expect(sand?.count).toBe(8);
    expect(store.get(sand?.evidenceKey ?? '')?.evidence[0]).toMatchObject({ articleId: 'f0', text: 'sandbags', rule: 'discovery:sandbags' });
  });

  it('falls back to TF-IDF when the folder is one event', () => {
    const one = inputs.filter((i) => i.id.startsWith('f'));
    const { corpus, grouping } = groupEvents(one);
    const [d] = discoverEventTerms(corpus, grouping, new EvidenceStore());
    expect(d?.method).toBe('tf-idf');
    expect(d?.terms.map((t) => t.term.toLowerCase())).toEqual(expect.arrayContaining(['sandbags']));
  });
});
