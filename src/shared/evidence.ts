/**
 * Evidence as the renderer sees it: the words behind a mark on a chart, with enough context to
 * show the whole sentence and open the reader at that place.
 */

/** A highlighted span in an article (offsets into the article's text). */
export interface EvidenceItem {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
  /** The highlighted words. */
  readonly text: string;
  /** The rule or lexicon entry that fired, e.g. "afinn:killed" or "label:gaza-moh/hamas-run". */
  readonly rule: string;
  readonly weight: number;
  /** The sentence containing it, with its own offsets, for display. */
  readonly sentence: { readonly start: number; readonly end: number; readonly text: string };
}

/** An opaque key naming the evidence behind one mark; fetched on demand with getEvidence. */
export type EvidenceKey = string;

export interface EvidencePage {
  readonly key: EvidenceKey;
  readonly title: string;
  readonly total: number;
  readonly items: readonly EvidenceItem[];
}

export type HighlightLayer = 'sentiment' | 'labels' | 'attribution' | 'figures' | 'quotes' | 'cues' | 'excluded';

export const HIGHLIGHT_LAYERS: readonly { readonly id: HighlightLayer; readonly label: string }[] = [
  { id: 'sentiment', label: 'Sentiment words' },
  { id: 'labels', label: 'Referent labels' },
  { id: 'attribution', label: 'Attribution verbs' },
  { id: 'figures', label: 'Figures' },
  { id: 'quotes', label: 'Quotes' },
  { id: 'cues', label: 'Intensifiers and hedges' },
  { id: 'excluded', label: 'Excluded page clutter' },
];

export interface Highlight {
  readonly start: number;
  readonly end: number;
  readonly layer: HighlightLayer;
  /** A short tag for colour and legend: "positive", "negative", a referent id, a speaker… */
  readonly tag: string;
  /** What a tooltip says about it. */
  readonly note: string;
}

export interface ArticleView {
  readonly id: string;
  readonly file: string;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly date: string | null;
  readonly text: string;
  readonly highlights: readonly Highlight[];
}
