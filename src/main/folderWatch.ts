/**
 * Watching an opened folder from the app and browser mode, with the ingest watcher loaded on first
 * use: its modules (HTML, Markdown and encoding readers among them) are not needed to show a folder
 * re-opened from the cache.
 */
export function watchFolderLazily(
  folder: string,
  onChange: (changed: readonly string[]) => void,
  onReady?: () => void,
): () => Promise<void> {
  let stop: (() => Promise<void>) | null = null;
  let stopped = false;
  const started = import('./engine/ingest/watch').then(({ watchFolder }) => {
    if (stopped) return;
    stop = watchFolder(folder, (c) => onChange([...c.added, ...c.changed, ...c.removed]), onReady ? { onReady } : {});
  });
  return async () => {
    stopped = true;
    await started.catch(() => undefined);
    await stop?.();
  };
}
