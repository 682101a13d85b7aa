import { Bar, BarChart, type BarShapeProps, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarRow } from '../shaping/tables';
import type { EvidenceRequest } from './MetricGrid';

export interface OutletBarsProps {
  readonly rows: readonly BarRow[];
  readonly colours: ReadonlyMap<string, string>;
  readonly axisLabel: string;
  readonly title: string;
  readonly format: (value: number) => string;
  readonly onEvidence: (request: EvidenceRequest) => void;
}


/**
 * Horizontal bars, one per outlet, with a zero line (values may be negative). Each bar is
 * focusable and opens its evidence on click, Enter or Space.
 */
export function OutletBars({ rows, colours, axisLabel, title, format, onEvidence }: OutletBarsProps): React.JSX.Element {
  const open = (row: BarRow | undefined): void => {
    if (row?.evidenceKey) onEvidence({ key: row.evidenceKey, title: `${title} — ${row.outlet}` });
  };
  const height = 48 + rows.length * 38;
  return (
    <div style={{ width: '100%', height }}>
      <ResponsiveContainer>
        <BarChart data={[...rows]} layout="vertical" margin={{ top: 8, right: 48, bottom: 28, left: 16 }} accessibilityLayer>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={(v: number) => format(v)} label={{ value: axisLabel, position: 'insideBottom', offset: -18 }} />
          <YAxis type="category" dataKey="outlet" width={170} label={{ value: 'outlet', angle: -90, position: 'insideLeft', offset: 4 }} />
          <ReferenceLine x={0} stroke="#888" />
          <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : String(v))} />
          <Bar
            dataKey="value"
            isAnimationActive={false}
            shape={(props: BarShapeProps) => {
              const { x, y, width, height: h } = props;
              const payload = props.payload as BarRow | undefined;
              const left = Math.min(x, x + width);
              return (
                <rect
                  x={left}
                  y={y}
                  width={Math.abs(width)}
                  height={h}
                  fill={colours.get(payload?.outlet ?? '') ?? '#777'}
                  rx={2}
                  tabIndex={0}
                  role="button"
                  className="mark"
                  aria-label={`${payload?.outlet ?? ''}: ${payload ? format(payload.value) : ''}. Show evidence.`}
                  onClick={() => open(payload)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      open(payload);
                    }
                  }}
                />
              );
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
