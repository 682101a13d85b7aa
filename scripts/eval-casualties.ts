/**
 * Accuracy report of the figures measure over hand-tagged casualty mentions (a report, never a
 * pass/fail test): CSV files with columns `sentence`, `category` (palestine | israel | both) and
 * `article_date`, one death mention per row (hollyjackson/casualty_mentions_nyt format).
 *
 *   npx tsx scripts/eval-casualties.ts <folder-or-csv>
 *
 * Per file it prints:
 * - mention recall: rows where the measure finds a death figure (category killed or fighters
 *   killed), over all rows and over the rows whose sentence contains a digit;
 * - figure recall: rows with a digit where any figure is found; and "count rows": rows whose
 *   digits are not all dates, years, times, ages or ordinals (read by an independent regular
 *   expression below, not by the measure), the fairer denominator, since most digits in captions
 *   are dates;
 * - category accuracy: among rows with a figure, the share where a figure is a death figure
 *   (every row is a death mention);
 * - digit accuracy: among figures written with digits, the share whose value equals an
 *   independent re-reading of the written digits (thousands separators, "2 million");
 * - victim-group accuracy: among rows with a death figure and a named victim group, the share
 *   whose group (Palestinians, people in Gaza or fighters → palestine; Israelis → israel; both
 *   → both) equals the tag; "coverage" is the share of death-figure rows with a named group.
 * It ends with one JSON line of the totals.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { FIGURES, figureComponents } from '../src/main/engine/figures';
import { createPipeline } from '../src/main/engine/pipeline';
import { buildDoc } from '../src/main/engine/text/buildDoc';
import { quotesComponent } from '../src/main/engine/text/quotes';

interface Row {
  readonly sentence: string;
  readonly category: string;
  readonly article_date?: string;
}

interface Counts {
  rows: number;
  digitRows: number;
  countRows: number;
  deathCountRows: number;
  deathRows: number;
  deathDigitRows: number;
  figureDigitRows: number;
  figureRows: number;
  categoryRight: number;
  digitFigures: number;
  digitRight: number;
  groupRows: number;
  groupRight: number;
}

const empty = (): Counts => ({
  rows: 0,
  digitRows: 0,
  countRows: 0,
  deathCountRows: 0,
  deathRows: 0,
  deathDigitRows: 0,
  figureDigitRows: 0,
  figureRows: 0,
  categoryRight: 0,
  digitFigures: 0,
  digitRight: 0,
  groupRows: 0,
  groupRight: 0,
});

const MULT: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/** Independent reading of a figure written with digits: "more than 1,300" → 1300, "2.5 million" → 2500000. */
function reread(written: string): number | null {
  const m = /(\d[\d,.]*)\s*(hundred|thousand|million|billion)?/i.exec(written);
  if (!m?.[1]) return null;
  const base = Number(m[1].replace(/,/g, ''));
  return base * (m[2] ? (MULT[m[2].toLowerCase()] ?? 1) : 1);
}

const NOT_COUNTS = [
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{4})?/g,
  /\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*/g,
  /\b(?:19|20)\d\d\b/g,
  /\b\d{1,2}:\d\d\b/g,
  /\b\d+(?:st|nd|rd|th)\b/g,
  /,\s*\d{1,3}\s*,/g,
  /\d+-year-old|\d+-\s/g,
  /\b\d+\/\d+\b/g,
];

/** True when the sentence has a digit left after dates, years, times, ordinals and ages are removed. */
function hasCountDigits(text: string): boolean {
  let t = text;
  for (const re of NOT_COUNTS) t = t.replace(re, ' ');
  return /\d/.test(t);
}

function isoDate(raw: string | undefined): string | null {
  if (!raw) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  return us ? `${us[3] ?? ''}-${(us[1] ?? '').padStart(2, '0')}-${(us[2] ?? '').padStart(2, '0')}` : null;
}

const pipeline = createPipeline([quotesComponent, ...figureComponents(null, { reference: null })]);

function evaluate(file: string): Counts {
  const rows = parse<Row>(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true });
  const c = empty();
  rows.forEach((row, i) => {
    const text = row.sentence.trim();
    const doc = buildDoc(`${path.basename(file)}#${String(i)}`, text);
    const figures = pipeline.run(doc, { id: doc.articleId, outlet: null, title: null, date: isoDate(row.article_date) }).get(FIGURES);
    const digits = /\d/.test(text);
    const deaths = figures.filter((f) => f.record.category === 'killed' || f.record.category === 'fighters-killed');
    c.rows += 1;
    if (digits) c.digitRows += 1;
    const counts = hasCountDigits(text);
    if (counts) c.countRows += 1;
    if (counts && deaths.length > 0) c.deathCountRows += 1;
    if (deaths.length > 0) c.deathRows += 1;
    if (deaths.length > 0 && digits) c.deathDigitRows += 1;
    if (figures.length > 0) {
      c.figureRows += 1;
      if (digits) c.figureDigitRows += 1;
      if (deaths.length > 0) c.categoryRight += 1;
    }
    for (const f of figures) {
      if (!/\d/.test(f.record.written) || f.record.value.value === null) continue;
      c.digitFigures += 1;
      if (reread(f.record.written) === f.record.value.value) c.digitRight += 1;
    }
    const groups = new Set<string>();
    for (const f of deaths) {
      const g = f.record.victimGroup;
      if (g === 'israelis') groups.add('israel');
      else if (g !== 'unspecified') groups.add('palestine');
    }
    if (groups.size > 0) {
      c.groupRows += 1;
      const predicted = groups.size === 2 ? 'both' : [...groups][0];
      if (predicted === row.category.trim()) c.groupRight += 1;
    }
  });
  return c;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

function metrics(c: Counts): Record<string, number> {
  return {
    rows: c.rows,
    digitRows: c.digitRows,
    mentionRecall: ratio(c.deathRows, c.rows),
    mentionRecallDigits: ratio(c.deathDigitRows, c.digitRows),
    countRows: c.countRows,
    mentionRecallCounts: ratio(c.deathCountRows, c.countRows),
    figureRecallDigits: ratio(c.figureDigitRows, c.digitRows),
    categoryAccuracy: ratio(c.categoryRight, c.figureRows),
    digitAccuracy: ratio(c.digitRight, c.digitFigures),
    victimGroupAccuracy: ratio(c.groupRight, c.groupRows),
    victimGroupCoverage: ratio(c.groupRows, c.deathRows),
  };
}

function main(): void {
  const target = process.argv[2];
  if (target === undefined) {
    process.stderr.write('usage: npx tsx scripts/eval-casualties.ts <folder-or-csv>\n');
    process.exit(2);
  }
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => f.endsWith('.csv'))
        .sort()
        .map((f) => path.join(target, f))
    : [target];
  const total = empty();
  const started = performance.now();
  for (const file of files) {
    const c = evaluate(file);
    for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
    const m = metrics(c);
    process.stdout.write(
      `${path.basename(file)}: rows ${String(m.rows)}, mention recall ${String(m.mentionRecall)} (digits ${String(m.mentionRecallDigits)}, counts ${String(m.mentionRecallCounts)}), ` +
        `figure recall (digits) ${String(m.figureRecallDigits)}, category ${String(m.categoryAccuracy)}, digits ${String(m.digitAccuracy)}, ` +
        `victim group ${String(m.victimGroupAccuracy)} (coverage ${String(m.victimGroupCoverage)})\n`,
    );
  }
  process.stdout.write(`${JSON.stringify({ files: files.length, seconds: Math.round(performance.now() - started) / 1000, ...metrics(total) })}\n`);
}

main();
