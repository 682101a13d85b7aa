import type { StoryThread } from '../../../shared/events';
import { OutletSwatch } from './OutletSwatch';
import { formatDate } from '../format';

export interface EventTimelineProps {
  readonly thread: StoryThread;
  readonly outlets: readonly string[];
  readonly colours: ReadonlyMap<string, string>;
  readonly selected: string | null;
  readonly onSelect: (eventId: string | null) => void;
}

const DAY = 86_400_000;

/** Events on a time axis, each with the outlets that covered it; choosing one filters the dashboard. */
export function EventTimeline({ thread, outlets, colours, selected, onSelect }: EventTimelineProps): React.JSX.Element {
  const dated = thread.entries.filter((e) => e.dates !== null);
  const times = dated.map((e) => Date.parse(`${e.dates?.start ?? ''}T00:00:00Z`));
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = Math.max(max - min, 30 * DAY);
  const width = 900;
  const x = (iso: string): number => 60 + ((Date.parse(`${iso}T00:00:00Z`) - min) / span) * (width - 160);
  return (
    <div className="timeline">
      {dated.length ? (
        <svg viewBox={`0 0 ${String(width)} 70`} role="img" aria-label="Events on a timeline" className="timeline-axis">
          <line x1={40} x2={width - 40} y1={30} y2={30} stroke="#888" />
          {dated.map((e) => {
            const cx = x(e.dates?.start ?? '');
            return (
              <g key={e.eventId}>
                <circle cx={cx} cy={30} r={selected === e.eventId ? 8 : 6} fill={selected === e.eventId ? '#0072B2' : '#999'} />
                <text x={cx} y={56} textAnchor="middle" fontSize={12} fill="currentColor">
                  {formatDate(e.dates?.start ?? null)}
                </text>
              </g>
            );
          })}
        </svg>
      ) : null}
      <ol className="thread">
        {thread.entries.map((e) => {
          const covering = e.coverage.filter((c) => outlets.includes(c.outlet));
          return (
            <li key={e.eventId}>
              <button
                type="button"
                className={selected === e.eventId ? 'event selected' : 'event'}
                aria-pressed={selected === e.eventId}
                onClick={() => onSelect(selected === e.eventId ? null : e.eventId)}
              >
                <strong>{e.name}</strong>
                <span className="small muted"> {e.dates ? '' : '(undated)'}</span>
              </button>
              <span className="small">
                {covering.map((c) => (
                  <span key={c.outlet} className="outlet-tag">
                    <OutletSwatch outlet={c.outlet} colours={colours} />
                    {c.outlet}
                  </span>
                ))}
                {covering.length === 0 ? <span className="muted">no visible outlet</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
