/**
 * The evidence-first analysis pipeline: named components that declare which results they
 * require and which they assign, checked once when the pipeline is built, then run in order on
 * each article.
 *
 * Results live in typed slots (`slot<T>('name')`), so each measure defines its own result type
 * next to its code and no central file has to know them all. Every component may register
 * lexicon phrases; they are merged into one `PhraseIndex` and matched in a single pass per
 * article before any component runs.
 */
import { CodedError } from '../../shared/result';
import type { Doc } from './document';
import { PhraseIndex, type Match, type PhraseEntry } from './text/phraseIndex';

/** A typed name for one result of the pipeline. */
export interface Slot<T> {
  readonly name: string;
  /** Phantom field: carries the slot's value type; never set. */
  readonly __type?: T;
}

export function slot<T>(name: string): Slot<T> {
  return { name };
}

/** What is known about the article besides its text, for measures that need it (e.g. as-of dates). */
export interface ArticleMeta {
  readonly id: string;
  readonly outlet: string | null;
  readonly title: string | null;
  /** ISO date or null. */
  readonly date: string | null;
}

export interface PipelineContext {
  readonly doc: Doc;
  readonly meta: ArticleMeta;
  /** Every lexicon match of the article, in token order (all namespaces). */
  readonly matches: readonly Match[];
  /** Matches of one namespace, in token order. */
  matchesIn(namespace: string): readonly Match[];
  get<T>(slot: Slot<T>): T;
  set<T>(slot: Slot<T>, value: T): void;
}

export interface Component {
  readonly name: string;
  readonly requires: readonly Slot<unknown>[];
  readonly assigns: readonly Slot<unknown>[];
  /** Lexicon phrases this component wants matched, each under the component's namespaces. */
  readonly phrases?: () => Iterable<PhraseEntry>;
  run(ctx: PipelineContext): void;
}

export interface Pipeline {
  readonly components: readonly Component[];
  readonly index: PhraseIndex;
  run(doc: Doc, meta: ArticleMeta): PipelineResults;
}

export interface PipelineResults {
  get<T>(slot: Slot<T>): T;
  has(slot: Slot<unknown>): boolean;
  /**
   * Plain data (slot name → value) for worker messages and the cache: plain objects, arrays,
   * strings, numbers, booleans, null and typed arrays (Int32Array, Uint8Array, Float64Array for
   * compact columns). Change a slot's shape only with a new `RECORD_FORMAT` (shared/version.ts).
   */
  toRecord(): SerializedResults;
}

export type SerializedResults = Readonly<Record<string, unknown>>;

/** Results read back from `toRecord()` (from a worker or the cache). */
export function resultsFromRecord(record: SerializedResults): PipelineResults {
  return resultsOf(new Map(Object.entries(record)), record);
}

/** Typed access to one article's results, with the record they serialise to. */
function resultsOf(values: ReadonlyMap<string, unknown>, record: SerializedResults): PipelineResults {
  return {
    get<T>(s: Slot<T>): T {
      if (!values.has(s.name)) throw new CodedError('E_PIPELINE_INVALID', `No result named "${s.name}".`);
      return values.get(s.name) as T;
    },
    has: (s) => values.has(s.name),
    toRecord: () => record,
  };
}

/**
 * Checks the component list and merges their phrases. Throws E_PIPELINE_INVALID naming the
 * component when a required slot is assigned by no earlier component, when two components
 * assign the same slot, or when two components share a name.
 */
export function createPipeline(components: readonly Component[]): Pipeline {
  const assigned = new Map<string, string>();
  const names = new Set<string>();
  for (const c of components) {
    if (names.has(c.name)) throw new CodedError('E_PIPELINE_INVALID', `Two pipeline components are named "${c.name}".`);
    names.add(c.name);
    for (const r of c.requires) {
      if (!assigned.has(r.name)) {
        throw new CodedError(
          'E_PIPELINE_INVALID',
          `Pipeline component "${c.name}" requires "${r.name}", which no earlier component assigns.`,
        );
      }
    }
    for (const a of c.assigns) {
      const previous = assigned.get(a.name);
      if (previous !== undefined) {
        throw new CodedError('E_PIPELINE_INVALID', `"${a.name}" is assigned by both "${previous}" and "${c.name}".`);
      }
      assigned.set(a.name, c.name);
    }
  }
  const index = new PhraseIndex();
  for (const c of components) for (const entry of c.phrases?.() ?? []) index.add(entry);

  return {
    components,
    index,
    run(doc, meta) {
      const values = new Map<string, unknown>();
      const matches = index.match(doc);
      const byNamespace = new Map<string, Match[]>();
      for (const m of matches) {
        const list = byNamespace.get(m.namespace);
        if (list) list.push(m);
        else byNamespace.set(m.namespace, [m]);
      }
      const empty: readonly Match[] = [];
      let current = '';
      const ctx: PipelineContext = {
        doc,
        meta,
        matches,
        matchesIn: (namespace) => byNamespace.get(namespace) ?? empty,
        get<T>(s: Slot<T>): T {
          if (!values.has(s.name)) {
            throw new CodedError('E_PIPELINE_INVALID', `"${current}" read "${s.name}" before it was assigned.`);
          }
          return values.get(s.name) as T;
        },
        set<T>(s: Slot<T>, value: T): void {
          values.set(s.name, value);
        },
      };
      for (const c of components) {
        current = c.name;
        c.run(ctx);
        for (const a of c.assigns) {
          if (!values.has(a.name)) {
            throw new CodedError('E_PIPELINE_INVALID', `Pipeline component "${c.name}" did not assign "${a.name}".`);
          }
        }
      }
      return resultsOf(values, Object.fromEntries(values));
    },
  };
}

/** Strings up to this length are shared between records (ids, rule names, labels, short quotes). */
export const SHARED_STRING_MAX_LENGTH = 96;

/** The one copy of `s` in `table` (added when new); longer strings are returned as they are. */
export function sharedString(s: string, table: Map<string, string>): string {
  if (s.length > SHARED_STRING_MAX_LENGTH) return s;
  const known = table.get(s);
  if (known !== undefined) return known;
  table.set(s, s);
  return s;
}

/**
 * Shares repeated strings across records that came from a worker or the cache: each structured
 * clone or JSON parse makes every article id, rule name, label and word a separate copy, so ten
 * thousand records hold millions of copies of a few thousand strings. Strings up to
 * `SHARED_STRING_MAX_LENGTH` characters are replaced, in place, by one shared copy from `table`; record values
 * are equal before and after. Typed arrays are left alone.
 */
export function shareStrings(record: SerializedResults, table: Map<string, string>): SerializedResults {
  const share = (s: string): string => sharedString(s, table);
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') return share(value);
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
    if (Array.isArray(value)) {
      const list = value as unknown[];
      for (let i = 0; i < list.length; i += 1) {
        const v = list[i];
        if (typeof v === 'object' || typeof v === 'string') list[i] = visit(v);
      }
      return list;
    }
    const obj = value as Record<string, unknown>;
    for (const k in obj) {
      const v = obj[k];
      if (typeof v === 'object' || typeof v === 'string') obj[k] = visit(v);
    }
    return obj;
  };
  return visit(record) as SerializedResults;
}
