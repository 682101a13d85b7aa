import { useState } from 'react';
import type { Corrections } from '../../../shared/contract';
import type { AnalysisSnapshot } from '../../../shared/model';
import { formatDate } from '../format';

export interface CorrectionsPanelProps {
  readonly snapshot: AnalysisSnapshot;
  /** Saves to the folder's manifest; resolves false when it failed (the app shows why). */
  readonly onSave: (corrections: Corrections, what: string) => Promise<boolean>;
}

/**
 * Corrections a user makes to what Framescope inferred: rename or merge outlets, name events, move
 * an article to another event. Saved to the folder's manifest only when the user presses Save.
 */
export function CorrectionsPanel({ snapshot, onSave }: CorrectionsPanelProps): React.JSX.Element {
  const outlets = snapshot.outlets.map((o) => o.name);
  const events = snapshot.comparison.grouping.events;
  const [outlet, setOutlet] = useState(outlets[0] ?? '');
  const [newName, setNewName] = useState('');
  const [eventId, setEventId] = useState(events[0]?.id ?? '');
  const [eventName, setEventName] = useState('');
  const [articleId, setArticleId] = useState(snapshot.articles[0]?.id ?? '');
  const [target, setTarget] = useState(events[0]?.id ?? '');
  const [mergeFrom, setMergeFrom] = useState(events[0]?.id ?? '');
  const [mergeInto, setMergeInto] = useState(events[1]?.id ?? events[0]?.id ?? '');
  const eventOf = (id: string): string | undefined => events.find((e) => e.articleIds.includes(id))?.id;
  const merging = outlets.includes(newName.trim()) && newName.trim() !== outlet;
  // The forms are built only while the panel is open: closed, a large folder's list of every
  // article (one option each, 10,000 at 10,000 articles) would cost seconds of layout on the first screen.
  const [open, setOpen] = useState(false);

  return (
    <details className="corrections" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Correct outlets and events…</summary>
      {open ? (
        <>
          <p className="muted small">
            Corrections are saved in the folder’s <code>manifest.json</code> (the only file Framescope ever writes in your folder) and can be undone.
          </p>
          <form
            className="correction"
            onSubmit={(e) => {
              e.preventDefault();
              const to = newName.trim();
              if (!to || to === outlet) return;
              void onSave({ renameOutlets: [{ from: outlet, to }] }, merging ? `Merged ${outlet} into ${to}` : `Renamed ${outlet} to ${to}`).then(
                (done) => done && setNewName(''),
              );
            }}
          >
            <label>
              Outlet{' '}
              <select value={outlet} onChange={(e) => setOutlet(e.target.value)}>
                {outlets.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            </label>{' '}
            <label>
              new name{' '}
              <input list="outlet-names" value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="e.g. The Hill" />
            </label>
            <datalist id="outlet-names">
              {outlets.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>{' '}
            <button type="submit" disabled={!newName.trim() || newName.trim() === outlet}>
              {merging ? 'Merge and save' : 'Rename and save'}
            </button>
            {merging ? <span className="small muted"> {newName.trim()} already exists: the two become one outlet.</span> : null}
          </form>
          <form
            className="correction"
            onSubmit={(e) => {
              e.preventDefault();
              const name = eventName.trim();
              if (!name) return;
              void onSave({ events: [{ id: eventId, name }] }, `Named the event “${name}”`).then((done) => done && setEventName(''));
            }}
          >
            <EventSelect label="Event" value={eventId} onChange={setEventId} events={events} />{' '}
            <label>
              name <input value={eventName} onChange={(e) => setEventName(e.target.value)} placeholder="e.g. Blinken’s January trip" />
            </label>{' '}
            <button type="submit" disabled={!eventName.trim()}>
              Name and save
            </button>
          </form>
          <form
            className="correction"
            onSubmit={(e) => {
              e.preventDefault();
              if (!articleId || eventOf(articleId) === target) return;
              // A new event (splitting one) gets an id of its own; it is named automatically until the user names it.
              const to = target === NEW_EVENT ? `user-${Date.now().toString(36)}` : target;
              void onSave({ articles: [{ id: articleId, event: to }] }, target === NEW_EVENT ? 'Moved the article to a new event' : 'Moved the article to another event');
            }}
          >
            <label>
              Article{' '}
              <select value={articleId} onChange={(e) => setArticleId(e.target.value)}>
                {snapshot.articles.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.outlet.value ?? 'Unknown outlet'} — {formatDate(a.date.value)} — {(a.title.value ?? a.file).slice(0, 60)}
                  </option>
                ))}
              </select>
            </label>{' '}
            <EventSelect label="belongs to" value={target} onChange={setTarget} events={events}>
              <option value={NEW_EVENT}>a new event of its own (split)</option>
            </EventSelect>{' '}
            <button type="submit" disabled={eventOf(articleId) === target}>
              Move and save
            </button>
          </form>
          <form
            className="correction"
            onSubmit={(e) => {
              e.preventDefault();
              const from = events.find((ev) => ev.id === mergeFrom);
              if (!from || mergeFrom === mergeInto) return;
              void onSave(
                { articles: from.articleIds.map((id) => ({ id, event: mergeInto })) },
                `Merged “${from.name}” into another event`,
              );
            }}
          >
            <EventSelect label="Merge event" value={mergeFrom} onChange={setMergeFrom} events={events} />{' '}
            <EventSelect label="into" value={mergeInto} onChange={setMergeInto} events={events} />{' '}
            <button type="submit" disabled={mergeFrom === mergeInto}>
              Merge events and save
            </button>
          </form>
        </>
      ) : null}
    </details>
  );
}

const NEW_EVENT = '__new__';

/** A labelled choice of one event (with any extra options after the events). */
function EventSelect({
  label,
  value,
  onChange,
  events,
  children,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly events: AnalysisSnapshot['comparison']['grouping']['events'];
  readonly children?: React.ReactNode;
}): React.JSX.Element {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {events.map((ev) => (
          <option key={ev.id} value={ev.id}>
            {ev.name}
          </option>
        ))}
        {children}
      </select>
    </label>
  );
}
