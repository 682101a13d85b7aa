/**
 * Gathers what the report shows from the live dashboard: every chart of every view (captured
 * as SVG), the findings with their first evidence sentences, and the tables, then hands them
 * to the pure report builder.
 */
import type { ExportTheme } from '../../../shared/exporting';
import type { AnalysisSnapshot } from '../../../shared/model';
import { getApi } from '../api/client';
import { figureRowsOf } from '../api/figures';
import type { FigureRow } from '../../../shared/figures';
import { figureTableRows } from '../shaping/figures';
import { FINDING_KINDS, headlineFindings } from '../shaping/findings';
import { overviewRows } from '../shaping/overview';
import type { View } from '../viewState';
import { chartToSvg, fontFaceCss } from './chartSvg';
import { chartsOnScreen, inTheme, inView, listCharts, viewLabel } from './capture';
import { buildReportHtml, evidenceSentences, type ReportChart, type ReportFinding } from './report';

/** What the dashboard shows now: the analysis and the filters applied. */
export interface DashboardContext {
  readonly snapshot: AnalysisSnapshot;
  /** Visible outlets in the user's order. */
  readonly outlets: readonly string[];
  readonly colours: ReadonlyMap<string, string>;
  /** "all 3 events · 5 of 5 outlets" */
  readonly scope: string;
  /** Articles in scope (event or date range). */
  readonly articleIds: ReadonlySet<string>;
  /** The folder as the dashboard names it ("Sample articles" for the seeds). */
  readonly folder: string;
}

/** Sentences listed under each finding in the report, from the first passages fetched. */
export const EVIDENCE_PER_FINDING = 3;
const EVIDENCE_FETCHED = 20;

export function resolvedTheme(theme: ExportTheme): 'light' | 'dark' {
  if (theme === 'light') return 'light';
  return window.matchMedia('(prefers-color-scheme: dark)').matches && document.documentElement.getAttribute('data-theme') !== 'light' ? 'dark' : 'light';
}

async function reportCharts(theme: ExportTheme, progress: (text: string) => void): Promise<ReportChart[]> {
  const all = await listCharts();
  const out: ReportChart[] = [];
  const views = [...new Set(all.map((c) => c.view))] as View[];
  for (const view of views) {
    await inView(view, () =>
      inTheme(theme, () => {
        for (const chart of chartsOnScreen(view)) {
          progress(`Building report… ${String(out.length + 1)} of ${String(all.length)} charts`);
          const figure = document.querySelector<HTMLElement>(`figure.chart[data-chart="${CSS.escape(chart.id)}"]`);
          if (!figure) continue;
          const svg = chartToSvg(figure, { embedFont: false, idPrefix: chart.id });
          out.push({ id: chart.id, title: chart.title, view: viewLabel(view), svg: svg.svg });
        }
      }),
    );
  }
  return out;
}

async function reportFindings(ctx: DashboardContext, figures: readonly FigureRow[], progress: (text: string) => void): Promise<ReportFinding[]> {
  const findings = headlineFindings(ctx.snapshot, figures, ctx.outlets);
  const byId = new Map(ctx.snapshot.articles.map((a) => [a.id, a] as const));
  const group = new Map(FINDING_KINDS.map((k) => [k.id, k.label] as const));
  const sourceOf = (id: string): string => {
    const a = byId.get(id);
    return a ? `${a.outlet.value ?? 'Unknown outlet'} — ${a.title.value ?? a.file}` : id.slice(0, 8);
  };
  const out: ReportFinding[] = [];
  for (const [i, f] of findings.entries()) {
    progress(`Building report… evidence for finding ${String(i + 1)} of ${String(findings.length)}`);
    if (!f.evidenceKey) {
      out.push({ group: group.get(f.kind) ?? f.kind, text: f.text, evidence: [], total: 0 });
      continue;
    }
    const page = await getApi().getEvidence({ key: f.evidenceKey, limit: EVIDENCE_FETCHED });
    if (!page.ok) throw new Error(`The evidence for “${f.text}” could not be read: ${page.error.message}`);
    out.push({
      group: group.get(f.kind) ?? f.kind,
      text: f.text,
      total: page.value.total,
      evidence: evidenceSentences(page.value.items, sourceOf, EVIDENCE_PER_FINDING),
    });
  }
  return out;
}

/** The whole comparison as the self-contained HTML report. */
export async function collectReportHtml(ctx: DashboardContext, theme: ExportTheme, progress: (text: string) => void = () => undefined): Promise<string> {
  const rows = await figureRowsOf(ctx.snapshot);
  if (!rows.ok) throw new Error(`The casualty figures could not be read: ${rows.error.message}`);
  const charts = await reportCharts(theme, progress);
  const findings = await reportFindings(ctx, rows.value, progress);
  const { snapshot } = ctx;
  const scoped = rows.value.filter((f) => ctx.articleIds.has(f.articleId));
  return buildReportHtml({
    folder: ctx.folder,
    generatedAt: new Date().toISOString(),
    analysedAt: snapshot.analysedAt,
    engineVersion: snapshot.engineVersion,
    lexicons: snapshot.details.lexicons,
    articleCount: snapshot.articles.length,
    outlets: ctx.outlets,
    colours: ctx.colours,
    scope: ctx.scope,
    charts,
    findings,
    outletRows: overviewRows(snapshot, ctx.outlets),
    figures: figureTableRows(scoped, ctx.outlets),
    omissions: snapshot.comparison.omissions,
    problems: snapshot.problems,
    theme: resolvedTheme(theme),
    fontCss: fontFaceCss(),
  });
}
