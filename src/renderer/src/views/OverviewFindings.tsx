import type { AnalysisSnapshot } from '../../../shared/model';
import { readyRows, type FigureRowsState } from '../api/figures';
import { OutletSwatch } from '../components/OutletSwatch';
import type { EvidenceRequest } from '../components/MetricGrid';
import { FINDING_KINDS, headlineFindings, labelsByOutlet, type Finding } from '../shaping/findings';

export interface OverviewFindingsProps {
  readonly snapshot: AnalysisSnapshot;
  /** The casualty-figure rows, fetched after the snapshot: the distancing findings wait for them. */
  readonly figures: FigureRowsState;
  /** Visible outlets, in the user's order. */
  readonly outlets: readonly string[];
  readonly colours: ReadonlyMap<string, string>;
  readonly onEvidence: (request: EvidenceRequest) => void;
}

function FindingItem({ finding, onEvidence }: { readonly finding: Finding; readonly onEvidence: (r: EvidenceRequest) => void }): React.JSX.Element {
  const key = finding.evidenceKey;
  return (
    <li className="of-finding" data-kind={finding.kind} data-testid="finding">
      {key ? (
        <button type="button" className="link-like of-open" onClick={() => onEvidence({ key, title: finding.evidenceTitle })} title="Show the evidence">
          {finding.text}.
        </button>
      ) : (
        <span>{finding.text}.</span>
      )}
    </li>
  );
}

const CHIP: React.CSSProperties = { border: '1px solid #88888880', borderRadius: 12, padding: '1px 8px', margin: '2px 4px 2px 0', fontWeight: 500 };

/** Headline findings generated from the analysis, grouped by kind; each with evidence opens it. */
export function OverviewFindings({ snapshot, figures, outlets, colours, onEvidence }: OverviewFindingsProps): React.JSX.Element {
  const findings = headlineFindings(snapshot, readyRows(figures), outlets);
  const labelLines = labelsByOutlet(findings, outlets);
  const loading = figures.kind === 'loading';
  return (
    <section className="of" aria-labelledby="of-title">
      <h2 id="of-title">Findings</h2>
      {findings.length === 0 && !loading ? (
        <p className="muted">Nothing stands out between the visible outlets.</p>
      ) : (
        FINDING_KINDS.map((kind) => {
          const items = findings.filter((f) => f.kind === kind.id);
          if (kind.id === 'distancing' && figures.kind !== 'ready') {
            return (
              <div key={kind.id} className="of-group">
                <h3 className="small muted">{kind.label}</h3>
                {loading ? (
                  <p className="muted small scope-loading" role="status">
                    Loading {snapshot.details.figureCount.toLocaleString('en-US')} casualty figures…
                  </p>
                ) : (
                  <p className="muted small" role="alert">
                    The casualty figures could not be read: {figures.error.message}
                  </p>
                )}
              </div>
            );
          }
          if (items.length === 0) return null;
          return (
            <div key={kind.id} className="of-group">
              <h3 className="small muted">{kind.label}</h3>
              {kind.id === 'only-label' ? (
                <ul className="of-list" style={{ listStyle: 'none', paddingLeft: 0 }}>
                  {labelLines.map((line) => (
                    <li key={line.outlet} className="of-labels" style={{ marginBottom: 4 }}>
                      <OutletSwatch outlet={line.outlet} colours={colours} />
                      Only <strong>{line.outlet}</strong> writes{' '}
                      {line.labels.map(({ label, finding }) => {
                        const key = finding.evidenceKey;
                        return key ? (
                          <button
                            key={finding.id}
                            type="button"
                            className="link-like of-chip"
                            style={CHIP}
                            data-testid="finding"
                            onClick={() => onEvidence({ key, title: finding.evidenceTitle })}
                            aria-label={`${finding.text}. Show evidence.`}
                          >
                            ‘{label}’
                          </button>
                        ) : (
                          <span key={finding.id} className="of-chip" style={CHIP} data-testid="finding">
                            ‘{label}’
                          </span>
                        );
                      })}
                    </li>
                  ))}
                </ul>
              ) : (
                <ul className="of-list">
                  {items.map((f) => (
                    <FindingItem key={f.id} finding={f} onEvidence={onEvidence} />
                  ))}
                </ul>
              )}
            </div>
          );
        })
      )}
    </section>
  );
}
