/**
 * The overview's one row per outlet: what it published, which events it covered, its mean tone,
 * its most distinctive words, the figures it cites and the groups it quotes.
 */
import { ACTOR_GROUPS } from '../../../shared/actors';
import type { Cell } from '../../../shared/comparison';
import { FRAMING_TABLES } from '../../../shared/framing';
import type { AnalysisSnapshot } from '../../../shared/model';

export interface OverviewRow {
  readonly outlet: string;
  readonly articles: number;
  readonly words: number;
  readonly events: number;
  readonly tone: Cell | null;
  readonly distinctive: readonly { readonly term: string; readonly evidenceKey: string | null }[];
  readonly figures: Cell | null;
  /** Actor groups quoted directly, largest share first. */
  readonly voices: readonly string[];
}

const GROUP_LABEL = new Map<string, string>(ACTOR_GROUPS.map((g) => [g.id, g.label]));

export function overviewRows(snapshot: AnalysisSnapshot, outlets: readonly string[]): OverviewRow[] {
  const { tables, grouping } = snapshot.comparison;
  const table = (id: string) => tables.find((t) => t.id === id);
  const tone = table(FRAMING_TABLES.tone);
  const distinctive = table(FRAMING_TABLES.distinctive);
  const figures = table('figures');
  const voices = table('voices');
  return outlets.flatMap((outlet) => {
    const info = snapshot.outlets.find((o) => o.name === outlet);
    if (!info) return [];
    const cellsOf = (t: typeof tone) => t?.rows.find((r) => r.outlet === outlet)?.cells;
    const d = cellsOf(distinctive);
    const v = cellsOf(voices);
    return [
      {
        outlet,
        articles: info.articleIds.length,
        words: info.wordCount,
        events: grouping.events.filter((e) => e.outlets.includes(outlet)).length,
        tone: cellsOf(tone)?.mean ?? null,
        distinctive: (distinctive?.columns ?? [])
          .slice(0, 5)
          .flatMap((c) => {
            const cell = d?.[c.id];
            return cell?.note ? [{ term: cell.note, evidenceKey: cell.evidenceKey }] : [];
          }),
        figures: cellsOf(figures)?.all ?? null,
        voices: Object.entries(v ?? {})
          .filter(([, cell]) => (cell.value ?? 0) > 0)
          .sort(([, a], [, b]) => (b.value ?? 0) - (a.value ?? 0))
          .map(([group]) => GROUP_LABEL.get(group) ?? group),
      },
    ];
  });
}
