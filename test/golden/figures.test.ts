/**
 * Seed goldens for casualty figures: every row of the figures table in seed-expectations.md,
 * written out by hand. Where this golden departs from the table it says why (see also the
 * issue note): 1,170 is read as Israelis (the sentence places the attack "on southern Israel";
 * the text's own words, "people", are kept as the victim noun); "four of six battalions" are
 * units, not people, so 004's fighters row is the "several thousand fighters" figure.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FigureRecord } from '../../src/shared/figures';
import { FIGURES, figureComponents } from '../../src/main/engine/figures';
import { createPipeline } from '../../src/main/engine/pipeline';
import { quotesComponent } from '../../src/main/engine/text/quotes';
import { loadSeedDocs, type SeedDoc } from '../helpers/seedDocs';

let byKey = new Map<string, FigureRecord[]>();
let seeds: SeedDoc[] = [];

beforeAll(async () => {
  seeds = await loadSeedDocs();
  const pipeline = createPipeline([quotesComponent, ...figureComponents(null)]);
  byKey = new Map(seeds.map((s) => [s.key, pipeline.run(s.doc, s.meta).get(FIGURES).map((f) => f.record)]));
});

const figuresOf = (key: string): FigureRecord[] => byKey.get(key) ?? [];
const find = (key: string, written: string): FigureRecord | undefined => figuresOf(key).find((f) => f.written === written);

interface Expected {
  readonly key: string;
  readonly written: string;
  readonly low: number;
  readonly high: number | null;
  readonly category: FigureRecord['category'];
  readonly victimGroup: FigureRecord['victimGroup'];
  readonly qualifier: FigureRecord['qualifier'];
  readonly sourceLabel: string | null;
  readonly verb: string | null;
}

const TABLE: Expected[] = [
  { key: '000', written: '22,835', low: 22835, high: 22835, category: 'killed', victimGroup: 'palestinians', qualifier: 'exact', sourceLabel: 'The Hamas-owned Ministry of Health in Gaza', verb: 'claims' },
  { key: '000', written: '58,316', low: 58316, high: 58316, category: 'wounded', victimGroup: 'palestinians', qualifier: 'exact', sourceLabel: 'The Hamas-owned Ministry of Health in Gaza', verb: 'claims' },
  { key: '000', written: 'at least 1,200', low: 1200, high: 1200, category: 'killed', victimGroup: 'israelis', qualifier: 'at-least', sourceLabel: null, verb: null },
  { key: '000', written: '240', low: 240, high: 240, category: 'hostages', victimGroup: 'israelis', qualifier: 'exact', sourceLabel: null, verb: null },
  { key: '000', written: 'at least 8,300', low: 8300, high: 8300, category: 'fighters-killed', victimGroup: 'fighters', qualifier: 'at-least', sourceLabel: 'The IDF', verb: 'claims' },
  { key: '001', written: 'more than 31,000', low: 31000, high: 31000, category: 'killed', victimGroup: 'palestinians', qualifier: 'more-than', sourceLabel: 'The Hamas-run Gaza Health Ministry', verb: 'reports' },
  { key: '001', written: 'more than 100', low: 100, high: 100, category: 'hostages', victimGroup: 'israelis', qualifier: 'more-than', sourceLabel: null, verb: null },
  { key: '001', written: 'millions', low: 2_000_000, high: 9_999_999, category: 'displaced', victimGroup: 'palestinians', qualifier: 'vague', sourceLabel: null, verb: null },
  { key: '002', written: '1,170', low: 1170, high: 1170, category: 'killed', victimGroup: 'israelis', qualifier: 'exact', sourceLabel: null, verb: null },
  { key: '002', written: 'at least 34,568', low: 34568, high: 34568, category: 'killed', victimGroup: 'people-in-gaza', qualifier: 'at-least', sourceLabel: null, verb: null },
  { key: '002', written: 'over a million', low: 1_000_000, high: 1_000_000, category: 'displaced', victimGroup: 'palestinians', qualifier: 'more-than', sourceLabel: null, verb: null },
  { key: '002', written: '33', low: 33, high: 33, category: 'hostages-released', victimGroup: 'israelis', qualifier: 'exact', sourceLabel: null, verb: null },
  { key: '003', written: 'surpassed 23,000', low: 23000, high: 23000, category: 'killed', victimGroup: 'palestinians', qualifier: 'more-than', sourceLabel: null, verb: null },
  { key: '003', written: 'approximately 2 million', low: 2_000_000, high: 2_000_000, category: 'displaced', victimGroup: 'people-in-gaza', qualifier: 'approximately', sourceLabel: null, verb: null },
  { key: '004', written: '22 people, or 33 people', low: 22, high: 33, category: 'hostages', victimGroup: 'israelis', qualifier: 'vague', sourceLabel: 'Orit Strook', verb: 'said' },
  { key: '004', written: 'several thousand', low: 3000, high: 9000, category: 'fighters', victimGroup: 'fighters', qualifier: 'vague', sourceLabel: null, verb: null },
];

describe('seed figures (seed-expectations.md, casualty table)', () => {
  it.each(TABLE.map((e) => [`${e.key} ${e.written}`, e] as const))('%s', (_name, e) => {
    const f = find(e.key, e.written);
    expect(f, `no figure "${e.written}" in ${e.key}`).toBeDefined();
    expect({
      low: f?.value.low,
      high: f?.value.high,
      category: f?.category,
      victimGroup: f?.victimGroup,
      qualifier: f?.qualifier,
      sourceLabel: f?.source?.label ?? null,
      verb: f?.source?.verb ?? null,
    }).toEqual({ low: e.low, high: e.high, category: e.category, victimGroup: e.victimGroup, qualifier: e.qualifier, sourceLabel: e.sourceLabel, verb: e.verb });
  });

  it('finds exactly these figures in each seed, nothing else (dates, money, codes, distances, ordinals are not figures)', () => {
    for (const key of ['000', '001', '002', '003', '004']) {
      expect(figuresOf(key).map((f) => f.written).sort(), key).toEqual(
        TABLE.filter((e) => e.key === key)
          .map((e) => e.written)
          .sort(),
      );
    }
  });

  it('004 has no Gaza death toll', () => {
    expect(figuresOf('004').filter((f) => f.featureKey === 'figure:killed/gaza')).toEqual([]);
    for (const key of ['000', '001', '002', '003']) expect(figuresOf(key).some((f) => f.featureKey === 'figure:killed/gaza'), key).toBe(true);
  });

  it("002's 34,568 is one citation though stated twice (body and Key Takeaways)", () => {
    const tolls = figuresOf('002').filter((f) => f.value.low === 34568);
    expect(tolls).toHaveLength(1);
    // Once ingest marks the Key Takeaways block as page clutter its repeat is not scored at all.
    const seed = seeds.find((s) => s.key === '002');
    const at = seed?.doc.text.indexOf('has killed 34,568 people, UN warns') ?? -1;
    expect(at).toBeGreaterThan(0);
    const repeatScored = seed?.doc.sentences.some((s) => s.start <= at && at < s.end && !s.excluded) ?? false;
    expect(tolls[0]?.mentions).toBe(repeatScored ? 2 : 1);
  });

  it('002 names the agent in active voice; 000 frames the Gaza toll passively and the Oct 7 toll as "dead"', () => {
    expect(find('002', 'at least 34,568')).toMatchObject({ agent: "Israel's retaliatory offensive", voice: 'active', cue: 'killed' });
    expect(find('002', '1,170')).toMatchObject({ cue: 'deaths', voice: 'nominal', victimNoun: 'people', oct7: true, featureKey: 'figure:killed/israel-oct7' });
    expect(find('000', '22,835')).toMatchObject({ voice: 'passive', agent: null });
    expect(find('000', 'at least 1,200')).toMatchObject({ cue: 'dead', oct7: true, featureKey: 'figure:killed/israel-oct7' });
  });

  it("000's ministry figures carry the caveat sentence and a distancing verb", () => {
    const f = find('000', '22,835');
    expect(f?.source?.verbGrade).toBe('distancing');
    expect(f?.caveats[0]).toBe("Gaza's Health Ministry does not distinguish between Hamas fighters and civilians.");
    expect(find('000', 'at least 8,300')?.caveats).toEqual([]);
  });

  it('004’s hostage range is inside the quote of Orit Strook', () => {
    expect(find('004', '22 people, or 33 people')).toMatchObject({ inQuote: true, source: { id: 'quoted-speaker' } });
  });

  it('uses the article’s date as the as-of date', () => {
    expect(figuresOf('000').every((f) => f.asOf === '2024-01-08')).toBe(true);
    expect(figuresOf('003').every((f) => f.asOf === '2024-01-09')).toBe(true);
  });
});

describe('seed reference check (Gaza Ministry of Health daily series)', () => {
  it.each([
    ['000', '22,835', 'exact', 22835, '2024-01-07'],
    ['000', '58,316', 'misquote', 58416, '2024-01-07'],
    ['001', 'more than 31,000', 'rounding', 31988, '2024-03-21'],
    ['002', 'at least 34,568', 'exact', 34568, '2024-05-01'],
    ['003', 'surpassed 23,000', 'rounding', 23210, '2024-01-09'],
  ] as const)('%s %s → %s', (key, written, status, value, date) => {
    expect(find(key, written)?.reference).toMatchObject({ status, referenceValue: value, referenceDate: date });
  });

  it('does not check figures the Gaza series does not cover', () => {
    expect(find('000', 'at least 1,200')?.reference).toBeNull();
    expect(find('000', '240')?.reference).toBeNull();
  });
});
