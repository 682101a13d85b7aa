/**
 * Incremental cache of per-article analysis results, one file per article folder, stored in the
 * app's data folder (never in the article folder). Entries are keyed by the article's content
 * hash; the whole file is keyed by the engine and lexicon versions, so a new engine or an edited
 * lexicon starts a fresh cache. A corrupt or unreadable cache file is reported and rebuilt, never
 * fatal.
 */
import { constants } from 'node:buffer';
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { pack, unpack } from '../workers/packed';

/**
 * Format 3: one binary file, read with one `readFile` and rebuilt without JSON.
 *
 *   magic "FSRESULT" · u32 header length · header JSON ({ format, versionKey, folder, endian,
 *   entries }) · then per entry a 24-byte head (u32 key bytes, u32 strings bytes, u32 numbers,
 *   u32 program length, u32 typed-array bytes, u32 zero) followed by its sections: the key
 *   (UTF-8), the record's strings (`v8.serialize` of the string list), its numbers (Float64), its
 *   structure program (Int32) and its typed arrays' bytes — the packed form of
 *   `src/main/workers/packed.ts` — each section starting at a multiple of 8 · then the sha256
 *   of every byte before it (32 bytes).
 *
 * Numbers and program are read in place as typed-array views of the file's bytes (native byte
 * order, recorded in the header); `unpack` copies what the record keeps, so no record holds the
 * file's buffer alive. Format 2 (JSON lines, `<id>.json`) took longer to read than analysing the
 * articles again; such a file is reported stale and removed by the next save.
 */
const FORMAT = 3;
const MAGIC = Buffer.from('FSRESULT', 'latin1');
const ENTRY_HEAD = 24;
const CHECKSUM = 32;
/** Whole-file writes are gathered into chunks of about this size. */
const WRITE_CHUNK = 8 << 20;

interface CacheHeader {
  readonly format: number;
  readonly versionKey: string;
  readonly folder: string;
  readonly endian: 'LE' | 'BE';
  readonly entries: number;
}

const align8 = (n: number): number => (n + 7) & ~7;

export interface CacheLoad {
  /** 'fresh' when there was no cache, 'stale' when versions changed, 'corrupt' when it was unreadable. */
  readonly status: 'hit' | 'fresh' | 'stale' | 'corrupt';
  readonly entries: number;
  readonly message?: string;
}

class CorruptCache extends Error {}

/** Bytes read per call when reading the cache file. */
const READ_CHUNK = 64 * 1024 * 1024;

/**
 * The whole file in one buffer of its own, starting at a multiple of 8 (the numbers and programs
 * are read as typed-array views of it). Read in chunks: `readFile` refuses files over 2 GiB, which
 * a folder of some 35,000 articles reaches; a buffer can hold up to `buffer.constants.MAX_LENGTH`.
 */
async function readWhole(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > constants.MAX_LENGTH) throw new CorruptCache(`the file is ${String(size)} bytes, more than one buffer can hold`);
    const data = Buffer.allocUnsafeSlow(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(data, at, Math.min(READ_CHUNK, size - at), at);
      if (bytesRead === 0) throw new CorruptCache('the file shrank while it was read');
      at += bytesRead;
    }
    return data;
  } finally {
    await handle.close();
  }
}

/** Reads a cache file's bytes; throws CorruptCache with what is wrong, returns null when the file is of another format or version. */
function readEntries(data: Buffer, versionKey: string, shared: Map<string, string> | undefined): Map<string, unknown> | null {
  if (data.length < MAGIC.length + 4) throw new CorruptCache('the file is cut short');
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) throw new CorruptCache('not a Framescope result cache');
  const headerLength = data.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd + CHECKSUM > data.length) throw new CorruptCache('the file is cut short');
  let header: Partial<CacheHeader>;
  try {
    header = JSON.parse(data.toString('utf8', MAGIC.length + 4, headerEnd)) as Partial<CacheHeader>;
  } catch {
    throw new CorruptCache('unreadable header');
  }
  if (header.format !== FORMAT || header.versionKey !== versionKey || header.endian !== os.endianness()) return null;
  const count = header.entries;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new CorruptCache('unreadable header');
  const body = data.length - CHECKSUM;
  const digest = createHash('sha256').update(data.subarray(0, body)).digest();
  if (!digest.equals(data.subarray(body))) throw new CorruptCache('checksum mismatch');

  const entries = new Map<string, unknown>();
  let at = align8(headerEnd);
  const section = (length: number): number => {
    const start = at;
    if (length < 0 || start + length > body) throw new CorruptCache('an entry runs past the end of the file');
    at = align8(start + length);
    return start;
  };
  for (let i = 0; i < count; i += 1) {
    const head = section(ENTRY_HEAD);
    const keyBytes = data.readUInt32LE(head);
    const stringBytes = data.readUInt32LE(head + 4);
    const numberCount = data.readUInt32LE(head + 8);
    const programCount = data.readUInt32LE(head + 12);
    const typedBytes = data.readUInt32LE(head + 16);
    const keyAt = section(keyBytes);
    const stringsAt = section(stringBytes);
    const numbersAt = section(numberCount * 8);
    const programAt = section(programCount * 4);
    const typedAt = section(typedBytes);
    const key = data.toString('utf8', keyAt, keyAt + keyBytes);
    let value: unknown;
    try {
      const strings = deserialize(data.subarray(stringsAt, stringsAt + stringBytes)) as unknown;
      if (!Array.isArray(strings)) throw new Error('strings are not a list');
      value = unpack(
        {
          strings: strings as string[],
          numbers: new Float64Array(data.buffer, data.byteOffset + numbersAt, numberCount),
          program: new Int32Array(data.buffer, data.byteOffset + programAt, programCount),
          bytes: data.subarray(typedAt, typedAt + typedBytes),
        },
        shared,
      );
    } catch (err) {
      throw new CorruptCache(`entry ${String(i + 1)}: ${(err as Error).message}`);
    }
    entries.set(key, value);
  }
  if (at !== body) throw new CorruptCache('data after the last entry');
  return entries;
}

export class ResultCache<T> {
  private entries = new Map<string, T>();
  private used = new Set<string>();
  private dirty = false;
  readonly file: string;
  /** Where format 2 kept the same folder's results; removed by the next save. */
  private readonly legacyFile: string;

  constructor(
    cacheDir: string,
    private readonly folder: string,
    private readonly versionKey: string,
    /**
     * Strings up to `SHARED_STRING_MAX_LENGTH` characters read from the cache are looked up here
     * (and added when new), so records hold one copy of each repeated string.
     */
    private readonly shared?: Map<string, string>,
  ) {
    const id = createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 32);
    this.file = path.join(cacheDir, `${id}.results`);
    this.legacyFile = path.join(cacheDir, `${id}.json`);
  }

  async load(): Promise<CacheLoad> {
    let data: Buffer;
    try {
      data = await readWhole(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.dirty = true;
        return { status: 'corrupt', entries: 0, message: `The analysis cache was unreadable (${(err as Error).message}); rebuilding it.` };
      }
      try {
        await access(this.legacyFile);
      } catch {
        return { status: 'fresh', entries: 0 };
      }
      this.dirty = true;
      return { status: 'stale', entries: 0 };
    }
    try {
      const entries = readEntries(data, this.versionKey, this.shared);
      if (entries === null) {
        this.dirty = true;
        return { status: 'stale', entries: 0 };
      }
      this.entries = entries as Map<string, T>;
      return { status: 'hit', entries: entries.size };
    } catch (err) {
      this.entries.clear();
      this.dirty = true;
      const reason = err instanceof CorruptCache || err instanceof RangeError ? err.message : String(err);
      return { status: 'corrupt', entries: 0, message: `The analysis cache was unreadable (${reason}); rebuilding it.` };
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
      const pending: Uint8Array[] = [];
      let pendingBytes = 0;
      let written = 0;
      const flush = async (): Promise<void> => {
        if (pendingBytes === 0) return;
        const chunk = Buffer.concat(pending, pendingBytes);
        pending.length = 0;
        pendingBytes = 0;
        hash.update(chunk);
        await handle.write(chunk);
      };
      const put = async (part: Uint8Array): Promise<void> => {
        pending.push(part);
        pendingBytes += part.byteLength;
        written += part.byteLength;
        const pad = align8(written) - written;
        if (pad > 0) {
          pending.push(new Uint8Array(pad));
          pendingBytes += pad;
          written += pad;
        }
        if (pendingBytes >= WRITE_CHUNK) await flush();
      };
      const bytesOf = (view: ArrayBufferView): Uint8Array => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

      const header: CacheHeader = { format: FORMAT, versionKey: this.versionKey, folder: this.folder, endian: os.endianness(), entries: this.entries.size };
      const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
      const lead = Buffer.alloc(MAGIC.length + 4);
      MAGIC.copy(lead);
      lead.writeUInt32LE(headerBytes.length, MAGIC.length);
      pending.push(lead);
      pendingBytes += lead.length;
      written += lead.length;
      await put(headerBytes);
      for (const [key, value] of this.entries) {
        const packed = pack(value);
        const keyBytes = Buffer.from(key, 'utf8');
        const strings = serialize(packed.strings);
        const head = Buffer.alloc(ENTRY_HEAD);
        head.writeUInt32LE(keyBytes.length, 0);
        head.writeUInt32LE(strings.length, 4);
        head.writeUInt32LE(packed.numbers.length, 8);
        head.writeUInt32LE(packed.program.length, 12);
        head.writeUInt32LE(packed.bytes.length, 16);
        await put(head);
        await put(keyBytes);
        await put(strings);
        await put(bytesOf(packed.numbers));
        await put(bytesOf(packed.program));
        await put(packed.bytes);
      }
      await flush();
      await handle.write(hash.digest());
      await handle.close();
      await rename(temp, this.file);
      await rm(this.legacyFile, { force: true });
      this.dirty = false;
    } finally {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
    }
  }
}
