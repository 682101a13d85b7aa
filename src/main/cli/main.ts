/**
 * The command line, for batch work and scripts. Runs in plain Node (no Electron).
 *
 *   framescope analyze <folder> [--out file.json] [--force]
 *   framescope export <folder> --format csv|json|html|pdf|png|svg --out <path> [options]
 *   framescope --help
 *
 * Exit codes: 0 success, 1 analysis or write failure, 2 usage error.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import type { Progress } from '../../shared/model';
import { CodedError } from '../../shared/result';
import { ENGINE_VERSION } from '../../shared/version';
import { analyzeFolder, type AnalyzeOptions } from '../engine';
import { checkTarget, writeFileSafely } from '../files/safeWrite';
import { dataExportText } from '../export/data';
import { UsageError, parseExportArgs, runExport, type ExportArgs } from './exportCommand';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const HELP = `Framescope ${ENGINE_VERSION} — how news outlets frame the same events

Usage:
  framescope analyze <folder> [--out <file.json>] [--force] [--recursive]
      Analyse a folder of articles and write the comparison as JSON
      (to standard output when --out is not given): the same document as
      export --format json.

  framescope export <folder> --format <format> --out <path> [options]
      Export what the app exports:
        json   every data table in one document (with a schemaVersion)
        csv    one table with --table <name>; without it, --out is a new
               folder with one CSV file per table
        html   the whole comparison as one self-contained report
        pdf    that report, printed
        svg    one chart with --chart <id>; without it, --out is a new
        png    folder with every chart (--chart list prints the chart ids)
      html, pdf, png and svg open the dashboard in headless Chromium
      (FRAMESCOPE_CHROMIUM, else /usr/bin/chromium).

Options:
  --out <path>     Write to this file or new folder; nothing existing is
                   replaced without --force.
  --force          Replace an existing output file (or the files of the same
                   names in an existing output folder).
  --table <name>   articles, sentences, labels, attribution, figures, quotes,
                   topics, events or omissions (csv only).
  --chart <id>     One chart (png, svg); "list" prints every chart id.
  --theme <t>      current or light (the default for pdf; headless Chromium
                   shows the light theme, so both match there).
  --scale <n>      PNG pixel ratio: 1, 2 (default) or 3.
  --quiet          No progress on standard error.
  --no-cache       Analyse every file again instead of reusing cached results.
  --recursive      Read articles in subfolders too.
  -h, --help       Show this help.

Exit codes: 0 success, 1 the analysis or the export failed (nothing is left
behind), 2 wrong usage.
`;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

function describe(p: Progress): string {
  switch (p.phase) {
    case 'listing':
      return 'listing files…';
    case 'reading':
      return `reading ${p.done}/${p.total}`;
    case 'analysing':
      return p.done > 0 && p.done < p.total
        ? `analysed ${p.done}/${p.total}${p.etaSeconds === undefined ? '' : `, about ${Math.ceil(p.etaSeconds)} s left`}`
        : `analysing ${p.total} articles…`;
    case 'comparing':
      return `grouping events and comparing outlets across ${p.total} articles…`;
    case 'done':
      return `done: ${p.total} articles`;
    case 'failed':
      return 'failed';
  }
}

/** Progress lines on standard error: each change once, reading every 100 files. */
function progressReporter(io: CliIo, quiet: boolean): (p: Progress) => void {
  let lastLine = '';
  return (p) => {
    if (quiet) return;
    const line = describe(p);
    if (line !== lastLine && (p.phase !== 'reading' || p.done === p.total || p.done % 100 === 0)) {
      io.stderr(`framescope: ${line}\n`);
      lastLine = line;
    }
  };
}

/** Where the built command line finds its worker module and cache (absent in tests: in-process, no cache). */
export type EngineSetup = Pick<AnalyzeOptions, 'workerFile' | 'cacheDir'> & {
  /** The built dashboard (out/renderer), for exports made by the dashboard (html, pdf, png, svg). */
  readonly rendererDir?: string;
  readonly env?: NodeJS.ProcessEnv;
};

export async function runCli(argv: readonly string[], io: CliIo, setup: EngineSetup = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        recursive: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        format: { type: 'string' },
        table: { type: 'string' },
        chart: { type: 'string' },
        theme: { type: 'string' },
        scale: { type: 'string' },
      },
    });
  } catch (err) {
    io.stderr(`framescope: ${(err as Error).message}\nRun framescope --help for usage.\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    (command === undefined && !values.help ? io.stderr : io.stdout)(HELP);
    return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
  }
  if (command === 'export') return exportCommand(rest, values, io, setup);
  if (command !== 'analyze') {
    io.stderr(`framescope: unknown command “${command}”. Run framescope --help for usage.\n`);
    return EXIT.usage;
  }
  const [folder, ...extra] = rest;
  if (!folder || extra.length) {
    io.stderr('framescope analyze: give exactly one folder. Run framescope --help for usage.\n');
    return EXIT.usage;
  }

  const progress = progressReporter(io, values.quiet);

  try {
    // Refuse a bad --out before the analysis, not after it.
    if (values.out) await checkTarget(path.resolve(values.out), { kind: 'file', overwrite: values.force });
    const { 'no-cache': noCache } = values;
    const analysis = await analyzeFolder(folder, {
      onProgress: progress,
      recursive: values.recursive,
      ...(setup.workerFile ? { workerFile: setup.workerFile } : {}),
      ...(setup.cacheDir && !noCache ? { cacheDir: setup.cacheDir } : {}),
    });
    for (const problem of analysis.snapshot.problems) io.stderr(`framescope: skipped ${problem.file}: ${problem.message}\n`);
    const json = await dataExportText(analysis, 'json');
    if (values.out) {
      await writeFileSafely(path.resolve(values.out), json, { overwrite: values.force });
      if (!values.quiet) io.stderr(`framescope: wrote ${values.out}\n`);
    } else {
      io.stdout(json);
    }
    return EXIT.ok;
  } catch (err) {
    const message = err instanceof CodedError ? `${err.code}: ${err.message}` : `unexpected error: ${String(err)}`;
    io.stderr(`framescope: ${message}\n`);
    return EXIT.failed;
  }
}

function failure(err: unknown): string {
  return err instanceof CodedError ? `${err.code}: ${err.message}` : `unexpected error: ${String(err)}`;
}

async function exportCommand(
  positionals: readonly string[],
  values: Parameters<typeof parseExportArgs>[1] & { quiet?: boolean; recursive?: boolean; 'no-cache'?: boolean },
  io: CliIo,
  setup: EngineSetup,
): Promise<number> {
  let args: ExportArgs;
  try {
    args = parseExportArgs(positionals, values);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`framescope export: ${err.message}. Run framescope --help for usage.\n`);
    return EXIT.usage;
  }
  const say = (line: string): void => {
    if (!values.quiet) io.stderr(`framescope: ${line}\n`);
  };
  const onProgress = progressReporter(io, values.quiet === true);
  try {
    const written = await runExport(args, {
      say,
      stdout: io.stdout,
      onProgress,
      analyze: {
        recursive: values.recursive ?? false,
        ...(setup.workerFile ? { workerFile: setup.workerFile } : {}),
        ...(setup.cacheDir && !values['no-cache'] ? { cacheDir: setup.cacheDir } : {}),
      },
      rendererDir: setup.rendererDir,
      ...(setup.env ? { env: setup.env } : {}),
    });
    if (written.length === 1) say(`wrote ${written[0] ?? ''}`);
    else if (written.length > 1) say(`wrote ${written.length} files in ${path.dirname(written[0] ?? '')}`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`framescope export: ${err.message}. Nothing was written.\n`);
      return EXIT.usage;
    }
    io.stderr(`framescope: ${failure(err)}\n`);
    return EXIT.failed;
  }
}
