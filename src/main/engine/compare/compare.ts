/**
 * The comparison API: from analysed articles to the one `Comparison` the dashboard and the
 * exports consume — events and the story thread, every aggregator's outlet × metric tables
 * (for the scope, and per event along the timeline), the omission grid and topic discovery.
 *
 * Events are always found over the whole folder (an event is a corpus-wide notion); the scope
 * then selects the articles the tables, the grid and discovery look at.
 */
import type { Scope } from '../../../shared/comparison';
import type { ComparisonWithEvents, EventEdit, EventGrouping, EventName, EventOverride } from '../../../shared/events';
import { CodedError } from '../../../shared/result';
import type { AnalysedArticle, Aggregator, EvidenceStore, FeatureSource } from '../aggregate';
import { applyEdits, applyOverrides } from '../events/edits';
import { groupEvents, type EventCorpus, type EventInput, type GroupingOptions } from '../events/group';
import { EVENT_TERMS } from '../events/terms';
import { storyThread } from '../events/thread';
import { discoverEventTerms } from '../topics/discovery';
import { buildOmissionGrid } from './omissions';

export interface CompareOptions {
  readonly scope: Scope;
  /** The comparison's outlets, in display order. */
  readonly outlets: readonly string[];
  readonly aggregators: readonly Aggregator[];
  readonly featureSources: readonly FeatureSource[];
  readonly store: EvidenceStore;
  /** Saved corrections from the folder manifest, replayed after automatic grouping. */
  readonly overrides?: readonly EventOverride[];
  readonly eventNames?: readonly EventName[];
  /** Edits made in this session, applied after the overrides. */
  readonly edits?: readonly EventEdit[];
  readonly grouping?: GroupingOptions;
  /** Per-event tables for the corpus scope (default true). */
  readonly perEventTables?: boolean;
  /**
   * Events already found by `eventsOf` for these articles (e.g. when the dashboard switches
   * between scopes): reused instead of grouping again; overrides, names and edits are then ignored.
   */
  readonly events?: { readonly corpus: EventCorpus; readonly grouping: EventGrouping };
}

/** The event-grouping inputs of analysed articles (they need the `event-terms` component). */
export function eventInputs(articles: readonly AnalysedArticle[]): EventInput[] {
  return articles.map((a) => {
    if (!a.results.has(EVENT_TERMS)) {
      throw new CodedError('E_PIPELINE_INVALID', 'Comparing needs the "event-terms" pipeline component (events/terms.ts).');
    }
    return { id: a.meta.id, outlet: a.meta.outlet, date: a.meta.date, terms: a.results.get(EVENT_TERMS) };
  });
}

/** Groups analysed articles into events and replays overrides and edits. */
export function eventsOf(
  articles: readonly AnalysedArticle[],
  options: Pick<CompareOptions, 'overrides' | 'eventNames' | 'edits' | 'grouping' | 'outlets'>,
): { corpus: EventCorpus; grouping: EventGrouping } {
  const { corpus, grouping: auto } = groupEvents(eventInputs(articles), { ...options.grouping, outletOrder: options.outlets });
  let grouping = auto;
  if ((options.overrides?.length ?? 0) > 0 || (options.eventNames?.length ?? 0) > 0) {
    grouping = applyOverrides(corpus, grouping, options.overrides ?? [], options.eventNames ?? []);
  }
  if ((options.edits?.length ?? 0) > 0) grouping = applyEdits(corpus, grouping, options.edits ?? []);
  return { corpus, grouping };
}

export function compare(articles: readonly AnalysedArticle[], options: CompareOptions): ComparisonWithEvents {
  const { scope, outlets, aggregators, featureSources, store } = options;
  const { corpus, grouping } = options.events ?? eventsOf(articles, options);
  const notes: string[] = [grouping.method.description];

  let scoped: readonly AnalysedArticle[] = articles;
  let eventIds: string[] = grouping.events.map((e) => e.id);
  if (scope.kind === 'event') {
    const event = grouping.events.find((e) => e.id === scope.eventId);
    if (!event) throw new CodedError('E_NOT_FOUND', `No event ${scope.eventId} in this folder.`);
    const members = new Set(event.articleIds);
    scoped = articles.filter((a) => members.has(a.meta.id));
    eventIds = [event.id];
    notes.push(`Within one event: ${event.name}.`);
  } else if (grouping.events.length > 1) {
    notes.push(
      `Across ${grouping.events.length} events: tables pool articles from different events, so an outlet's values can differ because it covered different events; compare within an event for like with like.`,
    );
  }

  const tables = aggregators.flatMap((a) => a.tables(scoped, outlets, store, scope));
  const eventTables =
    scope.kind === 'corpus' && (options.perEventTables ?? true)
      ? grouping.events.map((e) => {
          const members = new Set(e.articleIds);
          const eventScope: Scope = { kind: 'event', eventId: e.id };
          const mine = articles.filter((a) => members.has(a.meta.id));
          return { eventId: e.id, tables: aggregators.flatMap((a) => a.tables(mine, outlets, store, eventScope)) };
        })
      : [];
  const omissions = buildOmissionGrid(articles, grouping, featureSources, store, { outlets, eventIds });
  notes.push(...omissions.notes);
  return {
    scope,
    outlets,
    articleIds: scoped.map((a) => a.meta.id),
    grouping,
    thread: storyThread(corpus, grouping),
    tables,
    eventTables,
    omissions,
    discovery: discoverEventTerms(corpus, grouping, store, { eventIds }),
    notes,
  };
}
