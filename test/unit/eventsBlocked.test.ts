/**
 * Blocked event grouping (events/blocked.ts) against the exhaustive one: the same groups on random
 * generated folders (fast-check over sizes, seeds and missing dates), candidate links that respect
 * the date window, and the choice of method by folder size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateEventArticles } from '../../scripts/eval-events';
import { candidateLinks } from '../../src/main/engine/events/blocked';
import { buildEventCorpus, dateFactor, groupEvents, type EventInput } from '../../src/main/engine/events/group';
import { extractTerms } from '../../src/main/engine/events/terms';
import { buildDoc } from '../../src/main/engine/text/buildDoc';

function inputsOf(count: number, seed: number, undatedEvery: number): EventInput[] {
  return generateEventArticles(count, seed).map((a, i) => ({
    id: a.file,
    outlet: a.outlet,
    date: undatedEvery > 0 && i % undatedEvery === 0 ? null : a.date,
    terms: extractTerms(buildDoc(a.file, a.text)),
  }));
}

/** Each grouping as a set of sorted member lists, comparable with toEqual. */
function partition(inputs: readonly EventInput[], method: 'exhaustive' | 'blocked', ignoreDates = false): string[] {
  const { grouping } = groupEvents(inputs, { method, ignoreDates });
  return grouping.events.map((e) => [...e.articleIds].sort().join(',')).sort();
}

describe('blocked event grouping', () => {
  it('gives the same groups as the exhaustive version on random folders (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 260 }), fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(0, 0, 5, 2), (count, seed, undatedEvery) => {
        const inputs = inputsOf(count, seed, undatedEvery);
        expect(partition(inputs, 'blocked')).toEqual(partition(inputs, 'exhaustive'));
      }),
      { numRuns: 12 },
    );
  });

  it('gives the same groups without dates', () => {
    const inputs = inputsOf(200, 31, 0);
    expect(partition(inputs, 'blocked', true)).toEqual(partition(inputs, 'exhaustive', true));
  });

  it('links only articles that can be similar: within the date window, each pair once', () => {
    const inputs = inputsOf(300, 5, 7);
    const corpus = buildEventCorpus(inputs);
    const links = candidateLinks(corpus);
    const seen = new Set<string>();
    for (let k = 0; k < links.length; k += 2) {
      const i = links[k] ?? 0;
      const j = links[k + 1] ?? 0;
      expect(i).toBeLessThan(j);
      expect(seen.has(`${i}:${j}`)).toBe(false);
      seen.add(`${i}:${j}`);
      expect(dateFactor(corpus.days[i] ?? Number.NaN, corpus.days[j] ?? Number.NaN, corpus.options)).toBeGreaterThan(0);
    }
    // Far fewer links than pairs, and every article linked.
    expect(links.length / 2).toBeLessThan((300 * 299) / 2 / 3);
    const linked = new Set(links);
    expect(linked.size).toBe(300);
  });

  it('recovers the known events of a larger folder (ARI ≥ 0.99)', async () => {
    const { adjustedRandIndex } = await import('../../src/main/engine/events/group');
    const articles = generateEventArticles(1500, 11);
    const inputs = articles.map((a) => ({ id: a.file, outlet: a.outlet, date: a.date, terms: extractTerms(buildDoc(a.file, a.text)) }));
    const { grouping } = groupEvents(inputs, { method: 'blocked' });
    const eventOf = new Map(grouping.assignments.map((x) => [x.articleId, x.eventId]));
    expect(adjustedRandIndex(articles.map((a) => a.event), inputs.map((i) => eventOf.get(i.id) ?? '?'))).toBeGreaterThanOrEqual(0.99);
  });
});
