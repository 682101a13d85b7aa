/** The framing measures' highlight layers for the article reader (sentiment, labels, attribution, cues). */
import type { Highlight } from '../../../shared/evidence';
import type { PipelineResults } from '../pipeline';
import { ATTRIBUTIONS } from './attribution';
import { CUES } from './cues';
import { LABELS } from './referents';
import { SENTIMENT } from './sentiment';

export function framingHighlights(results: PipelineResults): Highlight[] {
  const out: Highlight[] = [];
  for (const w of results.get(SENTIMENT).words) {
    out.push({
      start: w.start,
      end: w.end,
      layer: 'sentiment',
      tag: w.weight > 0 ? 'positive' : 'negative',
      note: `${w.rule} ${w.weight > 0 ? '+' : ''}${String(w.weight)}${w.negated ? ' (negated)' : ''}`,
    });
  }
  for (const h of results.get(LABELS).hits) {
    out.push({
      start: h.evidence.start,
      end: h.evidence.end,
      layer: 'labels',
      tag: h.referent,
      note: `${h.label} (${h.connotation})${h.quoted ? ', in a quote' : ''}`,
    });
  }
  for (const h of results.get(ATTRIBUTIONS).hits) {
    out.push({ start: h.evidence.start, end: h.evidence.end, layer: 'attribution', tag: h.grade, note: `${h.verb} → ${h.source.name} (${h.grade})` });
  }
  for (const h of results.get(CUES).hits) {
    out.push({ start: h.evidence.start, end: h.evidence.end, layer: 'cues', tag: h.kind, note: `${h.cue}${h.quoted ? ', in a quote' : ''}` });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
