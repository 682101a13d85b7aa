/**
 * The engine's document model: one article's text with tokens and sentences that carry
 * character offsets into that text, plus the ranges excluded from scoring (page clutter).
 * Every measure reads this model and produces Evidence, so every score can be traced to
 * highlighted words of the article.
 */

/** A half-open character range [start, end) in the article's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token extends Span {
  /** Lower-cased, curly quotes and dashes normalised, for lexicon lookups. */
  readonly norm: string;
  readonly kind: TokenKind;
}

export interface Sentence extends Span {
  /** Index of the sentence's first token in `Doc.tokens`. */
  readonly firstToken: number;
  /** One past the index of its last token. */
  readonly endToken: number;
  /** True when the sentence lies in an excluded (clutter) range: never scored. */
  readonly excluded: boolean;
}

export interface Doc {
  readonly articleId: string;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly excluded: readonly Span[];
}

/**
 * One piece of evidence: the words behind a score. `rule` names the lexicon entry or rule that
 * fired (e.g. "afinn:killed", "label:hamas-run"), so a reviewer sees why a number moved.
 */
export interface Evidence extends Span {
  readonly articleId: string;
  readonly text: string;
  readonly rule: string;
  readonly weight: number;
}
