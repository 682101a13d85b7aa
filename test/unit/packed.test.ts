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

  it('carries typed arrays as their bytes, each rebuilt with its own buffer', () => {
    const big = Int32Array.from({ length: 5000 }, (_, i) => i * 7 - 3);
    const window = new Float64Array([1.5, -0, Number.NaN, 4, 5]).subarray(1, 4);
    const value = {
      big,
      flags: Uint8Array.from([0, 1, 1, 0, 255]),
      window,
      empty: new Int32Array(0),
      list: [new Uint32Array([4_000_000_000]), new Float32Array([0.25]), new Int16Array([-2]), new Uint16Array([65535]), new Int8Array([-128])],
      after: 'x',
    };
    const packed = pack(value);
    // 5,000 numbers travel as 20,000 bytes, not as 5,000 program entries.
    expect(packed.program.length).toBeLessThan(100);
    expect(packed.numbers.length).toBe(0);
    const out = unpack(structuredClone(packed)) as typeof value;
    expect(out).toStrictEqual(value);
    expect(out.big).toBeInstanceOf(Int32Array);
    expect(Object.is(out.window[0], -0)).toBe(true);
    expect(out.window.buffer.byteLength).toBe(3 * 8);
    expect(out.big.buffer).not.toBe(out.flags.buffer);
    expect(out.list[0]).toBeInstanceOf(Uint32Array);
  });

  it('round-trips typed arrays of any kind and length among other values', () => {
    const typed = fc.oneof(
      fc.int32Array(),
      fc.uint8Array(),
      fc.float64Array({ noDefaultInfinity: false }),
      fc.uint32Array(),
      fc.float32Array(),
      fc.int16Array(),
      fc.uint16Array(),
      fc.int8Array(),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), typed, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4, noNullPrototype: true })),
    })).node;
    fc.assert(
      fc.property(value, (v) => isDeepStrictEqual(roundTrip(v), v)),
      { numRuns: 300 },
    );
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
    expect(() => pack({ view: new DataView(new ArrayBuffer(4)) })).toThrow(/DataView cannot be packed/);
    expect(() => pack(new BigInt64Array(1))).toThrow(/BigInt64Array cannot be packed/);
  });

  it('says so when the parts do not fit together', () => {
    const good = pack({ a: ['x', 1] });
    const cut: Packed = { ...good, program: good.program.subarray(0, good.program.length - 1) };
    expect(() => unpack(cut)).toThrow(/ended early|left over/);
    expect(() => unpack({ ...good, strings: [...good.strings, 7 as unknown as string] })).toThrow(/must be strings/);
    expect(() => unpack({ ...good, program: Int32Array.from([4, 99]) })).toThrow(/out of range/);
    expect(() => unpack({ ...good, program: Int32Array.from([42]) })).toThrow(/unknown instruction/);
    expect(() => unpack({ ...good, numbers: new Float64Array([1, 2]) })).toThrow(/left over/);
    const typed = pack({ a: new Int32Array([1, 2, 3]) });
    expect(() => unpack({ ...typed, bytes: typed.bytes.subarray(0, 8) })).toThrow(/bytes ended early/);
    expect(() => unpack({ ...typed, bytes: new Uint8Array(32) })).toThrow(/left over/);
    expect(() => unpack({ ...typed, program: Int32Array.from([9, 99, 1]) })).toThrow(/kind out of range/);
    expect(() => unpack({ ...typed, bytes: [1, 2] as unknown as Uint8Array })).toThrow(/must be a Uint8Array/);
  });
});
