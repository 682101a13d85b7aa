/**
 * The folder-level cache behind a fast re-open: the finished snapshot (what the dashboard's first
 * screen needs), the evidence store in its compact columns and the clutter ranges of every
 * article, in one file next to the per-article result cache (the app's data folder, never the
 * article folder).
 *
 * It is keyed by the engine and lexicon versions and by a fingerprint of the folder: the path,
 * size and modification time of every entry the folder's loading could read (articles, the
 * manifest, folder lexicons and reference data). Any added, removed or touched file, an edited
 * manifest or another engine makes it stale, and the folder is loaded and analysed as usual
 * (from the per-article cache, so only the changed files cost time). The file carries a sha256 of
 * its contents: a damaged file is reported and rebuilt, never fatal.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { FigureRow } from '../../shared/figures';
import type { AnalysisSnapshot } from '../../shared/model';
import type { MetricTable } from '../../shared/comparison';
import type { Span } from '../engine/document';
import type { EncodedEvidenceStore } from '../engine/aggregate';
import { rememberJson } from '../knownJson';

const MAGIC = 'framescope-snapshot\n';
/** Bump when the file's layout or the meaning of its parts changes. */
const FORMAT = 2;
/** The parts after the header, in order: the snapshot, the figure rows, the evidence index, then its columns. */
const PART_SNAPSHOT = 0;
const PART_FIGURES = 1;
const PART_META = 2;
const PART_COLUMNS = 3;
/** Each entry listed by the fingerprint: relative path, size and modification time. */
const MAX_FINGERPRINT_ENTRIES = 1_000_000;

export interface CachedSnapshot {
  readonly snapshot: AnalysisSnapshot;
  /** Every cited figure: kept apart from the snapshot, which the first screen loads alone. */
  readonly figures: readonly FigureRow[];
  readonly evidence: EncodedEvidenceStore;
  /** Clutter ranges per article id, as the analysis saw them. */
  readonly excluded: Readonly<Record<string, readonly Span[]>>;
  /** Each event's tables (the snapshot carries the folder's only). */
  readonly eventTables: readonly EventTables[];
}

export interface EventTables {
  readonly eventId: string;
  readonly tables: readonly MetricTable[];
}

/** What a click needs after the first screen: read from the file only when first asked for. */
export type CachedDetails = Omit<CachedSnapshot, 'snapshot' | 'figures'>;

export interface SnapshotLoad {
  readonly status: 'hit' | 'fresh' | 'stale' | 'corrupt';
  readonly snapshot?: AnalysisSnapshot;
  /** The snapshot's JSON text as stored (what `snapshot` was parsed from). */
  readonly snapshotJson?: Buffer;
  /** Reads the evidence and clutter ranges; rejects (and drops the file) when they are damaged. */
  readonly details?: () => Promise<CachedDetails>;
  /** Reads the figure rows; rejects (and drops the file) when they are damaged. */
  readonly figures?: () => Promise<readonly FigureRow[]>;
  readonly message?: string;
}

interface Header {
  readonly format: number;
  readonly versionKey: string;
  readonly folder: string;
  readonly fingerprint: string;
  /** Byte length and sha256 of each part after the header, in order. */
  readonly parts: readonly (readonly [number, string])[];
}

const COLUMNS = ['rows', 'article', 'start', 'end', 'text', 'rule', 'weight'] as const;

function skipName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || name === 'node_modules';
}

/** Entries stat'ed between turns of the event loop while fingerprinting. */
const FINGERPRINT_BATCH = 2000;

/**
 * A digest of every entry the folder's loading could read: name, kind, size and modification
 * time. Cheap (one stat per file, no reading), so an unchanged folder is recognised at once. The
 * stats are synchronous, a batch between event-loop turns: one promise per file cost about
 * 0.4 s of CPU at 10,000 files, against a few tens of milliseconds this way.
 */
export async function folderFingerprint(folder: string, recursive: boolean): Promise<string> {
  const hash = createHash('sha256');
  // Lines are hashed a batch at a time (the same digest as one update per line, far fewer calls).
  let lines: string[] = [];
  const flush = (): void => {
    hash.update(lines.join(''));
    lines = [];
  };
  const seen = new Set<string>();
  let count = 0;
  const walk = async (dir: string, rel: string, depthAllowed: boolean): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      lines.push(`!${rel}:${(err as NodeJS.ErrnoException).code ?? 'error'}\n`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: [string, string][] = [];
    for (const e of entries) {
      if (skipName(e.name)) continue;
      count += 1;
      if (count > MAX_FINGERPRINT_ENTRIES) throw new Error('too many entries');
      if (count % FINGERPRINT_BATCH === 0) {
        flush();
        await new Promise((resolve) => setImmediate(resolve));
      }
      const full = path.join(dir, e.name);
      const name = rel === '' ? e.name : `${rel}/${e.name}`;
      try {
        const s = statSync(full);
        lines.push(`${name}\0${s.isDirectory() ? 'd' : 'f'}\0${s.size}\0${s.mtimeMs}\0${s.ino}\n`);
        if (s.isDirectory()) {
          const id = `${s.dev}:${s.ino}`;
          if (!seen.has(id) && (depthAllowed || (rel === '' && e.name === 'lexicons'))) {
            seen.add(id);
            subdirs.push([full, name]);
          }
        }
      } catch (err) {
        lines.push(`${name}\0!${(err as NodeJS.ErrnoException).code ?? 'error'}\n`);
      }
    }
    for (const [full, name] of subdirs) await walk(full, name, recursive);
  };
  const root = await stat(folder);
  seen.add(`${root.dev}:${root.ino}`);
  lines.push(`${recursive ? 'recursive' : 'flat'}\n`);
  await walk(folder, '', recursive);
  flush();
  return hash.digest('hex');
}

function bytesOf(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

export class SnapshotCache {
  readonly file: string;

  constructor(
    cacheDir: string,
    private readonly folder: string,
    private readonly versionKey: string,
  ) {
    const id = createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 32);
    this.file = path.join(cacheDir, `${id}.snapshot`);
  }

  /**
   * The cached snapshot when the folder and versions are unchanged. Only the header and the
   * snapshot are read here; the evidence follows on demand (`details`).
   */
  async load(fingerprint: string): Promise<SnapshotLoad> {
    let handle: FileHandle;
    try {
      handle = await open(this.file, 'r');
    } catch {
      return { status: 'fresh' };
    }
    const corrupt = async (err: unknown): Promise<SnapshotLoad> => {
      await rm(this.file, { force: true }).catch(() => undefined);
      return { status: 'corrupt', message: `The folder's snapshot cache was unreadable (${(err as Error).message}); rebuilding it.` };
    };
    let header: Header;
    let headerLine = '';
    let bodyStart: number;
    try {
      const head = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      if (head.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not a snapshot file');
      const headerEnd = head.subarray(0, bytesRead).indexOf(10, MAGIC.length);
      if (headerEnd < 0) throw new Error('no header');
      const parsed = JSON.parse(head.subarray(MAGIC.length, headerEnd).toString('utf8')) as Partial<Header>;
      if (parsed.format !== FORMAT || !Array.isArray(parsed.parts) || parsed.parts.length !== PART_COLUMNS + COLUMNS.length) throw new Error('unknown format');
      for (const part of parsed.parts) {
        if (!Array.isArray(part) || typeof part[0] !== 'number' || part[0] < 0 || typeof part[1] !== 'string') throw new Error('bad part list');
      }
      header = parsed as Header;
      headerLine = head.subarray(0, headerEnd).toString('latin1');
      bodyStart = headerEnd + 1;
    } catch (err) {
      await handle.close();
      return corrupt(err);
    }
    if (header.versionKey !== this.versionKey || header.folder !== this.folder || header.fingerprint !== fingerprint) {
      await handle.close();
      return { status: 'stale' };
    }
    const offsets: number[] = [];
    let at = bodyStart;
    for (const [n] of header.parts) {
      offsets.push(at);
      at += n;
    }
    const readPart = async (h: FileHandle, k: number): Promise<Buffer> => {
      const [n, sum] = header.parts[k] ?? [0, ''];
      const b = Buffer.alloc(n);
      const { bytesRead } = n > 0 ? await h.read(b, 0, n, offsets[k] ?? 0) : { bytesRead: 0 };
      if (bytesRead !== n) throw new Error('the file was cut short');
      if (createHash('sha256').update(b).digest('hex') !== sum) throw new Error('checksum mismatch');
      return b;
    };
    let snapshot: AnalysisSnapshot;
    let snapshotJson: Buffer;
    try {
      if ((await handle.stat()).size !== at) throw new Error('unexpected file size');
      snapshotJson = await readPart(handle, PART_SNAPSHOT);
      snapshot = JSON.parse(snapshotJson.toString('utf8')) as AnalysisSnapshot;
      if (typeof snapshot !== 'object' || !Array.isArray(snapshot.articles)) throw new Error('bad snapshot');
    } catch (err) {
      return await corrupt(err);
    } finally {
      await handle.close();
    }
    /** Reads later parts of the file; damage drops the file (unless a newer one replaced it) and rejects. */
    const later = async <T>(read: (h: FileHandle) => Promise<T>): Promise<T> => {
      try {
        const h = await open(this.file, 'r');
        try {
          return await read(h);
        } finally {
          await h.close();
        }
      } catch (err) {
        // A newer snapshot written since (the folder was opened again) is not this one's to drop.
        if ((await this.headerLine()) === headerLine) await rm(this.file, { force: true }).catch(() => undefined);
        throw new Error(`The folder's snapshot cache was unreadable (${(err as Error).message}); reopen the folder to rebuild it.`);
      }
    };
    const figures = (): Promise<readonly FigureRow[]> =>
      later(async (h) => {
        const json = await readPart(h, PART_FIGURES);
        const rows = JSON.parse(json.toString('utf8')) as unknown;
        if (!Array.isArray(rows)) throw new Error('bad figure rows');
        // Sent to the page as stored (see getFigures), not serialised again.
        rememberJson(rows, json);
        return rows as FigureRow[];
      });
    const details = (): Promise<CachedDetails> =>
      later(async (h) => {
        const meta = JSON.parse((await readPart(h, PART_META)).toString('utf8')) as {
          strings: string[];
          keys: [string, string, number, number][];
          excluded: Record<string, Span[]>;
          eventTables: EventTables[];
        };
        if (!Array.isArray(meta.strings) || !Array.isArray(meta.keys) || typeof meta.excluded !== 'object' || !Array.isArray(meta.eventTables)) {
          throw new Error('bad evidence index');
        }
        const int32 = async (k: number): Promise<Int32Array> => {
          const b = await readPart(h, PART_COLUMNS + k);
          if (b.length % 4 !== 0) throw new Error('bad evidence column');
          return new Int32Array(b.buffer, b.byteOffset, b.length / 4);
        };
        const w = await readPart(h, PART_COLUMNS + COLUMNS.indexOf('weight'));
        if (w.length % 8 !== 0) throw new Error('bad evidence column');
        const evidence: EncodedEvidenceStore = {
          strings: meta.strings,
          keys: meta.keys,
          rows: await int32(0),
          article: await int32(1),
          start: await int32(2),
          end: await int32(3),
          text: await int32(4),
          rule: await int32(5),
          // Buffer.alloc memory is 8-byte aligned at offset 0.
          weight: new Float64Array(w.buffer, w.byteOffset, w.length / 8),
        };
        return { evidence, excluded: meta.excluded, eventTables: meta.eventTables };
      });
    return { status: 'hit', snapshot, snapshotJson, details, figures };
  }

  /** Writes the snapshot atomically. */
  async save(fingerprint: string, value: CachedSnapshot): Promise<void> {
    const e = value.evidence;
    const parts: Buffer[] = [
      Buffer.from(JSON.stringify(value.snapshot), 'utf8'),
      Buffer.from(JSON.stringify(value.figures), 'utf8'),
      Buffer.from(JSON.stringify({ strings: e.strings, keys: e.keys, excluded: value.excluded, eventTables: value.eventTables }), 'utf8'),
      ...COLUMNS.map((c) => bytesOf(e[c])),
    ];
    const header: Header = {
      format: FORMAT,
      versionKey: this.versionKey,
      folder: this.folder,
      fingerprint,
      parts: parts.map((p) => [p.length, createHash('sha256').update(p).digest('hex')] as const),
    };
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.write(`${MAGIC}${JSON.stringify(header)}\n`);
      for (const p of parts) await handle.write(p);
      await handle.close();
      await rename(temp, this.file);
    } finally {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
    }
  }

  /** The file's first two lines as stored now, or null. */
  private async headerLine(): Promise<string | null> {
    try {
      const h = await open(this.file, 'r');
      try {
        const head = Buffer.alloc(64 * 1024);
        const { bytesRead } = await h.read(head, 0, head.length, 0);
        const end = head.subarray(0, bytesRead).indexOf(10, MAGIC.length);
        return end < 0 ? null : head.subarray(0, end).toString('latin1');
      } finally {
        await h.close();
      }
    } catch {
      return null;
    }
  }

  async remove(): Promise<void> {
    await rm(this.file, { force: true });
  }
}
