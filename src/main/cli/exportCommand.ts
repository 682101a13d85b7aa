/**
 * `framescope export`: the app's exports from the command line.
 *
 * csv and json run in plain Node (the engine and the data export). html, pdf, png and svg are
 * made by the dashboard itself: the browser-mode server is started in this process on the
 * folder, headless Chromium opens the dashboard, and the page's export hook
 * (`window.framescopeExport`) returns the same files its export menus save. The PDF is that
 * report printed by the same Chromium printer browser mode uses.
 *
 * Every output is checked before the analysis starts (safe name, existing folder, nothing
 * replaced without --force) and written atomically; a failure leaves nothing behind.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  DATA_TABLES,
  EXPORT_FORMATS,
  EXPORT_HOOK_NAME,
  PNG_SCALES,
  safeFileName,
  type DataTable,
  type ExportFormat,
  type ExportHook,
  type ExportTheme,
  type ExportableChart,
  type PngScale,
} from '../../shared/exporting';
import type { Progress } from '../../shared/model';
import { CodedError } from '../../shared/result';
import { startBrowserServer } from '../browser/server';
import { analyzeFolder, type Analysis, type AnalyzeOptions } from '../engine';
import { buildDataTables, dataJson, tableCsv } from '../export/data';
import { launchChromium, printHtmlToPdf } from '../export/chromium';
import { checkTarget, writeFileSafely, writeFolderSafely, type FolderFile } from '../files/safeWrite';
import { createService } from '../service';

export interface ExportArgs {
  readonly folder: string;
  readonly format: ExportFormat;
  /** Absent only with `--chart list`. */
  readonly out: string | undefined;
  readonly chart: string | undefined;
  readonly table: DataTable | undefined;
  readonly theme: ExportTheme;
  readonly scale: PngScale;
  readonly force: boolean;
}

export interface ExportEnv {
  readonly say: (line: string) => void;
  readonly stdout: (text: string) => void;
  readonly onProgress: (p: Progress) => void;
  readonly analyze: Pick<AnalyzeOptions, 'workerFile' | 'cacheDir' | 'recursive'>;
  /** The built dashboard (out/renderer); needed for html, pdf, png and svg. */
  readonly rendererDir: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
}

/** A usage mistake found while parsing: exit code 2. */
export class UsageError extends Error {}

const VISUAL: ReadonlySet<ExportFormat> = new Set(['html', 'pdf', 'png', 'svg']);

/** Checks and normalises the export options; throws UsageError with what to change. */
export function parseExportArgs(
  positionals: readonly string[],
  values: { format?: string | undefined; out?: string | undefined; chart?: string | undefined; table?: string | undefined; theme?: string | undefined; scale?: string | undefined; force?: boolean | undefined },
): ExportArgs {
  const [folder, ...extra] = positionals;
  if (!folder || extra.length) throw new UsageError('give exactly one folder');
  const format = values.format;
  if (format === undefined) throw new UsageError(`--format is required (${EXPORT_FORMATS.join(', ')})`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format “${format.slice(0, 40)}”; use one of ${EXPORT_FORMATS.join(', ')}`);
  const f = format as ExportFormat;
  if (values.table !== undefined) {
    if (f !== 'csv') throw new UsageError('--table goes with --format csv (the JSON export always holds every table)');
    if (!(DATA_TABLES as readonly string[]).includes(values.table)) {
      throw new UsageError(`unknown table “${values.table.slice(0, 40)}”; the tables are ${DATA_TABLES.join(', ')}`);
    }
  }
  if (values.chart !== undefined && f !== 'png' && f !== 'svg') throw new UsageError('--chart goes with --format png or svg');
  // Like the app: a PDF is printed in the light theme unless asked otherwise.
  const theme = values.theme ?? (f === 'pdf' ? 'light' : 'current');
  if (theme !== 'current' && theme !== 'light') throw new UsageError('--theme is current or light');
  const scale = Number(values.scale ?? '2');
  if (!(PNG_SCALES as readonly number[]).includes(scale)) throw new UsageError('--scale is 1, 2 or 3');
  if (values.scale !== undefined && f !== 'png') throw new UsageError('--scale goes with --format png');
  const listing = values.chart === 'list';
  if (!listing && !values.out) throw new UsageError('--out is required: the file (or, for several files, the new folder) to write');
  return {
    folder,
    format: f,
    out: values.out,
    chart: values.chart,
    table: values.table as DataTable | undefined,
    theme,
    scale: scale as PngScale,
    force: values.force ?? false,
  };
}

/** Whether the export writes a folder of files rather than one file. */
export function writesFolder(args: ExportArgs): boolean {
  return (args.format === 'csv' && args.table === undefined) || ((args.format === 'png' || args.format === 'svg') && args.chart === undefined);
}

async function requireFolder(folder: string): Promise<void> {
  const info = await stat(folder).catch(() => null);
  if (!info) throw new CodedError('E_FOLDER_UNREADABLE', `The folder ${folder} does not exist.`);
  if (!info.isDirectory()) throw new CodedError('E_FOLDER_UNREADABLE', `${folder} is a file, not a folder of articles.`);
}

/** Runs one export; returns the paths written (empty for `--chart list`). */
export async function runExport(args: ExportArgs, env: ExportEnv): Promise<readonly string[]> {
  await requireFolder(args.folder);
  const listing = args.chart === 'list';
  const target = args.out === undefined ? undefined : path.resolve(args.out);
  if (target !== undefined && !listing) await checkTarget(target, { kind: writesFolder(args) ? 'folder' : 'file', overwrite: args.force });
  if (VISUAL.has(args.format) && !env.rendererDir) {
    throw new CodedError('E_UNSUPPORTED', `--format ${args.format} needs the built dashboard; run “npx electron-vite build” first.`);
  }

  if (args.format === 'csv' || args.format === 'json') {
    const analysis = await analyzeFolder(args.folder, { ...env.analyze, onProgress: env.onProgress });
    reportProblems(analysis, env);
    if (target === undefined) throw new CodedError('E_INTERNAL');
    return writeData(analysis, args, target, env);
  }
  return exportVisual(args, target, env);
}

function reportProblems(analysis: Analysis, env: ExportEnv): void {
  for (const problem of analysis.snapshot.problems) env.say(`skipped ${problem.file}: ${problem.message}`);
}

async function writeData(analysis: Analysis, args: ExportArgs, target: string, env: ExportEnv): Promise<readonly string[]> {
  env.say('building the data tables…');
  const tables = await buildDataTables(analysis);
  if (args.format === 'json') {
    await writeFileSafely(target, `${JSON.stringify(dataJson(analysis.snapshot, tables), null, 2)}\n`, { overwrite: args.force });
    return [target];
  }
  if (args.table !== undefined) {
    await writeFileSafely(target, tableCsv(args.table, tables[args.table]), { overwrite: args.force });
    return [target];
  }
  const files: FolderFile[] = DATA_TABLES.map((t) => ({ name: `${t}.csv`, data: tableCsv(t, tables[t]) }));
  await writeFolderSafely(target, files, { overwrite: args.force });
  return files.map((f) => path.join(target, f.name));
}

/** Calls one method of the page's export hook. */
async function callHook<T>(page: Page, method: keyof ExportHook, arg?: unknown, options?: unknown): Promise<T> {
  return page.evaluate(
    async ({ name, method: m, arg: a, options: o }) => {
      const hook = (globalThis as unknown as Record<string, Record<string, (...xs: unknown[]) => Promise<unknown>> | undefined>)[name];
      const fn = hook?.[m];
      if (!fn) throw new Error(`the dashboard has no export hook method ${m}`);
      return (await (a === undefined ? fn.call(hook) : o === undefined ? fn.call(hook, a) : fn.call(hook, a, o))) as T;
    },
    { name: EXPORT_HOOK_NAME, method, arg, options },
  );
}

/** How long the dashboard may take to show the (already analysed) folder. */
const HOOK_TIMEOUT_MS = 120_000;
/** Once it shows it, the hook is installed at once; a dashboard without one is told apart quickly. */
const HOOK_WAIT_MS = 15_000;

async function exportVisual(args: ExportArgs, target: string | undefined, env: ExportEnv): Promise<readonly string[]> {
  const service = createService({
    seedsDir: args.folder,
    analyze: (dir, options) => analyzeFolder(dir, { ...options, ...env.analyze }),
  });
  service.onProgress(env.onProgress);
  const opened = await service.open(args.folder);
  if (!opened.ok) throw new CodedError(opened.error.code, opened.error.message);
  for (const problem of opened.value.problems) env.say(`skipped ${problem.file}: ${problem.message}`);
  if (!env.rendererDir) throw new CodedError('E_INTERNAL');

  const server = await startBrowserServer({ service, rendererDir: env.rendererDir });
  let browser: Browser | null = null;
  try {
    env.say('starting Chromium…');
    browser = await launchChromium(env.env);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(server.url);
    try {
      await page.waitForSelector('[data-ready="true"]', { state: 'attached', timeout: HOOK_TIMEOUT_MS });
      await page.waitForFunction((name) => name in globalThis, EXPORT_HOOK_NAME, { timeout: HOOK_WAIT_MS });
    } catch {
      throw new CodedError('E_EXPORT_FAILED', `The dashboard did not show the analysis with its export hook (window.${EXPORT_HOOK_NAME}); nothing was written.`);
    }
    const options = { theme: args.theme };

    if (args.format === 'html' || args.format === 'pdf') {
      env.say('building the report…');
      const html = await callHook<string>(page, 'reportHtml', options);
      if (target === undefined) throw new CodedError('E_INTERNAL');
      if (args.format === 'html') {
        await writeFileSafely(target, html, { overwrite: args.force });
      } else {
        env.say('printing the report to PDF…');
        await writeFileSafely(target, await printHtmlToPdf(browser, html), { overwrite: args.force });
      }
      return [target];
    }

    const charts = await callHook<readonly ExportableChart[]>(page, 'charts');
    if (args.chart === 'list') {
      for (const c of charts) env.stdout(`${c.id}\t${c.view}\t${c.title}\n`);
      return [];
    }
    const chosen = args.chart === undefined ? charts : charts.filter((c) => c.id === args.chart);
    if (args.chart !== undefined && chosen.length === 0) {
      throw new UsageError(`no chart “${args.chart.slice(0, 80)}”; run with --chart list to see the ${charts.length} chart ids`);
    }
    if (target === undefined) throw new CodedError('E_INTERNAL');
    const files: FolderFile[] = [];
    for (const [i, c] of chosen.entries()) {
      env.say(`exporting ${c.id} (${i + 1}/${chosen.length})`);
      const data =
        args.format === 'svg'
          ? await callHook<string>(page, 'chartSvg', c.id, options)
          : Buffer.from(await callHook<string>(page, 'chartPng', c.id, { ...options, scale: args.scale }), 'base64');
      files.push({ name: safeFileName(c.id, args.format), data });
    }
    if (args.chart !== undefined) {
      const only = files[0];
      if (!only) throw new CodedError('E_INTERNAL');
      await writeFileSafely(target, only.data, { overwrite: args.force });
      return [target];
    }
    await writeFolderSafely(target, files, { overwrite: args.force });
    return files.map((f) => path.join(target, f.name));
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
  }
}
