/**
 * Framing aggregators: fold analysed articles into outlet × metric tables, evidence stored under
 * keys "<table>|<outlet>|<column>|<scope>". Every value is a fold over evidence the article
 * results already carry.
 */
import type { Cell, Column, MetricTable } from '../../../shared/comparison';
import { ACTOR_GROUPS, type ActorGroupId } from '../../../shared/actors';
import { FRAMING_TABLES, TONE_COLUMNS, type ToneDistribution, type TonePoint } from '../../../shared/framing';
import { evidenceKey, scopeKey, type AnalysedArticle, type Aggregator } from '../aggregate';
import type { Evidence } from '../document';
import type { LexiconPack } from '../lexicons/pack';
import { ACTORS, actorMentions } from './actors';
import { ATTRIBUTIONS } from './attribution';
import { CUES } from './cues';
import { EVIDENCE_PER_TERM, TERMS, TermIds, topLogOdds } from './distinctive';
import type { ReferentEntry } from './packs';
import { LABELS } from './referents';
import { SENTIMENT, sentenceValue } from './sentiment';

const empty: Cell = { value: null, count: 0, evidenceKey: null };

/**
 * Articles per outlet (in the given order), remembered per article list: the comparison hands
 * every aggregator the same list for a scope, so it is grouped once per scope.
 */
const groupsOf = new WeakMap<readonly AnalysedArticle[], { outlets: readonly string[]; groups: Map<string, AnalysedArticle[]> }>();

function byOutlet(articles: readonly AnalysedArticle[], outlets: readonly string[]): Map<string, AnalysedArticle[]> {
  const known = groupsOf.get(articles);
  if (known?.outlets === outlets) return known.groups;
  const map = new Map<string, AnalysedArticle[]>(outlets.map((o) => [o, []]));
  for (const a of articles) map.get(a.meta.outlet ?? '')?.push(a);
  groupsOf.set(articles, { outlets, groups: map });
  return map;
}

/**
 * A per-article fold computed once and remembered for as long as the article's results live:
 * the comparison folds the same articles for the corpus and again for each event.
 */
function perArticle<T>(fold: (article: AnalysedArticle) => T): (article: AnalysedArticle) => T {
  const memo = new WeakMap<object, T>();
  return (article) => {
    let value = memo.get(article.results);
    if (value === undefined) {
      value = fold(article);
      memo.set(article.results, value);
    }
    return value;
  };
}

/** Evidence lists per column with the number of items, in the order columns were first met. */
class ColumnLists {
  readonly lists = new Map<string, (readonly Evidence[])[]>();
  readonly counts = new Map<string, number>();

  add(col: string, list: readonly Evidence[]): void {
    const lists = this.lists.get(col);
    if (lists) lists.push(list);
    else this.lists.set(col, [list]);
    this.counts.set(col, (this.counts.get(col) ?? 0) + list.length);
  }
}

/** Appends to the list under `key`, creating it (in first-met order) when absent. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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

/** The tone of one sentence of an article (AFINN score / √words); null when excluded or not analysed. */
export function sentenceTone(article: AnalysedArticle, sentenceIndex: number): number | null {
  if (!article.results.has(SENTIMENT)) return null;
  return sentenceValue(article.results.get(SENTIMENT).sentenceTone, sentenceIndex);
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
      const lists = (groups.get(d.outlet) ?? []).map((a) => a.results.get(SENTIMENT).words);
      let n = 0;
      for (const list of lists) n += list.length;
      const key = n > 0 ? store.putLists(evidenceKey(FRAMING_TABLES.tone, d.outlet, scopeKey(scope)), `Sentiment words — ${d.outlet}`, lists) : null;
      const cells: Record<string, Cell> = {};
      for (const c of TONE_COLUMNS) cells[c] = { value: d[c], count: c === 'mean' ? n : d.n, evidenceKey: key };
      return { outlet: d.outlet, cells };
    });
    return [
      {
        id: FRAMING_TABLES.tone,
        title: 'Tone per outlet',
        unit: 'AFINN score per √word, averaged over sentences then articles',
        columns: TONE_COLUMNS.map((c) => ({ id: c, label: c === 'q1' ? 'lower quartile' : c === 'q3' ? 'upper quartile' : c })),
        rows,
      },
    ];
  },
};

/**
 * The evidence of the attribution sources that are actor mentions, by start, end and rule: a
 * mention's evidence is the same item whether shown as a source or behind tone by actor.
 */
function actorSourceEvidence(a: AnalysedArticle): ((start: number, end: number, rule: string) => Evidence | undefined) | undefined {
  if (!a.results.has(ATTRIBUTIONS)) return undefined;
  let byPlace: Map<string, Evidence> | null = null;
  for (const h of a.results.get(ATTRIBUTIONS).hits) {
    const e = h.source.evidence;
    if (e === null || !e.rule.startsWith('actor:')) continue;
    byPlace ??= new Map();
    byPlace.set(`${String(e.start)} ${String(e.end)} ${e.rule}`, e);
  }
  if (byPlace === null) return undefined;
  const found = byPlace;
  return (start, end, rule) => found.get(`${String(start)} ${String(end)} ${rule}`);
}

/**
 * One article's actor groups in the order first met: the tones of the distinct sentences
 * mentioning the group, and the evidence (each mention, plus the sentiment words of each such
 * sentence the first time it is met).
 */
const actorTones = perArticle((a) => {
  const sentiment = a.results.get(SENTIMENT);
  const out = new Map<ActorGroupId, { evidence: Evidence[]; tones: number[] }>();
  const seen = new Set<string>();
  let wordsBySentence: Map<number, Evidence[]> | null = null;
  for (const m of actorMentions(a.results.get(ACTORS), a.meta.id, actorSourceEvidence(a))) {
    const tone = sentenceValue(sentiment.sentenceTone, m.sentence);
    if (tone === null) continue;
    let entry = out.get(m.group);
    if (!entry) out.set(m.group, (entry = { evidence: [], tones: [] }));
    entry.evidence.push(m.evidence);
    const k = `${m.group}|${String(m.sentence)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    entry.tones.push(tone);
    if (wordsBySentence === null) {
      wordsBySentence = new Map();
      for (const w of sentiment.words) pushTo(wordsBySentence, w.sentence, w);
    }
    for (const w of wordsBySentence.get(m.sentence) ?? []) entry.evidence.push(w);
  }
  return out;
});

export const toneByActorAggregator: Aggregator = {
  id: FRAMING_TABLES.toneByActor,
  tables(articles, outlets, store, scope) {
    const groups = byOutlet(articles, outlets);
    const present = new Set<ActorGroupId>();
    const rows = outlets.map((outlet) => {
      const found = new Map<ActorGroupId, { lists: Evidence[][]; sum: number; count: number }>();
      for (const a of groups.get(outlet) ?? []) {
        for (const [group, entry] of actorTones(a)) {
          let f = found.get(group);
          if (!f) found.set(group, (f = { lists: [], sum: 0, count: 0 }));
          f.lists.push(entry.evidence);
          // Summed in the order a single list of every tone would be.
          for (const t of entry.tones) f.sum += t;
          f.count += entry.tones.length;
          present.add(group);
        }
      }
      const cells: Record<string, Cell> = {};
      for (const [group, f] of found) {
        const key = store.putLists(evidenceKey(FRAMING_TABLES.toneByActor, outlet, group, scopeKey(scope)), `Sentences mentioning ${group} — ${outlet}`, f.lists);
        cells[group] = { value: f.count === 0 ? null : f.sum / f.count, count: f.count, evidenceKey: key };
      }
      return { outlet, cells };
    });
    const columns = ACTOR_GROUPS.filter((g) => present.has(g.id)).map((g) => ({ id: g.id, label: g.label }));
    for (const r of rows) for (const c of columns) r.cells[c.id] ??= empty;
    return [{ id: FRAMING_TABLES.toneByActor, title: 'Tone toward actor groups', unit: 'mean AFINN score per √word of the sentences mentioning the group', columns, rows }];
  },
};

/** Columns of one article per table, each with its evidence and the last label written for it. */
interface ArticleColumns {
  readonly evidence: Map<string, Evidence[]>;
  readonly labels: Map<string, string>;
}

const newColumns = (): ArticleColumns => ({ evidence: new Map(), labels: new Map() });

/** One article's label hits per referent: column (label, or label in a quote) → evidence. */
const labelColumns = perArticle((a) => {
  const out = new Map<string, ArticleColumns>();
  for (const h of a.results.get(LABELS).hits) {
    let mine = out.get(h.referent);
    if (!mine) out.set(h.referent, (mine = newColumns()));
    const col = h.quoted === null ? h.labelId : `${h.labelId}:quoted`;
    mine.labels.set(col, h.quoted === null ? h.label : `${h.label} (in a quote)`);
    pushTo(mine.evidence, col, h.evidence);
  }
  return out;
});

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
          const found = new ColumnLists();
          for (const a of groups.get(outlet) ?? []) {
            const mine = labelColumns(a).get(ref.id);
            if (!mine) continue;
            for (const [col, label] of mine.labels) used.set(col, label);
            for (const [col, ev] of mine.evidence) found.add(col, ev);
          }
          const cells: Record<string, Cell> = {};
          for (const [col, lists] of found.lists) {
            const count = found.counts.get(col) ?? 0;
            const key = store.putLists(evidenceKey(`${FRAMING_TABLES.labelsPrefix}${ref.id}`, outlet, col, scopeKey(scope)), `“${used.get(col) ?? col}” — ${outlet}`, lists);
            cells[col] = { value: count, count, evidenceKey: key, note: lists[0]?.[0]?.text ?? '' };
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

/** One article's attribution columns ("<source>/<grade>" and "grade:<grade>") with their verb counts. */
const attributionColumns = perArticle((a) => {
  const out = newColumns();
  const verbs = new Map<string, number>();
  for (const h of a.results.get(ATTRIBUTIONS).hits) {
    const col = `${h.source.key}/${h.grade}`;
    const grade = `grade:${h.grade}`;
    out.labels.set(col, `${h.source.name} · ${h.grade}`);
    out.labels.set(grade, `all sources · ${h.grade}`);
    pushTo(out.evidence, col, h.evidence);
    if (h.source.evidence) pushTo(out.evidence, col, h.source.evidence);
    pushTo(out.evidence, grade, h.evidence);
  }
  for (const [col, ev] of out.evidence) {
    verbs.set(col, col.startsWith('grade:') ? ev.length : ev.filter((e) => e.rule.startsWith('attribution:')).length);
  }
  return { ...out, verbs };
});

export const attributionAggregator: Aggregator = {
  id: FRAMING_TABLES.attribution,
  tables(articles, outlets, store, scope) {
    const groups = byOutlet(articles, outlets);
    const labels = new Map<string, string>();
    const rows = outlets.map((outlet) => {
      const found = new ColumnLists();
      const verbs = new Map<string, number>();
      for (const a of groups.get(outlet) ?? []) {
        const mine = attributionColumns(a);
        for (const [col, label] of mine.labels) labels.set(col, label);
        for (const [col, ev] of mine.evidence) {
          found.add(col, ev);
          verbs.set(col, (verbs.get(col) ?? 0) + (mine.verbs.get(col) ?? 0));
        }
      }
      const cells: Record<string, Cell> = {};
      for (const [col, lists] of found.lists) {
        const n = verbs.get(col) ?? 0;
        const key = store.putLists(evidenceKey(FRAMING_TABLES.attribution, outlet, col, scopeKey(scope)), `${labels.get(col) ?? col} — ${outlet}`, lists);
        cells[col] = { value: n, count: n, evidenceKey: key };
      }
      return { outlet, cells };
    });
    const columns = [...labels].sort((x, y) => x[0].localeCompare(y[0])).map(([id, label]) => ({ id, label }));
    for (const r of rows) for (const c of columns) r.cells[c.id] ??= empty;
    return [{ id: FRAMING_TABLES.attribution, title: 'Attribution verbs by source and grade', unit: 'verbs', columns, rows }];
  },
};

/** One article's cue columns (the kind, and the cue itself, each also "in a quote"). */
const cueColumns = perArticle((a) => {
  const out = newColumns();
  for (const h of a.results.get(CUES).hits) {
    const suffix = h.quoted === null ? '' : ':quoted';
    const quoted = h.quoted === null ? '' : ' (in a quote)';
    const kind = `${h.kind}${suffix}`;
    const cue = `cue:${h.cue}${suffix}`;
    out.labels.set(kind, `${h.kind}${quoted}`);
    pushTo(out.evidence, kind, h.evidence);
    out.labels.set(cue, `${h.cue}${quoted}`);
    pushTo(out.evidence, cue, h.evidence);
  }
  return out;
});

export const cuesAggregator: Aggregator = {
  id: FRAMING_TABLES.cues,
  tables(articles, outlets, store, scope) {
    const groups = byOutlet(articles, outlets);
    const labels = new Map<string, string>();
    const rows = outlets.map((outlet) => {
      const found = new ColumnLists();
      let words = 0;
      for (const a of groups.get(outlet) ?? []) {
        words += a.results.get(SENTIMENT).wordCount;
        const mine = cueColumns(a);
        for (const [col, label] of mine.labels) labels.set(col, label);
        for (const [col, ev] of mine.evidence) found.add(col, ev);
      }
      const cells: Record<string, Cell> = {};
      for (const [col, lists] of found.lists) {
        const n = found.counts.get(col) ?? 0;
        const key = store.putLists(evidenceKey(FRAMING_TABLES.cues, outlet, col, scopeKey(scope)), `${labels.get(col) ?? col} — ${outlet}`, lists);
        cells[col] = { value: words > 0 ? (n * 1000) / words : null, count: n, evidenceKey: key };
      }
      return { outlet, cells };
    });
    const kindsFirst = (id: string): number => (id.startsWith('cue:') ? 1 : 0);
    const columns = [...labels].sort((x, y) => kindsFirst(x[0]) - kindsFirst(y[0]) || x[0].localeCompare(y[0])).map(([id, label]) => ({ id, label }));
    for (const r of rows) for (const c of columns) r.cells[c.id] ??= empty;
    return [{ id: FRAMING_TABLES.cues, title: 'Intensifiers, hedges and scare quotes', unit: 'per 1,000 words', columns, rows }];
  },
};

/** A reusable array of counts by term id, with the ids counted since the last reset. */
class Counts {
  counts = new Int32Array(0);
  order = new Int32Array(0);
  length = 0;
  total = 0;

  /** Ready to count terms with ids below `size`. */
  reset(size: number): void {
    for (let k = 0; k < this.length; k += 1) this.counts[this.order[k] ?? 0] = 0;
    this.length = 0;
    this.total = 0;
    if (this.counts.length < size) {
      this.counts = new Int32Array(Math.max(size, this.counts.length * 2));
      this.order = new Int32Array(this.counts.length);
    }
  }

  bump(id: number): void {
    const c = this.counts[id] ?? 0;
    if (c === 0) this.order[this.length++] = id;
    this.counts[id] = c + 1;
    this.total += 1;
  }

  /** Unigrams and bigrams of one article, in text order (each word, then the bigram it ends). */
  add(ids: { readonly unigrams: Int32Array; readonly bigrams: Int32Array }): void {
    const { unigrams, bigrams } = ids;
    for (let i = 0; i < unigrams.length; i += 1) {
      this.bump(unigrams[i] ?? 0);
      const b = bigrams[i] ?? -1;
      if (b >= 0) this.bump(b);
    }
  }
}

/** Top `top` terms per outlet against all other outlets in scope (weighted log-odds, z-scores). */
export function distinctiveAggregator(top = 15, alpha0 = 1000): Aggregator {
  // Term ids shared by every scope; counting arrays reused from scope to scope.
  const vocabulary = new TermIds();
  const all = new Counts();
  const mine = new Counts();
  let rankOf = new Int32Array(0);
  return {
    id: FRAMING_TABLES.distinctive,
    tables(articles, outlets, store, scope) {
      const groups = byOutlet(articles, outlets);
      for (const list of groups.values()) for (const a of list) vocabulary.of(a.results.get(TERMS));
      const size = vocabulary.size;
      all.reset(size);
      for (const list of groups.values()) for (const a of list) all.add(vocabulary.of(a.results.get(TERMS)));
      if (rankOf.length < size) rankOf = new Int32Array(Math.max(size, rankOf.length * 2));
      const kept = new Int32Array(top);
      const rows = outlets.map((outlet) => {
        const list = groups.get(outlet) ?? [];
        mine.reset(size);
        for (const a of list) mine.add(vocabulary.of(a.results.get(TERMS)));
        const ranked = topLogOdds(mine.order, mine.length, mine.counts, all.counts, all.total, top, alpha0);
        // Evidence: per term, the first EVIDENCE_PER_TERM occurrences in each article, article by article.
        const terms = ranked.map((t) => vocabulary.text(t.term));
        const evidence = ranked.map((): Evidence[] => []);
        ranked.forEach((t, i) => (rankOf[t.term] = i + 1));
        for (const a of list) {
          const seq = a.results.get(TERMS);
          const { unigrams, bigrams } = vocabulary.of(seq);
          kept.fill(0);
          const take = (r: number, from: number, j: number): void => {
            if ((kept[r - 1] ?? 0) >= EVIDENCE_PER_TERM) return;
            kept[r - 1] = (kept[r - 1] ?? 0) + 1;
            const term = terms[r - 1] ?? '';
            const start = seq.starts[from] ?? 0;
            evidence[r - 1]?.push({ articleId: a.meta.id, start, end: seq.ends[j] ?? start, text: term, rule: `distinctive:${term}`, weight: ranked[r - 1]?.z ?? 0 });
          };
          for (let j = 0; j < unigrams.length; j += 1) {
            const u = rankOf[unigrams[j] ?? 0] ?? 0;
            if (u !== 0) take(u, j, j);
            const b = bigrams[j] ?? -1;
            const v = b >= 0 ? (rankOf[b] ?? 0) : 0;
            if (v !== 0) take(v, j - 1, j);
          }
        }
        for (const t of ranked) rankOf[t.term] = 0;
        const cells: Record<string, Cell> = {};
        ranked.forEach((t, i) => {
          const term = terms[i] ?? '';
          const key = store.put(evidenceKey(FRAMING_TABLES.distinctive, outlet, term, scopeKey(scope)), `“${term}” — ${outlet}`, evidence[i] ?? []);
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
