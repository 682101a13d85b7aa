/**
 * Watching an article folder: additions, changes and removals of article files (and the manifest)
 * are collected for a short quiet period and reported together, so a burst of saves triggers one
 * re-analysis and the user sees which files changed. Read-only.
 */
import path from 'node:path';
import { watch } from 'chokidar';
import { MANIFEST_FILES } from './manifest';
import { formatOf } from './prepare';

export interface FolderChange {
  /** Paths relative to the folder, with "/". */
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  /** True when the manifest was added, changed or removed. */
  readonly manifestChanged: boolean;
}

export interface WatchOptions {
  /** Quiet period before reporting, in ms. */
  readonly debounceMs?: number;
  readonly recursive?: boolean;
  /** Called when the watcher fails (e.g. the folder was removed). */
  readonly onError?: (err: Error) => void;
  /** Called once the initial scan is done and changes from then on are reported. */
  readonly onReady?: () => void;
}

type Kind = 'added' | 'changed' | 'removed';

/** Starts watching; returns a function that stops it. */
export function watchFolder(folder: string, onChange: (change: FolderChange) => void, options: WatchOptions = {}): () => Promise<void> {
  const root = path.resolve(folder);
  const debounceMs = options.debounceMs ?? 400;
  const pending = new Map<string, Kind>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const relative = (p: string): string => path.relative(root, path.resolve(root, p)).split(path.sep).join('/');
  const relevant = (rel: string): boolean => {
    if (!rel || rel.startsWith('..')) return false;
    if (rel.split('/').some((part) => part.startsWith('.'))) return false;
    return MANIFEST_FILES.includes(rel) || formatOf(rel) !== null;
  };

  const flush = (): void => {
    timer = null;
    if (closed || pending.size === 0) return;
    const added: string[] = [];
    const changed: string[] = [];
    const removed: string[] = [];
    let manifestChanged = false;
    for (const [file, kind] of [...pending.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (MANIFEST_FILES.includes(file)) manifestChanged = true;
      else if (kind === 'added') added.push(file);
      else if (kind === 'changed') changed.push(file);
      else removed.push(file);
    }
    pending.clear();
    onChange({ added, changed, removed, manifestChanged });
  };

  const note = (kind: Kind, p: string): void => {
    const rel = relative(p);
    if (!relevant(rel)) return;
    const before = pending.get(rel);
    // Net effect within one quiet period: added then removed is nothing; removed then added is a change.
    if (before === 'added' && kind === 'removed') pending.delete(rel);
    else if (before === 'added' && kind === 'changed') pending.set(rel, 'added');
    else if (before === 'removed' && kind === 'added') pending.set(rel, 'changed');
    else pending.set(rel, kind);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const watcher = watch(root, {
    ignoreInitial: true,
    depth: options.recursive ? 32 : 0,
    ignored: (p: string) => {
      const rel = relative(p);
      return rel !== '' && rel.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
    },
    awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
  });
  watcher.on('add', (p) => { note('added', p); });
  watcher.on('change', (p) => { note('changed', p); });
  watcher.on('unlink', (p) => { note('removed', p); });
  watcher.on('ready', () => options.onReady?.());
  watcher.on('error', (err) => options.onError?.(err instanceof Error ? err : new Error(String(err))));

  return async () => {
    closed = true;
    if (timer) clearTimeout(timer);
    timer = null;
    await watcher.close();
  };
}
