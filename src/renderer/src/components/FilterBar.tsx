import type { AnalysisSnapshot } from '../../../shared/model';
import { formatDate } from '../format';
import type { ViewState } from '../viewState';

export interface FilterBarProps {
  readonly snapshot: AnalysisSnapshot;
  readonly state: ViewState;
  /** All outlets in display order (hidden ones included). */
  readonly ordered: readonly string[];
  readonly colours: ReadonlyMap<string, string>;
  readonly onChange: (patch: Partial<ViewState>) => void;
}

/**
 * Event, outlet and date filters. Everything lands in the URL fragment, so Back undoes a change
 * and a view can be bookmarked and restored.
 */
export function FilterBar({ snapshot, state, ordered, colours, onChange }: FilterBarProps): React.JSX.Element {
  const events = snapshot.comparison.grouping.events;
  const selected = state.events[0] ?? '';
  const move = (outlet: string, delta: number): void => {
    const order = [...ordered];
    const i = order.indexOf(outlet);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j] ?? outlet, outlet];
    onChange({ order });
  };
  return (
    <div className="filters" role="group" aria-label="Filters">
      <label>
        Event{' '}
        <select value={selected} onChange={(e) => onChange({ events: e.target.value ? [e.target.value] : [] })}>
          <option value="">All events ({events.length})</option>
          {events.map((ev) => (
            <option key={ev.id} value={ev.id}>
              {ev.name} — {ev.outlets.length} {ev.outlets.length === 1 ? 'outlet' : 'outlets'}
            </option>
          ))}
        </select>
      </label>
      <label>
        From <input type="date" value={state.from ?? ''} onChange={(e) => onChange({ from: e.target.value || null })} />
      </label>
      <label>
        to <input type="date" value={state.to ?? ''} onChange={(e) => onChange({ to: e.target.value || null })} />
      </label>
      <fieldset className="outlet-toggles">
        <legend>Outlets</legend>
        {ordered.map((o, i) => (
          <span key={o} className="outlet-toggle">
            <label>
              <input
                type="checkbox"
                checked={!state.hiddenOutlets.includes(o)}
                onChange={(e) =>
                  onChange({ hiddenOutlets: e.target.checked ? state.hiddenOutlets.filter((h) => h !== o) : [...state.hiddenOutlets, o] })
                }
              />{' '}
              {o}
            </label>{' '}
            <input
              type="color"
              aria-label={`Colour for ${o}`}
              value={colours.get(o) ?? '#777777'}
              onChange={(e) => onChange({ colours: { ...state.colours, [o]: e.target.value } })}
            />
            <button type="button" className="link" aria-label={`Move ${o} earlier`} disabled={i === 0} onClick={() => move(o, -1)}>
              ↑
            </button>
            <button type="button" className="link" aria-label={`Move ${o} later`} disabled={i === ordered.length - 1} onClick={() => move(o, 1)}>
              ↓
            </button>
          </span>
        ))}
      </fieldset>
      {state.from || state.to ? (
        <span className="muted small">
          Dates {state.from ? formatDate(state.from) : '…'} – {state.to ? formatDate(state.to) : '…'}: events and figures outside are left out.
        </span>
      ) : null}
    </div>
  );
}
