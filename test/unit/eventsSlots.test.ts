/**
 * Confidence, runner-up and cohesion from per-day vector sums (events/slots.ts) against their
 * definition: means of the pairwise similarity (cosine × date factor) over group members.
 * Random groupings of generated folders, with dates, without dates and with some undated
 * articles (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateEventArticles } from '../../scripts/eval-events';
import { buildEventCorpus, finalizeGrouping, similarity, type EventCorpus, type EventInput, type Group } from '../../src/main/engine/events/group';
import { groupSimilarities } from '../../src/main/engine/events/slots';
import { extractTerms } from '../../src/main/engine/events/terms';
import { buildDoc } from '../../src/main/engine/text/buildDoc';

const ARTICLES = generateEventArticles(70, 23).map((a, i) => ({ a, i, terms: extractTerms(buildDoc(a.file, a.text)) }));

function corpusOf(dated: (i: number) => boolean, ignoreDates = false): EventCorpus {
  const inputs: EventInput[] = ARTICLES.map(({ a, i, terms }) => ({ id: a.file, outlet: a.outlet, date: dated(i) ? a.date : null, terms }));
  return buildEventCorpus(inputs, { ignoreDates });
}

/** The definition, pair by pair. */
function reference(corpus: EventCorpus, groups: readonly (readonly number[])[]): { inSum: number[]; runnerUp: number[]; runnerUpMean: number[] } {
  const n = corpus.inputs.length;
  const inSum: number[] = new Array<number>(n).fill(0);
  const runnerUp: number[] = new Array<number>(n).fill(-1);
  const runnerUpMean: number[] = new Array<number>(n).fill(0);
  groups.forEach((members, g) => {
    for (const i of members) {
      for (const j of members) if (j !== i) inSum[i] = (inSum[i] ?? 0) + similarity(corpus, i, j);
      let best: { g: number; mean: number } | null = null;
      groups.forEach((other, h) => {
        if (h === g) return;
        let s = 0;
        for (const j of other) s += similarity(corpus, i, j);
        const mean = s / other.length;
        if (best === null || mean > best.mean + 1e-9) best = { g: h, mean };
      });
      runnerUp[i] = best === null ? -1 : (best as { g: number }).g;
      runnerUpMean[i] = best === null ? 0 : (best as { mean: number }).mean;
    }
  });
  return { inSum, runnerUp, runnerUpMean };
}

/** A random partition of the articles into non-empty groups. */
const partition = fc.array(fc.nat(5), { minLength: ARTICLES.length, maxLength: ARTICLES.length }).map((labels) => {
  const byLabel = new Map<number, number[]>();
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  return [...byLabel.values()];
});

describe('group similarities from per-day vector sums', () => {
  it.each([
    ['with dates', () => corpusOf(() => true)],
    ['without dates', () => corpusOf(() => true, true)],
    ['some articles undated', () => corpusOf((i) => i % 4 !== 0)],
  ])('equal the pairwise definition (%s, property)', (_name, make) => {
    const corpus = make();
    fc.assert(
      fc.property(partition, (groups) => {
        const got = groupSimilarities(corpus, groups);
        const want = reference(corpus, groups);
        for (let i = 0; i < corpus.inputs.length; i += 1) {
          expect(got.inSum[i]).toBeCloseTo(want.inSum[i] ?? 0, 5);
          expect(got.runnerUpMean[i]).toBeCloseTo(want.runnerUpMean[i] ?? 0, 5);
          // The nearest other group: the same one, or one exactly as near.
          const g = got.runnerUp[i] ?? -1;
          if (g !== want.runnerUp[i]) {
            const other = groups[g] ?? [];
            expect(other.reduce((s, j) => s + similarity(corpus, i, j), 0) / other.length).toBeCloseTo(want.runnerUpMean[i] ?? 0, 5);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a single group has no runner-up, and cohesion is the mean pairwise similarity', () => {
    const corpus = corpusOf(() => true);
    const all = ARTICLES.map((_, i) => i);
    expect(Array.from(groupSimilarities(corpus, [all]).runnerUp).every((g) => g === -1)).toBe(true);
    const first = all.slice(0, 12);
    const groups: Group[] = [{ id: 'ev-a', members: first, userName: null }, { id: 'ev-b', members: all.slice(12), userName: null }];
    const grouping = finalizeGrouping(corpus, groups);
    let sum = 0;
    for (let x = 0; x < first.length; x += 1) for (let y = x + 1; y < first.length; y += 1) sum += similarity(corpus, first[x] ?? 0, first[y] ?? 0);
    const cohesion = grouping.events.find((e) => e.id === 'ev-a')?.cohesion ?? -1;
    expect(cohesion).toBeCloseTo(sum / ((first.length * (first.length - 1)) / 2), 6);
    for (const a of grouping.assignments) expect(a.runnerUp?.eventId).toBe(a.eventId === 'ev-a' ? 'ev-b' : 'ev-a');
  });
});
