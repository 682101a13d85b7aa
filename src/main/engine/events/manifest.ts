/**
 * Between the event layer and the folder manifest: the user's event corrections are stored as
 * each article's `event` and the manifest's `events: [{ id, name }]` (ingest reads and saves
 * them); these pure adapters turn them into grouping overrides and back.
 */
import type { EventGrouping, EventName, EventOverride } from '../../../shared/events';
import type { ArticleSummary } from '../../../shared/model';
import type { ManifestEdits } from '../ingest/saveManifest';
import { overridesOf } from './edits';

/** Overrides and names as saved: per-article `event` (from the manifest or front matter) and the manifest's `events`. */
export function overridesFromFolder(
  articles: readonly Pick<ArticleSummary, 'id' | 'event'>[],
  manifestEvents: readonly { readonly id: string; readonly name: string }[] | null | undefined,
): { readonly overrides: EventOverride[]; readonly names: EventName[] } {
  const overrides: EventOverride[] = [];
  for (const a of articles) {
    const eventId = a.event?.value;
    if (typeof eventId === 'string' && eventId.trim().length > 0) overrides.push({ articleId: a.id, eventId: eventId.trim() });
  }
  const names = (manifestEvents ?? []).filter((e) => e.id.trim() && e.name.trim()).map((e) => ({ id: e.id.trim(), name: e.name.trim() }));
  return { overrides, names };
}

/**
 * The manifest edits that save a grouping's user choices: each user-assigned article's event,
 * and each user-named event's name. `fileOf` maps an article id to its manifest file name.
 */
export function manifestEditsFor(
  grouping: EventGrouping,
  fileOf: (articleId: string) => string | undefined,
): Required<Pick<ManifestEdits, 'articles' | 'events'>> {
  const { overrides, names } = overridesOf(grouping);
  const articles = overrides.flatMap((o) => {
    const file = fileOf(o.articleId);
    return file === undefined ? [] : [{ file, event: o.eventId }];
  });
  return { articles, events: names.map((n) => ({ id: n.id, name: n.name })) };
}
