/**
 * Regenerates docs/examples/report.pdf (the seeds comparison exported by the command line, as a
 * user would: `framescope export seeds --format pdf --theme light`) and
 * docs/examples/report-page1.png (its first page rendered by pdfjs-dist), so the committed
 * example shows what the export really produces.
 *
 *   npx electron-vite build && npx tsx scripts/export-pdf-example.ts
 *
 * Needs Chromium (FRAMESCOPE_CHROMIUM or /usr/bin/chromium).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileSafely } from '../src/main/files/safeWrite';
import { readPdf, renderPdfPage } from '../test/e2e/pdf';

const OUT = path.resolve('docs', 'examples');
const work = await mkdtemp(path.join(os.tmpdir(), 'framescope-pdf-example-'));
try {
  const pdfFile = path.join(work, 'report.pdf');
  execFileSync(process.execPath, ['bin/framescope.mjs', 'export', 'seeds', '--format', 'pdf', '--theme', 'light', '--out', pdfFile], { stdio: 'inherit' });
  const pdf = await readFile(pdfFile);
  const { pages, text } = await readPdf(pdf);
  await mkdir(OUT, { recursive: true });
  await writeFileSafely(path.join(OUT, 'report.pdf'), pdf, { overwrite: true });
  const png = await renderPdfPage(pdf, 1, 1.5);
  await writeFileSafely(path.join(OUT, 'report-page1.png'), png, { overwrite: true });
  process.stderr.write(
    `wrote docs/examples/report.pdf (${String(pages)} pages, ${String(pdf.length)} bytes, ${String(text.join(' ').length)} characters of text) and docs/examples/report-page1.png (${String(png.length)} bytes)\n`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
