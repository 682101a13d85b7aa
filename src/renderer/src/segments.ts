/**
 * Splits text into runs that share the same set of highlights, so overlapping highlights render
 * as nested-looking marks without ever building HTML from article text.
 */
import type { Highlight, HighlightLayer } from '../../shared/evidence';

export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly highlights: readonly Highlight[];
}

export function segmentText(
  text: string,
  highlights: readonly Highlight[],
  active: ReadonlySet<HighlightLayer>,
  from = 0,
  to = text.length,
): Segment[] {
  const shown = highlights.filter((h) => active.has(h.layer) && h.end > from && h.start < to && h.end > h.start);
  const cuts = new Set<number>([from, to]);
  for (const h of shown) {
    cuts.add(Math.max(from, h.start));
    cuts.add(Math.min(to, h.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? start;
    if (end <= start) continue;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      highlights: shown.filter((h) => h.start <= start && h.end >= end),
    });
  }
  return out;
}

/** Paragraph ranges (one per non-empty line), the unit the reader renders. */
export function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i === text.length || text[i] === '\n') {
      if (text.slice(start, i).trim()) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}
