import type { MetricTable } from '../../../shared/comparison';
import { OutletSwatch } from './OutletSwatch';
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
  /** Outlets as columns and the measures as rows (for tables with many columns). */
  readonly transpose?: boolean;
}

function hexToRgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha.toFixed(3)})`;
}

/**
 * An outlet × column heatmap as a real table: every cell is a button (Enter or click opens the
 * evidence behind it), absences are written out, colour strength follows the value.
 */
export function MetricGrid({ table, outlets, colours, onEvidence, empty, transpose = false }: MetricGridProps): React.JSX.Element {
  const columns = usedColumns(table, outlets);
  if (columns.length === 0) return <p className="empty muted">{empty}</p>;
  const signed = isSigned(table);
  const rows = gridRows({ ...table, columns }, outlets);
  const renderCell = (row: (typeof rows)[number], cell: (typeof rows)[number]['cells'][number]): React.JSX.Element => {
    const label = columns.find((c) => c.id === cell.column)?.label ?? cell.column;
    const text = formatValue(cell.value, table.unit);
    const colour = signed && cell.intensity < 0 ? TONE_NEGATIVE : TONE_POSITIVE;
    const style = cell.value === null ? undefined : { background: hexToRgba(colour, Math.abs(cell.intensity) * 0.55) };
    return (
      <td key={transpose ? row.outlet : cell.column} style={style}>
        {cell.evidenceKey && cell.count > 0 ? (
          <button
            type="button"
            className="cell"
            onClick={() => onEvidence({ key: cell.evidenceKey ?? '', title: `${table.title}: ${label} — ${row.outlet}` })}
            aria-label={`${row.outlet}, ${label}: ${text}${cell.note ? ` (${cell.note})` : ''}, ${String(cell.count)} passages. Show evidence.`}
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
  };
  if (transpose) {
    return (
      <div className="grid-scroll">
        <table className="metric-grid" aria-label={table.title}>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              {rows.map((r) => (
                <th scope="col" key={r.outlet}>
                  <OutletSwatch outlet={r.outlet} colours={colours} />
                  {r.outlet}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {columns.map((c, i) => (
              <tr key={c.id}>
                <th scope="row">{c.label}</th>
                {rows.map((r) => {
                  const cell = r.cells[i];
                  return cell ? renderCell(r, cell) : <td key={r.outlet} />;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
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
                <OutletSwatch outlet={row.outlet} colours={colours} />
                {row.outlet}
              </th>
              {row.cells.map((cell) => renderCell(row, cell))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
