/**
 * Worker thread that runs the analysis pipeline on batches of articles for large folders, and
 * that prepares the article files of large folders before that (ingest/fileTask.ts, loaded only
 * by the workers that do it). The main thread (or the browser-mode server, or the command line)
 * stays free to answer the renderer and stream progress; results come back packed (see
 * packed.ts).
 */
import type { FileOutcome } from '../engine/ingest/loadFolder';
import type { FileTask, FileTaskSetup } from '../engine/ingest/fileTask';
import { analyseArticle, type WorkItem } from '../engine/work';
import { createPipeline, type Pipeline } from '../engine/pipeline';
import { engineParts } from '../engine/registry';
import { pack, type Packed } from './packed';
import { defineWorker } from './pool';

let pipeline: Pipeline | null = null;

defineWorker<WorkItem | FileTask, Packed | FileOutcome, { readonly folder: string } & Partial<FileTaskSetup>>(async (item, data) => {
  if ('kind' in item) {
    const { runFileTask } = await import('../engine/ingest/fileTask');
    return runFileTask(item, { folder: data.folder, clutter: data.clutter ?? null });
  }
  pipeline ??= createPipeline(engineParts(data.folder).components);
  return pack(analyseArticle(pipeline, item));
});
