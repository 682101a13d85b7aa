/**
 * Reads one article again for the reader and for evidence: the engine keeps summaries, not every
 * article's text, in memory. The text is rebuilt by the same code the analysis used (decoding,
 * extraction, clutter), so offsets match exactly. Refuses a file whose bytes changed since it was
 * analysed, since the evidence offsets would no longer point at the right words.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ArticleView, Highlight } from '../../../shared/evidence';
import type { ArticleSummary } from '../../../shared/model';
import { CodedError } from '../../../shared/result';
import { clutterNote, type ExcludedRange } from './clutter';
import { errnoCode, nodeFs, type IngestFs } from './fsLayer';
import { prepareArticle } from './prepare';

export interface ArticleText {
  readonly text: string;
  readonly excluded: readonly ExcludedRange[];
}

function resolveInside(folder: string, file: string): string {
  const root = path.resolve(folder);
  const full = path.resolve(root, ...file.split('/'));
  if (full !== root && !full.startsWith(root + path.sep)) {
    throw new CodedError('E_NOT_FOUND', `${file} is not inside the open folder.`);
  }
  return full;
}

/** The article's text and clutter ranges exactly as analysed; throws E_STALE if the file changed. */
export async function loadArticleContent(folder: string, summary: ArticleSummary, fs: IngestFs = nodeFs): Promise<ArticleText> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(resolveInside(folder, summary.file));
  } catch (err) {
    if (err instanceof CodedError) throw err;
    throw new CodedError('E_NOT_FOUND', `${summary.file} can no longer be read (${errnoCode(err)}).`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== summary.id) {
    throw new CodedError('E_STALE', `${summary.file} changed since it was analysed; reopen the folder to see it.`);
  }
  const prepared = prepareArticle(bytes, summary.file);
  if (!prepared.ok) throw new CodedError('E_STALE', `${summary.file} is no longer readable text.`);
  return { text: prepared.text, excluded: prepared.excluded };
}

export async function loadArticleText(folder: string, summary: ArticleSummary): Promise<string> {
  return (await loadArticleContent(folder, summary)).text;
}

/** Page clutter as reader highlights: greyed, with the reason in the tooltip. */
export function clutterHighlights(excluded: readonly ExcludedRange[]): Highlight[] {
  return excluded.map((r) => ({ start: r.start, end: r.end, layer: 'excluded', tag: r.kind, note: `Not scored: ${clutterNote(r.pattern)}` }));
}

export async function loadArticleView(folder: string, summary: ArticleSummary): Promise<ArticleView> {
  const { text, excluded } = await loadArticleContent(folder, summary);
  return {
    id: summary.id,
    file: summary.file,
    outlet: summary.outlet.value,
    title: summary.title.value,
    date: summary.date.value,
    text,
    highlights: clutterHighlights(excluded),
  };
}
