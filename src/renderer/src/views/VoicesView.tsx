import { TOOLTIP_STYLE } from '../theme';
import { OutletSwatch } from '../components/OutletSwatch';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ACTOR_GROUPS, type ActorGroupId } from '../../../shared/actors';
import type { AnalysisSnapshot } from '../../../shared/model';
import type { EvidenceRequest } from '../components/MetricGrid';
import { VOICE_GROUP_COLOURS, formatShare, groupLabel, joinOr, voiceChart, voiceTable, type VoiceBar } from '../shaping/voices';

export interface VoicesViewProps {
  readonly snapshot: AnalysisSnapshot;
  /** Visible outlets, in the user's order. */
  readonly outlets: readonly string[];
  readonly colours: ReadonlyMap<string, string>;
  readonly onEvidence: (request: EvidenceRequest) => void;
}

function isBar(x: unknown): x is VoiceBar {
  return typeof x === 'object' && x !== null && 'shares' in x && 'outlet' in x;
}


/** Share of directly quoted words by actor group per outlet, absences written out, and the table. */
export function VoicesView({ snapshot, outlets, colours, onEvidence }: VoicesViewProps): React.JSX.Element {
  const chart = voiceChart(snapshot.details.voices, outlets);
  const table = voiceTable(snapshot.details.voices, snapshot.comparison.tables, outlets);
  if (chart.bars.length === 0) return <p className="empty muted">No quoted voices were found in the visible outlets.</p>;
  const open = (outlet: string, group: ActorGroupId): void => {
    const cell = table.find((r) => r.outlet === outlet)?.cells.find((c) => c.group === group);
    if (cell?.evidenceKey) onEvidence({ key: cell.evidenceKey, title: `Quotes of ${groupLabel(group)} — ${outlet}` });
  };
  const quoted = chart.bars.filter((b) => b.totalWords > 0);
  const height = 40 + quoted.length * 44;

  return (
    <div className="vv">
      <section aria-labelledby="vv-chart-title">
        <h3 id="vv-chart-title">Share of directly quoted words, by actor group</h3>
        <ul className="vv-legend small" aria-label="Actor groups" style={{ display: 'flex', gap: 12, flexWrap: 'wrap', listStyle: 'none', padding: 0, margin: '4px 0 8px' }}>
          {ACTOR_GROUPS.map((g) => (
            <li key={g.id} style={chart.groups.includes(g.id) ? undefined : { opacity: 0.6 }}>
              <span
                aria-hidden="true"
                style={{ display: 'inline-block', width: 12, height: 12, marginRight: 4, verticalAlign: 'middle', background: VOICE_GROUP_COLOURS[g.id] }}
              />
              {g.label}
              {chart.groups.includes(g.id) ? '' : ' (not quoted)'}
            </li>
          ))}
        </ul>
        {quoted.length ? (
          <div style={{ width: '100%', height }}>
            <ResponsiveContainer>
              <BarChart data={quoted} layout="vertical" margin={{ top: 4, right: 24, bottom: 28, left: 16 }} accessibilityLayer>
                <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke="#88888855" />
                <XAxis
                  type="number"
                  domain={[0, 1]}
                  ticks={[0, 0.25, 0.5, 0.75, 1]}
                  tickFormatter={(v: number) => formatShare(v)}
                  label={{ value: 'share of the outlet’s directly quoted words', position: 'insideBottom', offset: -18 }}
                />
                <YAxis type="category" dataKey="outlet" width={170} label={{ value: 'outlet', angle: -90, position: 'insideLeft', offset: 4 }} />
                <Tooltip
                  content={(props) => {
                    const row = props.payload?.[0]?.payload as unknown;
                    if (!props.active || !isBar(row)) return null;
                    return (
                      <div style={TOOLTIP_STYLE}>
                        <strong>{row.outlet}</strong> · {row.totalWords.toLocaleString('en-US')} quoted words
                        {chart.groups.map((g) =>
                          row.words[g] > 0 ? (
                            <div key={g}>
                              {groupLabel(g)}: {formatShare(row.shares[g])} ({row.words[g].toLocaleString('en-US')} words)
                            </div>
                          ) : null,
                        )}
                      </div>
                    );
                  }}
                />
                {chart.groups.map((g) => (
                  <Bar
                    key={g}
                    dataKey={(r: VoiceBar) => r.shares[g]}
                    name={groupLabel(g)}
                    stackId="voices"
                    fill={VOICE_GROUP_COLOURS[g]}
                    isAnimationActive={false}
                    shape={(props: { x?: number | undefined; y?: number | undefined; width?: number | undefined; height?: number | undefined; payload?: unknown }) => {
                      const row = props.payload;
                      const w = props.width ?? 0;
                      if (!isBar(row) || w <= 0 || row.words[g] === 0) return <g />;
                      return (
                        <rect
                          x={props.x}
                          y={props.y}
                          width={w}
                          height={props.height}
                          fill={VOICE_GROUP_COLOURS[g]}
                          stroke="#ffffff"
                          strokeWidth={1}
                          tabIndex={0}
                          role="button"
                          className="mark vv-segment"
                          aria-label={`${row.outlet}, ${groupLabel(g)}: ${formatShare(row.shares[g])} of quoted words (${String(row.words[g])} words). Show evidence.`}
                          onClick={() => open(row.outlet, g)}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter' || e.key === ' ') {
                              e.preventDefault();
                              open(row.outlet, g);
                            }
                          }}
                          style={{ cursor: 'pointer' }}
                        />
                      );
                    }}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        ) : null}
        <ul className="vv-absences" aria-label="Voices not quoted" style={{ listStyle: 'none', padding: 0 }}>
          {chart.bars.map((b) => (
            <li key={b.outlet} data-testid="voice-absence">
              <OutletSwatch outlet={b.outlet} colours={colours} />
              <strong>{b.outlet}</strong>: {b.absenceText}
              {b.paraphrasedOnly.length ? (
                <span className="muted small"> Paraphrased but not quoted: {joinOr(b.paraphrasedOnly.map(groupLabel), 'and')}.</span>
              ) : null}
            </li>
          ))}
        </ul>
        {chart.unquoted.length ? (
          <p className="vv-unquoted">
            <strong>No visible outlet quotes:</strong> {joinOr(chart.unquoted.map(groupLabel), 'or')}.
          </p>
        ) : null}
        {chart.missing.length ? <p className="muted small">No voice data for: {chart.missing.join(', ')}.</p> : null}
      </section>

      <section aria-labelledby="vv-table-title">
        <h3 id="vv-table-title">Quoted words by outlet and actor group</h3>
        <div className="grid-scroll">
          <table className="metric-grid vv-table" aria-label="Quoted words by outlet and actor group">
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                {ACTOR_GROUPS.map((g) => (
                  <th key={g.id} scope="col">
                    {g.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.map((row) => (
                <tr key={row.outlet}>
                  <th scope="row">
                    <OutletSwatch outlet={row.outlet} colours={colours} />
                    {row.outlet}
                    <div className="muted small">{row.totalWords.toLocaleString('en-US')} quoted words</div>
                  </th>
                  {row.cells.map((c) => {
                    const detail = `${String(c.words)} words, ${String(c.quotes)} ${c.quotes === 1 ? 'quote' : 'quotes'}`;
                    return (
                      <td key={c.group}>
                        {c.absent ? (
                          <span className="absent muted" title={`No ${groupLabel(c.group)} voice quoted by ${row.outlet}`}>
                            not quoted{c.paraphrases > 0 ? ` (${String(c.paraphrases)} paraphrased)` : ''}
                          </span>
                        ) : c.evidenceKey ? (
                          <button
                            type="button"
                            className="cell"
                            onClick={() => open(row.outlet, c.group)}
                            aria-label={`${row.outlet}, ${groupLabel(c.group)}: ${formatShare(c.share)}, ${detail}. Show evidence.`}
                          >
                            <span className="value">{formatShare(c.share)}</span>
                            <span className="note small">{detail}</span>
                          </button>
                        ) : (
                          <span>
                            <span className="value">{formatShare(c.share)}</span> <span className="note small">{detail}</span>
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
      </section>
    </div>
  );
}
