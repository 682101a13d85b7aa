/**
 * JSON text already made for a value. A snapshot read from the folder cache was parsed from its
 * own JSON: the browser-mode server sends those bytes as they are instead of serialising the
 * object again (at 10,000 articles a 15 MB string, made and encoded to UTF-8 on every answer).
 * Only values that are never changed after they are remembered belong here (snapshots are read-only).
 */
const known = new WeakMap<object, Buffer>();

/** Remembers `json` as the exact JSON text of `value` (`JSON.parse(json)` deep-equals it). */
export function rememberJson(value: object, json: Buffer): void {
  known.set(value, json);
}

/** The remembered JSON text of `value`, if any. */
export function knownJson(value: unknown): Buffer | undefined {
  return typeof value === 'object' && value !== null ? known.get(value) : undefined;
}
