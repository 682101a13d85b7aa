/**
 * Average-linkage event grouping over candidate links instead of the n × n matrix, for large
 * folders.
 *
 * Average linkage needs, for two groups A and B, the sum of the similarities of all their member
 * pairs, S(A, B). Similarity is a dot product of term vectors times a factor of the two dates, so
 * S is exact from per-day sums of the members' vectors ("slots"):
 *
 *   S(A, B) = Σ over A's days a and B's days b of  dateFactor(a, b) · (Σ_A,a · Σ_B,b)
 *
 * and S(A ∪ B, N) = S(A, N) + S(B, N). Every pair of groups that a candidate link joins keeps its
 * exact S; the pair with the highest mean S / (|A|·|B|) is merged while that mean reaches the
 * threshold, as in the exhaustive version, and the merged group's S with each linked group is the
 * sum of the two old ones (the missing one computed from the slots).
 *
 * Candidate links (blocking): each article is linked to the articles nearest in time among those
 * sharing one of its highest-weighted terms (names and rare words), within the date window. Groups
 * are linked once any of their members are, so the result departs from the exhaustive one only
 * when two groups that the exhaustive version merges share no link at all.
 */
import { dateFactor, type EventCorpus } from './group';

/** Highest-weighted terms of an article used as blocking keys. */
export const BLOCK_KEYS = 8;
/** Articles linked on each side (earlier, later) in one key's list ordered by date. */
export const BLOCK_NEIGHBOURS = 6;

/**
 * A sparse term vector: terms and weights in the order terms were first added (read in that
 * order, sums come out the same whatever the vector's history), with an open-addressing index
 * from term to place.
 */
export class TermVec {
  terms: Int32Array;
  weights: Float64Array;
  size = 0;
  /** Place + 1 of each hashed term, 0 when empty; its length is a power of two. */
  private index: Int32Array;

  constructor(capacity = 8) {
    const c = Math.max(8, capacity);
    this.terms = new Int32Array(c);
    this.weights = new Float64Array(c);
    this.index = new Int32Array(tableSize(c));
  }

  /** The place of term `t`, or -1. */
  find(t: number): number {
    const mask = this.index.length - 1;
    for (let h = Math.imul(t, 0x9e3779b1) & mask; ; h = (h + 1) & mask) {
      const at = this.index[h] ?? 0;
      if (at === 0) return -1;
      if (this.terms[at - 1] === t) return at - 1;
    }
  }

  /** The weight of term `t`, 0 when absent. */
  get(t: number): number {
    const at = this.find(t);
    return at < 0 ? 0 : (this.weights[at] ?? 0);
  }

  /** Adds `w` to term `t`'s weight (a new term goes last). */
  add(t: number, w: number): void {
    const mask = this.index.length - 1;
    let h = Math.imul(t, 0x9e3779b1) & mask;
    for (;;) {
      const at = this.index[h] ?? 0;
      if (at === 0) break;
      if (this.terms[at - 1] === t) {
        this.weights[at - 1] = (this.weights[at - 1] ?? 0) + w;
        return;
      }
      h = (h + 1) & mask;
    }
    if (this.size === this.terms.length) {
      this.grow();
      this.add(t, w);
      return;
    }
    this.terms[this.size] = t;
    this.weights[this.size] = w;
    this.size += 1;
    this.index[h] = this.size;
  }

  private grow(): void {
    const c = this.terms.length * 2;
    const terms = new Int32Array(c);
    terms.set(this.terms);
    const weights = new Float64Array(c);
    weights.set(this.weights);
    this.terms = terms;
    this.weights = weights;
    const index = new Int32Array(tableSize(c));
    const mask = index.length - 1;
    for (let k = 0; k < this.size; k += 1) {
      let h = Math.imul(terms[k] ?? 0, 0x9e3779b1) & mask;
      while ((index[h] ?? 0) !== 0) h = (h + 1) & mask;
      index[h] = k + 1;
    }
    this.index = index;
  }
}

/**
 * The groups linked to one group, with the exact S of each pair: entries packed in typed arrays
 * (a removal moves the last entry into the gap, so the order of entries is not kept; nothing
 * reads it) and an open-addressing index from group to place.
 */
export class LinkMap {
  keys: Int32Array;
  values: Float64Array;
  size = 0;
  /** Place + 1 of each hashed group, 0 when empty; its length is a power of two. */
  private index: Int32Array;

  constructor(capacity = 8) {
    const c = Math.max(8, capacity);
    this.keys = new Int32Array(c);
    this.values = new Float64Array(c);
    this.index = new Int32Array(tableSize(c));
  }

  /** The index slot of group `g`, or of the empty slot where it would go. */
  private slot(g: number): number {
    const mask = this.index.length - 1;
    let h = Math.imul(g, 0x9e3779b1) & mask;
    for (;;) {
      const at = this.index[h] ?? 0;
      if (at === 0 || this.keys[at - 1] === g) return h;
      h = (h + 1) & mask;
    }
  }

  has(g: number): boolean {
    return (this.index[this.slot(g)] ?? 0) !== 0;
  }

  /** S with group `g`, or NaN when not linked. */
  get(g: number): number {
    const at = this.index[this.slot(g)] ?? 0;
    return at === 0 ? Number.NaN : (this.values[at - 1] ?? 0);
  }

  set(g: number, value: number): void {
    const h = this.slot(g);
    const at = this.index[h] ?? 0;
    if (at !== 0) {
      this.values[at - 1] = value;
      return;
    }
    if (this.size === this.keys.length) {
      this.grow();
      this.set(g, value);
      return;
    }
    this.keys[this.size] = g;
    this.values[this.size] = value;
    this.size += 1;
    this.index[h] = this.size;
  }

  delete(g: number): void {
    const mask = this.index.length - 1;
    let h = this.slot(g);
    const at = this.index[h] ?? 0;
    if (at === 0) return;
    // Backward-shift deletion keeps every probe chain unbroken: an entry after the gap moves back
    // into it unless its home slot lies between the gap and itself.
    let next = (h + 1) & mask;
    for (;;) {
      const e = this.index[next] ?? 0;
      if (e === 0) break;
      const home = Math.imul(this.keys[e - 1] ?? 0, 0x9e3779b1) & mask;
      if (((next - home) & mask) >= ((next - h) & mask)) {
        this.index[h] = e;
        h = next;
      }
      next = (next + 1) & mask;
    }
    this.index[h] = 0;
    // The last entry fills the gap.
    const last = this.size - 1;
    if (at - 1 !== last) {
      const moved = this.keys[last] ?? 0;
      this.index[this.slot(moved)] = at;
      this.keys[at - 1] = moved;
      this.values[at - 1] = this.values[last] ?? 0;
    }
    this.size = last;
  }

  private grow(): void {
    const c = this.keys.length * 2;
    const keys = new Int32Array(c);
    keys.set(this.keys);
    const values = new Float64Array(c);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
    const index = new Int32Array(tableSize(c));
    const mask = index.length - 1;
    for (let k = 0; k < this.size; k += 1) {
      let h = Math.imul(keys[k] ?? 0, 0x9e3779b1) & mask;
      while ((index[h] ?? 0) !== 0) h = (h + 1) & mask;
      index[h] = k + 1;
    }
    this.index = index;
  }
}

/** Hash table length for `capacity` entries: a power of two, at most half full. */
function tableSize(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  return size;
}

type Vec = TermVec;

/** A group's per-day vector sums (day NaN for undated members). */
interface Slots {
  readonly days: number[];
  readonly vecs: Vec[];
}

/**
 * The date factor of two days (whole days since epoch, NaN = unknown), read from a table by
 * the gap: the same values as `dateFactor`.
 */
function factorTable(o: EventCorpus['options']): (a: number, b: number) => number {
  const limit = Math.floor(o.maxGapDays);
  const table = new Float64Array(Math.max(0, limit + 1));
  for (let gap = 0; gap <= limit; gap += 1) table[gap] = dateFactor(0, gap, o);
  return (a, b) => {
    if (Number.isNaN(a) || Number.isNaN(b)) return 1;
    const gap = a > b ? a - b : b - a;
    return gap > limit ? 0 : (table[gap] ?? 0);
  };
}

function sameDay(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function singleSlots(corpus: EventCorpus, i: number): Slots {
  const v = corpus.vectors[i];
  const vec = new TermVec(v?.ids.length ?? 0);
  if (v) for (let k = 0; k < v.ids.length; k += 1) vec.add(v.ids[k] ?? 0, v.weights[k] ?? 0);
  return { days: [corpus.days[i] ?? Number.NaN], vecs: [vec] };
}

/** Moves `from`'s slots into `into` (adding the vectors of a day both have). */
function mergeSlots(into: Slots, from: Slots): void {
  for (let y = 0; y < from.days.length; y += 1) {
    const day = from.days[y] ?? Number.NaN;
    const vec = from.vecs[y];
    if (!vec) continue;
    const x = into.days.findIndex((d) => sameDay(d, day));
    const target = x >= 0 ? into.vecs[x] : undefined;
    if (!target) {
      into.days.push(day);
      into.vecs.push(vec);
      continue;
    }
    const [small, large] = target.size >= vec.size ? [vec, target] : [target, vec];
    for (let k = 0; k < small.size; k += 1) large.add(small.terms[k] ?? 0, small.weights[k] ?? 0);
    into.vecs[x] = large;
  }
}

/** A set of article pairs (i < j) in typed arrays with open addressing. */
class PairSet {
  private first = new Int32Array(1 << 12).fill(-1);
  private second = new Int32Array(1 << 12);
  private size = 0;

  /** Adds the pair; false when it was there already. */
  add(i: number, j: number): boolean {
    let mask = this.first.length - 1;
    let h = (Math.imul(i, 0x9e3779b1) ^ Math.imul(j, 0x85ebca6b)) & mask;
    for (;;) {
      const x = this.first[h] ?? -1;
      if (x === -1) break;
      if (x === i && this.second[h] === j) return false;
      h = (h + 1) & mask;
    }
    if ((this.size + 1) * 2 > this.first.length) {
      const oldFirst = this.first;
      const oldSecond = this.second;
      this.first = new Int32Array(oldFirst.length * 2).fill(-1);
      this.second = new Int32Array(oldFirst.length * 2);
      mask = this.first.length - 1;
      for (let k = 0; k < oldFirst.length; k += 1) {
        const x = oldFirst[k] ?? -1;
        if (x !== -1) this.place(x, oldSecond[k] ?? 0, mask);
      }
      this.place(i, j, mask);
    } else {
      this.first[h] = i;
      this.second[h] = j;
    }
    this.size += 1;
    return true;
  }

  private place(i: number, j: number, mask: number): void {
    let h = (Math.imul(i, 0x9e3779b1) ^ Math.imul(j, 0x85ebca6b)) & mask;
    while ((this.first[h] ?? -1) !== -1) h = (h + 1) & mask;
    this.first[h] = i;
    this.second[h] = j;
  }
}

/** Candidate links as pairs i < j, each once (blocking on top terms within the date window). */
export function candidateLinks(corpus: EventCorpus, keys = BLOCK_KEYS, neighbours = BLOCK_NEIGHBOURS): Int32Array {
  const n = corpus.inputs.length;
  const { days, options } = corpus;
  const vocabulary = corpus.idf.size;
  // Each article's keys: its `keys` highest weights, ties by the smaller term id.
  const keysOf = new Int32Array(n * keys).fill(-1);
  const postingCount = new Int32Array(vocabulary);
  const topW = new Float64Array(keys);
  const topId = new Int32Array(keys);
  for (let i = 0; i < n; i += 1) {
    const v = corpus.vectors[i];
    if (!v) continue;
    let taken = 0;
    for (let k = 0; k < v.ids.length; k += 1) {
      const w = v.weights[k] ?? 0;
      const id = v.ids[k] ?? 0;
      // Insert into the sorted top list (weight descending, then id ascending).
      let at = taken;
      while (at > 0) {
        const pw = topW[at - 1] ?? 0;
        if (pw > w || (pw === w && (topId[at - 1] ?? 0) < id)) break;
        at -= 1;
      }
      if (at >= keys) continue;
      for (let q = Math.min(taken, keys - 1); q > at; q -= 1) {
        topW[q] = topW[q - 1] ?? 0;
        topId[q] = topId[q - 1] ?? 0;
      }
      topW[at] = w;
      topId[at] = id;
      if (taken < keys) taken += 1;
    }
    for (let r = 0; r < taken; r += 1) {
      const t = topId[r] ?? 0;
      keysOf[i * keys + r] = t;
      postingCount[t] = (postingCount[t] ?? 0) + 1;
    }
  }
  // Each key's articles by date (undated last, ties by index), so the nearest in time sit side
  // by side; keyPlace gives each article's place in each of its keys' lists.
  const offsets = new Int32Array(vocabulary + 1);
  for (let t = 0; t < vocabulary; t += 1) offsets[t + 1] = (offsets[t] ?? 0) + (postingCount[t] ?? 0);
  const lists = new Int32Array(offsets[vocabulary] ?? 0);
  const keyPlace = new Int32Array(n * keys);
  const fill = offsets.slice(0, vocabulary);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const da = days[a] ?? Number.NaN;
    const db = days[b] ?? Number.NaN;
    if (Number.isNaN(da) || Number.isNaN(db)) return Number(Number.isNaN(da)) - Number(Number.isNaN(db)) || a - b;
    return da - db || a - b;
  });
  for (const i of order) {
    for (let r = 0; r < keys; r += 1) {
      const t = keysOf[i * keys + r] ?? -1;
      if (t < 0) break;
      const at = fill[t] ?? 0;
      lists[at] = i;
      keyPlace[i * keys + r] = at;
      fill[t] = at + 1;
    }
  }
  const seen = new PairSet();
  let links = new Int32Array(1 << 12);
  let count = 0;
  const link = (a: number, b: number): void => {
    const i = Math.min(a, b);
    const j = Math.max(a, b);
    if (i === j || !seen.add(i, j)) return;
    if (dateFactor(days[i] ?? Number.NaN, days[j] ?? Number.NaN, options) === 0) return;
    if (count + 2 > links.length) {
      const bigger = new Int32Array(links.length * 2);
      bigger.set(links);
      links = bigger;
    }
    links[count] = i;
    links[count + 1] = j;
    count += 2;
  };
  for (let i = 0; i < n; i += 1) {
    for (let r = 0; r < keys; r += 1) {
      const t = keysOf[i * keys + r] ?? -1;
      if (t < 0) break;
      const start = offsets[t] ?? 0;
      const end = offsets[t + 1] ?? 0;
      const p = keyPlace[i * keys + r] ?? 0;
      for (let step = 1; step <= neighbours; step += 1) {
        if (p - step >= start) link(i, lists[p - step] ?? i);
        if (p + step < end) link(i, lists[p + step] ?? i);
      }
      // Undated articles are compared with every date: link a few of them too.
      if (!Number.isNaN(days[i] ?? Number.NaN)) {
        for (let q = end - 1, taken = 0; q >= start && taken < neighbours; q -= 1, taken += 1) {
          const j = lists[q] ?? i;
          if (!Number.isNaN(days[j] ?? Number.NaN)) break;
          link(i, j);
        }
      }
    }
  }
  return links.slice(0, count);
}

/**
 * The similarity of each linked pair (as `similarity`): the links are taken by their first
 * article, whose vector is spread over a dense array once, and each partner's terms are read
 * against it in ascending order, so every dot product adds the same products in the same order.
 */
function linkSimilarities(corpus: EventCorpus, links: Int32Array, factor: (a: number, b: number) => number): Float64Array {
  const n = corpus.inputs.length;
  const count = links.length >> 1;
  const out = new Float64Array(count);
  const start = new Int32Array(n + 1);
  for (let k = 0; k < count; k += 1) {
    const i = links[2 * k] ?? 0;
    start[i + 1] = (start[i + 1] ?? 0) + 1;
  }
  for (let i = 0; i < n; i += 1) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const byFirst = new Int32Array(count);
  const fill = start.slice(0, n);
  for (let k = 0; k < count; k += 1) {
    const i = links[2 * k] ?? 0;
    const at = fill[i] ?? 0;
    byFirst[at] = k;
    fill[i] = at + 1;
  }
  const dense = new Float64Array(corpus.idf.size);
  const { days } = corpus;
  for (let i = 0; i < n; i += 1) {
    const from = start[i] ?? 0;
    const to = start[i + 1] ?? 0;
    const a = corpus.vectors[i];
    if (from === to || !a) continue;
    for (let k = 0; k < a.ids.length; k += 1) dense[a.ids[k] ?? 0] = a.weights[k] ?? 0;
    for (let p = from; p < to; p += 1) {
      const k = byFirst[p] ?? 0;
      const j = links[2 * k + 1] ?? 0;
      const b = corpus.vectors[j];
      const f = factor(days[i] ?? Number.NaN, days[j] ?? Number.NaN);
      if (!b || f === 0) continue;
      let d = 0;
      for (let q = 0; q < b.ids.length; q += 1) d += (dense[b.ids[q] ?? 0] ?? 0) * (b.weights[q] ?? 0);
      out[k] = d * f;
    }
    for (let k = 0; k < a.ids.length; k += 1) dense[a.ids[k] ?? 0] = 0;
  }
  return out;
}

/**
 * A max-heap of candidate merges: mean, the two groups and their versions when pushed. Entries
 * live in typed arrays (slots reused after a pop); the heap orders entry numbers.
 */
class MergeHeap {
  private mean = new Float64Array(1024);
  private ga = new Int32Array(1024);
  private gb = new Int32Array(1024);
  private va = new Int32Array(1024);
  private vb = new Int32Array(1024);
  private heap = new Int32Array(1024);
  private length = 0;
  private readonly free: number[] = [];
  private used = 0;

  /** Higher mean first; ties by the smaller group index, then the other. */
  private before(x: number, y: number): boolean {
    const mx = this.mean[x] ?? 0;
    const my = this.mean[y] ?? 0;
    if (mx !== my) return mx > my;
    const ax = this.ga[x] ?? 0;
    const ay = this.ga[y] ?? 0;
    return ax !== ay ? ax < ay : (this.gb[x] ?? 0) < (this.gb[y] ?? 0);
  }

  private grow(): void {
    const size = this.mean.length * 2;
    const bigger = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const arr = make(size);
      arr.set(old);
      return arr;
    };
    this.mean = bigger(this.mean, (n) => new Float64Array(n));
    this.ga = bigger(this.ga, (n) => new Int32Array(n));
    this.gb = bigger(this.gb, (n) => new Int32Array(n));
    this.va = bigger(this.va, (n) => new Int32Array(n));
    this.vb = bigger(this.vb, (n) => new Int32Array(n));
    this.heap = bigger(this.heap, (n) => new Int32Array(n));
  }

  push(mean: number, a: number, b: number, va: number, vb: number): void {
    let e = this.free.pop();
    if (e === undefined) {
      if (this.used === this.mean.length) this.grow();
      e = this.used;
      this.used += 1;
    }
    this.mean[e] = mean;
    this.ga[e] = Math.min(a, b);
    this.gb[e] = Math.max(a, b);
    this.va[e] = a < b ? va : vb;
    this.vb[e] = a < b ? vb : va;
    let i = this.length;
    this.length += 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = this.heap[parent] ?? 0;
      if (!this.before(e, p)) break;
      this.heap[i] = p;
      i = parent;
    }
    this.heap[i] = e;
  }

  /** The top entry [mean, a, b, version of a, version of b], removed; null when empty. */
  pop(): [number, number, number, number, number] | null {
    if (this.length === 0) return null;
    const e = this.heap[0] ?? 0;
    const top: [number, number, number, number, number] = [this.mean[e] ?? 0, this.ga[e] ?? 0, this.gb[e] ?? 0, this.va[e] ?? 0, this.vb[e] ?? 0];
    this.free.push(e);
    this.length -= 1;
    const last = this.heap[this.length] ?? 0;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.length) break;
      const r = l + 1;
      let child = l;
      if (r < this.length && this.before(this.heap[r] ?? 0, this.heap[l] ?? 0)) child = r;
      const c = this.heap[child] ?? 0;
      if (!this.before(c, last)) break;
      this.heap[i] = c;
      i = child;
    }
    this.heap[i] = last;
    return top;
  }
}

/**
 * Average-linkage clustering over candidate links with exact group means: the groups as lists
 * of article indexes, each sorted, ordered by their first member (as `averageLinkage`).
 */
export function blockedAverageLinkage(corpus: EventCorpus, threshold: number, links: Int32Array = candidateLinks(corpus)): number[][] {
  const n = corpus.inputs.length;
  const o = corpus.options;
  const size = new Int32Array(n).fill(1);
  const version = new Int32Array(n);
  const alive = new Uint8Array(n).fill(1);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const slots: (Slots | null)[] = new Array<Slots | null>(n).fill(null);
  const slotsOf = (g: number): Slots => {
    let s = slots[g];
    if (!s) {
      s = singleSlots(corpus, g);
      slots[g] = s;
    }
    return s;
  };
  const days = corpus.days;
  const factor = factorTable(o);
  const vocabulary = corpus.idf.size;
  /**
   * The kept group's day sums, each spread over a dense array when first read, so S(A, g) reads
   * A's weights without hashing. The arrays stay while the same group is kept merge after merge
   * (a large event taking in articles one by one), updated with what each merge adds, and are
   * cleared when another group is kept.
   */
  let owner = -1;
  const poolA: Float64Array[] = [];
  const scratch = new Float64Array(vocabulary);
  const spreadA: (Float64Array | null)[] = [];
  const spreadAUsed: number[] = [];
  const denseA = (slotsA: Slots, x: number): Float64Array => {
    let arr = spreadA[x];
    if (arr) return arr;
    arr = poolA[x] ?? new Float64Array(vocabulary);
    poolA[x] = arr;
    const vec = slotsA.vecs[x];
    if (vec) for (let k = 0; k < vec.size; k += 1) arr[vec.terms[k] ?? 0] = vec.weights[k] ?? 0;
    spreadA[x] = arr;
    spreadAUsed.push(x);
    return arr;
  };
  const keep = (a: number): void => {
    if (owner === a) return;
    const own = owner >= 0 ? slots[owner] : null;
    for (const x of spreadAUsed) {
      const arr = spreadA[x];
      const vec = own?.vecs[x];
      if (arr && vec) for (let k = 0; k < vec.size; k += 1) arr[vec.terms[k] ?? 0] = 0;
      spreadA[x] = null;
    }
    spreadAUsed.length = 0;
    owner = a;
  };
  /** Adds B's day sums to the spread arrays of the kept group, as mergeSlots adds them to its slots. */
  const addToSpread = (slotsA: Slots, slotsB: Slots): void => {
    for (let y = 0; y < slotsB.days.length; y += 1) {
      const vec = slotsB.vecs[y];
      const day = slotsB.days[y] ?? Number.NaN;
      const x = slotsA.days.findIndex((d) => sameDay(d, day));
      const arr = x >= 0 ? spreadA[x] : null;
      if (!arr || !vec) continue;
      for (let k = 0; k < vec.size; k += 1) {
        const t = vec.terms[k] ?? 0;
        arr[t] = (arr[t] ?? 0) + (vec.weights[k] ?? 0);
      }
    }
  };
  /**
   * S(A, g) from A's slots, as `slotSum` (each day pair's product summed over the smaller
   * vector's terms in its order); a group of one is read from its term vector.
   */
  const sumWithSlots = (slotsA: Slots, g: number): number => {
    const own = slots[g];
    let s = 0;
    if (own) {
      for (let x = 0; x < slotsA.days.length; x += 1) {
        const va = slotsA.vecs[x];
        if (!va) continue;
        for (let y = 0; y < own.days.length; y += 1) {
          const f = factor(slotsA.days[x] ?? Number.NaN, own.days[y] ?? Number.NaN);
          const vb = own.vecs[y];
          if (f === 0 || !vb) continue;
          let d = 0;
          if (va.size <= vb.size && vb.size > 4 * va.size) {
            for (let k = 0; k < va.size; k += 1) d += (va.weights[k] ?? 0) * vb.get(va.terms[k] ?? 0);
          } else if (va.size <= vb.size) {
            // g's day sum spread over a scratch array: cheaper than hashing when it is not much larger.
            for (let k = 0; k < vb.size; k += 1) scratch[vb.terms[k] ?? 0] = vb.weights[k] ?? 0;
            for (let k = 0; k < va.size; k += 1) d += (va.weights[k] ?? 0) * (scratch[va.terms[k] ?? 0] ?? 0);
            for (let k = 0; k < vb.size; k += 1) scratch[vb.terms[k] ?? 0] = 0;
          } else {
            const arr = denseA(slotsA, x);
            for (let k = 0; k < vb.size; k += 1) d += (vb.weights[k] ?? 0) * (arr[vb.terms[k] ?? 0] ?? 0);
          }
          s += f * d;
        }
      }
      return s;
    }
    const v = corpus.vectors[g];
    if (!v) return 0;
    const day = days[g] ?? Number.NaN;
    for (let x = 0; x < slotsA.days.length; x += 1) {
      const f = factor(slotsA.days[x] ?? Number.NaN, day);
      if (f === 0 || !slotsA.vecs[x]) continue;
      const arr = denseA(slotsA, x);
      let d = 0;
      for (let k = 0; k < v.ids.length; k += 1) d += (v.weights[k] ?? 0) * (arr[v.ids[k] ?? 0] ?? 0);
      s += f * d;
    }
    return s;
  };
  /** One group's day sums spread over dense arrays (one per day), to score many groups against. */
  const pool: Float64Array[] = [];
  const dense = {
    days: [] as number[],
    arrays: [] as Float64Array[],
    spread(from: Slots): void {
      this.days = from.days;
      this.arrays = from.vecs.map((vec, y) => {
        const arr = pool[y] ?? new Float64Array(vocabulary);
        pool[y] = arr;
        for (let k = 0; k < vec.size; k += 1) arr[vec.terms[k] ?? 0] = vec.weights[k] ?? 0;
        return arr;
      });
    },
    clear(from: Slots): void {
      from.vecs.forEach((vec, y) => {
        const arr = pool[y];
        if (arr) for (let k = 0; k < vec.size; k += 1) arr[vec.terms[k] ?? 0] = 0;
      });
    },
    sumWith(g: number): number {
      let s = 0;
      const own = slots[g];
      for (let y = 0; y < this.days.length; y += 1) {
        const arr = this.arrays[y];
        const dy = this.days[y] ?? Number.NaN;
        if (!arr) continue;
        if (own) {
          for (let x = 0; x < own.days.length; x += 1) {
            const f = factor(dy, own.days[x] ?? Number.NaN);
            const vec = own.vecs[x];
            if (f === 0 || !vec) continue;
            const { terms, weights } = vec;
            let d = 0;
            for (let k = 0; k < vec.size; k += 1) d += (weights[k] ?? 0) * (arr[terms[k] ?? 0] ?? 0);
            s += f * d;
          }
        } else {
          const v = corpus.vectors[g];
          const f = factor(dy, days[g] ?? Number.NaN);
          if (f === 0 || !v) continue;
          let d = 0;
          for (let k = 0; k < v.ids.length; k += 1) d += (v.weights[k] ?? 0) * (arr[v.ids[k] ?? 0] ?? 0);
          s += f * d;
        }
      }
      return s;
    },
  };
  /** For each group, the groups it is linked to and the exact S between them. */
  const degree = new Int32Array(n);
  for (const i of links) degree[i] = (degree[i] ?? 0) + 1;
  const linked: LinkMap[] = Array.from({ length: n }, (_, i) => new LinkMap(degree[i] ?? 0));
  const heap = new MergeHeap();
  const linkSims = linkSimilarities(corpus, links, factor);
  for (let k = 0; k + 1 < links.length; k += 2) {
    const i = links[k] ?? 0;
    const j = links[k + 1] ?? 0;
    const s = linkSims[k >> 1] ?? 0;
    linked[i]?.set(j, s);
    linked[j]?.set(i, s);
  }
  /**
   * Each group's best linked partner sits in the heap with its current mean. That is enough: the
   * pair the exhaustive version merges next is each other's best partner, so it is there.
   */
  const best = new Int32Array(n).fill(-1);
  // Scratch for one merge: which groups are linked to a and to b (this merge's stamp), S with b.
  const inA = new Int32Array(n);
  const inB = new Int32Array(n);
  const sB = new Float64Array(n);
  let stamp = 0;
  const rescore = (g: number): void => {
    let partner = -1;
    let top = -Infinity;
    const link = linked[g];
    const count = link?.size ?? 0;
    for (let e = 0; e < count; e += 1) {
      const h = link?.keys[e] ?? 0;
      const s = link?.values[e] ?? 0;
      const m = s / ((size[g] ?? 1) * (size[h] ?? 1));
      if (m > top || (m === top && h < partner)) {
        top = m;
        partner = h;
      }
    }
    best[g] = partner;
    if (partner >= 0 && top >= threshold) heap.push(top, g, partner, version[g] ?? 0, version[partner] ?? 0);
  };
  for (let i = 0; i < n; i += 1) rescore(i);
  for (;;) {
    const top = heap.pop();
    if (top === null) break;
    const [mean, x, y, vx, vy] = top;
    if (mean < threshold) break;
    if (alive[x] === 0 || alive[y] === 0 || version[x] !== vx || version[y] !== vy) continue;
    // Keep the group with more links; fold the other in.
    const [a, b] = (linked[x]?.size ?? 0) >= (linked[y]?.size ?? 0) ? [x, y] : [y, x];
    const linkA = linked[a] ?? new LinkMap();
    const linkB = linked[b] ?? new LinkMap();
    const slotsA = slotsOf(a);
    const slotsB = slotsOf(b);
    keep(a);
    linkA.delete(b);
    // b's links by group, and a's, in scratch arrays stamped with this merge.
    stamp += 1;
    for (let e = 0; e < linkB.size; e += 1) {
      const g = linkB.keys[e] ?? 0;
      inB[g] = stamp;
      sB[g] = linkB.values[e] ?? 0;
    }
    // S(b, g) for the groups linked to a only: b's day sums spread over dense arrays once.
    let spread = false;
    for (let e = 0; e < linkA.size; e += 1) {
      const g = linkA.keys[e] ?? 0;
      const s = linkA.values[e] ?? 0;
      inA[g] = stamp;
      if (inB[g] === stamp) {
        linkA.values[e] = s + (sB[g] ?? 0);
        continue;
      }
      if (!spread) {
        dense.spread(slotsB);
        spread = true;
      }
      linkA.values[e] = s + dense.sumWith(g);
    }
    if (spread) dense.clear(slotsB);
    for (let e = 0; e < linkB.size; e += 1) {
      const g = linkB.keys[e] ?? 0;
      if (g === a || inA[g] === stamp) continue;
      linkA.set(g, (linkB.values[e] ?? 0) + sumWithSlots(slotsA, g));
    }
    addToSpread(slotsA, slotsB);
    mergeSlots(slotsA, slotsB);
    slots[b] = null;
    alive[b] = 0;
    size[a] = (size[a] ?? 0) + (size[b] ?? 0);
    version[a] = (version[a] ?? 0) + 1;
    const ma = members[a] ?? [];
    for (const m of members[b] ?? []) ma.push(m);
    members[b] = [];
    linked[b] = new LinkMap(0);
    const stale: number[] = [];
    for (let e = 0; e < linkA.size; e += 1) {
      const g = linkA.keys[e] ?? 0;
      const s = linkA.values[e] ?? 0;
      const linkG = linked[g];
      linkG?.delete(b);
      linkG?.set(a, s);
      if (best[g] === a || best[g] === b) stale.push(g);
    }
    rescore(a);
    for (const g of stale) rescore(g);
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i += 1) if (alive[i] === 1) out.push([...(members[i] ?? [])].sort((p, q) => p - q));
  return out.sort((p, q) => (p[0] ?? 0) - (q[0] ?? 0));
}
