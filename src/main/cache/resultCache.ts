/**
 * Incremental cache of per-article analysis results, one file per article folder, stored in the
 * app's data folder (never in the article folder). Entries are keyed by the article's content
 * hash; the whole file is keyed by the engine and lexicon versions, so a new engine or an edited
 * lexicon starts a fresh cache. A corrupt or unreadable cache file is reported and rebuilt, never
 * fatal.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FORMAT = 1;

interface CacheFile<T> {
  readonly format: number;
  readonly versionKey: string;
  readonly folder: string;
  readonly checksum: string;
  readonly entries: Record<string, T>;
}

export interface CacheLoad {
  /** 'fresh' when there was no cache, 'stale' when versions changed, 'corrupt' when it was unreadable. */
  readonly status: 'hit' | 'fresh' | 'stale' | 'corrupt';
  readonly entries: number;
  readonly message?: string;
}

/**
 * Results hold typed arrays (compact term sequences); JSON would turn them into objects with
 * numeric keys, so they are written as { $typed, data } and revived on load.
 */
const TYPED = { Int32Array, Uint8Array, Float64Array, Uint32Array } as const;
type TypedName = keyof typeof TYPED;

function replacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name;
    if (name in TYPED) return { $typed: name, data: Array.from(value as unknown as ArrayLike<number>) };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && '$typed' in value && 'data' in value) {
    const { $typed, data } = value as { $typed: string; data: unknown };
    if ($typed in TYPED && Array.isArray(data)) return TYPED[$typed as TypedName].from(data as number[]);
  }
  return value;
}

function checksumOf(entries: unknown): string {
  return createHash('sha256').update(JSON.stringify(entries, replacer)).digest('hex');
}

export class ResultCache<T> {
  private entries = new Map<string, T>();
  private used = new Set<string>();
  private dirty = false;
  readonly file: string;

  constructor(
    cacheDir: string,
    private readonly folder: string,
    private readonly versionKey: string,
  ) {
    const id = createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 32);
    this.file = path.join(cacheDir, `${id}.json`);
  }

  async load(): Promise<CacheLoad> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return { status: 'fresh', entries: 0 };
    }
    try {
      const parsed = JSON.parse(text, reviver) as Partial<CacheFile<T>>;
      if (parsed.format !== FORMAT || typeof parsed.entries !== 'object' || parsed.entries === null) {
        throw new Error('unknown format');
      }
      if (parsed.versionKey !== this.versionKey) return { status: 'stale', entries: 0 };
      if (parsed.checksum !== checksumOf(parsed.entries)) throw new Error('checksum mismatch');
      this.entries = new Map(Object.entries(parsed.entries));
      return { status: 'hit', entries: this.entries.size };
    } catch (err) {
      this.entries.clear();
      this.dirty = true;
      return { status: 'corrupt', entries: 0, message: `The analysis cache was unreadable (${(err as Error).message}); rebuilding it.` };
    }
  }

  get(hash: string): T | undefined {
    const value = this.entries.get(hash);
    if (value !== undefined) this.used.add(hash);
    return value;
  }

  set(hash: string, value: T): void {
    this.entries.set(hash, value);
    this.used.add(hash);
    this.dirty = true;
  }

  /** Writes the cache atomically, dropping entries no longer used by the folder. */
  async save(): Promise<void> {
    for (const key of [...this.entries.keys()]) {
      if (!this.used.has(key)) {
        this.entries.delete(key);
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    const entries = Object.fromEntries(this.entries);
    const body: CacheFile<T> = { format: FORMAT, versionKey: this.versionKey, folder: this.folder, checksum: checksumOf(entries), entries };
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, JSON.stringify(body, replacer));
      await rename(temp, this.file);
      this.dirty = false;
    } finally {
      await rm(temp, { force: true });
    }
  }
}
