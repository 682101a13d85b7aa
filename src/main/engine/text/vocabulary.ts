/**
 * The engine's vocabulary: every normalised token form gets one integer id, shared by every
 * matcher in the process. The tokeniser looks ASCII words up straight from the text's character
 * codes (hashing them as it scans), so a known word costs no string allocation and no `Map`
 * hashing, and every token of the same word carries the same `norm` string. Lexicons intern their
 * words once when they are built; a matcher then compares ids (integers) instead of strings.
 *
 * The table only grows. Words met in articles are added until `AUTO_CAPACITY` entries; past it a
 * new article word gets id -1 (its `norm` is still exact), which no lexicon entry has: lexicon
 * words are always interned, whatever the size.
 */

/** Words added by the tokeniser stop being interned past this many entries (memory bound). */
export const AUTO_CAPACITY = 1 << 20;

/** FNV-1a step over one (already normalised) UTF-16 code unit. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}

export const HASH_SEED = 0x811c9dc5 | 0;

/** Hash of a normalised string: the same as the tokeniser computes while scanning. */
export function hashNorm(s: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < s.length; i += 1) h = hashStep(h, s.charCodeAt(i));
  return h;
}

/**
 * A copy of `s` that shares no memory with a larger string: a slice of an article's text would
 * otherwise keep the whole article alive for as long as the vocabulary holds the word. The copy
 * is a one-byte string when every code unit fits, which also makes later hashing cheaper.
 */
export function detached(s: string): string {
  const CHUNK = 1024;
  const codes: number[] = [];
  let out = '';
  for (let i = 0; i < s.length; i += CHUNK) {
    codes.length = 0;
    const end = Math.min(s.length, i + CHUNK);
    for (let k = i; k < end; k += 1) codes.push(s.charCodeAt(k));
    out += String.fromCharCode(...codes);
  }
  return out;
}

export class Vocabulary {
  /** Normalised form by id. */
  readonly norms: string[] = [];
  private hashes = new Int32Array(1024);
  /** Open addressing: id + 1 per slot, 0 when empty. */
  private table = new Int32Array(4096);
  private mask = 4095;

  /** @param autoCapacity entries past which `internToken` adds nothing (lexicon words still are). */
  constructor(readonly autoCapacity: number = AUTO_CAPACITY) {}

  get size(): number {
    return this.norms.length;
  }

  /** Id of a normalised form, added when new (always: for lexicon words). */
  intern(norm: string): number {
    const h = hashNorm(norm);
    const found = this.findString(norm, h);
    return found >= 0 ? found : this.add(norm, h);
  }

  /** Id of a normalised form, or -1 when it was never interned. */
  find(norm: string): number {
    return this.findString(norm, hashNorm(norm));
  }

  /** Id for a token the tokeniser produced: found, added while below AUTO_CAPACITY, else -1. */
  internToken(norm: string, h: number): number {
    const found = this.findString(norm, h);
    if (found >= 0 || this.norms.length >= this.autoCapacity) return found;
    return this.add(norm, h);
  }

  private findString(norm: string, h: number): number {
    const { table, mask, hashes, norms } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const e = table[slot] ?? 0;
      if (e === 0) return -1;
      const id = e - 1;
      if (hashes[id] === h && norms[id] === norm) return id;
    }
  }

  /**
   * Id of the ASCII text range [start, end) lower-cased (A–Z folded to a–z, nothing else
   * changed), whose hash over the lower-cased codes is `h`; -1 when not interned.
   */
  findAsciiLower(text: string, start: number, end: number, h: number): number {
    const { table, mask, hashes, norms } = this;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const e = table[slot] ?? 0;
      if (e === 0) return -1;
      const id = e - 1;
      if (hashes[id] !== h) continue;
      const norm = norms[id] ?? '';
      if (norm.length !== length) continue;
      let k = 0;
      while (k < length) {
        const c = text.charCodeAt(start + k);
        if ((c >= 65 && c <= 90 ? c + 32 : c) !== norm.charCodeAt(k)) break;
        k += 1;
      }
      if (k === length) return id;
    }
  }

  private add(norm: string, h: number): number {
    const id = this.norms.length;
    this.norms.push(detached(norm));
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    if ((id + 1) * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(id, h);
    return id;
  }

  private place(id: number, h: number): void {
    const { table, mask } = this;
    let slot = h & mask;
    while ((table[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    table[slot] = id + 1;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.norms.length; id += 1) this.place(id, this.hashes[id] ?? 0);
  }
}

/** The process-wide vocabulary every tokeniser and lexicon index uses. */
export const VOCABULARY = new Vocabulary();

/**
 * A set of words as a flag per vocabulary id, for per-token tests without hashing. The words
 * are interned when the set is built, so a token of one of them always has its id.
 */
export class WordIdSet {
  private readonly flags: Uint8Array;

  constructor(words: Iterable<string>, vocabulary: Vocabulary = VOCABULARY) {
    const ids: number[] = [];
    for (const w of words) ids.push(vocabulary.intern(w));
    let max = -1;
    for (const id of ids) if (id > max) max = id;
    this.flags = new Uint8Array(max + 1);
    for (const id of ids) this.flags[id] = 1;
  }

  has(id: number): boolean {
    return id >= 0 && id < this.flags.length && this.flags[id] === 1;
  }
}
