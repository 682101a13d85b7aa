import { beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_GROUPS } from '../../src/shared/actors';
import type { Cell, MetricTable } from '../../src/shared/comparison';
import type { EventOmissions } from '../../src/shared/events';
import type { FigureRow, VoiceShare } from '../../src/shared/figures';
import type { AnalysisSnapshot } from '../../src/shared/model';
import { analyzeFolder } from '../../src/main/engine/index';
import {
  bareFeature,
  distancingFindings,
  headlineFindings,
  labelsByOutlet,
  omissionFindings,
  onlyLabelFindings,
  toneFindings,
  unquotedFindings,
} from '../../src/renderer/src/shaping/findings';

const cell = (value: number | null, key: string | null, count = value === null ? 0 : 1): Cell => ({ value, count, evidenceKey: key });

const labels: MetricTable = {
  id: 'labels:west-bank',
  title: 'Labels for The West Bank',
  unit: 'occurrences',
  columns: [
    { id: 'west-bank/occupied', label: 'occupied West Bank' },
    { id: 'west-bank/judea', label: 'Judea and Samaria' },
    { id: 'west-bank/judea:quoted', label: 'Judea and Samaria (in a quote)' },
  ],
  rows: [
    { outlet: 'X', cells: { 'west-bank/occupied': cell(2, 'k-occ'), 'west-bank/judea': cell(null, null) } },
    { outlet: 'Y', cells: { 'west-bank/judea': cell(1, 'k-j1'), 'west-bank/judea:quoted': cell(1, 'k-q') } },
    { outlet: 'Z', cells: { 'west-bank/judea': cell(3, 'k-j2') } },
  ],
};

const tone: MetricTable = {
  id: 'tone',
  title: 'Tone per outlet',
  unit: 'mean AFINN score per word',
  columns: [{ id: 'mean', label: 'mean' }],
  rows: [
    { outlet: 'X', cells: { mean: cell(-0.05, 'tone|X') } },
    { outlet: 'Y', cells: { mean: cell(0.02, 'tone|Y') } },
    { outlet: 'Z', cells: { mean: cell(-0.01, 'tone|Z') } },
  ],
};

const attribution: MetricTable = {
  id: 'attribution',
  title: 'Attribution',
  unit: 'count',
  columns: [
    { id: 'actor:moh/distancing', label: 'Gaza Health Ministry · distancing' },
    { id: 'actor:pm/distancing', label: 'Benjamin Netanyahu · distancing' },
    { id: 'grade:distancing', label: 'all sources · distancing' },
  ],
  rows: [
    { outlet: 'X', cells: { 'actor:moh/distancing': cell(2, 'attr|X|moh', 2), 'grade:distancing': cell(2, 'attr|X|all', 2) } },
    { outlet: 'Z', cells: { 'actor:pm/distancing': cell(1, 'attr|Z|pm') } },
  ],
};

function figure(id: string, outlet: string, written: string, category: FigureRow['category'], verb: string | null, grade: 'distancing' | 'neutral' | null): FigureRow {
  return {
    id,
    articleId: `a-${outlet}`,
    outlet,
    written,
    value: { value: 1, low: 1, high: 1 },
    qualifier: 'exact',
    category,
    victimGroup: 'palestinians',
    victimNoun: null,
    cue: 'killed',
    voice: 'nominal',
    agent: null,
    source: verb ? { id: 'moh', label: 'The Hamas-owned Ministry', verb, verbGrade: grade } : null,
    caveats: [],
    inQuote: false,
    oct7: false,
    asOf: '2024-01-08',
    mentions: 1,
    reference: null,
    featureKey: 'figure:killed/gaza',
    evidenceKey: `fig|${id}`,
  };
}

const figures: FigureRow[] = [
  figure('f1', 'X', '22,835', 'killed', 'claims', 'distancing'),
  figure('f2', 'X', '58,316', 'wounded', 'claims', 'distancing'),
  figure('f3', 'Y', 'more than 31,000', 'killed', 'reports', 'neutral'),
];

function voice(outlet: string, words: Partial<Record<string, [number, number]>>): VoiceShare {
  const total = Object.values(words).reduce((s, w) => s + (w?.[0] ?? 0), 0);
  return {
    outlet,
    totalWords: total,
    groups: ACTOR_GROUPS.map((g) => {
      const [w, p] = words[g.id] ?? [0, 0];
      return { group: g.id, words: w, share: total ? w / total : 0, quotes: w ? 1 : 0, paraphrases: p, absent: w === 0 };
    }),
  };
}

const event: EventOmissions = {
  eventId: 'ev1',
  eventName: '1 May 2024 · Rafah',
  outlets: ['X', 'Y', 'Z'],
  compared: true,
  note: null,
  features: [
    { key: 'figure:killed/gaza', kind: 'figure', label: 'a Gaza death toll' },
    { key: 'figure:hostages', kind: 'figure', label: 'a hostage count' },
  ],
  cells: [
    { outlet: 'X', featureKey: 'figure:killed/gaza', status: 'includes', evidenceKey: 'feat|X', count: 1, includedBy: [] },
    { outlet: 'Y', featureKey: 'figure:killed/gaza', status: 'includes', evidenceKey: 'feat|Y', count: 1, includedBy: [] },
    { outlet: 'Z', featureKey: 'figure:killed/gaza', status: 'omits', evidenceKey: 'omit|Z', count: 2, includedBy: ['X', 'Y'] },
    { outlet: 'Z', featureKey: 'figure:hostages', status: 'omits', evidenceKey: 'omit|Z|h', count: 1, includedBy: ['X'] },
  ],
};

function snapshotOf(): AnalysisSnapshot {
  const tables = [tone, labels, attribution];
  return {
    folder: { path: '/tmp/f', name: 'f', isSeeds: false },
    articles: [],
    outlets: ['X', 'Y', 'Z'].map((name) => ({ name, articleIds: [], wordCount: 100 })),
    problems: [],
    comparison: {
      scope: { kind: 'corpus' },
      outlets: ['X', 'Y', 'Z'],
      articleIds: [],
      grouping: { events: [], assignments: [], method: { usedDates: true, undatedArticles: 0, threshold: 0.2, description: '' } },
      thread: { entries: [] },
      tables,
      omissions: { events: [event], notCompared: [], notes: [] },
      discovery: [],
      notes: [],
    },
    details: {
      figureCount: figures.length,
      tone: [],
      voices: [voice('X', { 'us-officials': [50, 0], hamas: [0, 1] }), voice('Y', { 'us-officials': [5, 0], 'israeli-government': [5, 0] }), voice('Z', {})],
      lexicons: [],
    },
    engineVersion: 'test',
    analysedAt: '2024-01-01T00:00:00Z',
  };
}

describe('findings (plain data)', () => {
  it('names a label only one outlet uses, never a quoted one, and only when there is someone to compare with', () => {
    const f = onlyLabelFindings([labels], ['X', 'Y', 'Z']);
    expect(f.map((x) => x.text)).toEqual(['Only X writes ‘occupied West Bank’']);
    expect(f[0]?.evidenceKey).toBe('k-occ');
    // With Z hidden, Y alone writes "Judea and Samaria".
    expect(onlyLabelFindings([labels], ['X', 'Y']).map((x) => x.text)).toEqual(['Only X writes ‘occupied West Bank’', 'Only Y writes ‘Judea and Samaria’']);
    expect(onlyLabelFindings([labels], ['X'])).toEqual([]);
  });

  it('names death tolls omitted within an event, with who does cite them', () => {
    const f = omissionFindings(snapshotOf(), ['X', 'Y', 'Z']);
    expect(f.map((x) => x.text)).toEqual(['Z cites no Gaza death toll; X and Y, covering the same event, do']);
    expect(f[0]?.evidenceKey).toBe('omit|Z');
    expect(omissionFindings(snapshotOf(), ['Y', 'Z'])[0]?.text).toBe('Z cites no Gaza death toll; Y, covering the same event, does');
    expect(omissionFindings(snapshotOf(), ['Z'])).toEqual([]);
    expect(bareFeature('the 7 October death toll in Israel')).toBe('7 October death toll in Israel');
  });

  it('names the most negative and most positive outlet by mean tone', () => {
    const f = toneFindings([tone], ['X', 'Y', 'Z']);
    expect(f.map((x) => x.text)).toEqual(['X has the most negative mean tone (−0.050 per word)', 'Y has the most positive mean tone (+0.020 per word)']);
    expect(f.map((x) => x.evidenceKey)).toEqual(['tone|X', 'tone|Y']);
    expect(toneFindings([tone], ['X', 'Z'])[1]?.text).toMatch(/^Z has the least negative mean tone/);
    expect(toneFindings([tone], ['X'])).toEqual([]);
  });

  it('names sources attributed with a distancing verb', () => {
    const f = distancingFindings(figures, [attribution], ['X', 'Y', 'Z']);
    expect(f.map((x) => x.text)).toEqual([
      'X attributes 22,835 killed and 58,316 wounded to ‘The Hamas-owned Ministry’ with ‘claims’',
      'Z introduces Benjamin Netanyahu with a distancing verb',
    ]);
    expect(f[1]?.evidenceKey).toBe('attr|Z|pm');
    expect(f[0]?.evidenceKey).toBe('attr|X|moh');
    expect(distancingFindings(figures, [], ['X'])[0]?.evidenceKey).toBe('fig|f1');
    expect(distancingFindings(figures, [attribution], ['Y'])).toEqual([]);
  });

  it('names the groups no visible outlet quotes, with paraphrases noted', () => {
    const f = unquotedFindings(snapshotOf(), ['X', 'Y', 'Z']);
    expect(f).toHaveLength(1);
    expect(f[0]?.text).toMatch(/^None of the 3 outlets quotes Hamas, .* directly \(X paraphrases Hamas\)$/);
    expect(f[0]?.text).not.toMatch(/US officials|Israeli government|Other/);
    expect(f[0]?.evidenceKey).toBeNull();
  });

  it('puts every kind together in the list order', () => {
    const kinds = headlineFindings(snapshotOf(), figures, ['X', 'Y', 'Z']).map((f) => f.kind);
    expect(kinds).toEqual(['omission', 'distancing', 'distancing', 'tone', 'tone', 'unquoted', 'only-label']);
  });

  it('leaves the distancing findings out while the figure rows are still on their way', () => {
    const kinds = headlineFindings(snapshotOf(), null, ['X', 'Y', 'Z']).map((f) => f.kind);
    expect(kinds).toEqual(['omission', 'tone', 'tone', 'unquoted', 'only-label']);
  });
});

describe('findings on the seeds', () => {
  let snapshot: AnalysisSnapshot;
  let rows: readonly FigureRow[];
  let texts: string[];
  beforeAll(async () => {
    const analysis = await analyzeFolder('seeds');
    snapshot = analysis.snapshot;
    rows = await analysis.figures();
    texts = headlineFindings(
      snapshot,
      rows,
      snapshot.outlets.map((o) => o.name),
    ).map((f) => f.text);
  }, 60_000);

  it('names at most three figures per source and counts the rest, as in a folder of thousands', () => {
    const ministry = rows.filter((f) => f.outlet === 'All Israel News' && f.source?.verbGrade === 'distancing' && /Ministry/.test(f.source.label));
    const many = Array.from({ length: 50 }, (_, i) => ministry.map((f) => ({ ...f, id: `${f.id}-${String(i)}` }))).flat();
    const [finding] = distancingFindings(many, snapshot.comparison.tables, ['All Israel News']);
    expect(finding?.text).toMatch(/^All Israel News attributes 22,835 killed, 58,316 wounded, 22,835 killed and 97 more figures to ‘The Hamas-owned Ministry of Health in Gaza’ with ‘claims’$/);
  });

  it('says only Xinhua writes “occupied West Bank”', () => {
    expect(texts).toContain('Only Xinhua writes ‘occupied West Bank’');
  });

  it('says the Jewish Chronicle cites no Gaza death toll while BNN Breaking, on the same event, does', () => {
    expect(texts).toContain('The Jewish Chronicle cites no Gaza death toll; BNN Breaking, covering the same event, does');
  });

  it('says All Israel News attributes the Gaza toll to the Hamas-owned ministry with “claims”', () => {
    expect(texts.some((t) => /^All Israel News attributes 22,835 killed.* to ‘The Hamas-owned Ministry of Health in Gaza’ with ‘claims’$/.test(t))).toBe(true);
    // The same attribution is not named twice (once from the figures, once from the attribution table).
    expect(texts.filter((t) => t.startsWith('All Israel News') && /Ministry|Health/.test(t))).toHaveLength(1);
    // The Hill's "reports" is neutral: no distancing finding for it.
    expect(texts.some((t) => t.startsWith('The Hill attributes'))).toBe(false);
  });

  it('says no outlet quotes Hamas directly', () => {
    expect(texts.some((t) => /^None of the 5 outlets quotes .*Hamas.* directly/.test(t))).toBe(true);
  });

  it('every finding with evidence names a key the comparison or the figures carry', () => {
    const findings = headlineFindings(
      snapshot,
      rows,
      snapshot.outlets.map((o) => o.name),
    );
    expect(findings.length).toBeGreaterThan(5);
    const withKey = findings.filter((f) => f.evidenceKey);
    expect(withKey.length).toBeGreaterThan(findings.length / 2);
    for (const f of withKey) expect(f.evidenceKey).toMatch(/\|/);
  });
});

describe('label findings per outlet', () => {
  it('gathers “only X writes” labels per outlet in the outlet order', () => {
    const f = onlyLabelFindings([labels], ['X', 'Y']);
    expect(labelsByOutlet(f, ['Y', 'X']).map((l) => [l.outlet, l.labels.map((x) => x.label)])).toEqual([
      ['Y', ['Judea and Samaria']],
      ['X', ['occupied West Bank']],
    ]);
    expect(labelsByOutlet(f, ['Z'])).toEqual([]);
  });
});
