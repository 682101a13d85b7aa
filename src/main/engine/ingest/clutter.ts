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
  /** Lower-case strings one of which the text must contain before the pattern is tried. */
  needles: z.array(z.string().min(1)).optional(),
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
  readonly needles: readonly string[] | undefined;
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
  // Invalid regular expressions throw here, naming the pattern.
  for (const p of data.patterns) {
    try {
      new RegExp(p.pattern, 'u');
    } catch (err) {
      throw new Error(`pattern ${p.id}: ${(err as Error).message}`);
    }
  }
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
      needles: p.needles?.map((n) => n.toLowerCase()),
      note: p.note,
    })),
  };
}

export const DEFAULT_CLUTTER: ClutterRules = compileClutter(clutterData);

/** Where a folder may replace the built-in clutter patterns (same format as data/clutter.json). */
export const CLUTTER_OVERRIDE = 'lexicons/clutter.json';
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

/** The characters String.prototype.trim removes (white space and line terminators). */
function isTrimSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
    // The line's trimmed bounds, found without slicing the untrimmed line.
    let start = pos;
    let end = nl;
    while (start < end && isTrimSpace(text.charCodeAt(start))) start += 1;
    while (end > start && isTrimSpace(text.charCodeAt(end - 1))) end -= 1;
    if (end > start) {
      if (!open) {
        para += 1;
        open = true;
      }
      lines.push({ start, end, text: text.slice(start, end), paragraph: para });
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
      const joined = i === j ? first.text : lines.slice(i, j + 1).map((l) => l.text).join(' ');
      paragraphs.push({ start: first.start, end: last.end, first: i, last: j, text: joined });
    }
    i = j + 1;
  }
  return { lines, paragraphs };
}

/**
 * Whitespace-separated words (a cheap count: clutter checks run on every line), counted up to
 * `cap` + 1: every caller only asks whether a line has at most some number of words.
 */
function wordCount(s: string, cap = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
    if (!space && !inWord) {
      n += 1;
      if (n > cap) return n;
    }
    inWord = !space;
  }
  return n;
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

/**
 * The source of a pattern that can only match from the start of the text ("^…" with no "|"
 * outside brackets), without its "^"; null for any other pattern, and for patterns with
 * back-references or named groups, which would change meaning inside a combined expression.
 */
export function anchoredBody(source: string): string | null {
  if (!source.startsWith('^')) return null;
  if (/\\[1-9]|\\k<|\(\?<[^=!]/.test(source)) return null;
  let depth = 0;
  let inClass = false;
  for (let i = 1; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) return null;
  }
  return source.slice(1);
}

/**
 * A cheap first test for the line patterns: one expression joining every anchored pattern
 * (`^(?:(?:a)|(?:b)|…)`, true exactly when one of them matches), and the others, tried one by one.
 * A line the joined expression rejects is only tried against the others; a line it accepts goes
 * through every pattern in order, as before, so the first matching pattern still wins.
 */
interface WholePrefilter {
  readonly whole: readonly CompiledPattern[];
  readonly inline: readonly CompiledPattern[];
  /**
   * By a line's word count w (0 … mostWords): the joined expression of the anchored patterns
   * allowing w words, or null when there is none (or it could not be built).
   */
  readonly anchored: readonly (RegExp | null)[];
  /** Whether the joined expressions hold every anchored pattern (else all are tried one by one). */
  readonly joined: boolean;
  readonly loose: readonly CompiledPattern[];
  readonly mostWords: number;
}

const prefilters = new WeakMap<ClutterRules, WholePrefilter>();

function prefilterOf(rules: ClutterRules): WholePrefilter {
  let pre = prefilters.get(rules);
  if (pre) return pre;
  const whole = rules.patterns.filter((p) => p.scope === 'whole');
  const bodies: { readonly body: string; readonly maxWords: number }[] = [];
  const loose: CompiledPattern[] = [];
  for (const p of whole) {
    const body = anchoredBody(p.re.source);
    if (body === null) loose.push(p);
    else bodies.push({ body: `(?:${body})`, maxWords: p.maxWords });
  }
  let mostWords = 0;
  for (const p of whole) mostWords = Math.max(mostWords, p.maxWords);
  // One joined expression per distinct word limit: a long line skips the patterns for short ones.
  const byLimit = new Map<number, RegExp | null>();
  let joined = true;
  for (const limit of new Set(bodies.map((b) => b.maxWords))) {
    const allowed = bodies.filter((b) => b.maxWords >= limit).map((b) => b.body);
    try {
      byLimit.set(limit, new RegExp(`^(?:${allowed.join('|')})`, 'iu'));
    } catch {
      joined = false;
    }
  }
  const limits = [...byLimit.keys()].sort((a, b) => a - b);
  const anchored: (RegExp | null)[] = [];
  for (let w = 0; w <= mostWords; w += 1) {
    const limit = limits.find((l) => l >= w);
    anchored.push(limit === undefined ? null : (byLimit.get(limit) ?? null));
  }
  pre = {
    whole,
    inline: rules.patterns.filter((p) => p.scope === 'inline'),
    anchored,
    joined,
    // Without joined expressions every pattern is tried on every line.
    loose: joined ? loose : whole,
    mostWords,
  };
  prefilters.set(rules, pre);
  return pre;
}

const hasNeedle = (p: CompiledPattern, lower: string): boolean => p.needles === undefined || p.needles.some((n) => lower.includes(n));

/**
 * The first line pattern (in file order) that matches a whole trimmed line or joined paragraph,
 * within its word limit and with one of its needles; undefined when none does.
 */
export function linePattern(s: string, rules: ClutterRules = DEFAULT_CLUTTER): CompiledPattern | undefined {
  const pre = prefilterOf(rules);
  return matchLine(pre, s, (cap) => wordCount(s, cap), () => s.toLowerCase());
}

/**
 * Words counted first, up to this many: short lines get their exact count at once; for a longer
 * line, the joined expression for QUICK_WORDS + 1 words (it holds every anchored pattern allowing
 * more words, so its failing rules them all out) is tried before the words are counted further.
 * Any number gives the same matches; 15 leaves the patterns for short lines (some of which scan
 * far into a line before failing) out of the test most body paragraphs get.
 */
const QUICK_WORDS = 15;

/**
 * linePattern, given how to count the line's words (exactly up to `cap`, more beyond) and how to
 * lower-case it.
 */
function matchLine(pre: WholePrefilter, s: string, countWords: (cap: number) => number, lower: () => string): CompiledPattern | undefined {
  const { whole, mostWords } = pre;
  // Clutter lines are short: body paragraphs are skipped after a cheap length check.
  if (s.length > mostWords * 12) return undefined;
  let words = countWords(Math.min(QUICK_WORDS, mostWords));
  if (words > QUICK_WORDS && pre.joined) {
    const longer = pre.anchored[QUICK_WORDS + 1] ?? null;
    if (longer === null || !longer.test(s)) {
      // No anchored pattern matches, whatever the count: only the others can, and only with a needle.
      if (pre.loose.length === 0) return undefined;
      const lowerLine = lower();
      if (!pre.loose.some((p) => hasNeedle(p, lowerLine))) return undefined;
    }
  }
  if (words > QUICK_WORDS) words = countWords(mostWords);
  if (words > mostWords) return undefined;
  const anchored = pre.anchored[words] ?? null;
  if (pre.joined && (anchored === null || !anchored.test(s))) {
    if (pre.loose.length === 0) return undefined;
    const lowerLine = lower();
    for (const p of pre.loose) {
      if (words <= p.maxWords && hasNeedle(p, lowerLine) && p.re.test(s)) return p;
    }
    return undefined;
  }
  const lowerLine = lower();
  for (const p of whole) {
    if (words <= p.maxWords && hasNeedle(p, lowerLine) && p.re.test(s)) return p;
  }
  return undefined;
}

/**
 * Lower-cased slices of one text. String.prototype.toLowerCase maps each character on its own,
 * except a capital sigma (final or not by its neighbours) and characters whose lower case is
 * longer (İ): without either, the lower-cased text has the same length and each slice of it is
 * the lower case of the same slice of the text, so one call serves every line. Otherwise each
 * slice is lower-cased on its own, as before.
 */
function lowerSlicer(text: string): (start: number, end: number) => string {
  const lowerText = text.toLowerCase();
  if (lowerText.length === text.length && !text.includes('\u03a3')) return (start, end) => lowerText.slice(start, end);
  return (start, end) => text.slice(start, end).toLowerCase();
}

/** Finds the clutter in a clean article text; never throws. */
export function findClutter(text: string, rules: ClutterRules = DEFAULT_CLUTTER): ExcludedRange[] {
  const { lines, paragraphs } = splitLines(text);
  const found: ExcludedRange[] = [];
  const pre = prefilterOf(rules);
  const lowerOf = lowerSlicer(text);
  const lineLower = (line: Line): string => lowerOf(line.start, line.end);
  // Inline patterns whose needles the text lacks cannot match any of its lines.
  const lowerText = pre.inline.length > 0 ? lowerOf(0, text.length) : '';
  const inline = pre.inline.filter((q) => q.needles === undefined || q.needles.some((n) => lowerText.includes(n)));

  const take = (p: CompiledPattern, start: number, end: number): void => {
    found.push({ start, end, kind: p.kind, pattern: `clutter:${p.id}` });
  };

  for (let li = 0; li < lines.length; li += 1) {
    const line = lines[li];
    if (!line) continue;
    const p = matchLine(pre, line.text, (cap) => wordCount(line.text, cap), () => lineLower(line));
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
    const lower = inline.length > 0 ? lineLower(line) : '';
    for (const q of inline) {
      if (!hasNeedle(q, lower)) continue;
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
    const p = matchLine(pre, para.text, (cap) => wordCount(para.text, cap), () => lines.slice(para.first, para.last + 1).map(lineLower).join(' '));
    if (p && p.extent !== 'heading+list') take(p, para.start, para.end);
  }

  // Repeated headline: a short heading-like line appearing more than once.
  const rh = rules.rules.repeatedHeadline;
  const seen = new Map<string, Line[]>();
  for (const line of lines) {
    // The cheap tests first: most lines end a sentence.
    if (/[.!?"”’:;,]$/.test(line.text) || BULLET.test(line.text)) continue;
    const words = wordCount(line.text, rh.maxWords);
    if (words < rh.minWords || words > rh.maxWords) continue;
    const key = lineLower(line).replace(/\s+/g, ' ');
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
