import type { MetricTable } from '../../../shared/comparison';
import { TONE_NEGATIVE, TONE_POSITIVE } from '../theme';
import { formatValue, gridRows, isSigned, usedColumns } from '../shaping/tables';

export interface EvidenceRequest {
  readonly key: string;
  readonly title: string;
}

export interface MetricGridProps {
  readonly table: MetricTable;
  readonly outlets: readonly string[];
  readonly colours: ReadonlyMap<string, string>;
  readonly onEvidence: (request: EvidenceRequest) => void;
  /** Shown when no visible outlet has anything in this table. */
  readonly empty: string;
}

function hexToRgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha.toFixed(3)})`;
}

/**
 * An outlet × column heatmap as a real table: every cell is a button (Enter or click opens the
 * evidence behind it), absences are written out, colour strength follows the value.
 */
export function MetricGrid({ table, outlets, colours, onEvidence, empty }: MetricGridProps): React.JSX.Element {
  const columns = usedColumns(table, outlets);
  if (columns.length === 0) return <p className="empty muted">{empty}</p>;
  const signed = isSigned(table);
  const rows = gridRows({ ...table, columns }, outlets);
  return (
    <div className="grid-scroll">
      <table className="metric-grid" aria-label={table.title}>
        <thead>
          <tr>
            <th scope="col">Outlet</th>
            {columns.map((c) => (
              <th scope="col" key={c.id}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.outlet}>
              <th scope="row">
                <span className="swatch" style={{ background: colours.get(row.outlet) ?? '#777' }} aria-hidden="true" />
                {row.outlet}
              </th>
              {row.cells.map((cell) => {
                const label = columns.find((c) => c.id === cell.column)?.label ?? cell.column;
                const text = formatValue(cell.value, table.unit);
                const colour = signed && cell.intensity < 0 ? TONE_NEGATIVE : TONE_POSITIVE;
                const style = cell.value === null ? undefined : { background: hexToRgba(colour, Math.abs(cell.intensity) * 0.55) };
                return (
                  <td key={cell.column} style={style}>
                    {cell.evidenceKey && cell.count > 0 ? (
                      <button
                        type="button"
                        className="cell"
                        onClick={() => onEvidence({ key: cell.evidenceKey ?? '', title: `${table.title}: ${label} — ${row.outlet}` })}
                        aria-label={`${row.outlet}, ${label}: ${text}${cell.note ? ` (${cell.note})` : ''}, ${cell.count} passages. Show evidence.`}
                      >
                        <span className="value">{text}</span>
                        {cell.note ? <span className="note small">{cell.note}</span> : null}
                      </button>
                    ) : (
                      <span className="absent muted" title={`No ${label} in ${row.outlet}`}>
                        {cell.value === null || cell.count === 0 ? 'none' : text}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
