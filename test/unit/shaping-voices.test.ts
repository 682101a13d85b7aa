import { beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_GROUPS } from '../../src/shared/actors';
import type { MetricTable } from '../../src/shared/comparison';
import type { VoiceShare } from '../../src/shared/figures';
import type { AnalysisSnapshot } from '../../src/shared/model';
import { analyzeFolder } from '../../src/main/engine/index';
import { OUTLET_PALETTE } from '../../src/renderer/src/theme';
import { VOICE_GROUP_COLOURS, absenceText, formatShare, joinOr, voiceChart, voiceTable } from '../../src/renderer/src/shaping/voices';

function share(outlet: string, words: Partial<Record<string, [number, number, number]>>): VoiceShare {
  const total = Object.values(words).reduce((s, w) => s + (w?.[0] ?? 0), 0);
  return {
    outlet,
    totalWords: total,
    groups: ACTOR_GROUPS.map((g) => {
      const [w, q, p] = words[g.id] ?? [0, 0, 0];
      return { group: g.id, words: w, share: total ? w / total : 0, quotes: q, paraphrases: p, absent: w === 0 };
    }),
  };
}

const voices: VoiceShare[] = [
  share('A', { 'us-officials': [75, 3, 0], 'israeli-government': [25, 1, 0], hamas: [0, 0, 2] }),
  share('B', { 'us-officials': [10, 1, 0] }),
  share('C', {}),
];

const table: MetricTable = {
  id: 'voices',
  title: 'Share of voice',
  unit: 'share of directly quoted words',
  columns: ACTOR_GROUPS.map((g) => ({ id: g.id, label: g.label })),
  rows: [
    {
      outlet: 'A',
      cells: {
        'us-officials': { value: 0.75, count: 3, evidenceKey: 'voices|A|us-officials' },
        'israeli-government': { value: 0.25, count: 1, evidenceKey: 'voices|A|israeli-government' },
        hamas: { value: 0, count: 0, evidenceKey: null },
      },
    },
  ],
};

describe('voice shaping (plain data)', () => {
  it('stacks shares per outlet and writes absences out', () => {
    const chart = voiceChart(voices, ['B', 'A', 'C', 'D']);
    expect(chart.bars.map((b) => b.outlet)).toEqual(['B', 'A', 'C']);
    expect(chart.missing).toEqual(['D']);
    const a = chart.bars.find((b) => b.outlet === 'A');
    expect(a?.shares['us-officials']).toBe(0.75);
    expect(a?.shares['israeli-government']).toBe(0.25);
    expect(a?.absent).toContain('hamas');
    expect(a?.absent).not.toContain('us-officials');
    expect(a?.paraphrasedOnly).toEqual(['hamas']);
    expect(a?.absenceText).toMatch(/^No Hamas, .* voice quoted directly\.$/);
    expect(chart.bars.find((b) => b.outlet === 'C')?.absenceText).toBe('No one is quoted directly.');
    expect(chart.groups).toEqual(['us-officials', 'israeli-government']);
    expect(chart.unquoted).toContain('hamas');
    expect(chart.unquoted).not.toContain('us-officials');
  });

  it('builds the table with evidence keys from the voices metric table', () => {
    const rows = voiceTable(voices, [table], ['A', 'B']);
    const a = rows[0]?.cells;
    expect(a?.find((c) => c.group === 'us-officials')).toMatchObject({ share: 0.75, words: 75, quotes: 3, evidenceKey: 'voices|A|us-officials' });
    expect(a?.find((c) => c.group === 'hamas')).toMatchObject({ absent: true, paraphrases: 2, evidenceKey: null });
    // B has no row in the metric table: values shown, no evidence to open.
    expect(rows[1]?.cells.find((c) => c.group === 'us-officials')).toMatchObject({ share: 1, evidenceKey: null });
  });

  it('uses one distinct literal colour per group, none shared with the outlet palette', () => {
    const colours = ACTOR_GROUPS.map((g) => VOICE_GROUP_COLOURS[g.id]);
    expect(new Set(colours).size).toBe(ACTOR_GROUPS.length);
    for (const c of colours) {
      expect(c).toMatch(/^#[0-9A-F]{6}$/i);
      expect(OUTLET_PALETTE as readonly string[]).not.toContain(c);
    }
  });

  it('formats shares and lists', () => {
    expect(formatShare(0.7099)).toBe('71%');
    expect(formatShare(0.049)).toBe('4.9%');
    expect(formatShare(0)).toBe('0%');
    expect(joinOr(['A'])).toBe('A');
    expect(joinOr(['A', 'B', 'C'])).toBe('A, B or C');
    expect(joinOr(['A', 'B'], 'and')).toBe('A and B');
    expect(absenceText([], 10)).toBe('Every actor group is quoted.');
  });
});

describe('voice shaping on the seeds', () => {
  let snapshot: AnalysisSnapshot;
  beforeAll(async () => {
    snapshot = (await analyzeFolder('seeds')).snapshot;
  }, 60_000);

  it('shows that no outlet quotes a Hamas or Palestinian voice directly', () => {
    const outlets = snapshot.outlets.map((o) => o.name);
    const chart = voiceChart(snapshot.details.voices, outlets);
    expect(chart.bars).toHaveLength(5);
    expect(chart.unquoted).toEqual(expect.arrayContaining(['hamas', 'palestinian-officials', 'palestinian-civilians']));
    for (const b of chart.bars) expect(b.absenceText).toMatch(/Hamas/);
    // Every outlet quotes Blinken (US officials).
    for (const b of chart.bars) expect(b.words['us-officials']).toBeGreaterThan(0);
    // BNN paraphrases "a senior Hamas official" without quoting Hamas.
    expect(chart.bars.find((b) => b.outlet === 'BNN Breaking')?.paraphrasedOnly).toContain('hamas');
  });

  it('opens evidence for quoted groups and none for absent ones', () => {
    const outlets = snapshot.outlets.map((o) => o.name);
    const rows = voiceTable(snapshot.details.voices, snapshot.comparison.tables, outlets);
    const jc = rows.find((r) => r.outlet === 'The Jewish Chronicle');
    // 004 quotes Herzog, Strook, Netanyahu, Lapid: the Israeli government has most of its quoted words.
    const gov = jc?.cells.find((c) => c.group === 'israeli-government');
    expect(gov?.evidenceKey).toBeTruthy();
    expect(gov?.share ?? 0).toBeGreaterThan(0.5);
    for (const r of rows) expect(r.cells.find((c) => c.group === 'hamas')).toMatchObject({ absent: true, evidenceKey: null });
  });
});
