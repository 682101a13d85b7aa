/**
 * Incremental cache of per-article analysis results, one file per article folder, stored in the
 * app's data folder (never in the article folder). Entries are keyed by the article's content
 * hash; the whole file is keyed by the engine and lexicon versions, so a new engine or an edited
 * lexicon starts a fresh cache. A corrupt or unreadable cache file is reported and rebuilt, never
 * fatal.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import path from 'node:path';

/**
 * Format 2: one JSON value per line — a header, one `[hash, result]` line per article, and a
 * trailer with the sha256 of every line before it. Written and read as a stream, so a cache for
 * 10,000 articles never becomes one giant string.
 */
const FORMAT = 2;

interface CacheHeader {
  readonly format: number;
  readonly versionKey: string;
  readonly folder: string;
}
/**
 * Results hold typed arrays (compact columns); JSON would turn them into objects with numeric
 * keys, and a list of numbers would lose NaN, ±Infinity and -0 (a Float64Array marks excluded
 * sentences with NaN). So each is written as { $typed, bytes } with its bytes in base64, exact
 * and compact, and revived on load. (Caches of the older { $typed, data } form were written for
 * an older record format: their version key no longer matches, so they are never read.)
 */
const TYPED = { Int32Array, Uint8Array, Float64Array, Uint32Array, Float32Array, Int16Array, Uint16Array, Int8Array } as const;
type TypedName = keyof typeof TYPED;

function replacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name;
    if (name in TYPED) return { $typed: name, bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && '$typed' in value) {
    const { $typed } = value as { $typed: string };
    if (!($typed in TYPED)) return value;
    const kind = TYPED[$typed as TypedName];
    if ('bytes' in value && typeof value.bytes === 'string') {
      const bytes = Buffer.from(value.bytes, 'base64');
      if (bytes.length % kind.BYTES_PER_ELEMENT !== 0) throw new Error(`a ${$typed} of ${String(bytes.length)} bytes`);
      // Copied into the array's own buffer (aligned, and holding no part of a shared pool).
      const out = new kind(bytes.length / kind.BYTES_PER_ELEMENT);
      new Uint8Array(out.buffer).set(bytes);
      return out;
    }
  }
  return value;
}

export interface CacheLoad {
  /** 'fresh' when there was no cache, 'stale' when versions changed, 'corrupt' when it was unreadable. */
  readonly status: 'hit' | 'fresh' | 'stale' | 'corrupt';
  readonly entries: number;
  readonly message?: string;
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
    /** Applied to each entry as it is read (e.g. to share repeated strings). */
    private readonly revive: (value: T) => T = (value) => value,
  ) {
    const id = createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 32);
    this.file = path.join(cacheDir, `${id}.json`);
  }

  async load(): Promise<CacheLoad> {
    let stream: ReturnType<typeof createReadStream>;
    try {
      await access(this.file);
      stream = createReadStream(this.file, { encoding: 'utf8' });
    } catch {
      return { status: 'fresh', entries: 0 };
    }
    const entries = new Map<string, T>();
    const hash = createHash('sha256');
    let header: Partial<CacheHeader> | null = null;
    let checksum: string | null = null;
    try {
      for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
        if (checksum !== null) throw new Error('data after the checksum');
        if (header === null) {
          header = JSON.parse(line) as Partial<CacheHeader>;
          if (header.format !== FORMAT) throw new Error('unknown format');
          if (header.versionKey !== this.versionKey) {
            stream.destroy();
            return { status: 'stale', entries: 0 };
          }
          hash.update(`${line}\n`);
          continue;
        }
        const parsed = JSON.parse(line, reviver) as unknown;
        if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string') {
          hash.update(`${line}\n`);
          entries.set(parsed[0], this.revive(parsed[1] as T));
        } else if (typeof parsed === 'object' && parsed !== null && 'checksum' in parsed) {
          checksum = String((parsed).checksum);
        } else {
          throw new Error('unknown line');
        }
      }
      if (header === null) throw new Error('empty file');
      if (checksum === null) throw new Error('no checksum: the file was cut short');
      if (checksum !== hash.digest('hex')) throw new Error('checksum mismatch');
      this.entries = entries;
      return { status: 'hit', entries: entries.size };
    } catch (err) {
      stream.destroy();
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
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temp, 'w');
    try {
      const hash = createHash('sha256');
      let chunk = '';
      const write = async (line: string, flush = false): Promise<void> => {
        hash.update(line);
        chunk += line;
        if (flush || chunk.length > 1 << 20) {
          await handle.write(chunk);
          chunk = '';
        }
      };
      const header: CacheHeader = { format: FORMAT, versionKey: this.versionKey, folder: this.folder };
      await write(`${JSON.stringify(header)}\n`);
      for (const [key, value] of this.entries) await write(`${JSON.stringify([key, value], replacer)}\n`);
      await write('', true);
      await handle.write(`${JSON.stringify({ checksum: hash.digest('hex') })}\n`);
      await handle.close();
      await rename(temp, this.file);
      this.dirty = false;
    } finally {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
    }
  }
}
