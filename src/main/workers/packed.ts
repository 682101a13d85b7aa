/**
 * A compact transport form for the plain data an analysis record is made of (objects, arrays,
 * strings, numbers, booleans, null, undefined, typed arrays), used between the worker threads and the main
 * thread.
 *
 * Posting a record as it is makes the receiving thread rebuild about a thousand objects and two
 * thousand strings per article from the structured-clone stream, one by one, which at 10,000
 * articles kept the main thread so busy that two workers were slower than one thread. Packed, a
 * record is four flat values — its strings (each short one once), the numbers, the bytes of its
 * typed arrays and an integer program describing the structure — which cross threads as a few
 * memory copies; the receiver rebuilds the objects in ordinary JavaScript and shares each
 * repeated string with the strings it already holds. A typed array travels as its bytes (one
 * copy), never as one number per element.
 */
import { Column } from '../engine/column';
import { SHARED_STRING_MAX_LENGTH, sharedString } from '../engine/pipeline';

/** Instructions of the structure program. */
const Op = {
  Null: 0,
  True: 1,
  False: 2,
  Number: 3,
  String: 4,
  Array: 5,
  /** A new object shape: key count, then the key string ids; its id is the next shape number. */
  NewShape: 6,
  /** An object of a shape seen before: the shape id. */
  Shape: 7,
  Undefined: 8,
  /** A typed array: its kind (index in TYPED_KINDS) and element count; its bytes follow the previous one's in `bytes`. */
  Typed: 9,
} as const;

/** The typed arrays records may hold, by kind number. */
const TYPED_KINDS = [Int32Array, Uint8Array, Float64Array, Uint32Array, Float32Array, Int16Array, Uint16Array, Int8Array] as const;
type TypedArray = InstanceType<(typeof TYPED_KINDS)[number]>;

/** Each typed array's bytes start at a multiple of 8, so any kind can be viewed in place. */
const align8 = (n: number): number => (n + 7) & ~7;

export interface Packed {
  /**
   * The record's strings, each short one once: string id i is the i-th. Kept as separate strings
   * rather than joined, so no string taken from the record holds a whole joined text alive.
   */
  readonly strings: readonly string[];
  readonly numbers: Float64Array;
  /** The bytes of the record's typed arrays, in program order, each starting at a multiple of 8. */
  readonly bytes: Uint8Array;
  readonly program: Int32Array;
}


interface ShapeNode {
  readonly next: Map<string, ShapeNode>;
  readonly keys: readonly string[];
  id: number;
}

/**
 * Packs a plain value. Throws on functions, symbols, bigints and class instances other than
 * arrays, plain objects and the typed arrays of TYPED_KINDS.
 */
export function pack(value: unknown): Packed {
  const ids = new Map<string, number>();
  const strings: string[] = [];
  const numbers = new Column(new Float64Array(256), (n) => new Float64Array(n));
  const program = new Column(new Int32Array(4096), (n) => new Int32Array(n));
  const typed: TypedArray[] = [];
  let byteLength = 0;
  // Object shapes are found by walking a trie of their keys, so no string is built per object.
  const root: ShapeNode = { next: new Map(), keys: [], id: -1 };
  let shapes = 0;

  const stringId = (s: string): number => {
    // Long strings (sentences, quotes) rarely repeat within a record: not worth hashing.
    if (s.length > SHARED_STRING_MAX_LENGTH) {
      strings.push(s);
      return strings.length - 1;
    }
    let id = ids.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      ids.set(s, id);
    }
    return id;
  };

  const visit = (v: unknown): void => {
    switch (typeof v) {
      case 'string':
        program.push(Op.String);
        program.push(stringId(v));
        return;
      case 'number':
        program.push(Op.Number);
        numbers.push(v);
        return;
      case 'boolean':
        program.push(v ? Op.True : Op.False);
        return;
      case 'undefined':
        program.push(Op.Undefined);
        return;
      case 'object': {
        if (v === null) {
          program.push(Op.Null);
          return;
        }
        if (Array.isArray(v)) {
          const list = v as readonly unknown[];
          program.push(Op.Array);
          program.push(list.length);
          for (const item of list) visit(item);
          return;
        }
        if (ArrayBuffer.isView(v)) {
          const kind = TYPED_KINDS.findIndex((k) => v instanceof k);
          if (kind < 0) throw new TypeError(`pack: a ${v.constructor.name} cannot be packed`);
          program.push(Op.Typed);
          program.push(kind);
          program.push((v as TypedArray).length);
          typed.push(v as TypedArray);
          byteLength = align8(byteLength) + v.byteLength;
          return;
        }
        const proto = Object.getPrototypeOf(v) as unknown;
        if (proto !== Object.prototype && proto !== null) throw new TypeError('pack: only plain objects and arrays can be packed');
        const obj = v as Record<string, unknown>;
        let node = root;
        for (const key in obj) {
          let next = node.next.get(key);
          if (next === undefined) {
            next = { next: new Map(), keys: [...node.keys, key], id: -1 };
            node.next.set(key, next);
          }
          node = next;
        }
        if (node.id < 0) {
          node.id = shapes;
          shapes += 1;
          program.push(Op.NewShape);
          program.push(node.keys.length);
          for (const key of node.keys) program.push(stringId(key));
        } else {
          program.push(Op.Shape);
          program.push(node.id);
        }
        for (const key in obj) visit(obj[key]);
        return;
      }
      default:
        throw new TypeError(`pack: a ${typeof v} cannot be packed`);
    }
  };

  visit(value);
  const bytes = new Uint8Array(align8(byteLength));
  let at = 0;
  for (const t of typed) {
    bytes.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), at);
    at = align8(at + t.byteLength);
  }
  return { strings, numbers: numbers.trimmed().slice(), bytes, program: program.trimmed().slice() };
}

/**
 * Rebuilds a packed value. With `shared`, strings up to 96 characters are looked up there and
 * added when new, so records read one after another hold one copy of each repeated string.
 * Throws when the parts do not fit together.
 */
export function unpack(packed: Packed, shared?: Map<string, string>): unknown {
  const { numbers, program, bytes } = packed;
  if (!(bytes instanceof Uint8Array)) throw new Error('packed bytes must be a Uint8Array');
  let at = 0;
  const strings = new Array<string>(packed.strings.length);
  for (let i = 0; i < packed.strings.length; i += 1) {
    const s = packed.strings[i];
    if (typeof s !== 'string') throw new Error('packed strings must be strings');
    strings[i] = shared ? sharedString(s, shared) : s;
  }

  const shapes: (readonly string[])[] = [];
  let pc = 0;
  let n = 0;
  const next = (): number => {
    if (pc >= program.length) throw new Error('packed program ended early');
    const v = program[pc] ?? 0;
    pc += 1;
    return v;
  };
  const stringAt = (id: number): string => {
    const s = strings[id];
    if (s === undefined) throw new Error('packed string id out of range');
    return s;
  };
  const read = (): unknown => {
    const op = next();
    switch (op) {
      case Op.String:
        return stringAt(next());
      case Op.Number: {
        if (n >= numbers.length) throw new Error('packed numbers ended early');
        const v = numbers[n];
        n += 1;
        return v;
      }
      case Op.Null:
        return null;
      case Op.True:
        return true;
      case Op.False:
        return false;
      case Op.Undefined:
        return undefined;
      case Op.Typed: {
        const kind = TYPED_KINDS[next()];
        if (kind === undefined) throw new Error('packed typed-array kind out of range');
        const length = next();
        const size = length * kind.BYTES_PER_ELEMENT;
        if (length < 0 || at + size > bytes.length) throw new Error('packed bytes ended early');
        // Its own buffer (a copy), so the record keeps no packed bytes alive.
        const out = new kind(length);
        new Uint8Array(out.buffer).set(bytes.subarray(at, at + size));
        at = align8(at + size);
        return out;
      }
      case Op.Array: {
        const count = next();
        const list = new Array<unknown>(count);
        for (let i = 0; i < count; i += 1) list[i] = read();
        return list;
      }
      case Op.NewShape: {
        const count = next();
        const keys = new Array<string>(count);
        for (let i = 0; i < count; i += 1) keys[i] = stringAt(next());
        shapes.push(keys);
        return fill(keys);
      }
      case Op.Shape: {
        const keys = shapes[next()];
        if (!keys) throw new Error('packed shape id out of range');
        return fill(keys);
      }
      default:
        throw new Error(`packed program has an unknown instruction ${String(op)}`);
    }
  };
  const fill = (keys: readonly string[]): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    for (const key of keys) {
      // A key named __proto__ (a word from an article, say) stays an own property.
      if (key === '__proto__') Object.defineProperty(obj, key, { value: read(), enumerable: true, writable: true, configurable: true });
      else obj[key] = read();
    }
    return obj;
  };
  const value = read();
  if (pc !== program.length || n !== numbers.length || at !== bytes.length) throw new Error('packed value has data left over');
  return value;
}
