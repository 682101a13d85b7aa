/**
 * From per-article pipeline results to the comparison: aggregators fold analysed articles into
 * outlet × metric tables, storing the evidence behind each cell in an EvidenceStore under a
 * deterministic key, so a click on any mark can list the sentences behind it.
 */
import type { MetricTable, Scope } from '../../shared/comparison';
import type { EvidenceKey } from '../../shared/evidence';
import type { Evidence } from './document';
import type { ArticleMeta, PipelineResults } from './pipeline';
import { Column } from './column';

export interface AnalysedArticle {
  readonly meta: ArticleMeta;
  readonly results: PipelineResults;
}

/** The outlet name used when neither the manifest, the file nor the text names one. */
export const UNKNOWN_OUTLET = 'Unknown outlet';

/** The outlet an analysed article is compared under. */
export function outletOf(article: AnalysedArticle): string {
  return article.meta.outlet ?? UNKNOWN_OUTLET;
}

/** A string table: each distinct string stored once, named by its index. */
class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  // Evidence comes article by article: the last string asked for is often asked for again.
  private last: string | undefined;
  private lastId = -1;

  id(value: string): number {
    if (value === this.last) return this.lastId;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(value);
      this.index.set(value, i);
    }
    this.last = value;
    this.lastId = i;
    return i;
  }

  static from(list: readonly string[]): Strings {
    const s = new Strings();
    for (const v of list) s.id(v);
    if (s.list.length !== list.length) throw new Error('repeated string in a string table');
    return s;
  }
}


const int32Column = (): Column<Int32Array> => new Column<Int32Array>(new Int32Array(0), (n) => new Int32Array(n));

/** The evidence store in a compact form, for the folder's snapshot cache. */
export interface EncodedEvidenceStore {
  readonly strings: readonly string[];
  /** Per key: [key, title, first row in `rows`, number of rows]. */
  readonly keys: readonly (readonly [string, string, number, number])[];
  /** Evidence rows (indexes into the columns) for every key, key after key. */
  readonly rows: Int32Array;
  /** Columns, one value per evidence item: string ids for article, text and rule; offsets; weight. */
  readonly article: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly text: Int32Array;
  readonly rule: Int32Array;
  readonly weight: Float64Array;
}

/** Items of one article already stored, by identity, and the article id's string id. */
interface ArticleRows {
  readonly articleId: string;
  readonly stringId: number;
  readonly rows: Map<Evidence, number>;
}

/** The rows of one key: a plain array, or a decoded slice until more is put under the key. */
interface Slot {
  readonly title: string;
  rows: number[] | Int32Array;
}

/**
 * Evidence behind every mark of a comparison, kept in the main process and paged to the renderer.
 * Stored as columns of integers (article, text and rule as ids into one string table, each
 * distinct string kept once), not as one object per item: a 10,000-article folder has millions
 * of evidence items. Items are materialised only when a page is asked for.
 */
export class EvidenceStore {
  private strings = new Strings();
  private readonly keys = new Map<EvidenceKey, Slot>();
  /**
   * The row of an evidence object already stored: the same item under several keys is stored
   * once. Maps by identity, one per article (an item's article never changes): a single Map over
   * millions of items spends most of its time missing the processor's caches, and a WeakMap's
   * ephemeron bookkeeping cost more than the rest of the comparison. `release()` lets the objects
   * go once the store is built.
   */
  private rowOf = new Map<string, ArticleRows>();
  private lastArticle: ArticleRows | null = null;
  /**
   * Where the rows of each list put with `putLists` start in `listRows`, so a list put again is
   * copied, not looked up item by item (one shared column: millions of small arrays cost more).
   */
  private rowsOfList = new Map<readonly Evidence[], number>();
  private listRows = int32Column();
  private readonly article = int32Column();
  private readonly start = int32Column();
  private readonly end = int32Column();
  private readonly text = int32Column();
  private readonly rule = int32Column();
  private readonly weight = new Column<Float64Array>(new Float64Array(0), (n) => new Float64Array(n));

  /** Adds evidence under a key (appending when the key exists) and returns the key. */
  put(key: EvidenceKey, title: string, evidence: readonly Evidence[]): EvidenceKey {
    const rows = this.rowsFor(key, title);
    for (const e of evidence) rows.push(this.rowFor(e));
    return key;
  }

  /**
   * Adds the items of several lists under a key, list after list: the same as `put` with the
   * lists concatenated. A list put here before (under any key) is copied by its rows, so the
   * lists must not change once put.
   */
  putLists(key: EvidenceKey, title: string, lists: readonly (readonly Evidence[])[]): EvidenceKey {
    let slot = this.keys.get(key);
    let at: number;
    if (slot) {
      at = slot.rows.length;
      if (slot.rows instanceof Int32Array) slot.rows = Array.from(slot.rows);
    } else {
      // A new key's rows at their final size, filled in place (no growing and copying).
      let total = 0;
      for (const list of lists) total += list.length;
      slot = { title, rows: new Array<number>(total) };
      this.keys.set(key, slot);
      at = 0;
    }
    const rows = slot.rows;
    for (const list of lists) {
      const n = list.length;
      if (n === 0) continue;
      let from = this.rowsOfList.get(list);
      if (from === undefined) {
        from = this.listRows.length;
        for (let i = 0; i < n; i += 1) this.listRows.push(this.rowFor(list[i] as Evidence));
        this.rowsOfList.set(list, from);
      }
      const known = this.listRows.data;
      for (let i = from; i < from + n; i += 1) rows[at++] = known[i] ?? 0;
    }
    return key;
  }

  private rowsFor(key: EvidenceKey, title: string): number[] {
    let slot = this.keys.get(key);
    if (!slot) {
      slot = { title, rows: [] };
      this.keys.set(key, slot);
    }
    if (slot.rows instanceof Int32Array) slot.rows = Array.from(slot.rows);
    return slot.rows;
  }

  private rowFor(e: Evidence): number {
    const id = e.articleId;
    let mine = this.lastArticle;
    if (mine?.articleId !== id) {
      mine = this.rowOf.get(id) ?? null;
      if (mine === null) {
        // Created with the article's first item, so its string id comes first as before.
        mine = { articleId: id, stringId: this.strings.id(id), rows: new Map() };
        this.rowOf.set(id, mine);
      }
      this.lastArticle = mine;
    }
    const known = mine.rows.get(e);
    if (known !== undefined) return known;
    const row = this.article.length;
    mine.rows.set(e, row);
    this.article.push(mine.stringId);
    this.start.push(e.start);
    this.end.push(e.end);
    this.text.push(this.strings.id(e.text));
    this.rule.push(this.strings.id(e.rule));
    this.weight.push(e.weight);
    return row;
  }

  /** Forgets which objects were stored (they can be collected); later puts store items anew. */
  release(): void {
    this.rowOf = new Map();
    this.lastArticle = null;
    this.rowsOfList = new Map();
    this.listRows = int32Column();
  }

  has(key: EvidenceKey): boolean {
    return this.keys.has(key);
  }

  /** Evidence under a key, every item materialised (use `page` for what a screen shows). */
  get(key: EvidenceKey): { readonly title: string; readonly evidence: readonly Evidence[] } | undefined {
    const slot = this.keys.get(key);
    if (!slot) return undefined;
    return { title: slot.title, evidence: Array.from(slot.rows, (r) => this.item(r)) };
  }

  /** One page of the evidence under a key, with the total. */
  page(key: EvidenceKey, offset: number, limit: number): { readonly title: string; readonly total: number; readonly evidence: readonly Evidence[] } | undefined {
    const slot = this.keys.get(key);
    if (!slot) return undefined;
    const { rows } = slot;
    const from = Math.max(0, offset);
    return { title: slot.title, total: rows.length, evidence: Array.from(rows.slice(from, from + Math.max(0, limit)), (r) => this.item(r)) };
  }

  get size(): number {
    return this.keys.size;
  }

  private item(r: number): Evidence {
    const s = this.strings.list;
    return {
      articleId: s[this.article.data[r] ?? -1] ?? '',
      start: this.start.data[r] ?? 0,
      end: this.end.data[r] ?? 0,
      text: s[this.text.data[r] ?? -1] ?? '',
      rule: s[this.rule.data[r] ?? -1] ?? '',
      weight: this.weight.data[r] ?? 0,
    };
  }

  encode(): EncodedEvidenceStore {
    const keys: [string, string, number, number][] = [];
    let total = 0;
    for (const slot of this.keys.values()) total += slot.rows.length;
    const rows = new Int32Array(total);
    let at = 0;
    for (const [key, slot] of this.keys) {
      const mine = slot.rows;
      keys.push([key, slot.title, at, mine.length]);
      rows.set(mine, at);
      at += mine.length;
    }
    return {
      strings: this.strings.list,
      keys,
      rows,
      article: this.article.trimmed(),
      start: this.start.trimmed(),
      end: this.end.trimmed(),
      text: this.text.trimmed(),
      rule: this.rule.trimmed(),
      weight: this.weight.trimmed(),
    };
  }

  /** Rebuilds a store from `encode()`; throws when the parts do not fit together. */
  static decode(encoded: EncodedEvidenceStore): EvidenceStore {
    const store = new EvidenceStore();
    const n = encoded.article.length;
    const columns = [encoded.start, encoded.end, encoded.text, encoded.rule, encoded.weight];
    if (columns.some((c) => c.length !== n)) throw new Error('evidence columns of different lengths');
    const strings = Strings.from(encoded.strings);
    const limit = strings.list.length;
    for (const c of [encoded.article, encoded.text, encoded.rule]) {
      for (const v of c) if (v < 0 || v >= limit) throw new Error('evidence string id out of range');
    }
    const { rows } = encoded;
    for (const r of rows) if (r < 0 || r >= n) throw new Error('evidence row out of range');
    store.strings = strings;
    store.article.adopt(encoded.article);
    store.start.adopt(encoded.start);
    store.end.adopt(encoded.end);
    store.text.adopt(encoded.text);
    store.rule.adopt(encoded.rule);
    store.weight.adopt(encoded.weight);
    for (const [key, title, from, count] of encoded.keys) {
      if (from < 0 || count < 0 || from + count > encoded.rows.length) throw new Error('evidence key rows out of range');
      store.keys.set(key, { title, rows: rows.subarray(from, from + count) });
    }
    return store;
  }
}

/**
 * Evidence with each item once, by article, span and rule (figures cited in one sentence share
 * the span naming their source; the parts of one quote share its speaker and verb).
 */
export function distinctEvidence(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const id = `${e.articleId}:${String(e.start)}:${String(e.end)}:${e.rule}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The last part of a table's evidence keys: "corpus", or "event:<id>" for one event's tables. */
export function scopeKey(scope: Scope): string {
  return scope.kind === 'corpus' ? 'corpus' : `event:${scope.eventId}`;
}

/** Builds an evidence key from parts: "tone|Xinhua|event:e1". Parts may hold any text. */
export function evidenceKey(...parts: readonly string[]): EvidenceKey {
  return parts.map((p) => p.replaceAll('|', '¦')).join('|');
}

export interface Aggregator {
  readonly id: string;
  /** Tables for the given articles (already restricted to the scope), outlets in the given order. */
  tables(articles: readonly AnalysedArticle[], outlets: readonly string[], store: EvidenceStore, scope: Scope): MetricTable[];
}

/**
 * What an article includes that others covering the same event might leave out: a figure (a Gaza
 * death toll), a voice (a group quoted), a topic. The omission grid compares these by `key`.
 */
export interface Feature {
  readonly kind: 'figure' | 'voice' | 'topic';
  /** Comparable identity, e.g. "figure:killed/palestinians", "voice:hamas", "topic:rafah". */
  readonly key: string;
  /** What a person reads: "a Gaza death toll", "a Hamas voice", "the Rafah operation". */
  readonly label: string;
  readonly evidence: readonly Evidence[];
}

/** Measures that contribute omission features read them from the article's results. */
export type FeatureSource = (article: AnalysedArticle) => readonly Feature[];
