import type { LabelMatrixRow } from '../shaping/wording';
import { OutletSwatch } from './OutletSwatch';
import type { EvidenceRequest } from './MetricGrid';

export interface LabelMatrixProps {
  readonly rows: readonly LabelMatrixRow[];
  readonly outlets: readonly string[];
  readonly colours: ReadonlyMap<string, string>;
  readonly onEvidence: (request: EvidenceRequest) => void;
}

/**
 * Referent × outlet: the labels each outlet gives the same referent, as chips with counts. A
 * dashed chip marked “quoted” is a quoted speaker’s word, shown apart from the outlet’s own.
 */
export function LabelMatrix({ rows, outlets, colours, onEvidence }: LabelMatrixProps): React.JSX.Element {
  if (rows.length === 0) return <p className="empty muted">None of the referent labels in the lexicon appear in the visible outlets.</p>;
  return (
    <div className="grid-scroll">
      <table className="metric-grid label-matrix" aria-label="Labels by referent and outlet">
        <thead>
          <tr>
            <th scope="col">Referent</th>
            {outlets.map((o) => (
              <th scope="col" key={o}>
                <OutletSwatch outlet={o} colours={colours} />
                {o}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.referentId} data-referent={row.referentId}>
              <th scope="row">{row.referent}</th>
              {row.cells.map((cell) => (
                <td key={cell.outlet} data-outlet={cell.outlet}>
                  {cell.chips.length === 0 ? (
                    <span className="absent muted">not named</span>
                  ) : (
                    <ul className="chips">
                      {cell.chips.map((chip) => (
                        <li key={`${chip.label}:${String(chip.quoted)}`}>
                          <button
                            type="button"
                            className={chip.quoted ? 'chip quoted' : 'chip'}
                            disabled={chip.evidenceKey === null}
                            title={chip.quoted ? 'Used inside a quote: the speaker’s word, not the outlet’s' : 'The outlet’s own word'}
                            aria-label={`${cell.outlet} calls ${row.referent} “${chip.label}” ${String(chip.count)} ${chip.count === 1 ? 'time' : 'times'}${chip.quoted ? ', inside quotes' : ''}. Show evidence.`}
                            onClick={() => {
                              if (chip.evidenceKey) onEvidence({ key: chip.evidenceKey, title: `${row.referent}: “${chip.label}” — ${cell.outlet}` });
                            }}
                          >
                            <span className="chip-label">{chip.label}</span>
                            <span className="chip-count">{chip.count}</span>
                            {chip.quoted ? <span className="chip-tag">quoted</span> : null}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
