/**
 * Figures across articles: the outlet × figure-kind table, the full records as rows for the
 * figures table and timeline (each with its evidence key), and omission-grid features.
 */
import type { Cell, MetricTable } from '../../../shared/comparison';
import type { FigureRow } from '../../../shared/figures';
import { distinctEvidence, evidenceKey, outletOf, scopeKey, type AnalysedArticle, type Aggregator, type EvidenceStore, type Feature, type FeatureSource } from '../aggregate';
import { FEATURE_LABELS, type FigureFinding } from './extract';
import { FIGURES } from './slots';


function findings(a: AnalysedArticle): readonly FigureFinding[] {
  return a.results.has(FIGURES) ? a.results.get(FIGURES) : [];
}

/** Every figure record of the articles as a row, its evidence stored under "figure|<id>". */
export function figureRows(articles: readonly AnalysedArticle[], store: EvidenceStore): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const a of articles) {
    for (const f of findings(a)) {
      const key = store.put(evidenceKey('figure', f.record.id), `${f.record.written} (${outletOf(a)})`, f.evidence);
      rows.push({ ...f.record, outlet: outletOf(a), evidenceKey: key });
    }
  }
  return rows.sort((x, y) => (x.asOf ?? '').localeCompare(y.asOf ?? '') || x.outlet.localeCompare(y.outlet, 'en'));
}

const KEY_ORDER = Object.keys(FEATURE_LABELS);

/**
 * Figures per outlet by kind: one column per feature key found (the known kinds first), each cell
 * the number of distinct citations with the values as written in its note; an outlet that cites
 * no figure of a kind gets a zero cell without evidence.
 */
export const figuresAggregator: Aggregator = {
  id: 'figures',
  tables(articles, outlets, store, scope) {
    const keys = new Set<string>();
    for (const a of articles) for (const f of findings(a)) keys.add(f.record.featureKey);
    const columns = [...keys].sort((x, y) => {
      const ix = KEY_ORDER.indexOf(x);
      const iy = KEY_ORDER.indexOf(y);
      return (ix === -1 ? 99 : ix) - (iy === -1 ? 99 : iy) || x.localeCompare(y);
    });
    const table: MetricTable = {
      id: 'figures',
      title: 'Casualty figures cited, by kind',
      unit: 'distinct figures cited',
      columns: [{ id: 'all', label: 'all figures' }, ...columns.map((k) => ({ id: k, label: FEATURE_LABELS[k] ?? k.replace(/^figure:/, '') }))],
      rows: outlets.map((outlet) => {
        const mine = articles.filter((a) => outletOf(a) === outlet).flatMap((a) => findings(a));
        const cells: Record<string, Cell> = {};
        const cell = (id: string, list: readonly FigureFinding[]): Cell => {
          if (list.length === 0) return { value: 0, count: 0, evidenceKey: null, note: 'none cited' };
          const key = store.put(evidenceKey('figures', outlet, id, scopeKey(scope)), `${id} in ${outlet}`, distinctEvidence(list.flatMap((f) => f.evidence)));
          return { value: list.length, count: list.length, evidenceKey: key, note: list.map((f) => f.record.written).join('; ') };
        };
        cells.all = cell('all', mine);
        for (const k of columns) cells[k] = cell(k, mine.filter((f) => f.record.featureKey === k));
        return { outlet, cells };
      }),
    };
    return [table];
  },
};

/** One feature per figure kind the article cites, e.g. "figure:killed/gaza" — "a Gaza death toll". */
export const figureFeatures: FeatureSource = (article) => {
  const by = new Map<string, FigureFinding[]>();
  for (const f of findings(article)) {
    const list = by.get(f.record.featureKey) ?? [];
    list.push(f);
    by.set(f.record.featureKey, list);
  }
  const out: Feature[] = [];
  for (const [key, list] of by) {
    out.push({ kind: 'figure', key, label: FEATURE_LABELS[key] ?? `a figure: ${key.replace(/^figure:/, '')}`, evidence: list.flatMap((f) => f.evidence) });
  }
  return out;
};
