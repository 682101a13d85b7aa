/**
 * The referent × outlet matrix of labels, from the per-referent label tables: each cell lists
 * the labels an outlet used for the referent as chips with counts, its own wording apart from
 * the words of people it quotes.
 */
import type { MetricTable } from '../../../shared/comparison';
import { FRAMING_TABLES } from '../../../shared/framing';

export interface LabelChip {
  readonly label: string;
  readonly count: number;
  /** True when the label appears only inside quotes: the quoted speaker's word, not the outlet's. */
  readonly quoted: boolean;
  readonly evidenceKey: string | null;
}

export interface LabelMatrixRow {
  readonly referentId: string;
  readonly referent: string;
  /** Chips per visible outlet, most used first; an empty list is an outlet that never names the referent. */
  readonly cells: readonly { readonly outlet: string; readonly chips: readonly LabelChip[] }[];
}

const QUOTED = ':quoted';

export function labelMatrix(tables: readonly MetricTable[], outlets: readonly string[]): LabelMatrixRow[] {
  return tables
    .filter((t) => t.id.startsWith(FRAMING_TABLES.labelsPrefix))
    .map((t) => {
      const byOutlet = new Map(t.rows.map((r) => [r.outlet, r] as const));
      return {
        referentId: t.id.slice(FRAMING_TABLES.labelsPrefix.length),
        referent: t.title.replace(/^Labels for /, ''),
        cells: outlets.map((outlet) => {
          const row = byOutlet.get(outlet);
          const chips: LabelChip[] = [];
          for (const col of t.columns) {
            const cell = row?.cells[col.id];
            if (!cell || (cell.value ?? 0) <= 0) continue;
            const quoted = col.id.endsWith(QUOTED);
            chips.push({
              label: col.label.replace(/ \(in a quote\)$/, ''),
              count: cell.value ?? 0,
              quoted,
              evidenceKey: cell.evidenceKey,
            });
          }
          chips.sort((a, b) => Number(a.quoted) - Number(b.quoted) || b.count - a.count || a.label.localeCompare(b.label));
          return { outlet, chips };
        }),
      };
    })
    .filter((row) => row.cells.some((c) => c.chips.length > 0));
}

/** Labels only one visible outlet uses in its own words, e.g. "occupied West Bank" under Xinhua. */
export function uniqueLabels(rows: readonly LabelMatrixRow[]): { referent: string; label: string; outlet: string }[] {
  const out: { referent: string; label: string; outlet: string }[] = [];
  for (const row of rows) {
    const users = new Map<string, string[]>();
    for (const cell of row.cells) {
      for (const chip of cell.chips) {
        if (chip.quoted) continue;
        users.set(chip.label, [...(users.get(chip.label) ?? []), cell.outlet]);
      }
    }
    for (const [label, outlets] of users) {
      const [only] = outlets;
      if (outlets.length === 1 && only !== undefined) {
        out.push({ referent: row.referent, label, outlet: only });
      }
    }
  }
  return out;
}
