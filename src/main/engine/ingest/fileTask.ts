/**
 * One article file prepared in a worker thread (see loadFolder's `workerFile`): the same
 * `loadOneFile` the loader runs on its own thread, with the folder's clutter patterns compiled
 * once per worker from the data the loader read. Cross-article steps (duplicates) stay with the
 * loader.
 */
import type { ManifestEntry } from './manifest';
import { compileClutter, DEFAULT_CLUTTER, type ClutterRules } from './clutter';
import { nodeFs } from './fsLayer';
import { loadOneFile, type FileOutcome } from './loadFolder';

export interface FileTask {
  readonly kind: 'file';
  readonly folder: string;
  /** Relative to the folder, with "/". */
  readonly file: string;
  readonly maxBytes: number;
  readonly entry: ManifestEntry | null;
}

/** What every worker of one load is given once: the folder's clutter patterns as data (null: built-in). */
export interface FileTaskSetup {
  readonly folder: string;
  readonly clutter: unknown;
}

let compiled: { readonly source: unknown; readonly rules: ClutterRules } | null = null;

function rulesFor(source: unknown): ClutterRules {
  if (source === null || source === undefined) return DEFAULT_CLUTTER;
  if (compiled?.source !== source) compiled = { source, rules: compileClutter(source) };
  return compiled.rules;
}

export function runFileTask(task: FileTask, setup: FileTaskSetup): Promise<FileOutcome> {
  return loadOneFile(nodeFs, task.folder, task.file, task.maxBytes, rulesFor(setup.clutter), task.entry ?? undefined);
}
