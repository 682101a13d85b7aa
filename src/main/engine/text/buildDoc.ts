/** Builds the document model for one article: tokens and sentences with offsets, exclusions marked. */
import type { Doc, Sentence, Span } from '../document';
import { sentenceSpans } from './sentences';
import { tokenize } from './tokenize';

function overlapsMostly(span: Span, excluded: readonly Span[]): boolean {
  let covered = 0;
  for (const x of excluded) {
    const s = Math.max(span.start, x.start);
    const e = Math.min(span.end, x.end);
    if (e > s) covered += e - s;
  }
  return covered * 2 >= span.end - span.start;
}

export function buildDoc(articleId: string, text: string, excluded: readonly Span[] = []): Doc {
  const tokens = tokenize(text);
  const sentences: Sentence[] = [];
  for (const s of sentenceSpans(text, tokens)) {
    sentences.push({ start: s.start, end: s.end, firstToken: s.firstToken, endToken: s.endToken, excluded: excluded.length > 0 && overlapsMostly(s, excluded) });
  }
  return { articleId, text, tokens, sentences, excluded };
}

/** Index of the sentence containing `offset`: the last sentence starting at or before it (0 when none). */
export function sentenceAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (s === undefined) break;
    if (s.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
