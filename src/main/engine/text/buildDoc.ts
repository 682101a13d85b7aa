/** Builds the document model for one article: tokens and sentences with offsets, exclusions marked. */
import type { Doc, Sentence, Span } from '../document';
import { splitSentences } from './sentences';
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
  let t = 0;
  for (const span of splitSentences(text)) {
    while (t < tokens.length && (tokens[t]?.start ?? 0) < span.start) t += 1;
    const firstToken = t;
    while (t < tokens.length && (tokens[t]?.end ?? 0) <= span.end) t += 1;
    sentences.push({ start: span.start, end: span.end, firstToken, endToken: t, excluded: excluded.length > 0 && overlapsMostly(span, excluded) });
  }
  return { articleId, text, tokens, sentences, excluded };
}
