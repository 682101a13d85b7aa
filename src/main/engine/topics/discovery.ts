/**
 * Topic discovery for folders the topic pack does not fit: the terms that distinguish each event
 * from the rest of the folder, with the sentences they occur in.
 *
 * With two or more events: weighted log-odds ratios with an informative Dirichlet prior (Monroe,
 * Colaresi & Quinn 2008, "Fightin' Words"), event vs the rest, as z-scores; the prior is the
 * folder's own term distribution. With a single event there is no "rest": terms are ranked by
 * TF-IDF across its articles instead. Stopwords, numbers and page clutter never count (see
 * events/terms.ts).
 */
import type { DiscoveredTerm, EventDiscovery, EventGrouping } from '../../../shared/events';
import { evidenceKey, type EvidenceStore } from '../aggregate';
import type { Evidence } from '../document';
import type { EventCorpus } from '../events/group';
import { TERM_SPAN_WIDTH, termDisplay, termFirstText } from '../events/terms';

export interface DiscoveryOptions {
  /** Terms per event. */
  readonly limit?: number;
  /** Strength of the prior, in pseudo-counts (default 200: weak next to a folder's tens of thousands of words). */
  readonly priorStrength?: number;
  /** Smallest z-score reported (default 1: one standard error; 1.96 ≈ 95%). */
  readonly minZ?: number;
  /** Only these events (default: all). */
  readonly eventIds?: readonly string[];
}

interface Count {
  count: number;
  display: string;
  entity: boolean;
  evidence: Evidence[];
}

const EVIDENCE_PER_TERM = 5;

function countsOf(corpus: EventCorpus, articleIds: readonly string[]): { counts: Map<string, Count>; total: number } {
  const counts = new Map<string, Count>();
  let total = 0;
  for (const id of articleIds) {
    const index = corpus.indexOf.get(id);
    const input = index === undefined ? undefined : corpus.inputs[index];
    if (!input) continue;
    const terms = input.terms;
    for (let k = 0; k < terms.keys.length; k += 1) {
      const term = terms.keys[k] ?? '';
      const count = terms.counts[k] ?? 0;
      total += count;
      let c = counts.get(term);
      if (!c) counts.set(term, (c = { count: 0, display: termDisplay(terms, k), entity: terms.entity[k] === 1, evidence: [] }));
      c.count += count;
      if (c.evidence.length < EVIDENCE_PER_TERM) {
        const at = k * TERM_SPAN_WIDTH;
        const start = terms.spans[at] ?? 0;
        const end = terms.spans[at + 1] ?? 0;
        c.evidence.push({ articleId: id, start, end, text: termFirstText(terms, k), rule: `discovery:${term}`, weight: count });
      }
    }
  }
  return { counts, total };
}

/** Term counts over the whole folder (no evidence: only the counts are compared). */
function totalsOf(corpus: EventCorpus): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  let total = 0;
  for (const input of corpus.inputs) {
    const { keys, counts: termCounts } = input.terms;
    for (let k = 0; k < keys.length; k += 1) {
      const term = keys[k] ?? '';
      const count = termCounts[k] ?? 0;
      total += count;
      counts.set(term, (counts.get(term) ?? 0) + count);
    }
  }
  return { counts, total };
}

/** Drops a term contained in a better-ranked one ("blinken" after "antony blinken"). */
function dedupe<T extends { term: string }>(ranked: readonly T[], limit: number): T[] {
  const out: T[] = [];
  for (const r of ranked) {
    if (out.some((o) => o.term.includes(r.term) || r.term.includes(o.term))) continue;
    out.push(r);
    if (out.length >= limit) break;
  }
  return out;
}

export function discoverEventTerms(
  corpus: EventCorpus,
  grouping: EventGrouping,
  store: EvidenceStore,
  options: DiscoveryOptions = {},
): EventDiscovery[] {
  const limit = options.limit ?? 10;
  const a0 = options.priorStrength ?? 200;
  const minZ = options.minZ ?? 1;
  const wanted = options.eventIds ? new Set(options.eventIds) : null;
  const all = totalsOf(corpus);
  const out: EventDiscovery[] = [];
  for (const event of grouping.events) {
    if (wanted && !wanted.has(event.id)) continue;
    const mine = countsOf(corpus, event.articleIds);
    let ranked: { term: string; display: string; score: number; count: number; evidence: Evidence[] }[] = [];
    let method: EventDiscovery['method'];
    if (grouping.events.length >= 2) {
      method = 'log-odds';
      const ni = mine.total;
      const nj = all.total - mine.total;
      for (const [term, c] of mine.counts) {
        const yw = all.counts.get(term) ?? c.count;
        const aw = (a0 * yw) / Math.max(1, all.total);
        const yi = c.count;
        const yj = yw - yi;
        const delta =
          Math.log((yi + aw) / (ni + a0 - yi - aw)) - Math.log((yj + aw) / (nj + a0 - yj - aw));
        const z = delta / Math.sqrt(1 / (yi + aw) + 1 / (yj + aw));
        if (z >= minZ) ranked.push({ term, display: c.display, score: z, count: yi, evidence: c.evidence });
      }
    } else {
      method = 'tf-idf';
      for (const [term, c] of mine.counts) {
        ranked.push({ term, display: c.display, score: (1 + Math.log(c.count)) * (corpus.idf.get(term) ?? 1), count: c.count, evidence: c.evidence });
      }
    }
    ranked.sort((x, y) => y.score - x.score || (x.term < y.term ? -1 : 1));
    ranked = dedupe(ranked, limit);
    const terms: DiscoveredTerm[] = ranked.map((r) => {
      const key = evidenceKey('discovery', event.id, r.term);
      if (!store.has(key)) store.put(key, `“${r.display}” in ${event.name}`, r.evidence);
      return { term: r.display, score: Math.round(r.score * 100) / 100, count: r.count, evidenceKey: key };
    });
    out.push({ eventId: event.id, method, terms });
  }
  return out;
}
