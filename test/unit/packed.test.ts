import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaOf } from '../../src/main/engine';
import { loadFolder } from '../../src/main/engine/ingest/loadFolder';
import { createPipeline } from '../../src/main/engine/pipeline';
import { engineParts } from '../../src/main/engine/registry';
import { analyseArticle } from '../../src/main/engine/work';
import { pack, unpack, type Packed } from '../../src/main/workers/packed';

const roundTrip = (v: unknown, shared?: Map<string, string>): unknown => unpack(structuredClone(pack(v)), shared);

describe('packed transport form', () => {
  it('gives back every seed article record exactly, after crossing a structured clone', async () => {
    const seeds = path.resolve('seeds');
    const loaded = await loadFolder(seeds);
    const pipeline = createPipeline(engineParts(seeds).components);
    const shared = new Map<string, string>();
    for (const a of loaded.articles) {
      const record = analyseArticle(pipeline, { meta: metaOf(a.summary), text: a.text, excluded: a.excluded });
      const packed = pack(record);
      expect(packed.program).toBeInstanceOf(Int32Array);
      expect(roundTrip(record, shared)).toStrictEqual(record);
    }
  });

  it('keeps the awkward values: undefined, -0, NaN, Infinity, empty strings, unicode, __proto__ and integer-like keys', () => {
    const value = {
      a: undefined,
      list: [undefined, null, -0, Number.NaN, Infinity, -Infinity, '', 'זה', '👩‍👩‍👧 e\u0301', [], {}],
      2: 'two',
      1: 'one',
      nested: { deep: { deeper: [true, false, { x: 1.5e300 }] } },
    };
    const withProto = JSON.parse('{"__proto__": {"polluted": true}, "b": 1}') as unknown;
    const out = roundTrip(value) as typeof value;
    expect(out).toStrictEqual(value);
    expect(Object.keys(out)).toEqual(Object.keys(value));
    expect(Object.is(out.list[2], -0)).toBe(true);
    const proto = roundTrip(withProto) as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__', 'b']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('round-trips arbitrary JSON-like values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => isDeepStrictEqual(roundTrip(v), v)),
      { numRuns: 300 },
    );
  });

  it('shares short strings across records and leaves long ones alone', () => {
    const shared = new Map<string, string>();
    const long = 'x'.repeat(200);
    const first = roundTrip({ id: 'abc'.repeat(3), text: long }, shared) as { id: string; text: string };
    const second = roundTrip({ id: 'abc'.repeat(3), text: long }, shared) as { id: string; text: string };
    expect(shared.get('abcabcabc')).toBe(first.id);
    expect(second.id).toBe(first.id);
    expect(shared.has(long)).toBe(false);
  });

  it('refuses what is not plain data', () => {
    expect(() => pack({ when: new Date(0) })).toThrow(/plain objects/);
    expect(() => pack(new Map())).toThrow(/plain objects/);
    expect(() => pack({ f: () => 1 })).toThrow(/function cannot be packed/);
    expect(() => pack(10n)).toThrow(/bigint cannot be packed/);
  });

  it('says so when the parts do not fit together', () => {
    const good = pack({ a: ['x', 1] });
    const cut: Packed = { ...good, program: good.program.subarray(0, good.program.length - 1) };
    expect(() => unpack(cut)).toThrow(/ended early|left over/);
    expect(() => unpack({ ...good, strings: [...good.strings, 7 as unknown as string] })).toThrow(/must be strings/);
    expect(() => unpack({ ...good, program: Int32Array.from([4, 99]) })).toThrow(/out of range/);
    expect(() => unpack({ ...good, program: Int32Array.from([42]) })).toThrow(/unknown instruction/);
    expect(() => unpack({ ...good, numbers: new Float64Array([1, 2]) })).toThrow(/left over/);
  });
});
