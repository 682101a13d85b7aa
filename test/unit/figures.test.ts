import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import builtInFigures from '../../src/main/engine/lexicons/figures.json';
import type { FigureRecord } from '../../src/shared/figures';
import { FIGURES, figureComponents, figureEntrySchema, figuresAggregator, figureFeatures, figureRows } from '../../src/main/engine/figures';
import { EvidenceStore, type AnalysedArticle } from '../../src/main/engine/aggregate';
import { parsePack } from '../../src/main/engine/lexicons/pack';
import { createPipeline } from '../../src/main/engine/pipeline';
import { buildDoc } from '../../src/main/engine/text/buildDoc';
import { quotesComponent } from '../../src/main/engine/text/quotes';

const pipeline = createPipeline([quotesComponent, ...figureComponents(null, { reference: null })]);

function analyse(text: string, date: string | null = null, outlet = 'X'): AnalysedArticle {
  const meta = { id: `a-${String(text.length)}`, outlet, title: null, date };
  return { meta, results: pipeline.run(buildDoc(meta.id, text), meta) };
}

const figures = (text: string): FigureRecord[] =>
  analyse(text)
    .results.get(FIGURES)
    .map((f) => f.record);

type Row = [string, Partial<Pick<FigureRecord, 'written' | 'qualifier' | 'category' | 'victimGroup'>> & { low?: number; high?: number | null }];

describe('figure records', () => {
  const rows: Row[] = [
    ['The ministry said 22,835 Palestinians have been killed.', { written: '22,835', low: 22835, qualifier: 'exact', category: 'killed', victimGroup: 'palestinians' }],
    ['The death toll has surpassed 23,000 in the enclave.', { written: 'surpassed 23,000', low: 23000, qualifier: 'more-than', category: 'killed' }],
    ['More than 31,000 Palestinians have died.', { written: 'More than 31,000', qualifier: 'more-than', category: 'killed', victimGroup: 'palestinians' }],
    ['Approximately 2 million people in Gaza were displaced.', { written: 'Approximately 2 million', low: 2_000_000, qualifier: 'approximately', category: 'displaced', victimGroup: 'people-in-gaza' }],
    ['Over a million Palestinian refugees are sheltering in Rafah.', { written: 'Over a million', low: 1_000_000, qualifier: 'more-than', category: 'displaced' }],
    ['The city houses millions of Palestinians who fled.', { written: 'millions', qualifier: 'vague', category: 'displaced', victimGroup: 'palestinians' }],
    ['The brigade has several thousand fighters.', { written: 'several thousand', qualifier: 'vague', category: 'fighters', victimGroup: 'fighters', low: 3000, high: 9000 }],
    ['The army says it killed at least 8,300 terrorists.', { written: 'at least 8,300', qualifier: 'at-least', category: 'fighters-killed', victimGroup: 'fighters' }],
    ['Talks aim at releasing more than 100 hostages still being held by Hamas.', { written: 'more than 100', category: 'hostages', victimGroup: 'israelis' }],
    ['Israel offered to release 33 Israeli hostages.', { written: '33', category: 'hostages-released', victimGroup: 'israelis' }],
    ['The attack left at least 1,200 Israelis dead.', { written: 'at least 1,200', category: 'killed', victimGroup: 'israelis' }],
    ['Airstrikes had killed at least 70 Palestinians and injured 200 others.', { written: 'at least 70', category: 'killed', victimGroup: 'palestinians' }],
    ['Israeli airstrikes have killed 1,500 people so far.', { written: '1,500', category: 'killed', victimGroup: 'palestinians' }],
    ['More than 1,000 civilians had been killed by Hamas gunmen.', { written: 'More than 1,000', category: 'killed', victimGroup: 'israelis' }],
    ['Seventeen of his friends and neighbors were killed in the attacks.', { written: 'Seventeen', low: 17, category: 'killed' }],
    ['At least 1,400 people in Israel have been killed and more than 4,500 injured.', { written: 'At least 1,400', category: 'killed', victimGroup: 'israelis' }],
    ['Hamas said that 13 of its hostages had been killed by airstrikes.', { written: '13', category: 'killed', victimGroup: 'israelis' }],
    ['The Palestinian Health Ministry said 3,478 people in Gaza have been killed.', { written: '3,478', category: 'killed', victimGroup: 'people-in-gaza' }],
  ];
  it.each(rows)('%s', (text, expected) => {
    const [first] = figures(text);
    expect(first).toBeDefined();
    const { low, high, ...rest } = expected;
    expect(first).toMatchObject(rest);
    if (low !== undefined) expect(first?.value.low).toBe(low);
    if (high !== undefined) expect(first?.value.high).toBe(high);
  });

  it('keeps the second figure of a coordinated pair in its own category', () => {
    const list = figures('At least 1,400 people in Israel have been killed and more than 4,500 injured.');
    expect(list.map((f) => [f.written, f.category])).toEqual([
      ['At least 1,400', 'killed'],
      ['more than 4,500', 'wounded'],
    ]);
  });

  it('reads "22 people, or 33 people" as one vague range', () => {
    const list = figures('The hostage deal was signed. We are throwing it away to save 22 people, or 33 people.');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ written: '22 people, or 33 people', qualifier: 'vague', category: 'hostages', value: { value: null, low: 22, high: 33 } });
  });

  it('attributes a figure to its source with the label and verb as written, and attaches the caveat', () => {
    const text =
      'The Hamas-owned Ministry of Health in Gaza claims that 22,835 Palestinians have been killed.\n' +
      "Gaza's Health Ministry does not distinguish between Hamas fighters and civilians. It also does not differentiate between causes.";
    const [f] = figures(text);
    expect(f?.source).toEqual({ id: 'gaza-health-ministry', label: 'The Hamas-owned Ministry of Health in Gaza', verb: 'claims', verbGrade: 'distancing' });
    expect(f?.caveats).toEqual([
      "Gaza's Health Ministry does not distinguish between Hamas fighters and civilians.",
      'It also does not differentiate between causes.',
    ]);
  });

  it('ends a source at a ", when …" clause: the figure there is the outlet’s own', () => {
    const list = figures('The ministry claims that 22,835 people have been killed since Oct. 7, when an attack left at least 1,200 dead.');
    expect(list.map((f) => [f.written, f.source?.label ?? null])).toEqual([
      ['22,835', 'The ministry'],
      ['at least 1,200', null],
    ]);
  });

  it('names the agent of an active killing verb, and a pronoun subject by the source', () => {
    expect(figures("Israel's retaliatory offensive has since killed at least 34,568 people in Gaza.")[0]).toMatchObject({
      agent: "Israel's retaliatory offensive",
      voice: 'active',
      victimGroup: 'people-in-gaza',
    });
    expect(figures('The IDF claims it has killed at least 8,300 terrorists.')[0]).toMatchObject({ agent: 'The IDF', source: { label: 'The IDF', verb: 'claims' } });
    expect(figures('More than 31,000 Palestinians have been killed.')[0]).toMatchObject({ agent: null, voice: 'passive' });
  });

  it('counts the same value and category once per article, with the repeat as a mention', () => {
    const list = figures('The offensive has killed at least 34,568 people in Gaza.\n\nKey Takeaways\n  • The war has killed 34,568 people.');
    expect(list).toHaveLength(1);
    expect(list[0]?.mentions).toBe(2);
  });

  it('attributes a figure inside a quote to the quoted speaker', () => {
    const [f] = figures('Orit Strook spoke on the radio.\n“We are throwing it in the trash to save 22 hostages,” she said.');
    expect(f).toMatchObject({ inQuote: true, source: { id: 'quoted-speaker', label: 'Orit Strook', verb: 'said' } });
  });
});

describe('not figures (false positives)', () => {
  const rows: [string, string][] = [
    ['date, abbreviated month', 'Hamas attacked on Oct. 7, killing people.'],
    ['date, full', 'The war began on October 7, 2023, and many were killed.'],
    ['date, day first', 'On 7 October many were killed.'],
    ['photo caption date', 'Blinken in Doha, Qatar, Jan. 7, 2024. (Photo: REUTERS) Many were killed.'],
    ['money', 'For as little as $10, you can support the victims who were killed.'],
    ['copyright year', 'Copyright 2024 Nexstar Media Inc. All rights reserved.'],
    ['year', 'In 2014 the war killed many.'],
    ['caption code', 'International ME Blinken 031924 AP Evelyn Hockstein'],
    ['distance', 'Kibbutz Yad Mordechai, 1 km. north of Gaza, where people were killed.'],
    ['ordinal words', 'Blinken, on his sixth trip, said hostages must be freed. His seventh trip follows.'],
    ['ordinal digits', 'The 3rd battalion lost men; many were killed.'],
    ['units of things', 'Four of its last six battalions are entrenched, with fighters killed earlier.'],
    ['age', 'Amit Man, 22, texted her family before she was killed.'],
    ['time', 'At 9:30 a.m. gunmen killed people.'],
    ['date with slash', 'The 9/11 attacks killed people.'],
    ['percent', 'Prices rose 40 percent as people fled.'],
    ['number words without people', 'The two leaders discussed the release of hostages.'],
    ['count of places', 'Gunmen infiltrated more than 20 towns and killed people.'],
  ];
  it.each(rows)('%s', (_name, text) => {
    expect(figures(text).map((f) => f.written)).toEqual([]);
  });
});

describe('figures lexicon pack', () => {
  it('rejects an entry of an unknown category with E_LEXICON_INVALID', () => {
    const bad = {
      id: 'figures',
      version: '1.0.0',
      description: 'd',
      provenance: 'p',
      entries: [{ id: 'x', kind: 'category', phrase: 'slain', category: 'martyred', voice: 'active', note: 'n' }],
    };
    expect(() => parsePack('figures', bad, figureEntrySchema, 'test.json')).toThrow(/test\.json is not valid at entries\.0\.category/);
  });
});

describe('per-folder lexicon override', () => {
  it('reads <folder>/lexicons/figures.json instead of the built-in pack', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'framescope-fig-'));
    try {
      mkdirSync(path.join(dir, 'lexicons'));
      const pack = {
        ...builtInFigures,
        entries: [...builtInFigures.entries, { id: 'category:martyred', kind: 'category', phrase: 'martyred', category: 'killed', voice: 'nominal', note: 'Test entry.' }],
      };
      writeFileSync(path.join(dir, 'lexicons', 'figures.json'), JSON.stringify(pack));
      const text = 'At least 40 people were martyred.';
      const custom = createPipeline([quotesComponent, ...figureComponents(dir, { reference: null })]);
      expect(custom.run(buildDoc('a', text), { id: 'a', outlet: null, title: null, date: null }).get(FIGURES).map((f) => f.record.category)).toEqual(['killed']);
      expect(figures(text)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('figures aggregation', () => {
  const a = analyse('Airstrikes have killed at least 70 Palestinians. Hamas holds 240 hostages.', '2024-01-08', 'Outlet A');
  const b = analyse('Talks continued in Cairo.', '2024-01-08', 'Outlet B');

  it('tables figures per outlet by kind, with zero cells for kinds an outlet does not cite', () => {
    const store = new EvidenceStore();
    const [table] = figuresAggregator.tables([a, b], ['Outlet A', 'Outlet B'], store, { kind: 'corpus' });
    expect(table?.columns.map((c) => c.id)).toEqual(['all', 'figure:killed/gaza', 'figure:hostages']);
    const [rowA, rowB] = table?.rows ?? [];
    expect(rowA?.cells['figure:killed/gaza']).toMatchObject({ value: 1, count: 1, note: 'at least 70' });
    expect(rowB?.cells['figure:killed/gaza']).toEqual({ value: 0, count: 0, evidenceKey: null, note: 'none cited' });
    const key = rowA?.cells['figure:killed/gaza']?.evidenceKey;
    expect(key).toBeTruthy();
    expect(store.get(key ?? '')?.evidence.map((e) => e.text)).toContain('at least 70');
  });

  it('gives rows for the table and timeline, and features for the omission grid', () => {
    const store = new EvidenceStore();
    const rows = figureRows([a, b], store);
    expect(rows.map((r) => [r.outlet, r.written, r.asOf])).toEqual([
      ['Outlet A', 'at least 70', '2024-01-08'],
      ['Outlet A', '240', '2024-01-08'],
    ]);
    expect(store.get(rows[0]?.evidenceKey ?? '')?.evidence[0]?.text).toBe('at least 70');
    expect(figureFeatures(a).map((f) => [f.key, f.label])).toEqual([
      ['figure:killed/gaza', 'a Gaza death toll'],
      ['figure:hostages', 'a hostage count'],
    ]);
    expect(figureFeatures(b)).toEqual([]);
  });
});
