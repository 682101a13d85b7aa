/**
 * Headline findings in plain sentences, generated from the analysis (never written by hand): a
 * label only one outlet uses, a death toll one outlet of an event leaves out while another
 * covering the same event cites it, the extremes of mean tone, sources attributed with a
 * distancing verb, and actor groups no outlet quotes. Each finding names its evidence when the
 * data has some.
 */
import type { MetricTable } from '../../../shared/comparison';
import type { FigureRow } from '../../../shared/figures';
import { FRAMING_TABLES } from '../../../shared/framing';
import type { AnalysisSnapshot } from '../../../shared/model';
import { categoryLabel } from './figures';
import { groupLabel, joinOr, voiceChart } from './voices';

export type FindingKind = 'omission' | 'distancing' | 'tone' | 'unquoted' | 'only-label';

export interface Finding {
  readonly id: string;
  readonly kind: FindingKind;
  readonly text: string;
  /** The evidence behind the sentence, or null when it is an absence with nothing to show. */
  readonly evidenceKey: string | null;
  /** Title of the evidence panel. */
  readonly evidenceTitle: string;
  /** The outlet the finding is about, when it is about one. */
  readonly outlet?: string;
  /** For "only-label": the label as the lexicon names it. */
  readonly label?: string;
}

/** Kinds in the order the list shows them. */
export const FINDING_KINDS: readonly { readonly id: FindingKind; readonly label: string }[] = [
  { id: 'omission', label: 'Left out' },
  { id: 'distancing', label: 'Distancing attribution' },
  { id: 'tone', label: 'Tone' },
  { id: 'unquoted', label: 'Voices' },
  { id: 'only-label', label: 'Wording only one outlet uses' },
];

const quote = (s: string): string => `‘${s}’`;

/** "a Gaza death toll" → "Gaza death toll" (for "cites no …"). */
export function bareFeature(label: string): string {
  return label.replace(/^(a|an|the)\s+/i, '');
}

/** "Only Xinhua writes ‘occupied West Bank’": own labels (not quoted ones) used by one visible outlet. */
export function onlyLabelFindings(tables: readonly MetricTable[], outlets: readonly string[]): Finding[] {
  if (outlets.length < 2) return [];
  const out: Finding[] = [];
  for (const t of tables) {
    if (!t.id.startsWith(FRAMING_TABLES.labelsPrefix)) continue;
    for (const c of t.columns) {
      if (c.id.endsWith(':quoted')) continue;
      const users = t.rows.filter((r) => outlets.includes(r.outlet) && (r.cells[c.id]?.count ?? 0) > 0);
      const only = users[0];
      if (users.length !== 1 || !only) continue;
      const cell = only.cells[c.id];
      out.push({
        id: `only-label:${t.id}:${c.id}`,
        kind: 'only-label',
        text: `Only ${only.outlet} writes ${quote(c.label)}`,
        evidenceKey: cell?.evidenceKey ?? null,
        evidenceTitle: `${t.title}: ${c.label} — ${only.outlet}`,
        outlet: only.outlet,
        label: c.label,
      });
    }
  }
  return out;
}

/**
 * "The Jewish Chronicle cites no Gaza death toll; BNN Breaking, covering the same event, does":
 * death tolls (figure features `figure:killed…`) omitted by a visible outlet of a compared event.
 */
export function omissionFindings(snapshot: AnalysisSnapshot, outlets: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const ev of snapshot.comparison.omissions.events) {
    if (!ev.compared) continue;
    for (const f of ev.features) {
      if (f.kind !== 'figure' || !f.key.startsWith('figure:killed')) continue;
      for (const cell of ev.cells) {
        if (cell.featureKey !== f.key || cell.status !== 'omits' || !outlets.includes(cell.outlet)) continue;
        const by = cell.includedBy.filter((o) => outlets.includes(o));
        if (by.length === 0) continue;
        out.push({
          id: `omission:${ev.eventId}:${cell.outlet}:${f.key}`,
          kind: 'omission',
          text: `${cell.outlet} cites no ${bareFeature(f.label)}; ${joinOr(by, 'and')}, covering the same event, ${by.length === 1 ? 'does' : 'do'}`,
          evidenceKey: cell.evidenceKey,
          evidenceTitle: `${ev.eventName}: ${f.label} — cited by ${joinOr(by, 'and')}`,
        });
      }
    }
  }
  return out;
}

const SIGNED = (v: number): string => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(3)}`;

/** The most negative and the most positive visible outlet by mean tone. */
export function toneFindings(tables: readonly MetricTable[], outlets: readonly string[]): Finding[] {
  const table = tables.find((t) => t.id === FRAMING_TABLES.tone);
  if (!table) return [];
  const rows = table.rows
    .filter((r) => outlets.includes(r.outlet))
    .flatMap((r) => {
      const c = r.cells.mean;
      return c && c.value !== null ? [{ outlet: r.outlet, value: c.value, key: c.evidenceKey }] : [];
    });
  if (rows.length < 2) return [];
  const sorted = [...rows].sort((a, b) => a.value - b.value);
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  if (!low || !high || low.value === high.value) return [];
  const highWord = high.value > 0 ? 'most positive' : 'least negative';
  const lowWord = low.value < 0 ? 'most negative' : 'least positive';
  return [
    {
      id: `tone:low:${low.outlet}`,
      kind: 'tone',
      text: `${low.outlet} has the ${lowWord} mean tone (${SIGNED(low.value)} per word)`,
      evidenceKey: low.key,
      evidenceTitle: `${table.title} — ${low.outlet}`,
    },
    {
      id: `tone:high:${high.outlet}`,
      kind: 'tone',
      text: `${high.outlet} has the ${highWord} mean tone (${SIGNED(high.value)} per word)`,
      evidenceKey: high.key,
      evidenceTitle: `${table.title} — ${high.outlet}`,
    },
  ];
}

/**
 * "All Israel News attributes 22,835 killed and 58,316 wounded to ‘The Hamas-owned Ministry of
 * Health in Gaza’ with ‘claims’": figures whose source is introduced with a distancing verb.
 */
const MAX_NAMED_FIGURES = 3;

export function distancingFindings(figures: readonly FigureRow[], tables: readonly MetricTable[], outlets: readonly string[]): Finding[] {
  const attribution = tables.find((t) => t.id === FRAMING_TABLES.attribution);
  const groups = new Map<string, FigureRow[]>();
  for (const f of figures) {
    if (!outlets.includes(f.outlet) || f.source?.verbGrade !== 'distancing' || !f.source.verb) continue;
    const k = `${f.outlet}\u0000${f.source.label}\u0000${f.source.verb}`;
    const group = groups.get(k);
    if (group) group.push(f);
    else groups.set(k, [f]);
  }
  const out: Finding[] = [];
  const covered = new Set<string>();
  for (const rows of groups.values()) {
    const first = rows[0];
    const source = first?.source;
    if (!first || !source?.verb) continue;
    // At scale an outlet attributes hundreds of figures to one source: name a few, count the rest.
    const named = rows.slice(0, MAX_NAMED_FIGURES).map((r) => `${r.written} ${categoryLabel(r.category)}`);
    const rest = rows.length - named.length;
    const what = rest > 0 ? `${named.join(', ')} and ${String(rest)} more ${rest === 1 ? 'figure' : 'figures'}` : joinOr(named, 'and');
    const cell = attribution?.rows.find((r) => r.outlet === first.outlet)?.cells[`actor:${source.id}/distancing`];
    covered.add(`${first.outlet}\u0000${source.id}`);
    out.push({
      id: `distancing:${first.outlet}:${source.id}:${source.verb}`,
      kind: 'distancing',
      text: `${first.outlet} attributes ${what} to ${quote(source.label)} with ${quote(source.verb)}`,
      evidenceKey: rows.length > 1 && cell?.evidenceKey ? cell.evidenceKey : first.evidenceKey,
      evidenceTitle: `${source.label} · ${source.verb} — ${first.outlet}`,
    });
  }
  // Other sources the attribution table grades as distanced (statements, not figures).
  for (const col of attribution?.columns ?? []) {
    if (!col.id.endsWith('/distancing') || col.id.startsWith('grade:')) continue;
    const sourceId = col.id.slice(col.id.indexOf(':') + 1, -'/distancing'.length);
    const name = col.label.split(' · ')[0] ?? col.label;
    for (const row of attribution?.rows ?? []) {
      const c = row.cells[col.id];
      if (!outlets.includes(row.outlet) || !c || c.count === 0 || covered.has(`${row.outlet}\u0000${sourceId}`)) continue;
      out.push({
        id: `distancing:${row.outlet}:${sourceId}:table`,
        kind: 'distancing',
        text: `${row.outlet} introduces ${name} with a distancing verb${c.count > 1 ? ` (${String(c.count)} times)` : ''}`,
        evidenceKey: c.evidenceKey,
        evidenceTitle: `${col.label} — ${row.outlet}`,
      });
    }
  }
  return out;
}

/** "None of the 5 outlets quotes Hamas or Palestinian civilians directly." */
export function unquotedFindings(snapshot: AnalysisSnapshot, outlets: readonly string[]): Finding[] {
  const chart = voiceChart(snapshot.details.voices, outlets);
  const unquoted = chart.unquoted.filter((g) => g !== 'other');
  if (chart.bars.length === 0 || unquoted.length === 0) return [];
  const n = chart.bars.length;
  const who = n === 1 ? (chart.bars[0]?.outlet ?? '') : n === 2 ? 'Neither outlet' : `None of the ${String(n)} outlets`;
  const paraphrased = chart.bars.flatMap((b) =>
    b.paraphrasedOnly.filter((g) => unquoted.some((u) => u === g)).map((g) => `${b.outlet} paraphrases ${groupLabel(g)}`),
  );
  return [
    {
      id: 'unquoted',
      kind: 'unquoted',
      text: `${who} ${n === 1 ? 'quotes no' : 'quotes'} ${joinOr(unquoted.map(groupLabel))} directly${
        paraphrased.length ? ` (${paraphrased.join('; ')})` : ''
      }`,
      evidenceKey: null,
      evidenceTitle: 'Voices quoted by no outlet',
    },
  ];
}

/**
 * Every finding for the visible outlets, in FINDING_KINDS order. The distancing findings need the
 * figure rows (fetched after the snapshot): with `figures` null they are left out until the rows
 * arrive, rather than listed without the figures and changed afterwards.
 */
export function headlineFindings(snapshot: AnalysisSnapshot, figures: readonly FigureRow[] | null, outlets: readonly string[]): Finding[] {
  const tables = snapshot.comparison.tables;
  return [
    ...omissionFindings(snapshot, outlets),
    ...(figures ? distancingFindings(figures, tables, outlets) : []),
    ...toneFindings(tables, outlets),
    ...unquotedFindings(snapshot, outlets),
    ...onlyLabelFindings(tables, outlets),
  ];
}

export interface OutletLabels {
  readonly outlet: string;
  readonly labels: readonly { readonly label: string; readonly finding: Finding }[];
}

/** "Only X writes" findings gathered per outlet, in the given outlet order, for one line each. */
export function labelsByOutlet(findings: readonly Finding[], outlets: readonly string[]): OutletLabels[] {
  return outlets.flatMap((outlet) => {
    const labels = findings
      .filter((f) => f.kind === 'only-label' && f.outlet === outlet)
      .map((f) => ({ label: f.label ?? f.text, finding: f }));
    return labels.length ? [{ outlet, labels }] : [];
  });
}
