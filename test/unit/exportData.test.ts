import { parse } from 'csv-parse/sync';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFolder, type Analysis } from '../../src/main/engine';
import { COLUMNS, buildDataTables, dataExportText, dataJson, neutraliseFormula, tableCsv, type DataTables } from '../../src/main/export/data';
import { DATA_TABLES } from '../../src/shared/exporting';

let analysis: Analysis;
let tables: DataTables;
beforeAll(async () => {
  analysis = await analyzeFolder(path.resolve('seeds'));
  tables = await buildDataTables(analysis);
}, 60_000);

describe('data export tables', () => {
  it('keeps its documented column names (the public schema of CSV and JSON)', () => {
    expect(Object.keys(COLUMNS)).toEqual([...DATA_TABLES]);
    expect(COLUMNS).toEqual({
      articles: [
        'article_id', 'file', 'outlet', 'outlet_source', 'title', 'title_source', 'date', 'date_source', 'url',
        'event_id', 'event_name', 'event_source', 'words', 'characters', 'format', 'encoding', 'language', 'tone', 'duplicate_of',
      ],
      sentences: ['article_id', 'outlet', 'sentence_index', 'start', 'end', 'excluded', 'score', 'comparative', 'tone', 'topics', 'text'],
      labels: [
        'article_id', 'outlet', 'referent', 'label_id', 'label', 'connotation', 'quoted', 'quoted_speaker',
        'sentence_index', 'sentence_start', 'sentence_end', 'start', 'end', 'text',
      ],
      attribution: ['outlet', 'source_key', 'source_name', 'source_group', 'verb_class', 'count', 'verbs'],
      figures: [
        'figure_id', 'article_id', 'outlet', 'written', 'value', 'low', 'high', 'qualifier', 'category', 'victim_group', 'victim_noun',
        'cue', 'voice', 'agent', 'source_id', 'source_label', 'source_verb', 'source_verb_grade', 'caveats', 'in_quote', 'oct7',
        'as_of', 'mentions', 'reference_status', 'reference_value', 'reference_date', 'reference_series', 'reference_note',
        'feature_key', 'evidence_key',
      ],
      quotes: ['article_id', 'outlet', 'kind', 'speaker', 'speaker_as', 'person_id', 'group', 'verb', 'words', 'start', 'end', 'text'],
      topics: ['outlet', 'topic_id', 'topic', 'share', 'sentences', 'tone'],
      events: ['event_id', 'name', 'name_source', 'start_date', 'end_date', 'articles', 'article_ids', 'outlets', 'terms', 'cohesion'],
      omissions: ['event_id', 'event_name', 'compared', 'feature_key', 'feature_kind', 'feature', 'outlet', 'status', 'count', 'included_by'],
    });
  });

  it('fills every column of every row, and nothing else', () => {
    for (const t of DATA_TABLES) {
      expect(tables[t].length, t).toBeGreaterThan(0);
      for (const row of tables[t]) expect(Object.keys(row), t).toEqual([...COLUMNS[t]]);
    }
  });

  it('matches the analysis it comes from', async () => {
    const { snapshot } = analysis;
    expect(tables.articles.map((a) => a.file)).toEqual(snapshot.articles.map((a) => a.file));
    const figures = await analysis.figures();
    expect(snapshot.details.figureCount).toBe(figures.length);
    expect(tables.figures.map((f) => f.figure_id)).toEqual(figures.map((f) => f.id));
    expect(tables.events.map((e) => e.event_id)).toEqual(snapshot.comparison.grouping.events.map((e) => e.id));
    expect(tables.omissions).toHaveLength(snapshot.comparison.omissions.events.reduce((n, e) => n + e.cells.length, 0));
    expect(new Set(tables.omissions.map((o) => o.status))).toEqual(new Set(['present', 'absent']));
    // Sentences carry their own text at their offsets, and their tones average to the article's tone.
    const first = snapshot.articles[0];
    if (!first) throw new Error('no article');
    const own = tables.sentences.filter((s) => s.article_id === first.id);
    expect(own.length).toBeGreaterThan(5);
    const tones = own.filter((s) => !s.excluded && typeof s.tone === 'number').map((s) => s.tone as number);
    const articleTone = tables.articles.find((a) => a.article_id === first.id)?.tone as number;
    expect(tones.reduce((a, b) => a + b, 0) / tones.length).toBeCloseTo(articleTone, 10);
    // Every attribution count adds up to the verbs the articles attribute.
    expect(tables.attribution.reduce((n, r) => n + (r.count as number), 0)).toBeGreaterThan(0);
    // A quoted label names the speaker of the quote it sits in.
    const quoted = tables.labels.filter((l) => l.quoted === true);
    for (const l of quoted) expect(typeof l.quoted_speaker === 'string' || l.quoted_speaker === null).toBe(true);
    expect(tables.labels.filter((l) => l.quoted === false).every((l) => l.quoted_speaker === null)).toBe(true);
  });

  it('writes RFC 4180 CSV with a byte-order mark that reads back to the same cells', () => {
    const csv = tableCsv('sentences', tables.sentences);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(COLUMNS.sentences.join(','));
    const records = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(records).toHaveLength(tables.sentences.length);
    tables.sentences.forEach((row, i) => {
      const text = row.text as string;
      expect(records[i]?.text).toBe(neutraliseFormula(text));
      expect(records[i]?.tone).toBe(row.tone === null ? '' : String(row.tone));
    });
  });

  it('neutralises cells a spreadsheet would run as formulas, but not numbers', () => {
    for (const s of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    expect(neutraliseFormula('Gaza')).toBe('Gaza');
    const csv = tableCsv('topics', [{ outlet: '=cmd|calc', topic_id: 't', topic: 'T, "quoted"', share: -0.5, sentences: 2, tone: null }]);
    const [row] = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(row).toEqual({ outlet: "'=cmd|calc", topic_id: 't', topic: 'T, "quoted"', share: '-0.5', sentences: '2', tone: '' });
  });

  it('puts every table, the versions and the folder name in one JSON document', async () => {
    const doc = dataJson(analysis.snapshot, tables);
    expect(doc).toMatchObject({ schemaVersion: 1, generator: 'Framescope', engineVersion: analysis.snapshot.engineVersion, folder: { name: 'seeds' } });
    expect(doc.lexicons.length).toBeGreaterThan(0);
    expect(Object.keys(doc.tables)).toEqual([...DATA_TABLES]);
    expect(JSON.stringify(doc)).not.toContain(path.resolve('seeds'));
    const text = await dataExportText(analysis, 'json');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
    await expect(dataExportText(analysis, 'csv')).rejects.toMatchObject({ code: 'E_INVALID_PAYLOAD' });
  });
});
