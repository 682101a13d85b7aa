/**
 * Seed goldens for voices: the "Voices quoted directly" section of seed-expectations.md, written
 * out by hand, including the finding that no Palestinian or Hamas voice is quoted directly in any
 * of the five (002 only paraphrases "a senior Hamas official").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { VoiceShare } from '../../src/shared/figures';
import type { AnalysedArticle } from '../../src/main/engine/aggregate';
import { figureComponents, VOICES, voiceShares, type Voice } from '../../src/main/engine/figures';
import { createPipeline } from '../../src/main/engine/pipeline';
import { quotesComponent } from '../../src/main/engine/text/quotes';
import { loadSeedDocs } from '../helpers/seedDocs';

let articles: AnalysedArticle[] = [];
let byKey = new Map<string, readonly Voice[]>();

beforeAll(async () => {
  const seeds = await loadSeedDocs();
  const pipeline = createPipeline([quotesComponent, ...figureComponents(null)]);
  articles = seeds.map((s) => ({ meta: s.meta, results: pipeline.run(s.doc, s.meta) }));
  byKey = new Map(seeds.map((s, i) => [s.key, articles[i]?.results.get(VOICES) ?? []]));
});

const direct = (key: string): Voice[] => (byKey.get(key) ?? []).filter((v) => v.kind === 'direct');
const speakers = (key: string): string[] => [...new Set(direct(key).flatMap((v) => (v.personId === null ? [] : [v.personId])))].sort();
const quotesBy = (key: string, person: string): Voice[] => direct(key).filter((v) => v.personId === person);

describe('seed voices quoted directly', () => {
  it.each([
    ['000', ['blinken', 'netanyahu']],
    ['001', ['biden', 'blinken']],
    ['002', ['blinken']],
    ['003', ['blinken', 'gallant']],
    ['004', ['blinken', 'herzog', 'lapid', 'netanyahu', 'state-department', 'strook']],
  ])('%s quotes %j', (key, expected) => {
    expect(speakers(key)).toEqual(expected);
  });

  it('000: Blinken several times, Netanyahu at length (the prime minister)', () => {
    expect(quotesBy('000', 'blinken').length).toBeGreaterThanOrEqual(5);
    const n = quotesBy('000', 'netanyahu');
    expect(n[0]?.speakerAs).toBe('the prime minister');
    expect(n.reduce((s, v) => s + v.words, 0)).toBeGreaterThanOrEqual(40);
  });

  it('001: Blinken several times ("he" resolved), Biden in two short phrases', () => {
    expect(quotesBy('001', 'blinken').length).toBeGreaterThanOrEqual(5);
    expect(quotesBy('001', 'blinken').some((v) => v.speakerAs === 'he')).toBe(true);
    expect(quotesBy('001', 'biden').map((v) => v.text)).toEqual(['hurting Israel more than helping.', 'bone-deep commitment']);
  });

  it('002: Blinken in short phrases only', () => {
    const texts = quotesBy('002', 'blinken').map((v) => v.text);
    for (const phrase of ['better ways', 'extraordinarily generous', 'time is now', 'compromise.']) expect(texts).toContain(phrase);
    expect(quotesBy('002', 'blinken').every((v) => v.words <= 3)).toBe(true);
  });

  it("003: Blinken's office statement and Gallant", () => {
    expect(quotesBy('003', 'blinken').map((v) => v.speakerAs)).toEqual(['Blinken', 'the office', 'the office', 'the statement']);
    expect(quotesBy('003', 'gallant')).toHaveLength(1);
  });

  it('004: the State Department release, Blinken, Herzog, Strook at length, Netanyahu at length, Lapid', () => {
    expect(quotesBy('004', 'state-department').map((v) => v.speakerAs)).toEqual(['US State Department', 'the release', 'the release', 'the statement']);
    expect(quotesBy('004', 'herzog').map((v) => v.speakerAs)).toEqual(['the president', 'Herzog']);
    expect(quotesBy('004', 'strook').reduce((s, v) => s + v.words, 0)).toBeGreaterThanOrEqual(100);
    expect(quotesBy('004', 'netanyahu').reduce((s, v) => s + v.words, 0)).toBeGreaterThanOrEqual(100);
    expect(quotesBy('004', 'lapid')).toHaveLength(2);
  });

  it('no Palestinian or Hamas voice is quoted directly in any seed; 002 paraphrases a senior Hamas official', () => {
    for (const key of ['000', '001', '002', '003', '004']) {
      expect(direct(key).filter((v) => v.group === 'hamas' || v.group === 'palestinian-officials' || v.group === 'palestinian-civilians'), key).toEqual([]);
    }
    const para = (byKey.get('002') ?? []).find((v) => v.kind === 'paraphrase' && v.speakerAs === 'a senior Hamas official');
    expect(para).toMatchObject({ personId: 'hamas', group: 'hamas', verb: 'accused' });
  });

  it('reports that absence explicitly in the share of voice of every outlet', () => {
    const outlets = articles.map((a) => a.meta.outlet ?? '');
    const shares: VoiceShare[] = voiceShares(articles, outlets);
    expect(shares).toHaveLength(5);
    for (const s of shares) {
      for (const group of ['hamas', 'palestinian-officials', 'palestinian-civilians'] as const) {
        expect(s.groups.find((g) => g.group === group), `${s.outlet} ${group}`).toMatchObject({ absent: true, words: 0 });
      }
      expect(s.groups.find((g) => g.group === 'us-officials')?.absent, s.outlet).toBe(false);
    }
  });
});
