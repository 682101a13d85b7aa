/**
 * Casualty figures as pipeline components: `voices` (speakers, so a figure inside a quote is
 * attributed to its speaker), `figures` (records) and `figure-reference` (the check against a
 * reference series). They require QUOTES: put `quotesComponent` before them.
 *
 *   createPipeline([quotesComponent, ...figureComponents(folder)])
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import defaultSeriesJson from '../../../../data/reference/gaza_moh_daily.json';
import { CodedError } from '../../../shared/result';
import type { Component } from '../pipeline';
import type { Match } from '../text/phraseIndex';
import { QUOTES } from '../text/quotes';
import { VOICES, voicesComponent } from '../voices';
import { voiceLexicon } from '../voices/lexicon';
import { FigureExtractor } from './extract';
import { FIGURE_MENTIONS, FIGURES } from './slots';
import { FIGURE_KINDS, FigureLexicon, figuresPack, ns } from './lexicon';
import { checkFigure, parseReferenceSeries, seriesFromJson, type ReferenceSeries } from './reference';

export { FIGURE_MENTIONS, FIGURES } from './slots';
export { figureFeatures, figureRows, figuresAggregator } from './aggregate';
export { VOICES, voiceFeatures, voicesAggregator, voiceShares, type Voice } from '../voices';
export { FigureExtractor, featureKey, FEATURE_LABELS, type FigureFinding } from './extract';
export { FigureLexicon, figuresPack, figureEntrySchema } from './lexicon';
export { checkFigure, parseReferenceSeries, seriesFromJson, seriesFromRows, type ReferenceSeries } from './reference';


export const DEFAULT_SERIES_ID = 'gaza-moh-daily';

/** The Gaza Ministry of Health daily series shipped in data/reference (public domain). */
export function defaultReferenceSeries(): ReferenceSeries {
  return seriesFromJson(DEFAULT_SERIES_ID, defaultSeriesJson, 'data/reference/gaza_moh_daily.json');
}

/**
 * The reference series for a folder: `<folder>/reference.json` or `<folder>/reference.csv` when
 * present (validated; a bad file is E_REFERENCE_INVALID, never a silent fallback), else the
 * shipped default.
 */
export function referenceForFolder(folder: string | null): ReferenceSeries {
  if (folder !== null) {
    for (const format of ['json', 'csv'] as const) {
      const file = path.join(folder, `reference.${format}`);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw new CodedError('E_REFERENCE_INVALID', `Reference series ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
      return parseReferenceSeries(path.basename(file, `.${format}`), text, format, file);
    }
  }
  return defaultReferenceSeries();
}

const FIGURE_NAMESPACES = FIGURE_KINDS.map(ns);

export function figuresComponent(lex: FigureLexicon): Component {
  const extractor = new FigureExtractor(lex);
  return {
    name: 'figures',
    requires: [QUOTES, VOICES],
    assigns: [FIGURE_MENTIONS],
    phrases: () => lex.phrases(),
    run(ctx) {
      // Only this measure's namespaces (the full match list holds every measure's).
      const mine: Match[] = [];
      for (const n of FIGURE_NAMESPACES) for (const m of ctx.matchesIn(n)) mine.push(m);
      ctx.set(FIGURE_MENTIONS, extractor.extract(ctx.doc, ctx.meta, mine, ctx.get(QUOTES), ctx.get(VOICES)));
    },
  };
}

/** Compares each figure with the series as of its article's date (`series` null: no check). */
export function figureReferenceComponent(series: ReferenceSeries | null): Component {
  return {
    name: 'figure-reference',
    requires: [FIGURE_MENTIONS],
    assigns: [FIGURES],
    run(ctx) {
      const found = ctx.get(FIGURE_MENTIONS);
      ctx.set(
        FIGURES,
        series === null ? found : found.map((f) => ({ ...f, record: { ...f.record, reference: checkFigure(f.record, series) } })),
      );
    },
  };
}

export interface FigureOptions {
  /** Overrides the folder's series; null turns the reference check off. */
  readonly reference?: ReferenceSeries | null;
}

/** The figures and voices components, in order, with the folder's lexicon and reference overrides. */
export function figureComponents(folder: string | null, options: FigureOptions = {}): Component[] {
  const series = options.reference === undefined ? referenceForFolder(folder) : options.reference;
  return [voicesComponent(voiceLexicon(folder)), figuresComponent(new FigureLexicon(figuresPack(folder))), figureReferenceComponent(series)];
}
