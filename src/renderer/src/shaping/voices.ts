/**
 * Pure shaping of quoted voices for the Voices view: one stacked bar per outlet (share of directly
 * quoted words by actor group), the groups each outlet never quotes, and the outlet × group table
 * whose cells open the evidence of the `voices` metric table.
 */
import { ACTOR_GROUPS, type ActorGroupId } from '../../../shared/actors';
import type { MetricTable } from '../../../shared/comparison';
import type { VoiceShare } from '../../../shared/figures';

/**
 * A fixed colour per actor group (Paul Tol's colour-blind-safe "muted" scheme; "other" grey),
 * distinct in hue order from the outlet palette. Literal values: exports serialise the SVG.
 */
export const VOICE_GROUP_COLOURS: Readonly<Record<ActorGroupId, string>> = {
  'us-officials': '#332288',
  'israeli-government': '#88CCEE',
  hamas: '#117733',
  'palestinian-officials': '#44AA99',
  'palestinian-civilians': '#999933',
  'israeli-civilians': '#DDCC77',
  'un-aid': '#CC6677',
  'arab-states': '#882255',
  other: '#BBBBBB',
};

export function groupLabel(id: string): string {
  return ACTOR_GROUPS.find((g) => g.id === id)?.label ?? id;
}

export interface VoiceBar {
  readonly outlet: string;
  readonly totalWords: number;
  /** Share of the outlet's directly quoted words per group (0 for absent groups). */
  readonly shares: Readonly<Record<ActorGroupId, number>>;
  readonly words: Readonly<Record<ActorGroupId, number>>;
  /** Groups the outlet never quotes directly, in the lexicon's order. */
  readonly absent: readonly ActorGroupId[];
  /** Absent groups the outlet does paraphrase. */
  readonly paraphrasedOnly: readonly ActorGroupId[];
  /** "No Hamas, Palestinian civilians or Other voice quoted directly." */
  readonly absenceText: string;
}

export interface VoiceChart {
  readonly bars: readonly VoiceBar[];
  /** Groups at least one visible outlet quotes, in the lexicon's order: the legend and the stack. */
  readonly groups: readonly ActorGroupId[];
  /** Groups no visible outlet quotes directly. */
  readonly unquoted: readonly ActorGroupId[];
  /** Visible outlets with no voice data at all. */
  readonly missing: readonly string[];
}

/** "A", "A or B", "A, B or C". */
export function joinOr(items: readonly string[], word = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1] ?? ''}`;
}

function zeroes(): Record<ActorGroupId, number> {
  return Object.fromEntries(ACTOR_GROUPS.map((g) => [g.id, 0])) as Record<ActorGroupId, number>;
}

/** "No Hamas or UN and aid bodies voice quoted directly." ("Other" is not a voice to miss.) */
export function absenceText(absent: readonly string[], totalWords: number): string {
  if (totalWords === 0) return 'No one is quoted directly.';
  const named = absent.filter((g) => g !== 'other');
  if (named.length === 0) return 'Every actor group is quoted.';
  return `No ${joinOr(named.map(groupLabel))} voice quoted directly.`;
}

export function voiceChart(voices: readonly VoiceShare[], outlets: readonly string[]): VoiceChart {
  const byOutlet = new Map(voices.map((v) => [v.outlet, v] as const));
  const bars: VoiceBar[] = [];
  const missing: string[] = [];
  for (const outlet of outlets) {
    const v = byOutlet.get(outlet);
    if (!v) {
      missing.push(outlet);
      continue;
    }
    const shares = zeroes();
    const words = zeroes();
    const absent: ActorGroupId[] = [];
    const paraphrasedOnly: ActorGroupId[] = [];
    for (const g of ACTOR_GROUPS) {
      const entry = v.groups.find((x) => x.group === g.id);
      const w = entry?.words ?? 0;
      shares[g.id] = v.totalWords > 0 ? w / v.totalWords : 0;
      words[g.id] = w;
      if (!entry || entry.absent || w === 0) {
        absent.push(g.id);
        if ((entry?.paraphrases ?? 0) > 0) paraphrasedOnly.push(g.id);
      }
    }
    bars.push({ outlet, totalWords: v.totalWords, shares, words, absent, paraphrasedOnly, absenceText: absenceText(absent, v.totalWords) });
  }
  const groups = ACTOR_GROUPS.map((g) => g.id).filter((id) => bars.some((b) => b.words[id] > 0));
  const unquoted = ACTOR_GROUPS.map((g) => g.id).filter((id) => bars.length > 0 && bars.every((b) => b.words[id] === 0));
  return { bars, groups, unquoted, missing };
}

export interface VoiceCell {
  readonly group: ActorGroupId;
  readonly share: number;
  readonly words: number;
  readonly quotes: number;
  readonly paraphrases: number;
  readonly absent: boolean;
  /** Evidence of the outlet's quotes of this group (from the `voices` metric table), or null. */
  readonly evidenceKey: string | null;
}

export interface VoiceTableRow {
  readonly outlet: string;
  readonly totalWords: number;
  readonly cells: readonly VoiceCell[];
}

/** Outlet × group rows; evidence keys come from the `voices` MetricTable (VoiceShare has none). */
export function voiceTable(voices: readonly VoiceShare[], tables: readonly MetricTable[], outlets: readonly string[]): VoiceTableRow[] {
  const table = tables.find((t) => t.id === 'voices');
  const byOutlet = new Map(voices.map((v) => [v.outlet, v] as const));
  return outlets.flatMap((outlet) => {
    const v = byOutlet.get(outlet);
    if (!v) return [];
    const cells = table?.rows.find((r) => r.outlet === outlet)?.cells ?? {};
    return [
      {
        outlet,
        totalWords: v.totalWords,
        cells: ACTOR_GROUPS.map((g) => {
          const e = v.groups.find((x) => x.group === g.id);
          const cell = cells[g.id];
          const words = e?.words ?? 0;
          return {
            group: g.id,
            share: v.totalWords > 0 ? words / v.totalWords : 0,
            words,
            quotes: e?.quotes ?? 0,
            paraphrases: e?.paraphrases ?? 0,
            absent: e ? e.absent || words === 0 : true,
            evidenceKey: cell && cell.count > 0 ? cell.evidenceKey : null,
          };
        }),
      },
    ];
  });
}

/** Percent with one decimal below 10 %, none above: "71%", "4.9%", "0%". */
export function formatShare(share: number): string {
  const p = share * 100;
  return `${p > 0 && p < 10 ? p.toFixed(1) : p.toFixed(0)}%`;
}
