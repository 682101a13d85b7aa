/**
 * Framing aggregators: fold analysed articles into outlet × metric tables, evidence stored under
 * keys "<table>|<outlet>|<column>|<scope>". Every value is a fold over evidence the article
 * results already carry.
 */
import type { Cell, Column, MetricTable, Scope } from '../../../shared/comparison';
import { ACTOR_GROUPS, type ActorGroupId } from '../../../shared/actors';
import { FRAMING_TABLES, TONE_COLUMNS, type ToneDistribution, type TonePoint } from '../../../shared/framing';
import { evidenceKey, type AnalysedArticle, type Aggregator } from '../aggregate';
import type { Evidence } from '../document';
import type { LexiconPack } from '../lexicons/pack';
import { ACTORS } from './actors';
import { ATTRIBUTIONS } from './attribution';
import { CUES } from './cues';
import { EVIDENCE_PER_TERM, TERMS, logOdds } from './distinctive';
import type { ReferentEntry } from './packs';
import { LABELS } from './referents';
import { SENTIMENT } from './sentiment';

const scopeKey = (scope: Scope): string => (scope.kind === 'corpus' ? 'corpus' : `event:${scope.eventId}`);
const empty: Cell = { value: null, count: 0, evidenceKey: null };

function byOutlet(articles: readonly AnalysedArticle[], outlets: readonly string[]): Map<string, AnalysedArticle[]> {
  const map = new Map<string, AnalysedArticle[]>(outlets.map((o) => [o, []]));
  for (const a of articles) map.get(a.meta.outlet ?? '')?.push(a);
  return map;
}

/** Quantile by linear interpolation (type 7, as R and NumPy default) of sorted values. */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

function sd(xs: readonly number[]): number | null {
  const m = mean(xs);
  if (m === null || xs.length < 2) return null;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/** The comparative tone of one sentence of an article; null when excluded or not analysed. */
export function sentenceTone(article: AnalysedArticle, sentenceIndex: number): number | null {
  if (!article.results.has(SENTIMENT)) return null;
  return article.results.get(SENTIMENT).sentenceComparative[sentenceIndex] ?? null;
}

/** Article tones per outlet with five-number summaries, for a strip or box plot. */
export function toneDistribution(articles: readonly AnalysedArticle[], outlets: readonly string[]): ToneDistribution[] {
  return [...byOutlet(articles, outlets)].map(([outlet, list]) => {
    const points: TonePoint[] = [];
    for (const a of list) {
      const tone = a.results.get(SENTIMENT).tone;
      if (tone !== null) points.push({ articleId: a.meta.id, title: a.meta.title, value: tone });
    }
    const values = points.map((p) => p.value).sort((x, y) => x - y);
    return {
      outlet,
      n: values.length,
      mean: mean(values),
      sd: sd(values),
      min: values[0] ?? null,
      q1: quantile(values, 0.25),
      median: quantile(values, 0.5),
      q3: quantile(values, 0.75),
      max: values[values.length - 1] ?? null,
      points,
    };
  });
}

export const toneAggregator: Aggregator = {
  id: FRAMING_TABLES.tone,
  tables(articles, outlets, store, scope) {
    const groups = byOutlet(articles, outlets);
    const rows = toneDistribution(articles, outlets).map((d) => {
      const evidence = (groups.get(d.outlet) ?? []).flatMap((a) => a.results.get(SENTIMENT).words);
      const key = evidence.length > 0 ? store.put(evidenceKey(FRAMING_TABLES.tone, d.outlet, scopeKey(scope)), `Sentiment words — ${d.outlet}`, evidence) : null;
      const cells: Record<string, Cell> = {};
      for (const c of TONE_COLUMNS) cells[c] = { value: d[c], count: c === 'mean' ? evidence.length : d.n, evidenceKey: key };
      return { outlet: d.outlet, cells };
    });
    return [
      {
        id: FRAMING_TABLES.tone,
        title: 'Tone per outlet',
        unit: 'mean AFINN score per word, averaged over sentences then articles',
        columns: TONE_COLUMNS.map((c) => ({ id: c, label: c === 'q1' ? 'lower quartile' : c === 'q3' ? 'upper quartile' : c })),
        rows,
      },
    ];
  },
};

export const toneByActorAggregator: Aggregator = {
  id: FRAMING_TABLES.toneByActor,
  tables(articles, outlets, store, scope) {
    const groups = byOutlet(articles, outlets);
    const present = new Set<ActorGroupId>();
    const rows = outlets.map((outlet) => {
      const values = new Map<ActorGroupId, number[]>();
      const evidence = new Map<ActorGroupId, Evidence[]>();
      for (const a of groups.get(outlet) ?? []) {
        const sentiment = a.results.get(SENTIMENT);
        const seen = new Set<string>();
        for (const m of a.results.get(ACTORS).mentions) {
          const tone = sentiment.sentenceComparative[m.sentence];
          if (tone === null || tone === undefined) continue;
          const ev = evidence.get(m.group) ?? [];
          ev.push(m.evidence);
          evidence.set(m.group, ev);
          const k = `${m.group}|${String(m.sentence)}`;
          if (seen.has(k)) continue;
          seen.add(k);
          present.add(m.group);
          const list = values.get(m.group) ?? [];
          list.push(tone);
          values.set(m.group, list);
          for (const w of sentiment.words) if (w.sentence === m.sentence) ev.push(w);
        }
      }
      const cells: Record<string, Cell> = {};
      for (const [group, list] of values) {
        const key = store.put(evidenceKey(FRAMING_TABLES.toneByActor, outlet, group, scopeKey(scope)), `Sentences mentioning ${group} — ${outlet}`, evidence.get(group) ?? []);
        cells[group] = { value: mean(list), count: list.length, evidenceKey: key };
      }
      return { outlet, cells };
    });
    const columns = ACTOR_GROUPS.filter((g) => present.has(g.id)).map((g) => ({ id: g.id, label: g.label }));
    for (const r of rows) for (const c of columns) r.cells[c.id] ??= empty;
    return [{ id: FRAMING_TABLES.toneByActor, title: 'Tone toward actor groups', unit: 'mean AFINN score per word of the sentences mentioning the group', columns, rows }];
  },
};

export function labelsAggregator(pack: LexiconPack<ReferentEntry>): Aggregator {
  const referents = pack.entries.filter((e) => e.kind === 'referent');
  const order = pack.entries.filter((e) => e.kind === 'label').map((e) => e.id);
  return {
    id: 'labels',
    tables(articles, outlets, store, scope) {
      const groups = byOutlet(articles, outlets);
      return referents.map((ref): MetricTable => {
        const used = new Map<string, string>(); // column id → label
        const rows = outlets.map((outlet) => {
          const found = new Map<string, Evidence[]>();
          for (const a of groups.get(outlet) ?? []) {
            for (const h of a.results.get(LABELS).hits) {
              if (h.referent !== ref.id) continue;
              const col = h.quoted === null ? h.labelId : `${h.labelId}:quoted`;
              used.set(col, h.quoted === null ? h.label : `${h.label} (in a quote)`);
              const list = found.get(col) ?? [];
              list.push(h.evidence);
              found.set(col, list);
            }
          }
          const cells: Record<string, Cell> = {};
          for (const [col, ev] of found) {
            const key = store.put(evidenceKey(`${FRAMING_TABLES.labelsPrefix}${ref.id}`, outlet, col, scopeKey(scope)), `“${used.get(col) ?? col}” — ${outlet}`, ev);
            cells[col] = { value: ev.length, count: ev.length, evidenceKey: key, note: ev[0]?.text ?? '' };
          }
          return { outlet, cells };
        });
        const rank = (col: string): number => order.indexOf(col.replace(/:quoted$/, '')) * 2 + (col.endsWith(':quoted') ? 1 : 0);
        const columns: Column[] = [...used].sort((x, y) => rank(x[0]) - rank(y[0])).map(([id, label]) => ({ id, label }));
        for (const r of rows) for (const c of columns) r.cells[c.id] ??= empty;
        return { id: `${FRAMING_TABLES.labelsPrefix}${ref.id}`, title: `Labels for ${ref.title}`, unit: 'occurrences', columns, rows };
      });
    },
  };
}

export const attributionAggregator: Aggregator = {
  id: FRAMING_TABLES.attribution,
  tables(articles, outlets, store, scope) {
    const groups = byOutlet(articles, outlets);
    const labels = new Map<string, string>();
    const rows = outlets.map((outlet) => {
      const found = new Map<string, Evidence[]>();
      const push = (col: string, ev: Evidence[]): void => {
        const list = found.get(col) ?? [];
        list.push(...ev);
        found.set(col, list);
      };
      for (const a of groups.get(outlet) ?? []) {
        for (const h of a.results.get(ATTRIBUTIONS).hits) {
          const col = `${h.source.key}/${h.grade}`;
          labels.set(col, `${h.source.name} · ${h.grade}`);
          labels.set(`grade:${h.grade}`, `all sources · ${h.grade}`);
          const ev = h.source.evidence ? [h.evidence, h.source.evidence] : [h.evidence];
          push(col, ev);
          push(`grade:${h.grade}`, [h.evidence]);
        }
      }
      const cells: Record<string, Cell> = {};
      for (const [col, ev] of found) {
        const verbs = col.startsWith('grade:') ? ev.length : ev.filter((e) => e.rule.startsWith('attribution:')).length;
        const key = store.put(evidenceKey(FRAMING_TABLES.attribution, outlet, col, scopeKey(scope)), `${labels.get(col) ?? col} — ${outlet}`, ev);
        cells[col] = { value: verbs, count: verbs, evidenceKey: key };
      }
      return { outlet, cells };
    });
    const columns = [...labels].sort((x, y) => x[0].localeCompare(y[0])).map(([id, label]) => ({ id, label }));
    for (const r of rows) for (const c of columns) r.cells[c.id] ??= empty;
    return [{ id: FRAMING_TABLES.attribution, title: 'Attribution verbs by source and grade', unit: 'verbs', columns, rows }];
  },
};

export const cuesAggregator: Aggregator = {
  id: FRAMING_TABLES.cues,
  tables(articles, outlets, store, scope) {
    const groups = byOutlet(articles, outlets);
    const labels = new Map<string, string>();
    const rows = outlets.map((outlet) => {
      const found = new Map<string, Evidence[]>();
      let words = 0;
      for (const a of groups.get(outlet) ?? []) {
        words += a.results.get(SENTIMENT).wordCount;
        for (const h of a.results.get(CUES).hits) {
          const suffix = h.quoted === null ? '' : ':quoted';
          for (const col of [`${h.kind}${suffix}`, `cue:${h.cue}${suffix}`]) {
            labels.set(col, `${col.startsWith('cue:') ? h.cue : h.kind}${h.quoted === null ? '' : ' (in a quote)'}`);
            const list = found.get(col) ?? [];
            list.push(h.evidence);
            found.set(col, list);
          }
        }
      }
      const cells: Record<string, Cell> = {};
      for (const [col, ev] of found) {
        const key = store.put(evidenceKey(FRAMING_TABLES.cues, outlet, col, scopeKey(scope)), `${labels.get(col) ?? col} — ${outlet}`, ev);
        cells[col] = { value: words > 0 ? (ev.length * 1000) / words : null, count: ev.length, evidenceKey: key };
      }
      return { outlet, cells };
    });
    const kindsFirst = (id: string): number => (id.startsWith('cue:') ? 1 : 0);
    const columns = [...labels].sort((x, y) => kindsFirst(x[0]) - kindsFirst(y[0]) || x[0].localeCompare(y[0])).map(([id, label]) => ({ id, label }));
    for (const r of rows) for (const c of columns) r.cells[c.id] ??= empty;
    return [{ id: FRAMING_TABLES.cues, title: 'Intensifiers, hedges and scare quotes', unit: 'per 1,000 words', columns, rows }];
  },
};

/** Bigram keys: (first + 1) · BIGRAM + second, above every unigram id. */
const BIGRAM = 2 ** 24;

/** Top `top` terms per outlet against all other outlets in scope (weighted log-odds, z-scores). */
export function distinctiveAggregator(top = 15, alpha0 = 1000): Aggregator {
  return {
    id: FRAMING_TABLES.distinctive,
    tables(articles, outlets, store, scope) {
      const groups = byOutlet(articles, outlets);
      // One vocabulary for the scope; each article's local ids mapped into it.
      const global = new Map<string, number>();
      const words: string[] = [];
      const localToGlobal = new Map<AnalysedArticle, Int32Array>();
      const perOutlet = new Map<string, Map<number, number>>();
      const all = new Map<number, number>();
      const bump = (m: Map<number, number>, k: number): void => {
        m.set(k, (m.get(k) ?? 0) + 1);
      };
      for (const [outlet, list] of groups) {
        const counts = new Map<number, number>();
        for (const a of list) {
          const seq = a.results.get(TERMS);
          const map = new Int32Array(seq.vocab.length);
          seq.vocab.forEach((w, i) => {
            let g = global.get(w);
            if (g === undefined) {
              g = words.length;
              words.push(w);
              global.set(w, g);
            }
            map[i] = g;
          });
          localToGlobal.set(a, map);
          for (let i = 0; i < seq.ids.length; i += 1) {
            const g = map[seq.ids[i] ?? 0] ?? 0;
            bump(counts, g);
            bump(all, g);
            if (seq.joins[i] === 1) {
              const b = ((map[seq.ids[i - 1] ?? 0] ?? 0) + 1) * BIGRAM + g;
              bump(counts, b);
              bump(all, b);
            }
          }
        }
        perOutlet.set(outlet, counts);
      }
      const termOf = (k: number): string =>
        k < BIGRAM ? (words[k] ?? '') : `${words[Math.floor(k / BIGRAM) - 1] ?? ''} ${words[k % BIGRAM] ?? ''}`;
      const rows = outlets.map((outlet) => {
        const mine = perOutlet.get(outlet) ?? new Map<number, number>();
        const rest = new Map<number, number>();
        for (const [k, c] of all) {
          const r = c - (mine.get(k) ?? 0);
          if (r > 0) rest.set(k, r);
        }
        const ranked = logOdds(mine, rest, alpha0).filter((t) => t.z > 0).slice(0, top);
        const cells: Record<string, Cell> = {};
        ranked.forEach((t, i) => {
          const term = termOf(t.term);
          const ev: Evidence[] = [];
          for (const a of groups.get(outlet) ?? []) {
            const seq = a.results.get(TERMS);
            const map = localToGlobal.get(a);
            if (map === undefined) continue;
            let kept = 0;
            for (let j = 0; j < seq.ids.length && kept < EVIDENCE_PER_TERM; j += 1) {
              const g = map[seq.ids[j] ?? 0] ?? 0;
              const bigram = seq.joins[j] === 1 ? ((map[seq.ids[j - 1] ?? 0] ?? 0) + 1) * BIGRAM + g : -1;
              const start = t.term === g ? seq.starts[j] : t.term === bigram ? seq.starts[j - 1] : undefined;
              if (start === undefined) continue;
              ev.push({ articleId: a.meta.id, start, end: seq.ends[j] ?? start, text: term, rule: `distinctive:${term}`, weight: t.z });
              kept += 1;
            }
          }
          const key = store.put(evidenceKey(FRAMING_TABLES.distinctive, outlet, term, scopeKey(scope)), `“${term}” — ${outlet}`, ev);
          cells[String(i + 1)] = { value: t.z, count: t.count, evidenceKey: key, note: term };
        });
        return { outlet, cells };
      });
      const columns = Array.from({ length: top }, (_, i) => ({ id: String(i + 1), label: `#${String(i + 1)}` }));
      for (const r of rows) for (const c of columns) r.cells[c.id] ??= empty;
      return [{ id: FRAMING_TABLES.distinctive, title: 'Distinctive words (weighted log-odds, informative Dirichlet prior)', unit: 'z-score', columns, rows }];
    },
  };
}
