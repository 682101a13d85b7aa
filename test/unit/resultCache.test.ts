import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/main/cache/resultCache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fs-cache-'));
});

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

  it('keeps typed arrays (compact term sequences) as typed arrays', async () => {
    const a = new ResultCache<{ ids: Int32Array; joins: Uint8Array }>(dir, '/articles', 'engine@1');
    await a.load();
    a.set('h', { ids: Int32Array.from([3, -1, 70000]), joins: Uint8Array.from([0, 1]) });
    await a.save();
    const b = new ResultCache<{ ids: Int32Array; joins: Uint8Array }>(dir, '/articles', 'engine@1');
    expect((await b.load()).status).toBe('hit');
    const got = b.get('h');
    expect(got?.ids).toBeInstanceOf(Int32Array);
    expect(Array.from(got?.ids ?? [])).toEqual([3, -1, 70000]);
    expect(got?.joins).toBeInstanceOf(Uint8Array);
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

  it('keeps folders apart', async () => {
    const a = new ResultCache<number>(dir, '/one', 'v');
    a.set('h', 1);
    await a.save();
    expect((await new ResultCache<number>(dir, '/two', 'v').load()).status).toBe('fresh');
  });

  it.each([
    ['not JSON', '{"format":2,'],
    ['a file cut short', 'CUT'],
    ['an edited entry', null],
    ['an unknown format', '{"format":99,"entries":{}}'],
  ])('detects %s, reports it and rebuilds', async (_name, content) => {
    const a = new ResultCache<number>(dir, '/articles', 'v');
    a.set('h', 1);
    await a.save();
    if (content === null) {
      const { readFile } = await import('node:fs/promises');
      await writeFile(a.file, (await readFile(a.file, 'utf8')).replace('["h",1]', '["h",2]'));
    } else if (content === 'CUT') {
      const { readFile } = await import('node:fs/promises');
      await writeFile(a.file, (await readFile(a.file, 'utf8')).split('\n').slice(0, 2).join('\n'));
    } else {
      await writeFile(a.file, content);
    }
    const b = new ResultCache<number>(dir, '/articles', 'v');
    const loaded = await b.load();
    expect(loaded.status).toBe('corrupt');
    expect(loaded.message).toMatch(/rebuilding/);
    expect(b.get('h')).toBeUndefined();
    b.set('h', 3);
    await b.save();
    expect((await new ResultCache<number>(dir, '/articles', 'v').load()).status).toBe('hit');
  });

  it('drops entries for articles no longer in the folder, and leaves no temporary files', async () => {
    const a = new ResultCache<number>(dir, '/articles', 'v');
    a.set('gone', 1);
    a.set('kept', 2);
    await a.save();
    const b = new ResultCache<number>(dir, '/articles', 'v');
    await b.load();
    b.get('kept');
    await b.save();
    const c = new ResultCache<number>(dir, '/articles', 'v');
    expect(await c.load()).toEqual({ status: 'hit', entries: 1 });
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
