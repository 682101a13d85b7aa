/**
 * Worker thread that runs the analysis pipeline on batches of articles for large folders. The
 * main thread (or the browser-mode server, or the command line) stays free to answer the
 * renderer and stream progress; results come back as plain data.
 */
import { analyseArticle, type WorkItem } from '../engine/work';
import { createPipeline, type Pipeline, type SerializedResults } from '../engine/pipeline';
import { engineParts } from '../engine/registry';
import { defineWorker } from './pool';

let pipeline: Pipeline | null = null;

defineWorker<WorkItem, SerializedResults, { readonly folder: string }>((item, data) => {
  pipeline ??= createPipeline(engineParts(data.folder).components);
  return analyseArticle(pipeline, item);
});
