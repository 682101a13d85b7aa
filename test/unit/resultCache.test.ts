import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { metaOf } from '../../src/main/engine';
import { loadFolder } from '../../src/main/engine/ingest/loadFolder';
import { createPipeline } from '../../src/main/engine/pipeline';
import { engineParts } from '../../src/main/engine/registry';
import { analyseArticle } from '../../src/main/engine/work';
import { ResultCache } from '../../src/main/cache/resultCache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fs-cache-'));
});

/** Rewrites a cache file with `edit` applied to its bytes and a checksum that matches again. */
async function editSealed(file: string, edit: (body: Buffer) => void): Promise<void> {
  const data = await readFile(file);
  const body = Buffer.from(data.subarray(0, data.length - 32));
  edit(body);
  await writeFile(file, Buffer.concat([body, createHash('sha256').update(body).digest()]));
}

/** Offset of the first entry's head: after the magic, the header length and the header, rounded up to 8. */
function firstEntry(data: Buffer): number {
  return (12 + data.readUInt32LE(8) + 7) & ~7;
}

describe('ResultCache', () => {
  it('round-trips entries for the same folder and versions', async () => {
    const a = new ResultCache<{ n: number }>(dir, '/articles', 'engine@1');
    expect(await a.load()).toEqual({ status: 'fresh', entries: 0 });
    a.set('h1', { n: 1 });
    a.set('h2', { n: 2 });
    await a.save();
    const b = new ResultCache<{ n: number }>(dir, '/articles', 'engine@1');
    expect(await b.load()).toEqual({ status: 'hit', entries: 2 });
    expect(b.get('h1')).toEqual({ n: 1 });
  });

  it('gives back every seed article record exactly (typed arrays included), sharing repeated strings', async () => {
    const seeds = path.resolve('seeds');
    const loaded = await loadFolder(seeds);
    const pipeline = createPipeline(engineParts(seeds).components);
    const records = new Map(loaded.articles.map((a) => [a.summary.id, analyseArticle(pipeline, { meta: metaOf(a.summary), text: a.text, excluded: a.excluded })]));
    expect(records.size).toBeGreaterThan(3);
    const a = new ResultCache<unknown>(dir, seeds, 'v');
    for (const [id, record] of records) a.set(id, record);
    await a.save();
    const shared = new Map<string, string>();
    const b = new ResultCache<unknown>(dir, seeds, 'v', shared);
    expect(await b.load()).toEqual({ status: 'hit', entries: records.size });
    let typed = 0;
    const countTyped = (v: unknown): void => {
      if (ArrayBuffer.isView(v)) typed += 1;
      else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) countTyped(x);
    };
    for (const [id, record] of records) {
      const got = b.get(id);
      expect(got).toStrictEqual(record);
      countTyped(got);
    }
    expect(typed).toBeGreaterThan(0);
    expect(shared.size).toBeGreaterThan(0);
  });

  it('keeps typed arrays (compact term sequences) as typed arrays, each with its own buffer', async () => {
    const a = new ResultCache<{ ids: Int32Array; joins: Uint8Array; w: Float64Array }>(dir, '/articles', 'engine@1');
    await a.load();
    a.set('h', { ids: Int32Array.from([3, -1, 70000]), joins: Uint8Array.from([0, 1, 2]), w: Float64Array.from([0.5, -0]) });
    await a.save();
    const b = new ResultCache<{ ids: Int32Array; joins: Uint8Array; w: Float64Array }>(dir, '/articles', 'engine@1');
    expect((await b.load()).status).toBe('hit');
    const got = b.get('h');
    expect(got?.ids).toBeInstanceOf(Int32Array);
    expect(Array.from(got?.ids ?? [])).toEqual([3, -1, 70000]);
    expect(got?.joins).toBeInstanceOf(Uint8Array);
    expect(got?.joins.buffer.byteLength).toBe(3);
    expect(Object.is(got?.w[1], -0)).toBe(true);
  });

  it('keeps NaN, infinities and -0 in float columns', async () => {
    const a = new ResultCache<{ tone: Float64Array; part: Float64Array }>(dir, '/articles', 'engine@1');
    await a.load();
    const tone = new Float64Array([Number.NaN, -0, Infinity, -Infinity, 0.1 + 0.2]);
    a.set('h', { tone, part: tone.subarray(1, 3) });
    await a.save();
    const b = new ResultCache<{ tone: Float64Array; part: Float64Array }>(dir, '/articles', 'engine@1');
    expect((await b.load()).status).toBe('hit');
    const got = b.get('h');
    expect(got?.tone).toBeInstanceOf(Float64Array);
    expect(got?.tone).toStrictEqual(tone);
    expect(Object.is(got?.tone[1], -0)).toBe(true);
    expect(Array.from(got?.part ?? [])).toEqual([-0, Infinity]);
  });

  it('starts over when the engine or a lexicon version changes', async () => {
    const a = new ResultCache<number>(dir, '/articles', 'engine@1+lex@1');
    a.set('h', 1);
    await a.save();
    const b = new ResultCache<number>(dir, '/articles', 'engine@1+lex@2');
    expect((await b.load()).status).toBe('stale');
    expect(b.get('h')).toBeUndefined();
  });

  it('reports a cache of another format as stale, and rebuilds it', async () => {
    const a = new ResultCache<number>(dir, '/articles', 'v');
    a.set('h', 1);
    await a.save();
    await editSealed(a.file, (body) => {
      const length = body.readUInt32LE(8);
      const header = body.toString('utf8', 12, 12 + length).replace('"format":3', '"format":9');
      body.write(header, 12, 'utf8');
    });
    const b = new ResultCache<number>(dir, '/articles', 'v');
    expect(await b.load()).toEqual({ status: 'stale', entries: 0 });
    b.set('h', 2);
    await b.save();
    const c = new ResultCache<number>(dir, '/articles', 'v');
    expect(await c.load()).toEqual({ status: 'hit', entries: 1 });
    expect(c.get('h')).toBe(2);
  });

  it('reports a format-2 (JSON lines) cache as stale, never reads it, and removes it on the next save', async () => {
    const a = new ResultCache<number>(dir, '/articles', 'v');
    const legacy = a.file.replace(/\.results$/, '.json');
    expect(legacy).not.toBe(a.file);
    await writeFile(legacy, '{"format":2,"versionKey":"v","folder":"/articles"}\n["h",1]\n{"checksum":"x"}\n');
    expect(await a.load()).toEqual({ status: 'stale', entries: 0 });
    expect(a.get('h')).toBeUndefined();
    a.set('h', 5);
    await a.save();
    expect(await readdir(dir)).toEqual([path.basename(a.file)]);
    const b = new ResultCache<number>(dir, '/articles', 'v');
    expect(await b.load()).toEqual({ status: 'hit', entries: 1 });
  });

  it('reports a cache file it cannot read as corrupt, and rebuilds it', async () => {
    const a = new ResultCache<number>(dir, '/articles', 'v');
    await mkdir(a.file);
    const loaded = await a.load();
    expect(loaded.status).toBe('corrupt');
    expect(loaded.message).toMatch(/EISDIR.*rebuilding/);
    await rm(a.file, { recursive: true });
    a.set('h', 1);
    await a.save();
    expect(await new ResultCache<number>(dir, '/articles', 'v').load()).toEqual({ status: 'hit', entries: 1 });
  });

  it('keeps folders apart', async () => {
    const a = new ResultCache<number>(dir, '/one', 'v');
    a.set('h', 1);
    await a.save();
    expect((await new ResultCache<number>(dir, '/two', 'v').load()).status).toBe('fresh');
  });

  it.each<[string, RegExp, (file: string) => Promise<void>]>([
    ['not a cache file', /not a Framescope result cache/, (file) => writeFile(file, '{"format":3,"entries":{}}')],
    ['an empty file', /cut short/, (file) => writeFile(file, '')],
    ['a file cut inside its header', /cut short/, async (file) => writeFile(file, (await readFile(file)).subarray(0, 20))],
    ['a file cut inside an entry', /checksum/, async (file) => {
      const data = await readFile(file);
      await writeFile(file, data.subarray(0, data.length - 40));
    }],
    ['a file without its checksum', /checksum/, async (file) => {
      const data = await readFile(file);
      await writeFile(file, data.subarray(0, data.length - 32));
    }],
    ['a flipped bit', /checksum mismatch/, async (file) => {
      const data = await readFile(file);
      const at = Math.floor(data.length * 0.6);
      data[at] = (data[at] ?? 0) ^ 0x10;
      await writeFile(file, data);
    }],
    ['bytes after the checksum', /checksum mismatch/, async (file) => writeFile(file, Buffer.concat([await readFile(file), Buffer.from('\n')]))],
    ['an entry length past the end of the file', /runs past the end/, (file) => editSealed(file, (body) => body.writeUInt32LE(0xfffffff0, firstEntry(body) + 8))],
    ['an entry count larger than the entries', /runs past the end/, (file) => editSealed(file, (body) => {
      const length = body.readUInt32LE(8);
      body.write(body.toString('utf8', 12, 12 + length).replace('"entries":2', '"entries":7'), 12, 'utf8');
    })],
    ['an entry count smaller than the entries', /data after the last entry/, (file) => editSealed(file, (body) => {
      const length = body.readUInt32LE(8);
      body.write(body.toString('utf8', 12, 12 + length).replace('"entries":2', '"entries":1'), 12, 'utf8');
    })],
    ['an unreadable record', /entry 1/, (file) => editSealed(file, (body) => {
      // The record's strings section follows the 24-byte head and the 8-byte key (padded): garble it.
      body.fill(0xff, firstEntry(body) + 24 + 8, firstEntry(body) + 24 + 8 + 4);
    })],
  ])('detects %s, reports it and rebuilds', async (_name, reason, damage) => {
    const a = new ResultCache<{ word: string }>(dir, '/articles', 'v');
    a.set('hash-one', { word: 'one' });
    a.set('hash-two', { word: 'two' });
    await a.save();
    await damage(a.file);
    const b = new ResultCache<{ word: string }>(dir, '/articles', 'v');
    const loaded = await b.load();
    expect(loaded.status).toBe('corrupt');
    expect(loaded.message).toMatch(/rebuilding/);
    expect(loaded.message).toMatch(reason);
    expect(b.get('hash-one')).toBeUndefined();
    b.set('hash-one', { word: 'three' });
    await b.save();
    const c = new ResultCache<{ word: string }>(dir, '/articles', 'v');
    expect(await c.load()).toEqual({ status: 'hit', entries: 1 });
    expect(c.get('hash-one')).toEqual({ word: 'three' });
  });

  it('drops entries for articles no longer in the folder, and leaves no temporary files', async () => {
    const a = new ResultCache<number>(dir, '/articles', 'v');
    a.set('gone', 1);
    a.set('kept', 2);
    await a.save();
    const before = (await stat(a.file)).size;
    const b = new ResultCache<number>(dir, '/articles', 'v');
    await b.load();
    b.get('kept');
    await b.save();
    expect((await stat(a.file)).size).toBeLessThan(before);
    const c = new ResultCache<number>(dir, '/articles', 'v');
    expect(await c.load()).toEqual({ status: 'hit', entries: 1 });
    expect(c.get('kept')).toBe(2);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
