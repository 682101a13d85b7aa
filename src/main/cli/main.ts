/**
 * The command line, for batch work and scripts. Runs in plain Node (no Electron).
 *
 *   framescope analyze <folder> [--out file.json] [--force]
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
import { writeFileSafely } from '../files/safeWrite';
import { dataExportText } from '../export/data';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const HELP = `Framescope ${ENGINE_VERSION} — how news outlets frame the same events

Usage:
  framescope analyze <folder> [--out <file.json>] [--force] [--recursive]
      Analyse a folder of articles and write the comparison as JSON
      (to standard output when --out is not given).

Options:
  --out <path>   Write to this file (never replaces an existing file without --force).
  --force        Replace an existing output file.
  --quiet        No progress on standard error.
  --no-cache     Analyse every file again instead of reusing cached results.
  --recursive    Read articles in subfolders too.
  -h, --help     Show this help.

Exit codes: 0 success, 1 the analysis or the write failed, 2 wrong usage.
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
    case 'done':
      return `done: ${p.total} articles`;
    case 'failed':
      return 'failed';
  }
}

/** Where the built command line finds its worker module and cache (absent in tests: in-process, no cache). */
export type EngineSetup = Pick<AnalyzeOptions, 'workerFile' | 'cacheDir'>;

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
  if (command !== 'analyze') {
    io.stderr(`framescope: unknown command “${command}”. Run framescope --help for usage.\n`);
    return EXIT.usage;
  }
  const [folder, ...extra] = rest;
  if (!folder || extra.length) {
    io.stderr('framescope analyze: give exactly one folder. Run framescope --help for usage.\n');
    return EXIT.usage;
  }

  let lastLine = '';
  const progress = (p: Progress): void => {
    if (values.quiet) return;
    const line = describe(p);
    if (line !== lastLine && (p.phase !== 'reading' || p.done === p.total || p.done % 100 === 0)) {
      io.stderr(`framescope: ${line}\n`);
      lastLine = line;
    }
  };

  try {
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
