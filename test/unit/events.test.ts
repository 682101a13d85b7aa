import { describe, expect, it } from 'vitest';
import { eventEditSchema } from '../../src/shared/events';
import { generateEventArticles, evaluateGrouping } from '../../scripts/eval-events';
import { applyEdits, applyOverrides, overridesOf } from '../../src/main/engine/events/edits';
import { manifestEditsFor, overridesFromFolder } from '../../src/main/engine/events/manifest';
import {
  adjustedRandIndex,
  autoName,
  buildEventCorpus,
  dateFactor,
  formatDateRange,
  groupEvents,
  similarity,
  similarityMatrix,
  type EventInput,
} from '../../src/main/engine/events/group';
import { extractTerms, TERM_SPAN_WIDTH, termStats } from '../../src/main/engine/events/terms';
import { storyThread } from '../../src/main/engine/events/thread';
import { buildDoc } from '../../src/main/engine/text/buildDoc';

describe('event terms', () => {
  it('keeps content words and names with offsets, drops stopwords, numbers and titles', () => {
    const text = 'Prime Minister Benjamin Netanyahu met Blinken in Tel Aviv on Wednesday. The talks on 22,835 deaths continued.';
    const terms = termStats(extractTerms(buildDoc('a', text)));
    const byTerm = new Map(terms.map((t) => [t.term, t]));
    expect(byTerm.get('benjamin netanyahu')?.display).toBe('Benjamin Netanyahu');
    expect(byTerm.get('benjamin netanyahu')?.entity).toBe(true);
    expect(byTerm.get('tel aviv')?.display).toBe('Tel Aviv');
    expect(byTerm.get('blinken')?.entity).toBe(true);
    expect(byTerm.get('talks')?.entity).toBe(false);
    const tel = byTerm.get('tel aviv');
    expect(text.slice(tel?.first.start, tel?.first.end)).toBe('Tel Aviv');
    expect(tel?.firstText).toBe('Tel Aviv');
    // Not terms: stopwords, weekdays, numbers, a title alone, the sentence-initial "The".
    for (const absent of ['the', 'on', 'wednesday', '22,835', 'prime minister', 'the talks', 'in']) expect(byTerm.has(absent)).toBe(false);
  });

  it('keeps the terms as columns, storing a spelling only where it differs from the key or display', () => {
    const text = 'Talks in Tel Aviv. Talks resumed and talks ended in Tel Aviv.';
    const columns = extractTerms(buildDoc('a', text));
    const at = (key: string): number => columns.keys.indexOf(key);
    expect(columns.counts).toBeInstanceOf(Int32Array);
    expect(columns.spans.length).toBe(columns.keys.length * TERM_SPAN_WIDTH);
    expect(columns.displays[at('tel aviv')]).toBe('Tel Aviv');
    expect(columns.firstTexts[at('tel aviv')]).toBeNull();
    expect(columns.displays[at('talks')]).toBeNull();
    // First written "Talks" at a sentence start: a common word whose first occurrence is capitalised.
    expect(columns.firstTexts[at('talks')]).toBe('Talks');
    expect(termStats(columns).find((t) => t.term === 'talks')).toEqual({
      term: 'talks',
      display: 'talks',
      count: 3,
      entity: false,
      first: { start: 0, end: 5 },
      firstText: 'Talks',
      sentence: { start: 0, end: 18 },
    });
  });

  it('folds possessives and skips page clutter', () => {
    const text = "Blinken's trip to Doha.\nDonate to Example News today.";
    const doc = buildDoc('a', text, [{ start: text.indexOf('Donate'), end: text.length }]);
    const terms = extractTerms(doc).keys;
    expect(terms).toContain('blinken');
    expect(terms).toContain('doha');
    expect(terms).not.toContain('donate');
    expect(terms).not.toContain('example news');
  });
});

describe('dates and names', () => {
  it('formats date ranges compactly', () => {
    expect(formatDateRange({ start: '2024-05-01', end: '2024-05-01' })).toBe('1 May 2024');
    expect(formatDateRange({ start: '2024-01-08', end: '2024-01-09' })).toBe('8–9 Jan 2024');
    expect(formatDateRange({ start: '2024-01-30', end: '2024-02-02' })).toBe('30 Jan – 2 Feb 2024');
    expect(formatDateRange({ start: '2023-12-30', end: '2024-01-02' })).toBe('30 Dec 2023 – 2 Jan 2024');
    expect(autoName({ start: '2024-01-08', end: '2024-01-09' }, ['Blinken', 'Tel Aviv', 'Doha'])).toBe('8–9 Jan 2024 · Blinken, Tel Aviv');
    expect(autoName(null, [])).toBe('Undated');
  });

  it('weights same-time pairs up, far-apart pairs down to zero, unknown dates neutral', () => {
    const o = buildEventCorpus([]).options;
    expect(dateFactor(100, 100, o)).toBe(1.5);
    expect(dateFactor(100, 103, o)).toBeCloseTo(1.125);
    expect(dateFactor(100, 104, o)).toBeLessThan(1);
    expect(dateFactor(100, 122, o)).toBe(0);
    expect(dateFactor(Number.NaN, 100, o)).toBe(1);
  });
});

describe('adjusted Rand index', () => {
  it('is 1 for the same partition under any labels, 0 against one big or all-singleton group', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['y', 'y', 'x', 'x'])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'a', 'a'], ['1', '2', '3', '4'])).toBe(0);
    // Hand-computed: pairs together in both = 1, truth pairs = 2, predicted pairs = 1, of 6:
    // expected = 2·1/6, max = 1.5 → (1 − 1/3) / (1.5 − 1/3) = 4/7.
    expect(adjustedRandIndex(['0', '0', '1', '1'], ['0', '0', '1', '2'])).toBeCloseTo(4 / 7, 10);
    expect(() => adjustedRandIndex(['a'], [])).toThrow();
  });
});

function inputsOf(count: number, seed: number, withDates = true): { inputs: EventInput[]; truth: Map<string, string> } {
  const truth = new Map<string, string>();
  const inputs = generateEventArticles(count, seed).map((a) => {
    truth.set(a.file, a.event);
    return { id: a.file, outlet: a.outlet, date: withDates ? a.date : null, terms: extractTerms(buildDoc(a.file, a.text)) };
  });
  return { inputs, truth };
}

describe('grouping a generated folder of known events', () => {
  it('recovers 10 events of different topics in 320 articles (ARI printed)', () => {
    const { inputs, truth } = inputsOf(320, 11);
    expect(new Set(truth.values()).size).toBe(10);
    const report = evaluateGrouping(inputs, truth);
    console.log(
      `generated 320 articles, 10 events: with dates ${report.withDates.events} events ARI ${report.withDates.ari?.toFixed(3)} (${report.withDates.ms.toFixed(0)} ms); ` +
        `without dates ${report.withoutDates.events} events ARI ${report.withoutDates.ari?.toFixed(3)} (${report.withoutDates.ms.toFixed(0)} ms)`,
    );
    expect(report.withDates.ari).toBeGreaterThan(0.95);
    // Without dates the two Gaza meetings and the two rate decisions share most words, so
    // text alone may join a pair of them; the rest must still separate.
    expect(report.withoutDates.ari).toBeGreaterThan(0.8);
    expect(report.withDates.ms).toBeLessThan(5000);
  });

  it('gives every article an assignment with a confidence, and names events by date and terms', () => {
    const { inputs } = inputsOf(120, 3);
    const { grouping } = groupEvents(inputs);
    expect(grouping.assignments).toHaveLength(120);
    for (const a of grouping.assignments) {
      expect(a.confidence).toBeGreaterThanOrEqual(0);
      expect(a.confidence).toBeLessThanOrEqual(1);
      expect(a.source).toBe('auto');
    }
    const quake = grouping.events.find((e) => e.terms.some((t) => /Kahramanmaras|Gaziantep|Hatay|Antakya|Erdogan/.test(t)));
    expect(quake?.name).toMatch(/^\d+–\d+ Feb 2024 · /);
    expect(quake?.dates?.start).toBe('2024-02-06');
    expect(grouping.events.map((e) => e.id)).toEqual([...new Set(grouping.events.map((e) => e.id))]);
  });

  it('the inverted-index similarity matrix equals pairwise cosine × date factor', () => {
    const { inputs } = inputsOf(60, 17);
    const corpus = buildEventCorpus(inputs);
    const m = similarityMatrix(corpus);
    for (let i = 0; i < 60; i += 1) {
      expect(m[i * 60 + i]).toBe(1);
      for (let j = 0; j < 60; j += 1) if (i !== j) expect(m[i * 60 + j]).toBeCloseTo(similarity(corpus, i, j), 5);
    }
  });

  it('is deterministic and independent of input order', () => {
    const { inputs } = inputsOf(80, 5);
    const a = groupEvents(inputs).grouping;
    const b = groupEvents([...inputs].reverse()).grouping;
    const norm = (g: typeof a) => g.events.map((e) => [e.id, [...e.articleIds].sort()]).sort();
    expect(norm(b)).toEqual(norm(a));
  });

  it('keeps same-day articles of unrelated stories apart (the earthquake and the ECB decision share a date)', () => {
    const { inputs, truth } = inputsOf(200, 9);
    const { grouping } = groupEvents(inputs);
    for (const e of grouping.events) {
      const labels = new Set(e.articleIds.map((id) => truth.get(id)));
      expect(labels.has('earthquake') && labels.has('ecb-rates')).toBe(false);
    }
  });
});

describe('user edits', () => {
  const { inputs } = inputsOf(40, 21);
  const { corpus, grouping } = groupEvents(inputs);
  const [first, second] = grouping.events;
  if (!first || !second) throw new Error('fixture needs two events');
  const article = first.articleIds[0] ?? '';

  it('moves an article, marking it the user’s choice with confidence 1', () => {
    const next = applyEdits(corpus, grouping, [{ kind: 'move', articleId: article, toEventId: second.id }]);
    const a = next.assignments.find((x) => x.articleId === article);
    expect(a).toMatchObject({ eventId: second.id, source: 'user', confidence: 1 });
    expect(next.events.find((e) => e.id === first.id)?.articleIds).not.toContain(article);
    // The original grouping is not changed.
    expect(first.articleIds).toContain(article);
  });

  it('renames, and an empty name restores the automatic one', () => {
    const named = applyEdits(corpus, grouping, [{ kind: 'rename', eventId: first.id, name: ' Quake coverage ' }]);
    expect(named.events.find((e) => e.id === first.id)).toMatchObject({ name: 'Quake coverage', nameSource: 'user' });
    const back = applyEdits(corpus, named, [{ kind: 'rename', eventId: first.id, name: '' }]);
    expect(back.events.find((e) => e.id === first.id)).toMatchObject({ name: first.name, nameSource: 'auto' });
  });

  it('merges and splits', () => {
    const merged = applyEdits(corpus, grouping, [{ kind: 'merge', eventIds: [first.id, second.id], intoEventId: 'both' }]);
    expect(merged.events.find((e) => e.id === 'both')?.articleIds.length).toBe(first.articleIds.length + second.articleIds.length);
    expect(merged.events.some((e) => e.id === first.id || e.id === second.id)).toBe(false);
    const part = first.articleIds.slice(0, 2);
    const split = applyEdits(corpus, grouping, [{ kind: 'split', eventId: first.id, articleIds: part, newEventId: 'part', name: 'Part' }]);
    expect(split.events.find((e) => e.id === 'part')).toMatchObject({ name: 'Part', articleIds: [...part].sort() });
    expect(() => applyEdits(corpus, grouping, [{ kind: 'split', eventId: first.id, articleIds: second.articleIds.slice(0, 1), newEventId: 'x' }])).toThrow(/is not in event/);
    expect(() => applyEdits(corpus, grouping, [{ kind: 'split', eventId: first.id, articleIds: part, newEventId: second.id }])).toThrow(/already exists/);
  });

  it('refuses unknown articles and events', () => {
    expect(() => applyEdits(corpus, grouping, [{ kind: 'move', articleId: 'nope', toEventId: first.id }])).toThrow(/No article nope/);
    expect(() => applyEdits(corpus, grouping, [{ kind: 'rename', eventId: 'nope', name: 'x' }])).toThrow(/No event nope/);
    expect(() => applyEdits(corpus, grouping, [{ kind: 'move', articleId: article, toEventId: ' ' }])).toThrow(/cannot be empty/);
  });

  it('saves as manifest overrides and replays them on a fresh grouping, skipping stale entries', () => {
    const edited = applyEdits(corpus, grouping, [
      { kind: 'move', articleId: article, toEventId: 'mine' },
      { kind: 'rename', eventId: 'mine', name: 'My event' },
    ]);
    const saved = overridesOf(edited);
    expect(saved).toEqual({ overrides: [{ articleId: article, eventId: 'mine' }], names: [{ id: 'mine', name: 'My event' }] });
    const fresh = groupEvents(inputs).grouping;
    const replayed = applyOverrides(corpus, fresh, [...saved.overrides, { articleId: 'gone.txt', eventId: 'mine' }], [...saved.names, { id: 'gone', name: 'Gone' }]);
    expect(replayed.events.find((e) => e.id === 'mine')).toMatchObject({ name: 'My event', articleIds: [article] });
    expect(replayed.events.some((e) => e.id === 'gone')).toBe(false);
  });
});

describe('story thread and undated folders', () => {
  it('orders events by date with undated ones last, listing outlets and their articles', () => {
    const terms = (text: string) => extractTerms(buildDoc('x', text));
    const inputs: EventInput[] = [
      { id: 'b1', outlet: 'B', date: '2024-03-02', terms: terms('Floods hit Vienna and the Danube rose.') },
      { id: 'a1', outlet: 'A', date: '2024-03-01', terms: terms('Floods hit Vienna as the Danube rose.') },
      { id: 'c1', outlet: 'C', date: '2024-01-05', terms: terms('Lagarde held rates in Frankfurt.') },
      { id: 'u1', outlet: 'A', date: null, terms: terms('A comet was seen over Reykjavik by astronomers.') },
    ];
    const { corpus, grouping } = groupEvents(inputs, { outletOrder: ['A', 'B', 'C'] });
    const thread = storyThread(corpus, grouping);
    expect(thread.entries.map((e) => [e.dates?.start ?? null, e.coverage.map((c) => `${c.outlet}:${c.articleIds.join('+')}`)])).toEqual([
      ['2024-01-05', ['C:c1']],
      ['2024-03-01', ['A:a1', 'B:b1']],
      [null, ['A:u1']],
    ]);
    expect(grouping.method.undatedArticles).toBe(1);
    expect(grouping.events.at(-1)?.name).toMatch(/^Undated · /);
  });

  it('groups a folder with no dates at all by text', () => {
    const { inputs, truth } = inputsOf(100, 13, false);
    const { grouping } = groupEvents(inputs);
    expect(grouping.method.usedDates).toBe(false);
    expect(grouping.method.description).toMatch(/no dates were used/);
    const eventOf = new Map(grouping.assignments.map((a) => [a.articleId, a.eventId]));
    const ari = adjustedRandIndex(inputs.map((i) => truth.get(i.id) ?? ''), inputs.map((i) => eventOf.get(i.id) ?? ''));
    expect(ari).toBeGreaterThan(0.7);
  });
});

describe('edit payloads', () => {
  it('accepts well-formed edits and refuses malformed ones', () => {
    expect(eventEditSchema.safeParse({ kind: 'move', articleId: 'a', toEventId: 'e' }).success).toBe(true);
    expect(eventEditSchema.safeParse({ kind: 'split', eventId: 'e', articleIds: ['a'], newEventId: 'f', name: 'F' }).success).toBe(true);
    expect(eventEditSchema.safeParse({ kind: 'move', articleId: 'a', toEventId: '  ' }).success).toBe(false);
    expect(eventEditSchema.safeParse({ kind: 'merge', eventIds: [], intoEventId: 'e' }).success).toBe(false);
    expect(eventEditSchema.safeParse({ kind: 'rename', eventId: 'e', name: 'x', extra: 1 }).success).toBe(false);
    expect(eventEditSchema.safeParse({ kind: 'delete', eventId: 'e' }).success).toBe(false);
  });
});

describe('manifest round trip', () => {
  it('reads saved overrides from article summaries and writes the user’s choices back as manifest edits', () => {
    const { inputs } = inputsOf(30, 23);
    const { corpus, grouping } = groupEvents(inputs);
    const target = grouping.events[0]?.id ?? '';
    const moved = inputs.find((i) => !grouping.events[0]?.articleIds.includes(i.id))?.id ?? '';
    const edited = applyEdits(corpus, grouping, [
      { kind: 'move', articleId: moved, toEventId: target },
      { kind: 'rename', eventId: target, name: 'Named' },
    ]);
    const edits = manifestEditsFor(edited, (id) => `files/${id}`);
    expect(edits).toEqual({ articles: [{ file: `files/${moved}`, event: target }], events: [{ id: target, name: 'Named' }] });

    const summaries = inputs.map((i) => ({ id: i.id, event: i.id === moved ? { value: target, source: 'manifest' as const } : { value: null, source: 'unknown' as const } }));
    const saved = overridesFromFolder(summaries, [{ id: target, name: ' Named ' }, { id: 'x', name: ' ' }]);
    expect(saved).toEqual({ overrides: [{ articleId: moved, eventId: target }], names: [{ id: target, name: 'Named' }] });
    const replayed = applyOverrides(corpus, groupEvents(inputs).grouping, saved.overrides, saved.names);
    expect(replayed.events.find((e) => e.id === target)).toMatchObject({ name: 'Named', nameSource: 'user' });
    expect(replayed.assignments.find((a) => a.articleId === moved)).toMatchObject({ eventId: target, source: 'user' });
  });
});
