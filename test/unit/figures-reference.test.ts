import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FigureRecord } from '../../src/shared/figures';
import {
  checkFigure,
  defaultReferenceSeries,
  parseReferenceSeries,
  referenceForFolder,
  seriesFromJson,
  type ReferenceSeries,
} from '../../src/main/engine/figures';
import { CodedError } from '../../src/shared/result';

const series: ReferenceSeries = seriesFromJson(
  'test',
  [
    { report_date: '2023-12-01', killed_cum: 15000, injured_cum: 40000 },
    { report_date: '2023-12-02' },
    { report_date: '2024-01-06', killed_cum: 22722, injured_cum: 58166 },
    { report_date: '2024-01-07', killed_cum: 22835, injured_cum: 58416 },
    { report_date: '2024-01-08', killed_cum: 23084, injured_cum: 58926 },
  ],
  'test',
);

function fig(value: number, qualifier: FigureRecord['qualifier'], over: Partial<FigureRecord> = {}): FigureRecord {
  return {
    id: 'a:0',
    articleId: 'a',
    written: String(value),
    value: { value, low: value, high: value },
    qualifier,
    category: 'killed',
    victimGroup: 'palestinians',
    victimNoun: null,
    cue: 'killed',
    voice: 'nominal',
    agent: null,
    source: null,
    caveats: [],
    inQuote: false,
    oct7: false,
    asOf: '2024-01-08',
    mentions: 1,
    reference: null,
    featureKey: 'figure:killed/gaza',
    ...over,
  };
}

describe('reference check', () => {
  it('flags exact matches, roundings, stale figures, likely misquotes and unmatched figures', () => {
    expect(checkFigure(fig(22835, 'exact'), series)).toMatchObject({ status: 'exact', referenceValue: 22835, referenceDate: '2024-01-07' });
    expect(checkFigure(fig(22000, 'more-than'), series)).toMatchObject({ status: 'rounding', referenceValue: 23084, referenceDate: '2024-01-08' });
    expect(checkFigure(fig(23000, 'approximately'), series)).toMatchObject({ status: 'rounding' });
    expect(checkFigure(fig(15000, 'exact'), series)).toMatchObject({ status: 'stale', referenceValue: 15000, referenceDate: '2023-12-01' });
    expect(checkFigure(fig(58316, 'exact', { category: 'wounded' }), series)).toMatchObject({
      status: 'misquote',
      referenceValue: 58416,
      referenceDate: '2024-01-07',
      series: 'test:wounded',
    });
    expect(checkFigure(fig(40000, 'exact'), series)).toMatchObject({ status: 'unmatched', referenceValue: 23084 });
  });

  it('does not check figures the series does not cover, and says when the article has no date', () => {
    expect(checkFigure(fig(1200, 'at-least', { victimGroup: 'israelis' }), series)).toBeNull();
    expect(checkFigure(fig(240, 'exact', { category: 'hostages' }), series)).toBeNull();
    expect(checkFigure(fig(22835, 'exact', { asOf: null }), series)).toMatchObject({ status: 'no-reference' });
    expect(checkFigure(fig(100, 'exact', { asOf: '2023-01-01' }), series)).toMatchObject({ status: 'no-reference' });
  });

  it('ships the Gaza ministry series as the default: 22,835 matches the 2024-01-07 report', () => {
    const d = defaultReferenceSeries();
    expect(d.points.length).toBeGreaterThan(1000);
    expect(checkFigure(fig(22835, 'exact'), d)).toMatchObject({ status: 'exact', referenceDate: '2024-01-07' });
  });
});

describe('loading a reference series', () => {
  const bad = (text: string, format: 'json' | 'csv'): string => {
    try {
      parseReferenceSeries('s', text, format, 'ref.' + format);
    } catch (err) {
      expect(err).toBeInstanceOf(CodedError);
      expect((err as CodedError).code).toBe('E_REFERENCE_INVALID');
      return (err as Error).message;
    }
    throw new Error('expected a failure');
  };

  it('reads CSV with cumulative columns', () => {
    const s = parseReferenceSeries('s', 'date,killed,wounded\n2024-01-07,"22,835",58416\n2024-01-08,23084,\n', 'csv', 'ref.csv');
    expect(s.points).toEqual([
      { date: '2024-01-07', killed: 22835, wounded: 58416 },
      { date: '2024-01-08', killed: 23084, wounded: null },
    ]);
  });

  it.each([
    ['not JSON', '{', 'json', /ref\.json: is not JSON/],
    ['wrong shape', '{"rows": []}', 'json', /must be an array of rows or an object with "points"/],
    ['empty', '[]', 'json', /has no rows/],
    ['no count column', '[{"date":"2024-01-01","dead":3}]', 'json', /has no count column .*columns are date, dead/],
    ['bad date', '[{"date":"01/07/2024","killed":3}]', 'json', /row 1 has date "01\/07\/2024", expected YYYY-MM-DD/],
    ['negative count', '[{"date":"2024-01-07","killed":-3}]', 'json', /row 1 has killed = -3, not a whole number/],
    ['dates out of order', 'date,killed\n2024-01-08,5\n2024-01-07,4\n', 'csv', /row 2 \(2024-01-07\) is not after the row before it/],
    ['text count', 'date,killed\n2024-01-08,many\n', 'csv', /row 1 has killed = "many"/],
  ] as const)('%s → E_REFERENCE_INVALID', (_name, text, format, message) => {
    expect(bad(text, format)).toMatch(message);
  });

  const dir = mkdtempSync(path.join(tmpdir(), 'framescope-ref-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses a folder’s reference.csv over the default, and fails loudly on a bad one', () => {
    const good = path.join(dir, 'good');
    const broken = path.join(dir, 'broken');
    for (const d of [good, broken]) mkdirSync(d, { recursive: true });
    writeFileSync(path.join(good, 'reference.csv'), 'date,killed\n2024-01-01,10\n');
    writeFileSync(path.join(broken, 'reference.json'), '[{"date":"soon","killed":1}]');
    expect(referenceForFolder(good)).toEqual({ id: 'reference', points: [{ date: '2024-01-01', killed: 10, wounded: null }] });
    expect(() => referenceForFolder(broken)).toThrow(/reference\.json: row 1 has date "soon"/);
    expect(referenceForFolder(dir).id).toBe('gaza-moh-daily');
  });
});
