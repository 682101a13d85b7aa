/**
 * The user's corrections to a grouping: move an article, name an event, split or merge events.
 * Pure functions from a grouping and a list of edits to a new grouping; the folder manifest
 * keeps the result as per-article `event` ids and `events: [{ id, name }]` (see `overridesOf`),
 * and `applyOverrides` replays them on the next analysis.
 */
import type { EventEdit, EventGrouping, EventName, EventOverride } from '../../../shared/events';
import { CodedError } from '../../../shared/result';
import { finalizeGrouping, type EventCorpus, type Group } from './group';

interface Working {
  readonly groups: Map<string, Set<number>>;
  readonly names: Map<string, string>;
  readonly user: Set<string>;
}

function working(corpus: EventCorpus, grouping: EventGrouping): Working {
  const groups = new Map<string, Set<number>>();
  const names = new Map<string, string>();
  for (const e of grouping.events) {
    groups.set(e.id, new Set(e.articleIds.map((id) => corpus.indexOf.get(id)).filter((i): i is number => i !== undefined)));
    if (e.nameSource === 'user') names.set(e.id, e.name);
  }
  const user = new Set(grouping.assignments.filter((a) => a.source === 'user').map((a) => a.articleId));
  return { groups, names, user };
}

function finish(corpus: EventCorpus, w: Working): EventGrouping {
  const groups: Group[] = [];
  for (const [id, members] of w.groups) {
    if (members.size === 0) continue;
    groups.push({ id, members: [...members].sort((a, b) => a - b), userName: w.names.get(id) ?? null });
  }
  return finalizeGrouping(corpus, groups, w.user);
}

function checkEventId(id: string): void {
  if (id.trim().length === 0) throw new CodedError('E_INVALID_PAYLOAD', 'An event id cannot be empty.');
}

function moveTo(corpus: EventCorpus, w: Working, articleId: string, eventId: string): void {
  const index = corpus.indexOf.get(articleId);
  if (index === undefined) throw new CodedError('E_NOT_FOUND', `No article ${articleId} in this folder.`);
  checkEventId(eventId);
  for (const members of w.groups.values()) members.delete(index);
  const target = w.groups.get(eventId);
  if (target) target.add(index);
  else w.groups.set(eventId, new Set([index]));
  w.user.add(articleId);
}

function existing(w: Working, eventId: string): Set<number> {
  const members = w.groups.get(eventId);
  if (!members || members.size === 0) throw new CodedError('E_NOT_FOUND', `No event ${eventId} in this grouping.`);
  return members;
}

/**
 * Applies edits in order. A move or split to an id that does not exist creates that event; a
 * merge moves every member of the listed events into `intoEventId` (existing or new). Every
 * article an edit touches becomes the user's choice (confidence 1). Unknown articles or events
 * are E_NOT_FOUND errors.
 */
export function applyEdits(corpus: EventCorpus, grouping: EventGrouping, edits: readonly EventEdit[]): EventGrouping {
  const w = working(corpus, grouping);
  for (const edit of edits) {
    switch (edit.kind) {
      case 'move':
        moveTo(corpus, w, edit.articleId, edit.toEventId);
        break;
      case 'rename':
        existing(w, edit.eventId);
        // An empty name gives the event back its automatic name.
        if (edit.name.trim().length > 0) w.names.set(edit.eventId, edit.name.trim());
        else w.names.delete(edit.eventId);
        break;
      case 'merge': {
        checkEventId(edit.intoEventId);
        const ids: string[] = [];
        for (const id of edit.eventIds) for (const i of existing(w, id)) ids.push(corpus.inputs[i]?.id ?? '');
        for (const i of w.groups.get(edit.intoEventId) ?? []) ids.push(corpus.inputs[i]?.id ?? '');
        for (const id of ids) moveTo(corpus, w, id, edit.intoEventId);
        break;
      }
      case 'split': {
        const from = existing(w, edit.eventId);
        for (const articleId of edit.articleIds) {
          const index = corpus.indexOf.get(articleId);
          if (index === undefined || !from.has(index)) {
            throw new CodedError('E_NOT_FOUND', `Article ${articleId} is not in event ${edit.eventId}.`);
          }
        }
        if (w.groups.has(edit.newEventId) && (w.groups.get(edit.newEventId)?.size ?? 0) > 0) {
          throw new CodedError('E_INVALID_PAYLOAD', `Event ${edit.newEventId} already exists; merge instead of split.`);
        }
        for (const articleId of edit.articleIds) moveTo(corpus, w, articleId, edit.newEventId);
        if (edit.name !== undefined) w.names.set(edit.newEventId, edit.name.trim());
        break;
      }
    }
  }
  return finish(corpus, w);
}

/**
 * Replays what the manifest saved: each override pins an article to an event id, each name
 * names an event. Overrides for articles no longer in the folder and names of events that no
 * longer exist are skipped (the folder changed since they were saved).
 */
export function applyOverrides(
  corpus: EventCorpus,
  grouping: EventGrouping,
  overrides: readonly EventOverride[],
  names: readonly EventName[] = [],
): EventGrouping {
  const w = working(corpus, grouping);
  for (const o of overrides) {
    if (!corpus.indexOf.has(o.articleId) || o.eventId.trim().length === 0) continue;
    moveTo(corpus, w, o.articleId, o.eventId);
  }
  for (const n of names) {
    if ((w.groups.get(n.id)?.size ?? 0) > 0 && n.name.trim().length > 0) w.names.set(n.id, n.name.trim());
  }
  return finish(corpus, w);
}

/** What to save in the folder manifest: the user's assignments and event names. */
export function overridesOf(grouping: EventGrouping): { readonly overrides: EventOverride[]; readonly names: EventName[] } {
  return {
    overrides: grouping.assignments.filter((a) => a.source === 'user').map((a) => ({ articleId: a.articleId, eventId: a.eventId })),
    names: grouping.events.filter((e) => e.nameSource === 'user').map((e) => ({ id: e.id, name: e.name })),
  };
}
