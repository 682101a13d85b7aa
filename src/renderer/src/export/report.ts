/**
 * The whole comparison as one self-contained HTML file that opens offline: inline CSS, every
 * chart as inline SVG, the findings with the sentences behind them, the outlet, figures and
 * omission tables, what was not compared, the files not loaded, and the versions that produced
 * it. No script and no remote URL; a strict CSP meta; every piece of article text escaped.
 * Pure: the page collects the input (charts, evidence), this only writes the file.
 */
import type { EvidenceItem } from '../../../shared/evidence';
import type { FileProblem } from '../../../shared/model';
import type { OmissionGrid } from '../../../shared/events';
import type { FigureTableRow } from '../shaping/figures';
import { FIGURE_COLUMNS } from '../shaping/figures';
import type { OverviewRow } from '../shaping/overview';
import { formatValue } from '../shaping/tables';
import { escapeXml } from './svgUtil';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export interface ReportChart {
  readonly id: string;
  readonly title: string;
  /** The view (tab) it comes from, as the dashboard names it. */
  readonly view: string;
  /** The chart as SVG (from chartToSvg without its own font: the report embeds it once). */
  readonly svg: string;
}

export interface ReportEvidence {
  /** Where the sentence comes from ("The Hill — Title"). */
  readonly source: string;
  readonly sentence: string;
  /** The highlighted words, as offsets into the sentence, in order. */
  readonly marks: readonly { readonly start: number; readonly end: number }[];
  /** Evidence passages this sentence holds. */
  readonly passages: number;
}

/**
 * Evidence passages as sentences: passages in the same sentence of the same article become one
 * sentence with several highlights. At most `max` sentences, in the order first seen.
 */
export function evidenceSentences(items: readonly EvidenceItem[], sourceOf: (articleId: string) => string, max: number): ReportEvidence[] {
  const bySentence = new Map<string, { source: string; sentence: string; marks: { start: number; end: number }[]; passages: number }>();
  for (const item of items) {
    const key = `${item.articleId}:${String(item.sentence.start)}`;
    let entry = bySentence.get(key);
    if (!entry) {
      if (bySentence.size >= max) continue;
      entry = { source: sourceOf(item.articleId), sentence: item.sentence.text, marks: [], passages: 0 };
      bySentence.set(key, entry);
    }
    entry.marks.push({ start: item.start - item.sentence.start, end: item.end - item.sentence.start });
    entry.passages += 1;
  }
  return [...bySentence.values()].map((e) => ({ ...e, marks: mergeRanges(e.marks) }));
}

/** Sorted, overlapping ranges merged. */
function mergeRanges(ranges: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

export interface ReportFinding {
  /** The group it is listed under ("Left out", "Tone", …). */
  readonly group: string;
  readonly text: string;
  readonly evidence: readonly ReportEvidence[];
  /** Passages behind the finding in all (the report lists the sentences of the first few). */
  readonly total: number;
}

export interface ReportInput {
  readonly folder: string;
  /** ISO timestamp of the export. */
  readonly generatedAt: string;
  readonly analysedAt: string;
  readonly engineVersion: string;
  /** Lexicon packs and reference series, id@version. */
  readonly lexicons: readonly string[];
  readonly articleCount: number;
  /** The outlets shown, in the user's order. */
  readonly outlets: readonly string[];
  readonly colours: ReadonlyMap<string, string>;
  /** A line on the filters applied ("all 3 events · 5 of 5 outlets"). */
  readonly scope: string;
  readonly charts: readonly ReportChart[];
  readonly findings: readonly ReportFinding[];
  readonly outletRows: readonly OverviewRow[];
  readonly figures: readonly FigureTableRow[];
  readonly omissions: OmissionGrid;
  readonly problems: readonly FileProblem[];
  /** The theme the charts were captured in (the page follows it). */
  readonly theme: 'light' | 'dark';
  /** @font-face rules for the charts' font (data: URLs), or '' to use the fallbacks. */
  readonly fontCss: string;
}

const h = escapeXml;

/** "Framescope 0.2.0, lexicon packs a@1, b@2, reference series c, 2026-11-30": the source line of every export. */
export function sourceLine(engineVersion: string, lexicons: readonly string[], date: string): string {
  const packs = lexicons.filter((l) => !l.startsWith('reference:'));
  const references = lexicons.filter((l) => l.startsWith('reference:')).map((l) => l.slice('reference:'.length));
  return [
    `Framescope ${engineVersion}`,
    packs.length ? `lexicon ${packs.length === 1 ? 'pack' : 'packs'} ${packs.join(', ')}` : '',
    references.length ? `reference series ${references.join(', ')}` : '',
    date.slice(0, 10),
  ]
    .filter(Boolean)
    .join(', ');
}

function highlighted(e: ReportEvidence): string {
  let html = '';
  let at = 0;
  for (const m of e.marks) {
    const a = Math.max(at, Math.min(e.sentence.length, m.start));
    const b = Math.max(a, Math.min(e.sentence.length, m.end));
    html += `${h(e.sentence.slice(at, a))}<mark>${h(e.sentence.slice(a, b))}</mark>`;
    at = b;
  }
  return html + h(e.sentence.slice(at));
}

function swatch(colours: ReadonlyMap<string, string>, outlet: string): string {
  const c = colours.get(outlet) ?? '#777777';
  return `<span class="swatch" style="background:${/^#[0-9a-f]{6}$/i.test(c) ? c : '#777777'}"></span>`;
}

/** "And 41 more passages.": what the listed sentences leave out. */
function more(f: ReportFinding): string {
  const rest = f.total - f.evidence.reduce((n, e) => n + e.passages, 0);
  return rest > 0 ? `<p class="muted small">And ${String(rest)} more ${rest === 1 ? 'passage' : 'passages'} in Framescope.</p>` : '';
}

function findingsSection(input: ReportInput): string {
  if (input.findings.length === 0) return '<section><h2>Findings</h2><p class="muted">Nothing stands out between the outlets shown.</p></section>';
  const groups = [...new Set(input.findings.map((f) => f.group))];
  const body = groups
    .map((g) => {
      const items = input.findings
        .filter((f) => f.group === g)
        .map((f) => {
          const ev = f.evidence.length
            ? `<ol class="evidence">${f.evidence.map((e) => `<li><blockquote>${highlighted(e)}</blockquote><div class="muted small">${h(e.source)}</div></li>`).join('')}</ol>${more(f)}`
            : '<p class="muted small">An absence: there is no sentence to show.</p>';
          return `<li class="finding"><p class="finding-text">${h(f.text)}.</p>${ev}</li>`;
        })
        .join('');
      return `<h3>${h(g)}</h3><ul class="findings">${items}</ul>`;
    })
    .join('');
  return `<section id="findings"><h2>Findings</h2>${body}</section>`;
}

function outletTable(input: ReportInput): string {
  const rows = input.outletRows
    .map(
      (r) =>
        `<tr><th scope="row">${swatch(input.colours, r.outlet)}${h(r.outlet)}</th><td>${String(r.articles)}</td><td>${r.words.toLocaleString('en-US')}</td><td>${String(r.events)}</td><td>${h(formatValue(r.tone?.value ?? null, 'tone score'))}</td><td>${h(r.distinctive.map((d) => d.term).join(', '))}</td><td>${r.figures && r.figures.count > 0 ? h(r.figures.note ?? '') : '<span class="muted">none cited</span>'}</td><td>${r.voices.length ? h(r.voices.join(', ')) : '<span class="muted">no direct quotes</span>'}</td></tr>`,
    )
    .join('');
  return `<section id="outlets"><h2>Outlets</h2><table><thead><tr><th scope="col">Outlet</th><th scope="col">Articles</th><th scope="col">Words</th><th scope="col">Events</th><th scope="col">Mean tone</th><th scope="col">Most distinctive words</th><th scope="col">Casualty figures cited</th><th scope="col">Groups quoted</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function figuresTable(input: ReportInput): string {
  if (input.figures.length === 0) return '<section id="figures"><h2>Casualty figures</h2><p class="muted">No casualty figures are cited by the outlets shown.</p></section>';
  const cell = (v: string | null, empty: string): string => (v ? h(v) : `<span class="muted">${h(empty)}</span>`);
  const rows = input.figures
    .map(
      (r) =>
        `<tr${r.misquote ? ' class="misquote"' : ''}><th scope="row">${swatch(input.colours, r.outlet)}${h(r.outlet)}</th><td>${cell(r.date, 'unknown')}</td><td>${h(r.written)}${r.inQuote ? ' <span class="muted small">(in a quote)</span>' : ''}</td><td>${h(r.category)}</td><td>${h(r.victim)}</td><td>${h(r.qualifier)}</td><td>${cell(r.source, 'none named')}</td><td>${cell(r.verb, '—')}${r.verbGrade && r.verbGrade !== 'neutral' ? ` <span class="muted small">(${h(r.verbGrade)})</span>` : ''}</td><td>${r.misquote ? '⚠ ' : ''}${cell(r.reference, 'not checked')}</td></tr>`,
    )
    .join('');
  return `<section id="figures"><h2>Casualty figures (${String(input.figures.length)})</h2><table><thead><tr>${FIGURE_COLUMNS.map((c) => `<th scope="col">${h(c.label)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

function omissionSection(input: ReportInput): string {
  const shown = new Set(input.outlets);
  const events = input.omissions.events
    .map((ev) => {
      const outlets = ev.outlets.filter((o) => shown.has(o));
      if (!ev.compared || outlets.length < 2) {
        return `<h3>${h(ev.eventName)}</h3><p class="muted">Not compared: ${h(ev.note ?? 'fewer than two of the outlets shown cover this event')}.</p>`;
      }
      const rows = ev.features
        .map((f) => {
          const cells = outlets
            .map((o) => {
              const c = ev.cells.find((x) => x.outlet === o && x.featureKey === f.key);
              if (!c) return '<td class="muted">—</td>';
              return c.status === 'includes'
                ? `<td class="inc">✓ includes${c.count > 1 ? ` (${String(c.count)})` : ''}</td>`
                : `<td class="omit">✗ leaves out <span class="muted small">(in ${h(c.includedBy.join(', '))})</span></td>`;
            })
            .join('');
          return `<tr><th scope="row">${h(f.label)}</th>${cells}</tr>`;
        })
        .join('');
      return `<h3>${h(ev.eventName)}</h3>${ev.note ? `<p class="muted small">${h(ev.note)}</p>` : ''}<table><thead><tr><th scope="col">Feature</th>${outlets.map((o) => `<th scope="col">${swatch(input.colours, o)}${h(o)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');
  return `<section id="omissions"><h2>What each outlet leaves out</h2><p class="muted small">Compared only within an event, between outlets that cover it.</p>${events || '<p class="muted">No events to compare.</p>'}</section>`;
}

function notesSection(input: ReportInput): string {
  const shown = new Set(input.outlets);
  const pairs = input.omissions.notCompared.filter((p) => shown.has(p.outlets[0]) && shown.has(p.outlets[1]));
  const items = [
    ...input.omissions.notes.map((n) => `<li>${h(n)}</li>`),
    ...pairs.map((p) => `<li>${h(p.outlets[0])} and ${h(p.outlets[1])}: ${h(p.reason)}</li>`),
  ];
  return `<section id="not-compared"><h2>What is not compared</h2>${items.length ? `<ul>${items.join('')}</ul>` : '<p class="muted">Every pair of outlets shown shares at least one event.</p>'}</section>`;
}

function problemsSection(input: ReportInput): string {
  if (input.problems.length === 0) return '<section id="problems"><h2>Files not loaded</h2><p class="muted">Every file in the folder was read.</p></section>';
  return `<section id="problems"><h2>Files not loaded or loaded with a warning (${String(input.problems.length)})</h2><ul>${input.problems
    .map((p) => `<li><code>${h(p.file)}</code> — ${h(p.message)} <span class="muted small">(${h(p.code)}${p.severity === 'warning' ? ', analysed with a warning' : ', skipped'})</span></li>`)
    .join('')}</ul></section>`;
}

function chartsSection(input: ReportInput): string {
  if (input.charts.length === 0) return '';
  const views = [...new Set(input.charts.map((c) => c.view))];
  return `<section id="charts"><h2>Charts</h2>${views
    .map(
      (v) =>
        `<h3 class="view">${h(v)}</h3>${input.charts
          .filter((c) => c.view === v)
          .map((c) => `<figure class="chart" id="${h(c.id)}">${c.svg.replace(/^<\?xml[^>]*>\s*/, '')}</figure>`)
          .join('')}`,
    )
    .join('')}</section>`;
}

function css(theme: 'light' | 'dark'): string {
  const [bg, fg, muted, border, card] = theme === 'dark' ? ['#14171b', '#e6e8eb', '#9aa3ad', '#323842', '#1d2127'] : ['#ffffff', '#1b1f24', '#5b6470', '#d7dbe0', '#f6f7f9'];
  return `
:root{color-scheme:${theme};}
body{margin:0 auto;max-width:1160px;padding:1.5rem;background:${bg};color:${fg};font:15px/1.45 Inter,'Noto Sans',Arial,sans-serif;}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid ${border};padding-bottom:.2rem}h3{font-size:1.02rem;margin:1.2rem 0 .4rem}
.muted{color:${muted}}.small{font-size:.85em}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.4rem 0 1rem}th,td{border:1px solid ${border};padding:.3rem .45rem;text-align:left;vertical-align:top}thead th{background:${card};font-weight:600}
tr.misquote td:last-child{color:#b45309;font-weight:600}td.omit{background:rgba(213,94,0,.10)}td.inc{background:rgba(0,158,115,.08)}
.swatch{display:inline-block;width:.7rem;height:.7rem;border-radius:2px;margin-right:.35rem;vertical-align:-1px}
ul.findings{list-style:none;padding:0}li.finding{margin:0 0 .9rem}.finding-text{margin:0 0 .25rem;font-weight:600}
ol.evidence{margin:0;padding-left:1.3rem}ol.evidence li{margin:.2rem 0 .4rem}blockquote{margin:0;padding-left:.6rem;border-left:3px solid ${border}}
mark{background:#ffe08a;color:#1b1f24;padding:0 .1em;border-radius:2px}
figure.chart{margin:0 0 1.2rem}figure.chart svg{max-width:100%;height:auto;display:block}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.6rem 0}dl.meta dt{color:${muted}}dl.meta dd{margin:0}
code{font-size:.9em}
@page{size:A4;margin:14mm 12mm}
@media print{body{max-width:none;padding:0;font-size:10.5pt;background:#fff}h2{break-after:avoid}h3{break-after:avoid}figure.chart,li.finding,tr{break-inside:avoid}thead{display:table-header-group}table{font-size:8.5pt}}
`;
}

/** The report as one HTML document. */
export function buildReportHtml(input: ReportInput): string {
  const title = `Framescope report — ${input.folder}`;
  const source = sourceLine(input.engineVersion, input.lexicons, input.analysedAt);
  const packs = input.lexicons.filter((l) => !l.startsWith('reference:'));
  const references = input.lexicons.filter((l) => l.startsWith('reference:')).map((l) => l.slice('reference:'.length));
  const meta = `<dl class="meta">
<dt>Folder</dt><dd>${h(input.folder)}</dd>
<dt>Shown</dt><dd>${h(input.scope)}: ${input.outlets.map((o) => `${swatch(input.colours, o)}${h(o)}`).join(', ')}</dd>
<dt>Articles</dt><dd>${String(input.articleCount)}</dd>
<dt>Analysed</dt><dd>${h(input.analysedAt)}</dd>
<dt>Exported</dt><dd>${h(input.generatedAt)}</dd>
<dt>Engine</dt><dd>Framescope ${h(input.engineVersion)}</dd>
<dt>Lexicon packs</dt><dd>${packs.length ? h(packs.join(', ')) : '<span class="muted">none</span>'}</dd>
${references.length ? `<dt>Reference series</dt><dd>${h(references.join(', '))}</dd>` : ''}
</dl>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Framescope ${h(input.engineVersion)}">
<title>${h(title)}</title>
<style>${input.fontCss}${css(input.theme)}</style>
</head>
<body>
<header><h1>${h(title)}</h1><p class="muted">${h(source)}</p>${meta}</header>
<main>
${findingsSection(input)}
${outletTable(input)}
${chartsSection(input)}
${figuresTable(input)}
${omissionSection(input)}
${notesSection(input)}
${problemsSection(input)}
</main>
<footer class="muted small"><p>${h(source)}. Every number comes with the sentences behind it in Framescope; this report lists the first passages of each finding.</p></footer>
</body>
</html>
`;
}
