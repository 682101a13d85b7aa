import type { OmissionGrid } from '../../../shared/events';
import type { EvidenceRequest } from './MetricGrid';

export interface OmissionGridViewProps {
  readonly grid: OmissionGrid;
  /** Events to show (all when empty). */
  readonly eventIds: readonly string[];
  readonly outlets: readonly string[];
  readonly onEvidence: (request: EvidenceRequest) => void;
}

/**
 * Per event: what each outlet includes and what it leaves out that others covering the same
 * event include. An omission opens the evidence of the outlets that do include it.
 */
export function OmissionGridView({ grid, eventIds, outlets, onEvidence }: OmissionGridViewProps): React.JSX.Element {
  const events = grid.events.filter((e) => eventIds.length === 0 || eventIds.includes(e.eventId));
  return (
    <div className="omissions">
      {grid.notes.length ? (
        <ul className="muted small notes">
          {grid.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {events.map((event) => {
        const shown = event.outlets.filter((o) => outlets.includes(o));
        return (
          <section key={event.eventId} className="omission-event" aria-label={`Omissions: ${event.eventName}`}>
            <h4>{event.eventName}</h4>
            {!event.compared || shown.length < 2 ? (
              <p className="muted small">{event.note ?? 'Only one visible outlet covers this event: nothing to compare.'}</p>
            ) : (
              <div className="grid-scroll">
                <table className="metric-grid omission-grid">
                  <thead>
                    <tr>
                      <th scope="col">Included by some outlets</th>
                      {shown.map((o) => (
                        <th scope="col" key={o}>
                          {o}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {event.features.map((f) => (
                      <tr key={f.key}>
                        <th scope="row">
                          {f.label} <span className="muted small">({f.kind})</span>
                        </th>
                        {shown.map((o) => {
                          const cell = event.cells.find((c) => c.outlet === o && c.featureKey === f.key);
                          if (!cell) return <td key={o} />;
                          const includes = cell.status === 'includes';
                          const text = includes ? `includes (${String(cell.count)})` : 'leaves out';
                          const title = includes
                            ? `${f.label} — ${o}`
                            : `${o} leaves out ${f.label}; included by ${cell.includedBy.join(', ')}`;
                          return (
                            <td key={o} className={includes ? 'includes' : 'omits'}>
                              <button
                                type="button"
                                className="cell"
                                disabled={cell.evidenceKey === null}
                                aria-label={`${title}. Show evidence.`}
                                onClick={() => {
                                  if (cell.evidenceKey) onEvidence({ key: cell.evidenceKey, title });
                                }}
                              >
                                <span className="value">{includes ? '✓ ' : '✗ '}{text}</span>
                                {!includes ? <span className="note small">included by {cell.includedBy.join(', ')}</span> : null}
                              </button>
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
