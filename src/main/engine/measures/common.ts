/** Small helpers shared by the framing measures. */
import type { Doc, Evidence } from '../document';
import type { QuoteSpan } from '../text/quotes';
import type { Match } from '../text/phraseIndex';

export function evidenceAt(doc: Doc, start: number, end: number, rule: string, weight: number): Evidence {
  return { articleId: doc.articleId, start, end, text: doc.text.slice(start, end), rule, weight };
}

/** Character span [start, end) of a match's tokens. */
export function matchSpan(doc: Doc, m: Pick<Match, 'firstToken' | 'endToken'>): { start: number; end: number } {
  const first = doc.tokens[m.firstToken];
  const last = doc.tokens[m.endToken - 1];
  return { start: first?.start ?? 0, end: last?.end ?? 0 };
}

/** Where a label or cue stands: the outlet's own words, or inside a direct quote. */
export interface QuotedIn {
  readonly start: number;
  readonly end: number;
  /** The quote's group (quotes continued over paragraphs share one), for the voices work. */
  readonly group: number;
}

export function quotedIn(q: QuoteSpan | undefined): QuotedIn | null {
  return q === undefined ? null : { start: q.start, end: q.end, group: q.group };
}

/** Normalised key of a phrase as the document tokeniser sees it ("Oct. 7" → "oct . 7"). */
export { phraseTokens } from '../text/phraseIndex';

/**
 * Where matches of one measure overlap, keeps the longest (then the earliest): "the war against
 * Hamas" wins over "the war" even though "the war" starts first. Output in token order.
 */
export function longestFirst<M extends Pick<Match, 'firstToken' | 'endToken'>>(matches: readonly M[]): readonly M[] {
  // Fast path: matches in token order that do not overlap are returned as they are.
  let reached = -1;
  let overlapping = false;
  for (const m of matches) {
    if (m.firstToken < reached) {
      overlapping = true;
      break;
    }
    reached = Math.max(reached, m.endToken);
  }
  if (!overlapping) return matches;
  // Resolve each cluster of overlapping matches on its own (clusters are a few matches long).
  const ordered = [...matches].sort((a, b) => a.firstToken - b.firstToken);
  const out: M[] = [];
  let i = 0;
  while (i < ordered.length) {
    const first = ordered[i];
    if (first === undefined) break;
    let end = first.endToken;
    let j = i + 1;
    while (j < ordered.length && (ordered[j]?.firstToken ?? Infinity) < end) {
      end = Math.max(end, ordered[j]?.endToken ?? end);
      j += 1;
    }
    if (j === i + 1) out.push(first);
    else out.push(...resolveCluster(ordered.slice(i, j)));
    i = j;
  }
  return out;
}

function resolveCluster<M extends Pick<Match, 'firstToken' | 'endToken'>>(cluster: M[]): M[] {
  const byLength = [...cluster].sort(
    (a, b) => b.endToken - b.firstToken - (a.endToken - a.firstToken) || a.firstToken - b.firstToken,
  );
  const kept: M[] = [];
  for (const m of byLength) {
    if (kept.some((k) => m.firstToken < k.endToken && k.firstToken < m.endToken)) continue;
    kept.push(m);
  }
  return kept.sort((a, b) => a.firstToken - b.firstToken);
}
