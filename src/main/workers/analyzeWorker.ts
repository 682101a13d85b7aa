/**
 * Worker thread that runs the analysis pipeline on batches of articles for large folders. The
 * main thread (or the browser-mode server, or the command line) stays free to answer the
 * renderer and stream progress; results come back packed (see packed.ts).
 */
import { analyseArticle, type WorkItem } from '../engine/work';
import { createPipeline, type Pipeline } from '../engine/pipeline';
import { engineParts } from '../engine/registry';
import { pack, type Packed } from './packed';
import { defineWorker } from './pool';

let pipeline: Pipeline | null = null;

defineWorker<WorkItem, Packed, { readonly folder: string }>((item, data) => {
  pipeline ??= createPipeline(engineParts(data.folder).components);
  return pack(analyseArticle(pipeline, item));
});
