/**
 * Reads one article again for the reader and for evidence: the engine keeps summaries, not every
 * article's text, in memory. Refuses a file whose content changed since it was analysed, since
 * the evidence offsets would no longer point at the right words.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleView } from '../../../shared/evidence';
import type { ArticleSummary } from '../../../shared/model';
import { CodedError } from '../../../shared/result';
import { decodeText } from './loadFolder';

export async function loadArticleText(folder: string, summary: ArticleSummary): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(folder, summary.file));
  } catch (err) {
    throw new CodedError('E_NOT_FOUND', `${summary.file} can no longer be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== summary.id) {
    throw new CodedError('E_STALE', `${summary.file} changed since it was analysed; reopen the folder to see it.`);
  }
  const text = decodeText(bytes);
  if (text === null) throw new CodedError('E_STALE', `${summary.file} is no longer text.`);
  return text;
}

export async function loadArticleView(folder: string, summary: ArticleSummary): Promise<ArticleView> {
  const text = await loadArticleText(folder, summary);
  return {
    id: summary.id,
    file: summary.file,
    outlet: summary.outlet.value,
    title: summary.title.value,
    date: summary.date.value,
    text,
    highlights: [],
  };
}
