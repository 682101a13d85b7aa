/**
 * The comparison the dashboard and the exports consume: outlet × metric tables computed within
 * one event or across the whole corpus. Every cell names the evidence behind it by an opaque key
 * that the renderer fetches on demand (summaries travel, evidence stays in the main process).
 */
import type { EvidenceKey } from './evidence';

export interface Cell {
  /** The number shown (a mean, a share, a count…); null when the outlet has nothing to measure. */
  readonly value: number | null;
  /** How many pieces of evidence stand behind the value. */
  readonly count: number;
  /** Key for getEvidence; null when there is no evidence (e.g. an absence). */
  readonly evidenceKey: EvidenceKey | null;
  /** A short text for the cell: a label as written, a figure as written… */
  readonly note?: string;
}

export interface Column {
  readonly id: string;
  readonly label: string;
}

export interface MetricTable {
  /** Stable id, also used in export column names, e.g. "tone", "labels:gaza-moh". */
  readonly id: string;
  readonly title: string;
  /** What the values measure, for axis labels: "mean AFINN score per sentence", "share of sentences"… */
  readonly unit: string;
  readonly columns: readonly Column[];
  /** One row per outlet, in the order of the comparison's outlets. */
  readonly rows: readonly { readonly outlet: string; readonly cells: Readonly<Record<string, Cell>> }[];
}

/** Which articles a comparison covers. */
export type Scope = { readonly kind: 'corpus' } | { readonly kind: 'event'; readonly eventId: string };
