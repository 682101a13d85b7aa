/**
 * Page clutter (donation appeals, paywall and newsletter prompts, share widgets, copyright and
 * photo-credit lines, repeated headlines, summary boxes that restate the body) marked as excluded
 * ranges. Nothing is deleted: the ranges index the article text, so evidence offsets stay valid;
 * the reader greys them and the measures skip them. Patterns come from `data/clutter.json`.
 *
 * Each pattern runs on one short line or paragraph at a time, never over the whole article.
 */
import { z } from 'zod';
import type { Span } from '../document';
import clutterData from './data/clutter.json' with { type: 'json' };

export interface ExcludedRange extends Span {
  /** What kind of clutter: "paywall", "donation-appeal", "summary-repeat", … */
  readonly kind: string;
  /** The id of the pattern or rule that matched, e.g. "clutter:want-more-from". */
  readonly pattern: string;
}

const patternSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  kind: z.string().min(1),
  pattern: z.string().min(1),
  scope: z.enum(['whole', 'inline']).default('whole'),
  extent: z.enum(['self', 'paragraph', 'heading+list']).default('self'),
  verify: z.enum(['repeats-body']).optional(),
  maxWords: z.number().int().positive().optional(),
  note: z.string().min(1),
});

const clutterSchema = z.object({
  id: z.literal('clutter'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  provenance: z.string().min(1),
  patterns: z.array(patternSchema),
  rules: z.object({
    repeatedHeadline: z.object({
      kind: z.string().min(1),
      minWords: z.number().int().positive(),
      maxWords: z.number().int().positive(),
      note: z.string().min(1),
    }),
    summaryRepeatMinShare: z.number().min(0).max(1),
  }),
});

export type ClutterData = z.infer<typeof clutterSchema>;

interface CompiledPattern {
  readonly id: string;
  readonly kind: string;
  readonly re: RegExp;
  readonly scope: 'whole' | 'inline';
  readonly extent: 'self' | 'paragraph' | 'heading+list';
  readonly verify: 'repeats-body' | undefined;
  readonly maxWords: number;
  readonly note: string;
}

export interface ClutterRules {
  readonly version: string;
  readonly patterns: readonly CompiledPattern[];
  readonly rules: ClutterData['rules'];
}

/** Validates and compiles a clutter data file; throws with the first problem. */
export function compileClutter(json: unknown): ClutterRules {
  const data = clutterSchema.parse(json);
  return {
    version: data.version,
    rules: data.rules,
    patterns: data.patterns.map((p) => ({
      id: p.id,
      kind: p.kind,
      re: new RegExp(p.pattern, p.scope === 'inline' ? 'giu' : 'iu'),
      scope: p.scope,
      extent: p.extent,
      verify: p.verify,
      maxWords: p.maxWords ?? 40,
      note: p.note,
    })),
  };
}

export const DEFAULT_CLUTTER: ClutterRules = compileClutter(clutterData);
export const CLUTTER_VERSION = DEFAULT_CLUTTER.version;

/** Why a range is greyed, for the reader's tooltip. */
export function clutterNote(pattern: string, rules: ClutterRules = DEFAULT_CLUTTER): string {
  const id = pattern.replace(/^clutter:/, '');
  if (id === 'repeated-headline') return rules.rules.repeatedHeadline.note;
  return rules.patterns.find((p) => p.id === id)?.note ?? 'Page clutter.';
}

interface Line extends Span {
  /** Trimmed content. */
  readonly text: string;
  readonly paragraph: number;
}

interface Paragraph extends Span {
  readonly first: number;
  readonly last: number;
  /** Lines joined by single spaces. */
  readonly text: string;
}

function splitLines(text: string): { lines: Line[]; paragraphs: Paragraph[] } {
  const lines: Line[] = [];
  const paragraphs: Paragraph[] = [];
  let pos = 0;
  let para = -1;
  let open = false;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) {
      if (!open) {
        para += 1;
        open = true;
      }
      lines.push({ start: pos + lead, end: pos + lead + trimmed.length, text: trimmed, paragraph: para });
    } else {
      open = false;
    }
    pos = nl + 1;
  }
  for (let i = 0; i < lines.length; ) {
    const p = lines[i]?.paragraph ?? 0;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]?.paragraph === p) j += 1;
    const first = lines[i];
    const last = lines[j];
    if (first && last) {
      const joined = lines.slice(i, j + 1).map((l) => l.text).join(' ');
      paragraphs.push({ start: first.start, end: last.end, first: i, last: j, text: joined });
    }
    i = j + 1;
  }
  return { lines, paragraphs };
}

function wordCount(s: string): number {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}

const BULLET = /^(?:[•·▪●◦‣∙*+–—-]|\d{1,2}[.)])\s+/u;
const CONTENT_WORD = /[\p{L}\p{N}][\p{L}\p{N},.'’-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
const SHORT_WORDS = new Set(['the', 'and', 'for', 'but', 'with', 'from', 'that', 'this', 'has', 'have', 'was', 'were', 'are', 'its', 'his', 'her', 'of', 'to', 'in', 'on', 'a', 'an', 'is', 'as', 'at', 'by', 'or', 'be', 'it']);

function contentWords(s: string): string[] {
  return (s.toLowerCase().replace(/’/g, "'").match(CONTENT_WORD) ?? [])
    .map((w) => w.replace(/[.,]+$/, '').replace(/'s$/, ''))
    .filter((w) => w.length > 1 && !SHORT_WORDS.has(w));
}

/** Share of the list's content words that also occur in the rest of the text. */
function repeatsBody(listText: string, rest: string): number {
  const words = contentWords(listText);
  if (words.length === 0) return 0;
  const body = new Set<string>();
  for (const w of contentWords(rest)) {
    body.add(w);
    // Light stemming so "opposes"/"oppose", "blames"/"blamed" meet.
    body.add(w.replace(/(?:es|s|ed|ing)$/, ''));
  }
  let hit = 0;
  for (const w of words) if (body.has(w) || body.has(w.replace(/(?:es|s|ed|ing)$/, ''))) hit += 1;
  return hit / words.length;
}

/** Sorts and merges ranges so they are ordered and never overlap; the earlier range's kind wins. */
export function mergeRanges(ranges: readonly ExcludedRange[]): ExcludedRange[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ExcludedRange[] = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && r.start <= prev.end) {
      if (r.end > prev.end) out[out.length - 1] = { ...prev, end: r.end };
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

/** Finds the clutter in a clean article text; never throws. */
export function findClutter(text: string, rules: ClutterRules = DEFAULT_CLUTTER): ExcludedRange[] {
  const { lines, paragraphs } = splitLines(text);
  const found: ExcludedRange[] = [];
  const whole = rules.patterns.filter((p) => p.scope === 'whole');
  const inline = rules.patterns.filter((p) => p.scope === 'inline');

  const take = (p: CompiledPattern, start: number, end: number): void => {
    found.push({ start, end, kind: p.kind, pattern: `clutter:${p.id}` });
  };

  const matchWhole = (s: string): CompiledPattern | undefined => {
    if (s.length > 2000) return undefined;
    const words = wordCount(s);
    return whole.find((p) => words <= p.maxWords && p.re.test(s));
  };

  for (let li = 0; li < lines.length; li += 1) {
    const line = lines[li];
    if (!line) continue;
    const p = matchWhole(line.text);
    if (p) {
      const para = paragraphs[line.paragraph];
      if (p.extent === 'paragraph' && para) {
        take(p, line.start, para.end);
      } else if (p.extent === 'heading+list') {
        // The heading and the bullet lines that follow it (across blank lines).
        let end = line.end;
        let k = li + 1;
        while (k < lines.length && BULLET.test(lines[k]?.text ?? '')) {
          end = lines[k]?.end ?? end;
          k += 1;
        }
        if (k > li + 1) {
          const listText = text.slice(line.end, end);
          const rest = text.slice(0, line.start) + '\n' + text.slice(end);
          const share = repeatsBody(listText, rest);
          if (p.verify !== 'repeats-body' || share >= rules.rules.summaryRepeatMinShare) take(p, line.start, end);
        }
      } else {
        take(p, line.start, line.end);
      }
    }
    for (const q of inline) {
      q.re.lastIndex = 0;
      for (const m of line.text.matchAll(q.re)) {
        const at = line.start + (m.index ?? 0);
        take(q, at, at + m[0].length);
      }
    }
  }
  // Paragraphs broken over several lines ("Want more from / the JC?").
  for (const para of paragraphs) {
    if (para.last === para.first) continue;
    const p = matchWhole(para.text);
    if (p && p.extent !== 'heading+list') take(p, para.start, para.end);
  }

  // Repeated headline: a short heading-like line appearing more than once.
  const rh = rules.rules.repeatedHeadline;
  const seen = new Map<string, Line[]>();
  for (const line of lines) {
    const words = wordCount(line.text);
    if (words < rh.minWords || words > rh.maxWords) continue;
    if (/[.!?"”’:;,]$/.test(line.text) || BULLET.test(line.text)) continue;
    const key = line.text.toLowerCase().replace(/\s+/g, ' ');
    const list = seen.get(key) ?? [];
    list.push(line);
    seen.set(key, list);
  }
  const firstLine = lines[0];
  for (const copies of seen.values()) {
    if (copies.length < 2) continue;
    for (const c of copies) {
      if (c === firstLine) continue;
      found.push({ start: c.start, end: c.end, kind: rh.kind, pattern: 'clutter:repeated-headline' });
    }
  }
  return mergeRanges(found);
}

/** Characters of `text` outside the excluded ranges, as one string (for counting and hashing). */
export function scoredText(text: string, excluded: readonly Span[]): string {
  let out = '';
  let pos = 0;
  for (const r of excluded) {
    out += text.slice(pos, r.start) + '\n';
    pos = Math.max(pos, r.end);
  }
  return out + text.slice(pos);
}
