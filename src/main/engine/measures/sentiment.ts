/**
 * Sentence sentiment with the AFINN-165 lexicon of the `sentiment` package, on our own tokens so
 * every scored word is Evidence with its offsets ("afinn:killed"). Rules:
 * - AFINN phrases are matched by the merged phrase index; where AFINN entries overlap the longest
 *   wins ("not good" -2 rather than "good" +3 negated).
 * - Negation: a negator of the `sentiment` package (plus a few contractions it lacks) within the
 *   NEGATION_WINDOW words before a scored word, in the same clause, flips its sign.
 * - Domain overrides (sentiment-overrides pack): a one-word phrase replaces the word's score
 *   (optionally only when capitalised mid-sentence, i.e. a name); a longer phrase is scored as a
 *   whole and silences the AFINN words inside it ("United Nations").
 * - A sentence's score is the sum of its evidence weights. Its comparative score divides by the
 *   sentence's word and number tokens, as the `sentiment` package does for a whole text; its
 *   tone divides by the square root of that count, a middle way between the sum (long sentences
 *   dominate) and the comparative (one strong word in a long sentence vanishes). On the NYT
 *   editorial snippets (scripts/eval-sentiment.ts) the tone correlates better with human
 *   ratings (r 0.51) than the comparative (0.47), the bare package (0.45) or VADER (0.50).
 * - The article's tone is the mean tone of its scored (non-clutter) sentences, so each sentence
 *   counts once.
 */
import type { Doc, Evidence } from '../document';
import { slot, type Component } from '../pipeline';
import type { Match, PhraseEntry } from '../text/phraseIndex';
import { longestFirst } from './common';
import { AFINN, AFINN_STAMP, NEGATORS, type OverrideEntry } from './packs';
import type { LexiconPack } from '../lexicons/pack';
import { packStamp } from '../lexicons/pack';

export const NEGATION_WINDOW = 3;

/** Contractions and negators the `sentiment` package's list lacks (it has not, don't, isn't…). */
const EXTRA_NEGATORS = [
  'never', 'cannot', "didn't", 'didnt', "wasn't", 'wasnt', "aren't", 'arent', "weren't", 'werent', "couldn't", 'couldnt',
  "wouldn't", 'wouldnt', "shouldn't", 'shouldnt', "hasn't", 'hasnt', "haven't", 'havent', "hadn't", 'hadnt', 'nor', 'neither',
];
const NEGATOR_SET: ReadonlySet<string> = new Set([...NEGATORS, ...EXTRA_NEGATORS]);

/** Punctuation that closes a clause: negation does not reach across it. */
const CLAUSE_BREAK = new Set([',', ';', ':', '.', '!', '?', '"', '(', ')', '-']);

export interface ScoredWord extends Evidence {
  /** Index of the sentence in Doc.sentences. */
  readonly sentence: number;
  readonly negated: boolean;
}

export interface SentimentResult {
  /**
   * Per sentence: sum of word scores, or NaN for excluded (clutter) sentences. The three
   * per-sentence columns are typed arrays (read a value or null with `sentenceValue`).
   */
  readonly sentenceScores: Float64Array;
  /** Per sentence: score / word and number tokens (0 for a sentence with none), NaN when excluded. */
  readonly sentenceComparative: Float64Array;
  /** Per sentence: score / √(word and number tokens) (0 for none), NaN when excluded. */
  readonly sentenceTone: Float64Array;
  /** Every scored word, in text order. */
  readonly words: readonly ScoredWord[];
  /** Mean sentence tone of the scored sentences; null when none. */
  readonly tone: number | null;
  /** Sum of all word scores. */
  readonly score: number;
  /** Word and number tokens of the scored sentences (for rates per 1,000 words). */
  readonly wordCount: number;
  /** Lexicons used: AFINN and the overrides pack. */
  readonly packs: readonly string[];
}

export const SENTIMENT = slot<SentimentResult>('sentiment');

/** Value `i` of a per-sentence column; null for an excluded sentence or an index beyond the article. */
export function sentenceValue(values: Float64Array, i: number): number | null {
  const v = values[i];
  return v === undefined || Number.isNaN(v) ? null : v;
}

/** One scored word as evidence (an object literal: spreading is several times slower here). */
function scoredWord(doc: Doc, start: number, end: number, rule: string, weight: number, sentence: number, negated: boolean): ScoredWord {
  return { articleId: doc.articleId, start, end, text: doc.text.slice(start, end), rule, weight, sentence, negated };
}

/** true: capitalised inside its sentence (a name); 'initial': capitalised as its first word; false: lower case. */
function isCapitalizedName(doc: Doc, tokenIndex: number, sentenceFirst: number): boolean | 'initial' {
  const t = doc.tokens[tokenIndex];
  if (t === undefined) return false;
  const ch = doc.text[t.start] ?? '';
  if (ch.toLowerCase() === ch) return false;
  // The sentence's first word is capitalised anyway (quotes and brackets before it do not count).
  for (let k = sentenceFirst; k < tokenIndex; k += 1) if (doc.tokens[k]?.kind !== 'punct') return true;
  return 'initial';
}

/** Scores one document; pure function of the doc and its matches (exported for tests and eval). */
export function scoreSentiment(
  doc: Doc,
  afinnMatches: readonly Match[],
  overrideMatches: readonly Match[],
  overrides: ReadonlyMap<string, OverrideEntry>,
  packs: readonly string[],
): SentimentResult {
  const n = doc.sentences.length;
  const sentenceScores = new Float64Array(n).fill(Number.NaN);
  const sentenceComparative = new Float64Array(n).fill(Number.NaN);
  const sentenceTone = new Float64Array(n).fill(Number.NaN);
  const words: ScoredWord[] = [];

  // Tokens covered by a multi-word override, and single-word replacements, by token index.
  const silenced = new Set<number>();
  const replaced = new Map<number, { score: number; entry: OverrideEntry }>();
  const phraseScores: ScoredWord[] = [];
  const overridden = longestFirst(overrideMatches);
  // A capitalised word opening a sentence is read as a name when the article also writes it
  // capitalised mid-sentence ("Yoav Gallant … Gallant told Blinken").
  const namesHere = new Set<string>();
  for (const m of overridden) {
    const sentence = doc.sentences[m.sentence];
    if (sentence !== undefined && isCapitalizedName(doc, m.firstToken, sentence.firstToken) === true) namesHere.add(m.id);
  }
  for (const m of overridden) {
    const entry = overrides.get(m.id);
    const sentence = doc.sentences[m.sentence];
    if (entry === undefined || sentence === undefined) continue;
    if (entry.match === 'capitalized') {
      const name = isCapitalizedName(doc, m.firstToken, sentence.firstToken);
      if (name === false || (name === 'initial' && !namesHere.has(m.id))) continue;
    }
    if (m.endToken - m.firstToken === 1) {
      replaced.set(m.firstToken, { score: entry.score, entry });
      continue;
    }
    for (let t = m.firstToken; t < m.endToken; t += 1) silenced.add(t);
    if (entry.score !== 0) {
      const start = doc.tokens[m.firstToken]?.start ?? 0;
      const end = doc.tokens[m.endToken - 1]?.end ?? start;
      phraseScores.push(scoredWord(doc, start, end, `override:${m.id}`, entry.score, m.sentence, false));
    }
  }

  for (const m of longestFirst(afinnMatches)) {
    if (silenced.has(m.firstToken)) continue;
    const sentence = doc.sentences[m.sentence];
    if (sentence === undefined) continue;
    let score: number;
    let rule: string;
    const single = m.endToken - m.firstToken === 1;
    const replacement = single ? replaced.get(m.firstToken) : undefined;
    if (replacement !== undefined) {
      score = replacement.score;
      rule = `override:${replacement.entry.phrase}`;
      replaced.delete(m.firstToken);
    } else {
      score = AFINN.get(m.id) ?? 0;
      rule = `afinn:${m.id}`;
    }
    if (score === 0) continue;
    let negated = false;
    for (let k = m.firstToken - 1, seen = 0; k >= sentence.firstToken && seen < NEGATION_WINDOW; k -= 1) {
      const t = doc.tokens[k];
      if (t === undefined) break;
      if (t.kind === 'punct') {
        if (CLAUSE_BREAK.has(t.norm)) break;
        continue;
      }
      if (NEGATOR_SET.has(t.norm)) {
        negated = true;
        break;
      }
      seen += 1;
    }
    if (negated) score = -score;
    const start = doc.tokens[m.firstToken]?.start ?? 0;
    const end = doc.tokens[m.endToken - 1]?.end ?? start;
    words.push(scoredWord(doc, start, end, rule, score, m.sentence, negated));
  }
  // Single-word overrides of words AFINN does not list (score given by the pack alone).
  for (const [t, { score, entry }] of replaced) {
    if (score === 0) continue;
    const token = doc.tokens[t];
    const s = sentenceOfToken(doc, t);
    if (token === undefined || s < 0) continue;
    words.push(scoredWord(doc, token.start, token.end, `override:${entry.phrase}`, score, s, false));
  }
  words.push(...phraseScores);
  words.sort((a, b) => a.start - b.start);

  for (let s = 0; s < n; s += 1) if (doc.sentences[s]?.excluded === false) sentenceScores[s] = 0;
  for (const w of words) {
    const before = sentenceScores[w.sentence] ?? 0;
    sentenceScores[w.sentence] = (Number.isNaN(before) ? 0 : before) + w.weight;
  }
  let sum = 0;
  let total = 0;
  let scored = 0;
  let wordCount = 0;
  for (let s = 0; s < n; s += 1) {
    const sentence = doc.sentences[s];
    const score = sentenceScores[s];
    if (sentence === undefined || score === undefined || Number.isNaN(score)) continue;
    let count = 0;
    for (let t = sentence.firstToken; t < sentence.endToken; t += 1) if (doc.tokens[t]?.kind !== 'punct') count += 1;
    sentenceComparative[s] = count > 0 ? score / count : 0;
    const tone = count > 0 ? score / Math.sqrt(count) : 0;
    sentenceTone[s] = tone;
    if (count > 0) {
      sum += tone;
      scored += 1;
    }
    total += score;
    wordCount += count;
  }
  return { sentenceScores, sentenceComparative, sentenceTone, words, tone: scored > 0 ? sum / scored : null, score: total, wordCount, packs };
}

function sentenceOfToken(doc: Doc, t: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (s === undefined) return -1;
    if (t < s.firstToken) hi = mid - 1;
    else if (t >= s.endToken) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Phrase entries of the AFINN lexicon, for the merged index. */
export function afinnPhrases(): PhraseEntry[] {
  const out: PhraseEntry[] = [];
  for (const word of AFINN.keys()) out.push({ namespace: 'afinn', id: word, phrase: word });
  return out;
}

export function sentimentComponent(overridesPack: LexiconPack<OverrideEntry>): Component {
  const overrides = new Map(overridesPack.entries.map((e) => [e.phrase, e]));
  const packs = [AFINN_STAMP, packStamp(overridesPack)];
  return {
    name: 'sentiment',
    requires: [],
    assigns: [SENTIMENT],
    phrases: () => [
      ...afinnPhrases(),
      ...overridesPack.entries.map((e) => ({ namespace: 'sentiment-override', id: e.phrase, phrase: e.phrase })),
    ],
    run(ctx) {
      ctx.set(SENTIMENT, scoreSentiment(ctx.doc, ctx.matchesIn('afinn'), ctx.matchesIn('sentiment-override'), overrides, packs));
    },
  };
}
