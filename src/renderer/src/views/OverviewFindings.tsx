import type { AnalysisSnapshot } from '../../../shared/model';
import type { EvidenceRequest } from '../components/MetricGrid';
import { FINDING_KINDS, headlineFindings, type Finding } from '../shaping/findings';

export interface OverviewFindingsProps {
  readonly snapshot: AnalysisSnapshot;
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

/** Headline findings generated from the analysis, grouped by kind; each with evidence opens it. */
export function OverviewFindings({ snapshot, outlets, onEvidence }: OverviewFindingsProps): React.JSX.Element {
  const findings = headlineFindings(snapshot, outlets);
  return (
    <section className="of" aria-labelledby="of-title">
      <h2 id="of-title">Findings</h2>
      {findings.length === 0 ? (
        <p className="muted">Nothing stands out between the visible outlets.</p>
      ) : (
        FINDING_KINDS.map((kind) => {
          const items = findings.filter((f) => f.kind === kind.id);
          if (items.length === 0) return null;
          return (
            <div key={kind.id} className="of-group">
              <h3 className="small muted">{kind.label}</h3>
              <ul className="of-list" style={kind.id === 'only-label' ? { columns: '18rem' } : undefined}>
                {items.map((f) => (
                  <FindingItem key={f.id} finding={f} onEvidence={onEvidence} />
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}
