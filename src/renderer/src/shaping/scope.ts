/**
 * Which slice of the comparison the filters select: the tables of one event or of the whole
 * folder, the events inside a date range, and the words for chart subtitles.
 */
import type { MetricTable } from '../../../shared/comparison';
import type { EventInfo, EventTables } from '../../../shared/events';
import type { AnalysisSnapshot } from '../../../shared/model';

export interface ScopeFilter {
  readonly eventId: string | null;
  readonly from: string | null;
  readonly to: string | null;
}

/** Events overlapping the date range (undated events are kept only without a range). */
export function eventsInRange(events: readonly EventInfo[], from: string | null, to: string | null): EventInfo[] {
  if (!from && !to) return [...events];
  return events.filter((e) => e.dates !== null && (!from || e.dates.end >= from) && (!to || e.dates.start <= to));
}

export interface ScopedTables {
  readonly tables: readonly MetricTable[];
  /** "all events", or the event's name. */
  readonly label: string;
  readonly event: EventInfo | null;
  /** Article ids in scope (all articles for the corpus scope). */
  readonly articleIds: ReadonlySet<string>;
  /** True while the picked event's tables are being fetched (its tables are empty until then). */
  readonly loading: boolean;
}

/**
 * `eventTables` are the picked event's tables as fetched from the main process (null until they
 * arrive, or when they belong to another event).
 */
export function scopedTables(snapshot: AnalysisSnapshot, filter: ScopeFilter, eventTables: EventTables | null = null): ScopedTables {
  const { comparison } = snapshot;
  const event = filter.eventId ? (comparison.grouping.events.find((e) => e.id === filter.eventId) ?? null) : null;
  if (event) {
    const fetched = eventTables?.eventId === event.id ? eventTables.tables : null;
    return { tables: fetched ?? [], label: event.name, event, articleIds: new Set(event.articleIds), loading: fetched === null };
  }
  const inRange = eventsInRange(comparison.grouping.events, filter.from, filter.to);
  const ranged = Boolean(filter.from ?? filter.to);
  return {
    tables: comparison.tables,
    label: ranged ? `${inRange.length} events in the date range (tables: all events)` : `all ${comparison.grouping.events.length} events`,
    event: null,
    articleIds: new Set(ranged ? inRange.flatMap((e) => e.articleIds) : snapshot.articles.map((a) => a.id)),
    loading: false,
  };
}
