/**
 * The HTML report: built from the seeds analysis with real evidence, and from a hostile one.
 * Checks it is self-contained (no script, no remote URL, strict CSP), escapes every piece of
 * article text, and carries each outlet, each finding with its evidence sentences, the tables
 * and the versions.
 */
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFolder, type Analysis } from '../../src/main/engine/index';
import type { FigureRow } from '../../src/shared/figures';
import type { AnalysisSnapshot } from '../../src/shared/model';
import { buildReportHtml, evidenceSentences, REPORT_CSP, sourceLine, type ReportFinding, type ReportInput } from '../../src/renderer/src/export/report';
import { figureTableRows } from '../../src/renderer/src/shaping/figures';
import { FINDING_KINDS, headlineFindings } from '../../src/renderer/src/shaping/findings';
import { overviewRows } from '../../src/renderer/src/shaping/overview';
import { outletColours } from '../../src/renderer/src/theme';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** The few DOM members these checks use (the node test project has no DOM library). */
interface El {
  readonly textContent: string;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El> & { readonly length: number };
}
const parse = (html: string): El => (parseHTML as unknown as (h: string) => { document: El })(html).document;

let analysis: Analysis;
let snapshot: AnalysisSnapshot;
let figures: readonly FigureRow[];
let findings: ReportFinding[];

async function reportFindings(a: Analysis, outlets: readonly string[]): Promise<ReportFinding[]> {
  const label = new Map(FINDING_KINDS.map((k) => [k.id, k.label] as const));
  const out: ReportFinding[] = [];
  for (const f of headlineFindings(a.snapshot, await a.figures(), outlets)) {
    const page = f.evidenceKey ? await a.evidence(f.evidenceKey, 0, 20) : null;
    out.push({
      group: label.get(f.kind) ?? f.kind,
      text: f.text,
      total: page?.total ?? 0,
      evidence: evidenceSentences(page?.items ?? [], (id) => id.slice(0, 8), 3),
    });
  }
  return out;
}

function input(over: Partial<ReportInput> = {}): ReportInput {
  const outlets = snapshot.outlets.map((o) => o.name);
  return {
    folder: 'Sample articles',
    generatedAt: '2026-11-30T12:00:00.000Z',
    analysedAt: snapshot.analysedAt,
    engineVersion: snapshot.engineVersion,
    lexicons: snapshot.details.lexicons,
    articleCount: snapshot.articles.length,
    outlets,
    colours: outletColours(outlets),
    scope: 'all 3 events · 5 of 5 outlets',
    charts: [{ id: 'chart-x', title: 'Chart X', view: 'Tone', svg: '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><title>Chart X</title><rect width="10" height="10" fill="#0072b2"/></svg>' }],
    findings,
    outletRows: overviewRows(snapshot, outlets),
    figures: figureTableRows(figures, outlets),
    omissions: snapshot.comparison.omissions,
    problems: snapshot.problems,
    theme: 'light',
    fontCss: '',
    ...over,
  };
}

beforeAll(async () => {
  analysis = await analyzeFolder('seeds');
  snapshot = analysis.snapshot;
  figures = await analysis.figures();
  findings = await reportFindings(analysis, snapshot.outlets.map((o) => o.name));
});

describe('buildReportHtml on the seeds', () => {
  it('is one self-contained document: strict CSP, no script, no remote URL, no event handlers', () => {
    const html = buildReportHtml(input());
    expect(html).toContain(`content="${REPORT_CSP}"`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
    const document = parse(html);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelector('title')?.textContent).toBe('Framescope report — Sample articles');
  });

  it('names every outlet in the outlet table', () => {
    const document = parse(buildReportHtml(input()));
    const rows = [...document.querySelectorAll('#outlets tbody th')].map((th) => th.textContent.trim());
    expect(rows).toEqual(snapshot.outlets.map((o) => o.name));
  });

  it('lists each finding with its evidence sentences, the words highlighted', () => {
    expect(findings.length).toBeGreaterThan(3);
    const withEvidence = findings.filter((f) => f.evidence.length > 0);
    expect(withEvidence.length).toBeGreaterThan(2);
    const document = parse(buildReportHtml(input()));
    const items = [...document.querySelectorAll('li.finding')];
    expect(items).toHaveLength(findings.length);
    for (const [i, f] of findings.entries()) {
      const item = items[i];
      expect(item?.querySelector('.finding-text')?.textContent).toBe(`${f.text}.`);
      const quotes = [...(item?.querySelectorAll('blockquote') ?? [])];
      expect(quotes).toHaveLength(f.evidence.length);
      f.evidence.forEach((e, j) => {
        expect(quotes[j]?.textContent).toBe(e.sentence);
        expect([...(quotes[j]?.querySelectorAll('mark') ?? [])].map((m) => m.textContent)).toEqual(e.marks.map((m) => e.sentence.slice(m.start, m.end)));
      });
    }
    // The seeds' signature finding: only Xinhua writes "occupied West Bank", with its sentence.
    const westBank = items.find((li) => li.textContent.includes('occupied West Bank') && li.textContent.includes('Xinhua'));
    expect(westBank?.querySelector('mark')?.textContent.toLowerCase()).toContain('occupied west bank');
  });

  it('has the figures table, the omission grid, what is not compared, the charts inline and the versions', () => {
    const html = buildReportHtml(input());
    const document = parse(html);
    expect(document.querySelectorAll('#figures tbody tr')).toHaveLength(figures.length);
    expect(document.querySelector('#figures')?.textContent).toContain('22,835');
    expect(document.querySelectorAll('#omissions table').length).toBeGreaterThan(0);
    expect(document.querySelector('#not-compared')).not.toBeNull();
    expect(document.querySelector('#charts figure#chart-x svg title')?.textContent).toBe('Chart X');
    expect(html).not.toContain('<?xml');
    expect(html).toContain(`Framescope ${snapshot.engineVersion}`);
    for (const pack of snapshot.details.lexicons.filter((l) => !l.startsWith('reference:'))) expect(html).toContain(pack);
  });

  it('says how many passages the listed sentences leave out', () => {
    const one = { source: 's', sentence: 'A b c.', marks: [{ start: 0, end: 1 }], passages: 2 };
    const html = (total: number): string => buildReportHtml(input({ findings: [{ group: 'Tone', text: 'T', total, evidence: [one] }] }));
    expect(html(2)).not.toContain('more passage');
    expect(html(3)).toContain('And 1 more passage in Framescope.');
    expect(html(44)).toContain('And 42 more passages in Framescope.');
  });

  it('paginates for print', () => {
    const html = buildReportHtml(input());
    expect(html).toContain('@page');
    expect(html).toMatch(/@media print\{[^]*break-inside:avoid/);
  });
});

describe('buildReportHtml escapes article text', () => {
  it('shows a hostile title, outlet, sentence and file name as text, never as markup', () => {
    const html = buildReportHtml(
      input({
        folder: HOSTILE,
        outlets: [HOSTILE, 'The Hill'],
        findings: [{ group: HOSTILE, text: `Only ${HOSTILE} writes ‘x’`, total: 1, evidence: [{ source: `${HOSTILE} — ${HOSTILE}`, sentence: `He said ${HOSTILE} and <script>alert(2)</script>.`, marks: [{ start: 8, end: 8 + HOSTILE.length }], passages: 1 }] }],
        problems: [{ file: `${HOSTILE}.txt`, code: 'empty', message: `${HOSTILE} is empty` }],
        outletRows: [{ outlet: HOSTILE, articles: 1, words: 10, events: 1, tone: null, distinctive: [{ term: HOSTILE, evidenceKey: null }], figures: null, voices: [HOSTILE] }],
      }),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const document = parse(html);
    expect(document.querySelectorAll('img, script')).toHaveLength(0);
    expect(document.querySelector('blockquote mark')?.textContent).toBe(HOSTILE);
    expect(document.querySelector('#outlets tbody th')?.textContent.trim()).toBe(HOSTILE);
    expect(document.querySelector('#problems code')?.textContent).toBe(`${HOSTILE}.txt`);
  });

  it('keeps a colour that is not a hex colour out of the style attribute', () => {
    const html = buildReportHtml(input({ colours: new Map([['The Hill', 'red;background:url(//evil)']]) }));
    expect(html).not.toContain('evil');
  });
});

describe('evidenceSentences', () => {
  const item = (articleId: string, sStart: number, start: number, end: number) => ({
    articleId,
    start,
    end,
    text: 'x',
    rule: 'r',
    weight: 1,
    sentence: { start: sStart, end: sStart + 40, text: 'The ministry claims 22,835 were killed.' },
  });
  it('puts passages of one sentence together, highlights merged, at most max sentences', () => {
    const out = evidenceSentences([item('a', 100, 113, 119), item('a', 100, 104, 112), item('a', 100, 113, 119), item('b', 0, 4, 12), item('c', 0, 4, 12)], (id) => `outlet ${id}`, 2);
    expect(out).toEqual([
      { source: 'outlet a', sentence: 'The ministry claims 22,835 were killed.', marks: [{ start: 4, end: 12 }, { start: 13, end: 19 }], passages: 3 },
      { source: 'outlet b', sentence: 'The ministry claims 22,835 were killed.', marks: [{ start: 4, end: 12 }], passages: 1 },
    ]);
  });
});

describe('sourceLine', () => {
  it('names the engine, the lexicon packs, the reference series and the date', () => {
    expect(sourceLine('0.2.0', ['afinn-165@5.0.2', 'referents@1.0.0', 'reference:gaza-moh-daily'], '2026-11-30T10:00:00Z')).toBe(
      'Framescope 0.2.0, lexicon packs afinn-165@5.0.2, referents@1.0.0, reference series gaza-moh-daily, 2026-11-30',
    );
    expect(sourceLine('0.2.0', ['topics@1.0.0'], '2026-01-02')).toBe('Framescope 0.2.0, lexicon pack topics@1.0.0, 2026-01-02');
  });
});
