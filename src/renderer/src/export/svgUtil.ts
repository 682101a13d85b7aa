/**
 * Pure helpers of the chart serialiser: XML escaping, CSS colours as SVG paint, font weights,
 * grouping measured words into lines and base64. No DOM, so they are tested in node.
 */

/** Text and attribute values safe inside XML (and HTML). */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      // Characters XML 1.0 does not allow at all.
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  );
}

export interface Paint {
  /** #rrggbb, or "none". */
  readonly colour: string;
  /** 0..1 */
  readonly alpha: number;
}

const hex2 = (n: number): string => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');

/**
 * A computed CSS colour ("rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)", "rgb(1 2 3 / 50%)", "#abc",
 * "transparent", "none") as an SVG 1.1 paint every editor reads: #rrggbb plus a separate opacity.
 * Anything else (url(#…) paints, keywords) is passed through with full opacity.
 */
export function parseCssColor(value: string): Paint {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'none' || v === 'transparent') return { colour: 'none', alpha: 0 };
  const hex = /^#([0-9a-f]{3,8})$/.exec(v)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? hex.replace(/./g, '$&$&') : hex;
    const alpha = full.length === 8 ? parseInt(full.slice(6, 8), 16) / 255 : 1;
    return { colour: `#${full.slice(0, 6)}`, alpha };
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(v)?.[1];
  if (fn) {
    const parts = fn.split(/[\s,/]+/).filter(Boolean);
    const channel = (s: string | undefined): number => (s?.endsWith('%') ? (parseFloat(s) / 100) * 255 : parseFloat(s ?? '0'));
    const [r, g, b, a] = parts;
    const alpha = a === undefined ? 1 : a.endsWith('%') ? parseFloat(a) / 100 : parseFloat(a);
    if ([r, g, b].some((c) => c === undefined || Number.isNaN(channel(c)))) return { colour: value.trim(), alpha: 1 };
    return { colour: `#${hex2(channel(r))}${hex2(channel(g))}${hex2(channel(b))}`, alpha: Number.isNaN(alpha) ? 1 : Math.max(0, Math.min(1, alpha)) };
  }
  return { colour: value.trim(), alpha: 1 };
}

/** The weights the exported font embeds: 400 and 600. */
export function exportWeight(cssWeight: string): 400 | 600 {
  const n = cssWeight === 'bold' ? 700 : cssWeight === 'normal' ? 400 : Number(cssWeight);
  return Number.isFinite(n) && n >= 550 ? 600 : 400;
}

/** A number as SVG writes it: at most two decimals, no trailing zeros. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

export interface MeasuredWord {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly height: number;
}

export interface TextLine {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly height: number;
}

/** Words measured on screen (in reading order) grouped into the lines the browser wrapped them into. */
export function groupLines(words: readonly MeasuredWord[]): TextLine[] {
  const lines: { words: MeasuredWord[]; top: number; height: number }[] = [];
  for (const w of words) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(w.top - last.top) < Math.max(2, last.height / 2) && w.left >= (last.words[last.words.length - 1]?.left ?? 0)) {
      last.words.push(w);
    } else {
      lines.push({ words: [w], top: w.top, height: w.height });
    }
  }
  return lines.map((l) => ({
    text: l.words.map((w) => w.text).join(' '),
    left: l.words[0]?.left ?? 0,
    right: Math.max(...l.words.map((w) => w.right)),
    top: l.top,
    height: l.height,
  }));
}

/** Bytes as base64, in chunks (String.fromCharCode on a whole image overflows the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
