/**
 * The engine's parts in running order: pipeline components, the aggregators that fold their
 * results into the comparison, the omission features they contribute, and how each measure
 * highlights its evidence in the reader. One list, so the app, the browser mode, the command
 * line and the workers all run the same analysis.
 */
import type { Highlight } from '../../shared/evidence';
import type { Aggregator, AnalysedArticle, FeatureSource } from './aggregate';
import type { Doc } from './document';
import type { Component } from './pipeline';
import { QUOTES, quotesComponent } from './text/quotes';

/** How a measure marks its evidence in the reader's highlight layers. */
export type Highlighter = (article: AnalysedArticle, doc: Doc) => readonly Highlight[];

export interface EngineParts {
  readonly components: readonly Component[];
  readonly aggregators: readonly Aggregator[];
  readonly featureSources: readonly FeatureSource[];
  readonly highlighters: readonly Highlighter[];
  /** Lexicon packs in use, as id@version. */
  readonly lexicons: readonly string[];
}

const quoteHighlights: Highlighter = ({ results }) =>
  results.get(QUOTES).map((q) => ({
    start: q.contentStart,
    end: q.contentEnd,
    layer: 'quotes' as const,
    tag: 'quote',
    note: 'Direct quote',
  }));

/** The parts for a folder: lexicon packs in `<folder>/lexicons/` replace the built-in ones. */
export function engineParts(_folder: string | null): EngineParts {
  return {
    components: [quotesComponent],
    aggregators: [],
    featureSources: [],
    highlighters: [quoteHighlights],
    lexicons: [],
  };
}
