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
