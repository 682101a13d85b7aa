/**
 * Casualty figures and voices as plain data for the renderer and exports: each cited figure as
 * an attributed record (value, qualifier, category, victim group, source, label, verb, as-of
 * date, reference check, evidence key), and each quoted or paraphrased voice with its speaker.
 */
import type { ActorGroupId } from './actors';
import type { EvidenceKey } from './evidence';

/** How the figure is hedged as written. */
export type FigureQualifier = 'exact' | 'at-least' | 'more-than' | 'approximately' | 'at-most' | 'vague';

export const FIGURE_CATEGORIES = [
  { id: 'killed', label: 'killed' },
  { id: 'wounded', label: 'wounded' },
  { id: 'hostages', label: 'hostages held or taken' },
  { id: 'hostages-released', label: 'hostages released or to be released' },
  { id: 'displaced', label: 'displaced or sheltering' },
  { id: 'fighters-killed', label: 'fighters killed' },
  { id: 'fighters', label: 'fighters (strength)' },
  { id: 'missing', label: 'missing' },
  { id: 'detained', label: 'detained or prisoners' },
] as const;

export type FigureCategory = (typeof FIGURE_CATEGORIES)[number]['id'];

export const VICTIM_GROUPS = [
  { id: 'palestinians', label: 'Palestinians' },
  { id: 'israelis', label: 'Israelis' },
  { id: 'people-in-gaza', label: 'people in Gaza' },
  { id: 'fighters', label: 'fighters' },
  { id: 'unspecified', label: 'unspecified' },
] as const;

export type VictimGroup = (typeof VICTIM_GROUPS)[number]['id'];

/** A figure's number: a point value or a range (both bounds inclusive; high null when open). */
export interface FigureValue {
  /** The single value when the text gives one number ("22,835", "2 million"); null for ranges and vague amounts. */
  readonly value: number | null;
  readonly low: number;
  readonly high: number | null;
}

export interface FigureSource {
  /** Lexicon id of the source ("gaza-health-ministry", "idf") or "quoted-speaker". */
  readonly id: string;
  /** The label given to the source, as written: "The Hamas-owned Ministry of Health in Gaza". */
  readonly label: string;
  /** The attribution verb as written ("claims", "reports", "according to", "said"), null when none. */
  readonly verb: string | null;
  /** Grade of the verb from the figures lexicon: neutral, distancing, endorsing. */
  readonly verbGrade: 'neutral' | 'distancing' | 'endorsing' | null;
}

/** How a cited figure compares with the reference series as of its article's date. */
export type ReferenceStatus = 'exact' | 'rounding' | 'stale' | 'misquote' | 'unmatched' | 'no-reference';

export interface ReferenceCheck {
  readonly status: ReferenceStatus;
  /** The reference value the figure was compared with, and the date of that report. */
  readonly referenceValue: number | null;
  readonly referenceDate: string | null;
  /** Which series was used, e.g. "gaza-moh-daily:killed_cum". */
  readonly series: string;
  /** One line a person reads: "matches the 2024-01-07 report". */
  readonly note: string;
}

/** One cited figure: a record with everything that frames it. */
export interface FigureRecord {
  readonly id: string;
  readonly articleId: string;
  /** The figure as written, qualifier included: "more than 31,000", "22 people, or 33 people". */
  readonly written: string;
  readonly value: FigureValue;
  readonly qualifier: FigureQualifier;
  readonly category: FigureCategory;
  readonly victimGroup: VictimGroup;
  /** The victim noun as written after the number ("Palestinians", "people"), or null. */
  readonly victimNoun: string | null;
  /** The word that gave the category ("killed", "dead", "death toll", "hostages", "fled"). */
  readonly cue: string;
  /** active ("has since killed"), passive ("have been killed"), nominal ("deaths", "death toll", "dead"). */
  readonly voice: 'active' | 'passive' | 'nominal';
  /** The named agent in active voice ("Israel's retaliatory offensive"), else null. */
  readonly agent: string | null;
  readonly source: FigureSource | null;
  /** Caveat sentences attached to the source ("does not distinguish between Hamas fighters and civilians"). */
  readonly caveats: readonly string[];
  /** Inside a direct quote: the figure is the speaker's, not the outlet's. */
  readonly inQuote: boolean;
  /** The Oct 7 attack is the figure's event ("Oct. 7", "October 7" in the same sentence with an attack cue). */
  readonly oct7: boolean;
  /** The article's date (ISO) or null. */
  readonly asOf: string | null;
  /** How many times the article states it (a repeat in a summary block counts once). */
  readonly mentions: number;
  readonly reference: ReferenceCheck | null;
  /** Omission-grid key, e.g. "figure:killed/gaza". */
  readonly featureKey: string;
}

/** A figure row for the dashboard's table and timeline scatter. */
export interface FigureRow extends FigureRecord {
  readonly outlet: string;
  readonly evidenceKey: EvidenceKey;
}

/**
 * Every cited figure of one analysis, fetched apart from the snapshot (at 10,000 articles the
 * rows are most of its bytes): the Figures view, the findings and the exports ask for them.
 */
export interface FigureRows {
  /** The `analysedAt` of the snapshot these rows belong to. */
  readonly analysedAt: string;
  /** In timeline order: by article date, then outlet (the page asked for, or all of them). */
  readonly rows: readonly FigureRow[];
  /** Where `rows` starts among all of them, and how many there are in all. */
  readonly offset: number;
  readonly total: number;
}

/** The most figure rows one `getFigures` page may ask for. */
export const MAX_FIGURE_PAGE = 20_000;

export interface VoiceRecord {
  readonly articleId: string;
  readonly kind: 'direct' | 'paraphrase';
  /** Person or institution id from the persons lexicon, or null when the speaker is unresolved. */
  readonly personId: string | null;
  /** The speaker as named where resolved: "Antony Blinken", "a senior Hamas official". */
  readonly speaker: string | null;
  /** How the speaker was written at the attribution: "he", "the prime minister", "Blinken". */
  readonly speakerAs: string | null;
  readonly group: ActorGroupId | null;
  /** The speech verb as written ("said", "added", "according to"), or null. */
  readonly verb: string | null;
  /** The quoted or paraphrased words. */
  readonly text: string;
  readonly words: number;
  readonly start: number;
  readonly end: number;
}

/** Words quoted per actor group in one outlet; an absent group is listed, not left out. */
export interface VoiceShare {
  readonly outlet: string;
  readonly totalWords: number;
  readonly groups: readonly {
    readonly group: ActorGroupId;
    readonly words: number;
    readonly share: number;
    readonly quotes: number;
    readonly paraphrases: number;
    /** True when no sentence of the outlet quotes this group directly. */
    readonly absent: boolean;
  }[];
}
