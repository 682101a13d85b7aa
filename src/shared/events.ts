/**
 * Events, the story thread, the omission grid, topic discovery and the one `Comparison` result
 * the dashboard and the exports consume. Plain JSON data: it crosses IPC and HTTP. Evidence
 * stays in the main process; every mark names it by an `EvidenceKey` fetched on demand.
 */
import { z } from 'zod';
import type { MetricTable, Scope } from './comparison';
import type { EvidenceKey } from './evidence';

/** An ISO date range (YYYY-MM-DD, inclusive). */
export interface DateRange {
  readonly start: string;
  readonly end: string;
}

/** One group of articles about the same happening. */
export interface EventInfo {
  /** Stable id, also what the folder manifest stores per article (`event`). */
  readonly id: string;
  /** "8–9 Jan 2024 · Blinken, Tel Aviv" when automatic, or the name the user gave. */
  readonly name: string;
  readonly nameSource: 'auto' | 'user';
  /** Earliest to latest known article date; null when no member has a date. */
  readonly dates: DateRange | null;
  readonly articleIds: readonly string[];
  /** Outlets covering the event, in the comparison's outlet order. */
  readonly outlets: readonly string[];
  /** The terms (names first) that characterise the event, best first. */
  readonly terms: readonly string[];
  /** Mean pairwise similarity of the members (1 for a single article). */
  readonly cohesion: number;
}

/** Why an article is in its event and how sure the grouping is. */
export interface EventAssignment {
  readonly articleId: string;
  readonly eventId: string;
  /**
   * 0–1. For an automatic assignment to an event of several articles: mean similarity to the
   * other members / (that + mean similarity to the nearest other event), so 0.5 = as close to
   * another event as to its own. For an article alone in its event: 1 − (nearest other event's
   * similarity ÷ grouping threshold) / 2, so 0.5–1. Always 1 for the user's own choices.
   */
  readonly confidence: number;
  readonly source: 'auto' | 'user';
  /** The nearest other event and its similarity, for "could also belong to …". */
  readonly runnerUp: { readonly eventId: string; readonly similarity: number } | null;
}

/** The user's event corrections, as the folder manifest stores them. */
export interface EventOverride {
  readonly articleId: string;
  readonly eventId: string;
}

export interface EventName {
  readonly id: string;
  readonly name: string;
}

/** Edits a user makes to a grouping; applied in order by a pure function. */
export type EventEdit =
  | { readonly kind: 'move'; readonly articleId: string; readonly toEventId: string }
  | { readonly kind: 'rename'; readonly eventId: string; readonly name: string }
  | { readonly kind: 'merge'; readonly eventIds: readonly string[]; readonly intoEventId: string }
  | { readonly kind: 'split'; readonly eventId: string; readonly articleIds: readonly string[]; readonly newEventId: string; readonly name?: string | undefined };

const eventId = z.string().trim().min(1).max(200);
const articleId = z.string().min(1).max(200);

/** Runtime check for edits arriving from the renderer (the contract parses payloads with it). */
export const eventEditSchema: z.ZodType<EventEdit> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('move'), articleId, toEventId: eventId }).strict(),
  z.object({ kind: z.literal('rename'), eventId, name: z.string().max(200) }).strict(),
  z.object({ kind: z.literal('merge'), eventIds: z.array(eventId).min(1).max(1000), intoEventId: eventId }).strict(),
  z
    .object({ kind: z.literal('split'), eventId, articleIds: z.array(articleId).min(1).max(10_000), newEventId: eventId, name: z.string().max(200).optional() })
    .strict(),
]);

export interface EventGrouping {
  readonly events: readonly EventInfo[];
  readonly assignments: readonly EventAssignment[];
  /** How the grouping was made, for the note under the timeline. */
  readonly method: {
    readonly usedDates: boolean;
    /** Articles grouped by text alone because they have no date. */
    readonly undatedArticles: number;
    readonly threshold: number;
    readonly description: string;
  };
}

/** One event on the timeline with who covered it. */
export interface ThreadEntry {
  readonly eventId: string;
  readonly name: string;
  readonly dates: DateRange | null;
  readonly coverage: readonly { readonly outlet: string; readonly articleIds: readonly string[] }[];
}

export interface StoryThread {
  /** Dated events by start date, then undated events (their `dates` is null). */
  readonly entries: readonly ThreadEntry[];
}

export type FeatureKind = 'figure' | 'voice' | 'topic';

/** A feature some outlets covering an event include. */
export interface GridFeature {
  readonly key: string;
  readonly kind: FeatureKind;
  readonly label: string;
}

/** One outlet × feature cell of an event's omission grid. */
export interface OmissionCell {
  readonly outlet: string;
  readonly featureKey: string;
  readonly status: 'includes' | 'omits';
  /** For 'includes': the outlet's own evidence; for 'omits': the evidence of the outlets that include it. */
  readonly evidenceKey: EvidenceKey | null;
  readonly count: number;
  /** For 'omits': the other outlets of the event that include the feature. */
  readonly includedBy: readonly string[];
}

export interface EventOmissions {
  readonly eventId: string;
  readonly eventName: string;
  readonly outlets: readonly string[];
  readonly features: readonly GridFeature[];
  readonly cells: readonly OmissionCell[];
  /** True when at least two outlets cover the event; otherwise nothing is compared. */
  readonly compared: boolean;
  readonly note: string | null;
}

export interface OmissionGrid {
  readonly events: readonly EventOmissions[];
  /** Outlet pairs never compared because they covered no event in common. */
  readonly notCompared: readonly { readonly outlets: readonly [string, string]; readonly reason: string }[];
  /** Plain-language notes for the UI ("not compared: outlets covered different events"). */
  readonly notes: readonly string[];
}

/** One event's tables (the same aggregators as the scope's), fetched when the user picks the event. */
export interface EventTables {
  readonly eventId: string;
  readonly tables: readonly MetricTable[];
}

/**
 * What the engine computes: the comparison plus every event's tables. The tables stay in the
 * main process and travel one event at a time (`getEventTables`), which keeps the snapshot the
 * dashboard loads first small in large folders.
 */
export interface ComparisonWithEvents extends Comparison {
  readonly eventTables: readonly EventTables[];
}

/** A term that distinguishes an event from the rest of the folder (topic discovery). */
export interface DiscoveredTerm {
  readonly term: string;
  /** Weighted log-odds z-score (event vs rest) or tf-idf when there is only one event. */
  readonly score: number;
  readonly count: number;
  readonly evidenceKey: EvidenceKey | null;
}

export interface EventDiscovery {
  readonly eventId: string;
  readonly method: 'log-odds' | 'tf-idf';
  readonly terms: readonly DiscoveredTerm[];
}

/** Everything the dashboard and the exports need for one scope. */
export interface Comparison {
  readonly scope: Scope;
  readonly outlets: readonly string[];
  /** The articles in scope. */
  readonly articleIds: readonly string[];
  readonly grouping: EventGrouping;
  readonly thread: StoryThread;
  /** Tables of every aggregator over the articles in scope. */
  readonly tables: readonly MetricTable[];
  readonly omissions: OmissionGrid;
  readonly discovery: readonly EventDiscovery[];
  readonly notes: readonly string[];
}
