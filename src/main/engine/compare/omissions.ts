/**
 * The omission grid: within each event, for each outlet covering it, which features (a figure,
 * a voice, a topic) that other outlets covering the same event include it leaves out, with the
 * evidence from the outlets that include them.
 *
 * Features come from any list of FeatureSources (figures and voices from their measures, topics
 * from topics.ts). Outlets are only compared inside an event: an outlet that covered a different
 * event is not said to omit anything (its story happened on another day), and the grid says so.
 */
import type { EventGrouping, EventOmissions, GridFeature, OmissionCell, OmissionGrid } from '../../../shared/events';
import { evidenceKey, outletOf, type AnalysedArticle, type EvidenceStore, type FeatureSource } from '../aggregate';
import type { Evidence } from '../document';

const KIND_ORDER: Readonly<Record<GridFeature['kind'], number>> = { figure: 0, voice: 1, topic: 2 };

export const NOT_COMPARED_DIFFERENT_EVENTS = 'not compared: outlets covered different events';

function putOnce(store: EvidenceStore, key: string, title: string, lists: readonly (readonly Evidence[])[]): string {
  if (!store.has(key)) store.putLists(key, title, lists);
  return key;
}

/** Evidence of one outlet for one feature: the features' lists, article by article, and their size. */
interface Included {
  readonly lists: (readonly Evidence[])[];
  count: number;
}

export interface OmissionOptions {
  /** Only these events (default: all events of the grouping). */
  readonly eventIds?: readonly string[];
  /** The comparison's outlet order. */
  readonly outlets: readonly string[];
}

export function buildOmissionGrid(
  articles: readonly AnalysedArticle[],
  grouping: EventGrouping,
  sources: readonly FeatureSource[],
  store: EvidenceStore,
  options: OmissionOptions,
): OmissionGrid {
  const byId = new Map(articles.map((a) => [a.meta.id, a]));
  const wanted = options.eventIds ? new Set(options.eventIds) : null;
  const order = (xs: Iterable<string>): string[] => {
    const set = new Set(xs);
    return [...options.outlets.filter((o) => set.has(o)), ...[...set].filter((o) => !options.outlets.includes(o)).sort()];
  };
  const events: EventOmissions[] = [];
  for (const event of grouping.events) {
    if (wanted && !wanted.has(event.id)) continue;
    // outlet → feature key → evidence
    const included = new Map<string, Map<string, Included>>();
    const features = new Map<string, GridFeature>();
    for (const id of event.articleIds) {
      const article = byId.get(id);
      if (!article) continue;
      const outlet = outletOf(article);
      let mine = included.get(outlet);
      if (!mine) included.set(outlet, (mine = new Map<string, Included>()));
      for (const source of sources) {
        for (const f of source(article)) {
          if (!features.has(f.key)) features.set(f.key, { key: f.key, kind: f.kind, label: f.label });
          let own = mine.get(f.key);
          if (!own) mine.set(f.key, (own = { lists: [], count: 0 }));
          own.lists.push(f.evidence);
          own.count += f.evidence.length;
        }
      }
    }
    const outlets = order(included.keys());
    const featureList = [...features.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.key.localeCompare(b.key));
    const compared = outlets.length >= 2;
    const cells: OmissionCell[] = [];
    for (const f of featureList) {
      const includers = outlets.filter((o) => included.get(o)?.has(f.key));
      for (const outlet of outlets) {
        const own = included.get(outlet)?.get(f.key);
        if (own) {
          cells.push({
            outlet,
            featureKey: f.key,
            status: 'includes',
            evidenceKey: putOnce(store, evidenceKey('feature', event.id, outlet, f.key), `${f.label} in ${outlet}`, own.lists),
            count: own.count,
            includedBy: [],
          });
        } else if (compared) {
          const others: (readonly Evidence[])[] = [];
          let count = 0;
          for (const o of includers) {
            const theirs = included.get(o)?.get(f.key);
            if (!theirs) continue;
            for (const list of theirs.lists) others.push(list);
            count += theirs.count;
          }
          cells.push({
            outlet,
            featureKey: f.key,
            status: 'omits',
            evidenceKey: putOnce(
              store,
              evidenceKey('omission', event.id, outlet, f.key),
              `${f.label}: left out by ${outlet}, included by ${includers.join(', ')}`,
              others,
            ),
            count,
            includedBy: includers,
          });
        }
      }
    }
    events.push({
      eventId: event.id,
      eventName: event.name,
      outlets,
      features: featureList,
      cells,
      compared,
      note: compared ? null : 'Only one outlet covered this event: nothing to compare it with.',
    });
  }

  // Outlet pairs that never covered the same event are not compared at all.
  const shared = new Set<string>();
  for (const e of events) {
    for (const a of e.outlets) for (const b of e.outlets) if (a < b) shared.add(`${a}\u0000${b}`);
  }
  const present = order(events.flatMap((e) => e.outlets));
  const notCompared: { outlets: [string, string]; reason: string }[] = [];
  for (let i = 0; i < present.length; i += 1) {
    for (let j = i + 1; j < present.length; j += 1) {
      const a = present[i] ?? '';
      const b = present[j] ?? '';
      const k = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
      if (!shared.has(k)) notCompared.push({ outlets: [a, b], reason: NOT_COMPARED_DIFFERENT_EVENTS });
    }
  }
  const notes = ['Omissions are judged only within an event, against the other outlets covering that event.'];
  if (notCompared.length > 0) {
    notes.push(
      `Not compared: ${notCompared.length} outlet pair(s) covered different events (${notCompared
        .slice(0, 3)
        .map((p) => `${p.outlets[0]} / ${p.outlets[1]}`)
        .join('; ')}${notCompared.length > 3 ? '; …' : ''}).`,
    );
  }
  const single = events.filter((e) => !e.compared).length;
  if (single > 0) notes.push(`${single} event(s) covered by a single outlet: nothing compared there.`);
  return { events, notCompared, notes };
}
