/**
 * Turns a file's bytes into text: byte-order marks first, then strict UTF-8, then the encoding a
 * detector (chardet) names, decoded with iconv-lite. Binary data is refused rather than shown as
 * mojibake. The result is NFC-normalised with line endings made "\n", so the same bytes always
 * give the same text and the same offsets.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: string; readonly guessed: boolean }
  | { readonly ok: false; readonly reason: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Bytes that are control characters in every text encoding we accept (not tab, LF, CR, FF). */
function isControl(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b;
}

/**
 * True when 8-bit bytes look like binary data: any NUL byte, or more than 2% control bytes in the
 * first 64 KB. UTF-16 text is recognised by its BOM before this runs.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i += 1) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (isControl(b)) control += 1;
  }
  return n > 0 && control / n > 0.02;
}

/** Line endings to "\n", Unicode to NFC. */
export function normaliseText(text: string): string {
  return (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).normalize('NFC');
}

function decodeWith(bytes: Uint8Array, encoding: string): string | null {
  try {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  } catch {
    return null;
  }
}

/**
 * What the detector needs to see: the non-ASCII bytes with a little context each side (ASCII is
 * the same in every candidate encoding), at most 2 KB. chardet's cost grows with its input (about
 * 2 ms per KB), so a whole article would cost more than everything else ingest does to it.
 */
export function detectionSample(bytes: Uint8Array): Uint8Array {
  const CONTEXT = 12;
  const LIMIT = 2048;
  const out: number[] = [];
  let copiedTo = 0;
  for (let i = 0; i < bytes.length && out.length < LIMIT; i += 1) {
    if ((bytes[i] ?? 0) < 0x80) continue;
    const from = Math.max(copiedTo, i - CONTEXT);
    const to = Math.min(bytes.length, i + CONTEXT + 1);
    for (let k = from; k < to; k += 1) out.push(bytes[k] ?? 0);
    copiedTo = to;
    i = to - 1;
  }
  return out.length > 0 ? Uint8Array.from(out) : bytes.subarray(0, LIMIT);
}

/** Decodes article bytes; never throws. */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeWith(bytes.subarray(3), 'utf-8');
    return text === null ? { ok: false, reason: 'not valid UTF-8' } : { ok: true, text: normaliseText(text), encoding: 'UTF-8 (BOM)', guessed: false };
  }
  if (hasPrefix(bytes, [0xff, 0xfe]) || hasPrefix(bytes, [0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    const body = bytes.subarray(2);
    const text = decodeWith(body.subarray(0, body.length - (body.length % 2)), le ? 'utf-16le' : 'utf-16be');
    if (text === null) return { ok: false, reason: 'not valid UTF-16' };
    // A UTF-16 file full of control characters is binary data that happens to start with FF FE.
    let control = 0;
    for (const ch of text.slice(0, 65536)) {
      const c = ch.codePointAt(0) ?? 0;
      if (c === 0 || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) control += 1;
    }
    if (control > Math.max(2, text.length * 0.02)) return { ok: false, reason: 'binary data behind a UTF-16 byte-order mark' };
    return { ok: true, text: normaliseText(text), encoding: le ? 'UTF-16LE (BOM)' : 'UTF-16BE (BOM)', guessed: false };
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binary data (NUL or control bytes)' };
  try {
    return { ok: true, text: normaliseText(UTF8.decode(bytes)), encoding: 'UTF-8', guessed: false };
  } catch {
    // Not UTF-8: ask the detector, and fall back to Windows-1252, the usual legacy encoding.
  }
  let detected: string | null = null;
  try {
    detected = chardet.detect(detectionSample(bytes));
  } catch {
    detected = null;
  }
  // ISO-8859-1 files are read as Windows-1252, its superset: C1 bytes there are curly quotes
  // and dashes, never control characters in real articles.
  if (detected !== null && /^iso-8859-1$/i.test(detected)) detected = 'windows-1252';
  const candidates = [detected, 'windows-1252'].filter(
    (e): e is string => typeof e === 'string' && !/^utf-?(8|16|32)/i.test(e) && iconv.encodingExists(e),
  );
  for (const encoding of candidates) {
    const text = decodeWith(bytes, encoding);
    if (text !== null) return { ok: true, text: normaliseText(text), encoding, guessed: true };
  }
  return { ok: false, reason: 'unknown text encoding' };
}
