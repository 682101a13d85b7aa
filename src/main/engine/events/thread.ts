/**
 * The story thread: events on a timeline (dated events by start date, then undated ones), each
 * with the outlets that covered it and their articles, for the dashboard's timeline.
 */
import type { EventGrouping, StoryThread } from '../../../shared/events';
import type { EventCorpus } from './group';

import { UNKNOWN_OUTLET } from '../aggregate';

export function storyThread(corpus: EventCorpus, grouping: EventGrouping): StoryThread {
  return {
    entries: grouping.events.map((e) => {
      const byOutlet = new Map<string, string[]>();
      for (const id of e.articleIds) {
        const index = corpus.indexOf.get(id);
        const outlet = (index === undefined ? null : corpus.inputs[index]?.outlet) ?? UNKNOWN_OUTLET;
        const list = byOutlet.get(outlet);
        if (list) list.push(id);
        else byOutlet.set(outlet, [id]);
      }
      const order = [...e.outlets, ...[...byOutlet.keys()].filter((o) => !e.outlets.includes(o))];
      return {
        eventId: e.id,
        name: e.name,
        dates: e.dates,
        coverage: order.map((outlet) => ({ outlet, articleIds: byOutlet.get(outlet) ?? [] })).filter((c) => c.articleIds.length > 0),
      };
    }),
  };
}
