/**
 * The data export: the open analysis as flat tables (one CSV file each, or one JSON document
 * holding them all). Column names are stable snake_case, pinned by `COLUMNS` and the tests;
 * a column is only ever added at the end, and renaming or removing one bumps the JSON
 * `schemaVersion`.
 *
 * CSV conventions (decided once, documented in the README):
 * - UTF-8 with a byte-order mark, so spreadsheet apps (Excel in particular) read names with
 *   accents and curly quotes correctly; most CSV readers (pandas, R readr, Python's csv with
 *   encoding "utf-8-sig") skip the mark.
 * - RFC 4180: comma separator, CRLF line ends, fields with commas, quotes or line breaks quoted,
 *   quotes doubled (csv-stringify).
 * - Formula injection: a text cell starting with = + - @, a tab or a carriage return gets a
 *   leading apostrophe, so a spreadsheet shows the text instead of running it as a formula.
 *   Numbers are written as numbers (a negative tone stays -1.5). The JSON export is unchanged.
 * - Empty cell = no value (null); booleans are true/false; lists are joined with "; ".
 */
import { stringify } from 'csv-stringify/sync';
import type { MetricTable } from '../../shared/comparison';
import { DATA_TABLES, type DataTable } from '../../shared/exporting';
import type { FigureRow } from '../../shared/figures';
import type { AnalysisSnapshot } from '../../shared/model';
import { CodedError } from '../../shared/result';
import type { Analysis, ArticleResults } from '../engine';
import { ATTRIBUTIONS } from '../engine/measures/attribution';
import { LABELS } from '../engine/measures/referents';
import { SENTIMENT, sentenceValue } from '../engine/measures/sentiment';
import { TOPICS } from '../engine/topics/topics';
import { VOICES } from '../engine/voices';
import { toExportJson, type ExportJson } from '../cli/exportJson';

export type CellValue = string | number | boolean | null;
export type Row = Readonly<Record<string, CellValue>>;

/** Every table's columns, in order. Tests pin these names: they are the export's public schema. */
export const COLUMNS = {
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
} as const satisfies Readonly<Record<DataTable, readonly string[]>>;

export type DataTables = Readonly<Record<DataTable, readonly Row[]>>;

const list = (items: readonly string[]): string => items.join('; ');

function tableById(snapshot: AnalysisSnapshot, id: string): MetricTable | undefined {
  return snapshot.comparison.tables.find((t) => t.id === id);
}

function figureRow(f: FigureRow): Row {
  return {
    figure_id: f.id,
    article_id: f.articleId,
    outlet: f.outlet,
    written: f.written,
    value: f.value.value,
    low: f.value.low,
    high: f.value.high,
    qualifier: f.qualifier,
    category: f.category,
    victim_group: f.victimGroup,
    victim_noun: f.victimNoun,
    cue: f.cue,
    voice: f.voice,
    agent: f.agent,
    source_id: f.source?.id ?? null,
    source_label: f.source?.label ?? null,
    source_verb: f.source?.verb ?? null,
    source_verb_grade: f.source?.verbGrade ?? null,
    caveats: f.caveats.length ? f.caveats.join(' | ') : null,
    in_quote: f.inQuote,
    oct7: f.oct7,
    as_of: f.asOf,
    mentions: f.mentions,
    reference_status: f.reference?.status ?? null,
    reference_value: f.reference?.referenceValue ?? null,
    reference_date: f.reference?.referenceDate ?? null,
    reference_series: f.reference?.series ?? null,
    reference_note: f.reference?.note ?? null,
    feature_key: f.featureKey,
    evidence_key: f.evidenceKey,
  };
}

/** The per-article tables (sentences, labels, quotes, attribution) from each article's results. */
async function perArticleTables(analysis: Analysis): Promise<{
  sentences: Row[];
  labels: Row[];
  quotes: Row[];
  attribution: Row[];
  tone: Map<string, number | null>;
}> {
  const sentences: Row[] = [];
  const labels: Row[] = [];
  const quotes: Row[] = [];
  const tone = new Map<string, number | null>();
  const grid = new Map<string, { outlet: string; key: string; name: string; group: string | null; grade: string; count: number; verbs: Set<string> }>();
  const outletOrder = new Map(analysis.snapshot.outlets.map((o, i) => [o.name, i] as const));

  for await (const a of analysis.articleResults() as AsyncIterable<ArticleResults>) {
    const { summary, outlet, results, doc } = a;
    const id = summary.id;
    const sentiment = results.get(SENTIMENT);
    tone.set(id, sentiment.tone);
    const topicsBySentence = new Map<number, string[]>();
    for (const t of results.get(TOPICS).topics) {
      for (const s of t.sentences) topicsBySentence.set(s.sentence, [...(topicsBySentence.get(s.sentence) ?? []), t.topicId]);
    }
    doc.sentences.forEach((s, i) => {
      sentences.push({
        article_id: id,
        outlet,
        sentence_index: i,
        start: s.start,
        end: s.end,
        excluded: s.excluded,
        score: sentenceValue(sentiment.sentenceScores, i),
        comparative: sentenceValue(sentiment.sentenceComparative, i),
        tone: sentenceValue(sentiment.sentenceTone, i),
        topics: list(topicsBySentence.get(i) ?? []),
        text: doc.text.slice(s.start, s.end),
      });
    });
    const voices = results.get(VOICES);
    for (const v of voices) {
      quotes.push({
        article_id: id,
        outlet,
        kind: v.kind,
        speaker: v.speaker,
        speaker_as: v.speakerAs,
        person_id: v.personId,
        group: v.group,
        verb: v.verb,
        words: v.words,
        start: v.start,
        end: v.end,
        text: v.text,
      });
    }
    for (const h of results.get(LABELS).hits) {
      const sentence = doc.sentences[h.sentence];
      const quote = h.quoted ? voices.find((v) => v.kind === 'direct' && v.start <= h.evidence.start && h.evidence.end <= v.end) : undefined;
      labels.push({
        article_id: id,
        outlet,
        referent: h.referent,
        label_id: h.labelId,
        label: h.label,
        connotation: h.connotation,
        quoted: h.quoted !== null,
        quoted_speaker: quote ? (quote.speaker ?? quote.speakerAs) : null,
        sentence_index: h.sentence,
        sentence_start: sentence?.start ?? null,
        sentence_end: sentence?.end ?? null,
        start: h.evidence.start,
        end: h.evidence.end,
        text: h.evidence.text,
      });
    }
    for (const h of results.get(ATTRIBUTIONS).hits) {
      const k = `${outlet}\u0000${h.source.key}\u0000${h.grade}`;
      const cell = grid.get(k) ?? { outlet, key: h.source.key, name: h.source.name, group: h.source.group, grade: h.grade, count: 0, verbs: new Set<string>() };
      cell.count += 1;
      cell.verbs.add(h.verb);
      grid.set(k, cell);
    }
  }
  const attribution = [...grid.values()]
    .sort(
      (x, y) =>
        (outletOrder.get(x.outlet) ?? 0) - (outletOrder.get(y.outlet) ?? 0) ||
        x.key.localeCompare(y.key, 'en') ||
        x.grade.localeCompare(y.grade, 'en'),
    )
    .map((c) => ({
      outlet: c.outlet,
      source_key: c.key,
      source_name: c.name,
      source_group: c.group,
      verb_class: c.grade,
      count: c.count,
      verbs: list([...c.verbs].sort((x, y) => x.localeCompare(y, 'en'))),
    }));
  return { sentences, labels, quotes, attribution, tone };
}

/** Builds every table of the data export from the open analysis. */
export async function buildDataTables(analysis: Analysis): Promise<DataTables> {
  const { snapshot } = analysis;
  const { comparison } = snapshot;
  const perArticle = await perArticleTables(analysis);
  const eventOf = new Map(comparison.grouping.assignments.map((x) => [x.articleId, x] as const));
  const eventName = new Map(comparison.grouping.events.map((e) => [e.id, e.name] as const));

  const articles = snapshot.articles.map((a): Row => {
    const assigned = eventOf.get(a.id);
    return {
      article_id: a.id,
      file: a.file,
      outlet: a.outlet.value,
      outlet_source: a.outlet.source,
      title: a.title.value,
      title_source: a.title.source,
      date: a.date.value,
      date_source: a.date.source,
      url: a.url?.value ?? null,
      event_id: assigned?.eventId ?? null,
      event_name: assigned ? (eventName.get(assigned.eventId) ?? null) : null,
      event_source: assigned?.source ?? null,
      words: a.wordCount,
      characters: a.characters,
      format: a.format ?? null,
      encoding: a.encoding ?? null,
      language: a.language?.code ?? null,
      tone: perArticle.tone.get(a.id) ?? null,
      duplicate_of: a.duplicateOf?.id ?? null,
    };
  });

  const share = tableById(snapshot, 'topics:share');
  const topicTone = tableById(snapshot, 'topics:tone');
  const topics: Row[] = [];
  for (const row of share?.rows ?? []) {
    const toneRow = topicTone?.rows.find((r) => r.outlet === row.outlet);
    for (const c of share?.columns ?? []) {
      const cell = row.cells[c.id];
      topics.push({
        outlet: row.outlet,
        topic_id: c.id,
        topic: c.label,
        share: cell?.value ?? null,
        sentences: cell?.count ?? 0,
        tone: toneRow?.cells[c.id]?.value ?? null,
      });
    }
  }

  const events = comparison.grouping.events.map(
    (e): Row => ({
      event_id: e.id,
      name: e.name,
      name_source: e.nameSource,
      start_date: e.dates?.start ?? null,
      end_date: e.dates?.end ?? null,
      articles: e.articleIds.length,
      article_ids: list(e.articleIds),
      outlets: list(e.outlets),
      terms: list(e.terms),
      cohesion: e.cohesion,
    }),
  );

  const omissions: Row[] = [];
  for (const ev of comparison.omissions.events) {
    const features = new Map(ev.features.map((f) => [f.key, f] as const));
    for (const cell of ev.cells) {
      const f = features.get(cell.featureKey);
      omissions.push({
        event_id: ev.eventId,
        event_name: ev.eventName,
        compared: ev.compared,
        feature_key: cell.featureKey,
        feature_kind: f?.kind ?? null,
        feature: f?.label ?? null,
        outlet: cell.outlet,
        status: cell.status === 'includes' ? 'present' : 'absent',
        count: cell.count,
        included_by: list(cell.includedBy),
      });
    }
  }

  return {
    articles,
    sentences: perArticle.sentences,
    labels: perArticle.labels,
    attribution: perArticle.attribution,
    figures: (await analysis.figures()).map(figureRow),
    quotes: perArticle.quotes,
    topics,
    events,
    omissions,
  };
}

/** Text cells a spreadsheet would run as a formula get a leading apostrophe. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One table as CSV (UTF-8 with BOM, RFC 4180, formula-safe). */
export function tableCsv(table: DataTable, rows: readonly Row[]): string {
  const columns: readonly string[] = COLUMNS[table];
  const records = rows.map((row) =>
    columns.map((c) => {
      const v = row[c] ?? null;
      if (v === null) return '';
      if (typeof v === 'string') return neutraliseFormula(v);
      return String(v);
    }),
  );
  return stringify([[...columns], ...records], { bom: true, record_delimiter: 'windows' });
}

/** The JSON document: the snapshot fields of `toExportJson` plus every table, keyed by name. */
export function dataJson(snapshot: AnalysisSnapshot, tables: DataTables): ExportJson {
  return toExportJson(snapshot, tables);
}

/** The file text of a data export: CSV of one table, or the JSON document with every table. */
export async function dataExportText(analysis: Analysis, format: 'csv' | 'json', table?: DataTable): Promise<string> {
  const tables = await buildDataTables(analysis);
  if (format === 'json') return `${JSON.stringify(dataJson(analysis.snapshot, tables), null, 2)}\n`;
  if (table === undefined || !DATA_TABLES.includes(table)) {
    throw new CodedError('E_INVALID_PAYLOAD', `Name one table for a CSV export: ${DATA_TABLES.join(', ')}.`);
  }
  return tableCsv(table, tables[table]);
}
