/**
 * One article's analysis, the unit of work shared by the in-process path and the worker threads.
 */
import type { Span } from './document';
import type { ArticleMeta, Pipeline, SerializedResults } from './pipeline';
import { buildDoc } from './text/buildDoc';

export interface WorkItem {
  readonly meta: ArticleMeta;
  readonly text: string;
  readonly excluded: readonly Span[];
}

export function analyseArticle(pipeline: Pipeline, item: WorkItem): SerializedResults {
  return pipeline.run(buildDoc(item.meta.id, item.text, item.excluded), item.meta).toRecord();
}
