/**
 * Metadata read from the article text when neither the manifest nor front matter gives it:
 * the outlet from the ways a page names itself (dateline, staff byline, copyright line, paywall
 * and donation prompts, masthead), the title from the first heading-like line, the date from
 * explicit dates with a stated confidence, and the language from stopword shares. Every guess
 * carries a note quoting the words it rests on; a guess that cannot be made says why.
 */
import { z } from 'zod';
import type { Span } from '../document';
import outletData from './data/outlets.json' with { type: 'json' };

const outletsSchema = z.object({
  id: z.literal('outlets'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  provenance: z.string().min(1),
  outlets: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)), note: z.string().min(1) })),
});

const OUTLETS = outletsSchema.parse(outletData);
export const OUTLETS_VERSION = OUTLETS.version;

const ALIAS = new Map<string, string>();
for (const o of OUTLETS.outlets) {
  ALIAS.set(o.name.toLowerCase(), o.name);
  for (const a of o.aliases) ALIAS.set(a.toLowerCase(), o.name);
}

function aliasKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[.,;:!?]+$/, '')
    .replace(/,?\s+(?:inc|llc|ltd|limited|corp|corporation|plc|co)\.?$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The canonical outlet name for a self-reference, or a tidied version of it. */
export function canonicalOutlet(raw: string): { name: string; known: boolean } {
  const cleaned = raw.replace(/\s+/g, ' ').trim().replace(/[.,;:!?]+$/, '');
  const known = ALIAS.get(aliasKey(cleaned)) ?? ALIAS.get(cleaned.toLowerCase());
  if (known) return { name: known, known: true };
  // "ALL CAPS NAME" → "All Caps Name"; otherwise keep the writer's spelling.
  const name = cleaned === cleaned.toUpperCase() && /[A-Z]/.test(cleaned)
    ? cleaned.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase())
    : cleaned;
  return { name, known: false };
}

export type Confidence = 'high' | 'medium' | 'low';

export interface Inferred<T> {
  readonly value: T | null;
  readonly note: string;
  readonly confidence?: Confidence;
}

interface OutletClue {
  readonly name: string;
  readonly known: boolean;
  readonly weight: number;
  readonly evidence: string;
}

const NAME = String.raw`([\p{Lu}\p{N}][\p{L}\p{N}&.'’ -]{0,50}?)`;

const CLUE_RULES: readonly { readonly re: RegExp; readonly weight: number; readonly what: string; readonly firstLines?: boolean; readonly needles?: readonly string[] }[] = [
  // "JERUSALEM | Xinhua |", "GAZA, Jan 8 (Reuters) -", "WASHINGTON (AP) —"
  { re: new RegExp(String.raw`^[\p{Lu}][\p{Lu} .,'’-]{1,40}\s*\|\s*${NAME}\s*\|`, 'u'), weight: 5, what: 'dateline', firstLines: true },
  { re: /^[\p{Lu}][\p{Lu} .,'’-]{1,40}(?:,[^()\n]{0,30})?\s*\((Reuters|AP|AFP|Xinhua|Anadolu|WAFA|TASS|JTA|JNS|UPI)\)\s*[-—–]/u, weight: 5, what: 'dateline', firstLines: true },
  // "The All Israel News Staff is a team of journalists", "By Times of Israel Staff"
  { re: new RegExp(String.raw`\b(?:The |By )${NAME} (?:Staff|Newsroom|News Desk|Editorial Board)\b`, 'u'), weight: 4, what: 'staff byline', needles: ['staff', 'newsroom', 'news desk', 'editorial board'] },
  // "Copyright 2024 Nexstar Media Inc.", "© 2024 Al Jazeera Media Network"
  { re: new RegExp(String.raw`(?:copyright|©)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)${NAME}(?:,?\s+(?:Inc|LLC|Ltd|Limited|Corp|plc)\b\.?|\.\s|\.$|\s+all rights|$)`, 'iu'), weight: 4, what: 'copyright line', needles: ['copyright', '©'] },
  // "Want more from the JC?", "Donate to ALL ISRAEL NEWS", "A message from All Israel News"
  { re: new RegExp(String.raw`^want more from (?:the )?${NAME}\?$`, 'iu'), weight: 3, what: 'paywall prompt', needles: ['want more from'] },
  { re: new RegExp(String.raw`^(?:donate to|support|a message from) ${NAME}[.!]?$`, 'iu'), weight: 3, what: 'donation appeal' },
  { re: new RegExp(String.raw`\byou can support ${NAME},`, 'iu'), weight: 2, what: 'donation appeal', needles: ['you can support'] },
  { re: new RegExp(String.raw`^(?:subscribe to|sign up for) ${NAME}(?:'s|’s)? newsletters?\b`, 'iu'), weight: 2, what: 'newsletter prompt' },
];

function shorten(s: string, n = 90): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** The trimmed non-empty lines of a text with where each starts, one at a time. */
function* eachNonEmptyLine(text: string): Generator<{ text: string; start: number }> {
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    const t = raw.trim();
    if (t) yield { text: t, start: pos + raw.indexOf(t) };
    pos = nl + 1;
  }
}

function nonEmptyLines(text: string): { text: string; start: number }[] {
  return [...eachNonEmptyLine(text)];
}

/** Names the outlet from the ways the page refers to itself; null with a reason when it cannot. */
export function inferOutlet(text: string): Inferred<string> {
  const lines = nonEmptyLines(text);
  const clues: OutletClue[] = [];
  lines.forEach((line, i) => {
    if (line.text.length > 600) {
      // Long body paragraphs: only a dateline at their start can name the outlet.
      if (i > 2) return;
    }
    const lower = line.text.toLowerCase();
    for (const rule of CLUE_RULES) {
      if (rule.firstLines && i > 2) continue;
      if (rule.needles && !rule.needles.some((n) => lower.includes(n))) continue;
      const m = rule.re.exec(line.text);
      const raw = m?.[1];
      if (!m || !raw) continue;
      const { name, known } = canonicalOutlet(raw);
      if (name.length < 2 || name.split(' ').length > 8) continue;
      clues.push({ name, known, weight: rule.weight + (known ? 1 : 0), evidence: `${rule.what} “${shorten(m[0], 70)}”` });
    }
  });
  // A short masthead first line that is (a short form of) the outlet name supports it.
  const first = lines[0]?.text;
  if (first && first.split(/\s+/).length <= 4) {
    const mast = canonicalOutlet(first);
    if (mast.known) clues.push({ name: mast.name, known: true, weight: 2, evidence: `masthead “${first}”` });
  }
  if (clues.length === 0) {
    return { value: null, note: 'The text names no outlet: no dateline, staff byline, copyright line, paywall or donation prompt refers to the publisher. Name it in the manifest.' };
  }
  const score = new Map<string, { weight: number; evidence: string[] }>();
  for (const c of clues) {
    const s = score.get(c.name) ?? { weight: 0, evidence: [] };
    s.weight += c.weight;
    if (!s.evidence.includes(c.evidence)) s.evidence.push(c.evidence);
    score.set(c.name, s);
  }
  const ranked = [...score.entries()].sort((a, b) => b[1].weight - a[1].weight);
  const [bestName, best] = ranked[0] ?? ['', { weight: 0, evidence: [] }];
  const runnerUp = ranked[1];
  const confidence: Confidence = best.weight >= 5 && (!runnerUp || runnerUp[1].weight * 2 <= best.weight) ? 'high' : best.weight >= 3 ? 'medium' : 'low';
  const others = runnerUp ? ` Other candidates: ${ranked.slice(1, 3).map(([n]) => n).join(', ')}.` : '';
  return { value: bestName, confidence, note: `Read from the text (${confidence} confidence): ${best.evidence.slice(0, 3).join('; ')}.${others}` };
}

const DATELINE_START = /^[\p{Lu}][\p{Lu} .,'’-]{1,40}\s*(?:\||\(|,\s*\p{Lu}\p{Ll}{2})/u;

/** Title: the first heading-like line (short, no sentence ending), skipping a masthead. */
export function inferTitle(text: string, excluded: readonly Span[], outlet: string | null): Inferred<string> {
  // The first four lines outside the clutter: only those are read, so the rest is never split.
  const lines: { text: string; start: number }[] = [];
  for (const l of eachNonEmptyLine(text)) {
    if (excluded.some((r) => l.start >= r.start && l.start < r.end)) continue;
    lines.push(l);
    if (lines.length === 4) break;
  }
  for (const [i, line] of lines.entries()) {
    const words = line.text.split(/\s+/).length;
    const masthead = words <= 4 && (canonicalOutlet(line.text).known || (outlet !== null && outlet.toLowerCase().startsWith(line.text.toLowerCase())));
    if (masthead) continue;
    if (DATELINE_START.test(line.text)) {
      return { value: null, note: 'The text opens with a dateline, not a headline; name the title in the manifest.' };
    }
    if (words <= 30 && line.text.length <= 250 && !/[.;,]$/.test(line.text)) {
      return { value: line.text, note: i === 0 ? 'First line of the text.' : `First heading-like line of the text (line ${String(i + 1)} after the masthead).` };
    }
    return { value: null, note: 'The text opens with a paragraph, not a headline; name the title in the manifest.' };
  }
  return { value: null, note: 'The text has no heading line.' };
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DATE_RES: readonly { re: RegExp; order: 'mdy' | 'dmy' | 'ymd' }[] = [
  { re: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'g'), order: 'mdy' },
  { re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, 'g'), order: 'dmy' },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, order: 'ymd' },
];
/** Words that make a date the start of something the article refers back to, not its own date. */
const EVENT_CONTEXT = /\b(?:since|started|starting|began|begun|beginning|broke out|outbreak|anniversary|born|founded|established|ago|until|before|after|prior)\b/i;

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

interface DateClue {
  readonly iso: string;
  readonly written: string;
  readonly confidence: Confidence;
  readonly where: string;
  readonly caption: boolean;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_RE = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;

/**
 * A photo is taken on or before the day its story is filed: when the text names weekdays in the
 * six days after the caption's date ("… arrived in Israel late on Monday"), the story is dated the
 * latest such day.
 */
function afterCaption(captionIso: string, text: string): { iso: string; weekday: string } | null {
  const base = Date.parse(`${captionIso}T00:00:00Z`);
  const baseDay = new Date(base).getUTCDay();
  let best = 0;
  let name = '';
  for (const m of text.matchAll(WEEKDAY_RE)) {
    const day = WEEKDAYS.indexOf((m[1] ?? '').toLowerCase());
    const ahead = (day - baseDay + 7) % 7;
    if (ahead > best) {
      best = ahead;
      name = m[1] ?? '';
    }
  }
  if (best === 0) return null;
  return { iso: new Date(base + best * 86_400_000).toISOString().slice(0, 10), weekday: name };
}

function sentenceAround(line: string, index: number): string {
  const before = line.slice(0, index);
  const startAt = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const after = line.slice(index);
  const endRel = after.search(/[.!?](?:\s|$)/);
  return line.slice(startAt < 0 ? 0 : startAt + 2, endRel < 0 ? line.length : index + endRel + 1);
}

const RANK: Readonly<Record<Confidence, number>> = { high: 3, medium: 2, low: 1 };

/** The article's date from explicit dates in its text, with a stated confidence. */
export function inferDate(text: string, clutter: readonly (Span & { kind: string })[]): Inferred<string> {
  const clues: DateClue[] = [];
  const skipped: string[] = [];
  const lines = nonEmptyLines(text);
  lines.forEach((line, i) => {
    const inPhotoCredit = clutter.some((r) => r.kind === 'photo-credit' && line.start >= r.start && line.start < r.end);
    const isCaption = /\((?:photo|image|credit|picture)s?:/i.test(line.text) || inPhotoCredit;
    const isStamp = /^(?:published|updated|posted|last updated|date)\b/i.test(line.text) || (i < 3 && line.text.length < 80);
    // Every full date names a four-digit year: lines without one are skipped cheaply.
    for (const { re, order } of /\d{4}/.test(line.text) ? DATE_RES : []) {
      re.lastIndex = 0;
      for (const m of line.text.matchAll(re)) {
        const [, a = '', b = '', c = ''] = m;
        const value =
          order === 'mdy' ? iso(Number(c), MONTHS[a.toLowerCase()] ?? 0, Number(b))
          : order === 'dmy' ? iso(Number(c), MONTHS[b.toLowerCase()] ?? 0, Number(a))
          : iso(Number(a), Number(b), Number(c));
        if (!value) continue;
        const sentence = sentenceAround(line.text, m.index);
        if (!isStamp && !isCaption && EVENT_CONTEXT.test(sentence)) {
          skipped.push(`“${m[0]}” dates an earlier event (“${shorten(sentence, 60)}”)`);
          continue;
        }
        clues.push({
          iso: value,
          written: m[0],
          confidence: isStamp ? 'high' : isCaption ? 'medium' : 'low',
          where: isStamp ? 'a date line' : isCaption ? 'a photo caption' : 'the body text',
          caption: isCaption && !isStamp,
        });
      }
    }
    // Wire-photo slugs carry the picture's date as MMDDYY: "Blinken 031924 AP".
    if (inPhotoCredit) {
      for (const m of line.text.matchAll(/\b(\d{2})(\d{2})(\d{2})\b/g)) {
        const value = iso(2000 + Number(m[3]), Number(m[1]), Number(m[2]));
        if (value) clues.push({ iso: value, written: m[0], confidence: 'low', where: 'a wire-photo code read as MMDDYY (the story is that day or soon after)', caption: false });
      }
    }
  });
  if (clues.length === 0) {
    const why = skipped.length > 0 ? ` (${skipped.slice(0, 2).join('; ')})` : '';
    return { value: null, note: `The text gives no date of its own${why}; name the date in the manifest.` };
  }
  clues.sort((x, y) => RANK[y.confidence] - RANK[x.confidence] || y.iso.localeCompare(x.iso));
  const best = clues[0];
  if (!best) return { value: null, note: 'The text gives no date of its own.' };
  if (best.caption) {
    const later = afterCaption(best.iso, text);
    const weekday = WEEKDAYS[new Date(`${best.iso}T00:00:00Z`).getUTCDay()] ?? '';
    if (later) {
      return {
        value: later.iso,
        confidence: best.confidence,
        note: `Read from a photo caption, “${best.written}” (a ${weekday[0]?.toUpperCase() ?? ''}${weekday.slice(1)}); the text also reports ${later.weekday}, so the story is dated ${later.iso} (${best.confidence} confidence).`,
      };
    }
    return { value: best.iso, confidence: best.confidence, note: `Read from a photo caption: “${best.written}”; the story is that day or soon after (${best.confidence} confidence).` };
  }
  return {
    value: best.iso,
    confidence: best.confidence,
    note: `Read from ${best.where}: “${best.written}” (${best.confidence} confidence).`,
  };
}

const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'in', 'a', 'is', 'that', 'for', 'it', 'was', 'on', 'with', 'he', 'as', 'his', 'by', 'at', 'from', 'are', 'this', 'be', 'have', 'had', 'not', 'but', 'has', 'were', 'they', 'which', 'said', 'an', 'their', 'been', 'who', 'will', 'would'],
  fr: ['le', 'la', 'les', 'de', 'des', 'du', 'et', 'un', 'une', 'est', 'que', 'qui', 'dans', 'pour', 'pas', 'sur', 'au', 'aux', 'il', 'elle', 'ce', 'avec', 'sont', 'ont', 'été', 'par', 'plus', 'ne', 'se'],
  es: ['el', 'la', 'los', 'las', 'de', 'del', 'y', 'en', 'un', 'una', 'es', 'que', 'por', 'con', 'para', 'no', 'se', 'su', 'al', 'lo', 'como', 'más', 'pero', 'sus', 'ha', 'fue', 'son'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'zu', 'den', 'von', 'mit', 'sich', 'des', 'auf', 'für', 'im', 'dem', 'auch', 'es', 'an', 'werden', 'aus', 'er', 'hat', 'dass', 'sie', 'nach', 'wird', 'bei'],
  it: ['il', 'lo', 'la', 'gli', 'le', 'di', 'del', 'della', 'e', 'che', 'un', 'una', 'per', 'non', 'con', 'sono', 'è', 'da', 'in', 'si', 'al', 'nel', 'ha', 'ma', 'anche'],
  pt: ['o', 'a', 'os', 'as', 'de', 'do', 'da', 'dos', 'das', 'e', 'que', 'em', 'um', 'uma', 'para', 'com', 'não', 'por', 'se', 'na', 'no', 'mais', 'foi', 'ao', 'pelo', 'pela'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'in', 'voor', 'niet', 'met', 'zijn', 'er', 'aan', 'ook', 'als', 'bij', 'door', 'maar', 'om', 'werd', 'naar'],
};
const LANG_CODES = Object.keys(STOPWORDS);
/** Each stopword → a bit per language that lists it, so one lookup per word serves all languages. */
const STOP_BITS = new Map<string, number>();
LANG_CODES.forEach((code, bit) => {
  for (const w of STOPWORDS[code] ?? []) STOP_BITS.set(w, (STOP_BITS.get(w) ?? 0) | (1 << bit));
});
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English', fr: 'French', es: 'Spanish', de: 'German', it: 'Italian', pt: 'Portuguese', nl: 'Dutch', und: 'undetermined',
};

export interface LanguageGuess {
  /** ISO 639-1 code, "other" for text in none of the known languages, or "und" when too short. */
  readonly code: string;
  /** Share of the words that are stopwords of that language (0–1). */
  readonly score: number;
}

/** Words read for the language guess: the first 1,500 are plenty. */
export const LANGUAGE_SAMPLE = 1500;

/**
 * Stopwords by their FNV-1a hash (as words.ts computes it), for scans that build no strings: an
 * open-addressing table of typed arrays, since the scan looks up nearly every word it reads and a
 * Map boxes each 32-bit hash above 2^30.
 */
const STOP_LIST: { readonly word: string; readonly bits: number }[] = [];
const STOP_SLOTS = 1 << Math.max(6, Math.ceil(Math.log2(STOP_BITS.size * 4)));
const STOP_HASH = new Uint32Array(STOP_SLOTS);
/** Index into STOP_LIST, or -1 for an empty slot. */
const STOP_ENTRY = new Int32Array(STOP_SLOTS).fill(-1);

function stopSlot(hash: number): number {
  return (hash ^ (hash >>> 16)) & (STOP_SLOTS - 1);
}

for (const [word, bits] of STOP_BITS) {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  h >>>= 0;
  // Two stopwords with one hash would need a longer key: refuse at start-up rather than guess.
  const clash = stopwordByHash(h);
  if (clash) throw new Error(`Stopwords ${word} and ${clash.word} share a hash.`);
  let slot = stopSlot(h);
  while ((STOP_ENTRY[slot] ?? -1) !== -1) slot = (slot + 1) & (STOP_SLOTS - 1);
  STOP_HASH[slot] = h;
  STOP_ENTRY[slot] = STOP_LIST.length;
  STOP_LIST.push({ word, bits });
}

/** The stopword with this word hash (the caller compares the word itself), if any. */
export function stopwordByHash(hash: number): { readonly word: string; readonly bits: number } | undefined {
  for (let slot = stopSlot(hash); ; slot = (slot + 1) & (STOP_SLOTS - 1)) {
    const entry = STOP_ENTRY[slot] ?? -1;
    if (entry === -1) return undefined;
    if (STOP_HASH[slot] === hash) return STOP_LIST[entry];
  }
}

/**
 * The guess from stopword counts: `counts[b]` is how many of the first `n` words are stopwords of
 * the language with bit b (the order of LANGUAGE_NAMES' codes in STOPWORDS).
 */
export function languageFromCounts(counts: readonly (number | undefined)[], n: number): LanguageGuess {
  if (n < 20) return { code: 'und', score: 0 };
  let best: LanguageGuess = { code: 'other', score: 0 };
  LANG_CODES.forEach((code, b) => {
    const score = (counts[b] ?? 0) / n;
    if (score > best.score) best = { code, score };
  });
  // Latin-script languages run at 25–45% stopwords; below 8% the text is in some other language.
  return best.score < 0.08 ? { code: 'other', score: best.score } : best;
}

/** A simple language guess from stopword shares: enough to flag articles that are not English. */
export function detectLanguage(input: string | readonly string[]): LanguageGuess {
  const words = typeof input === 'string' ? (input.toLowerCase().match(/\p{L}+/gu) ?? []) : input;
  const n = Math.min(words.length, LANGUAGE_SAMPLE);
  const counts = new Array<number>(LANG_CODES.length).fill(0);
  for (let i = 0; i < n; i += 1) {
    const bits = STOP_BITS.get(words[i] ?? '');
    if (bits === undefined) continue;
    for (let b = 0; b < LANG_CODES.length; b += 1) if (bits & (1 << b)) counts[b] = (counts[b] ?? 0) + 1;
  }
  return languageFromCounts(counts, n);
}
