import { TOOLTIP_STYLE } from '../theme';
import { OutletSwatch } from '../components/OutletSwatch';
import { useState } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Symbols, Tooltip, XAxis, YAxis } from 'recharts';
import type { FigureCategory, FigureRow } from '../../../shared/figures';
import type { EvidenceRequest } from '../components/MetricGrid';
import { formatDate } from '../format';
import {
  FIGURE_COLUMNS,
  QUALIFIER_SHAPES,
  compactNumber,
  defaultCategory,
  figureCategories,
  figureTableRows,
  figureTimeline,
  logTicks,
  timeTicks,
  qualifierLabel,
  sortFigureRows,
  victimLabel,
  visibleFigures,
  type FigureColumn,
  type FigurePoint,
  type ReferencePoint,
  type SortDirection,
} from '../shaping/figures';

export interface FiguresViewProps {
  /** The figure rows in scope (an event or a date range). */
  readonly figures: readonly FigureRow[];
  /** Visible outlets, in the user's order. */
  readonly outlets: readonly string[];
  readonly colours: ReadonlyMap<string, string>;
  readonly onEvidence: (request: EvidenceRequest) => void;
}

const REFERENCE_COLOUR = '#888888';
const MISQUOTE_COLOUR = '#D55E00';
const SYMBOL: Readonly<Record<string, (typeof QUALIFIER_SHAPES)[number]['symbol']>> = Object.fromEntries(
  QUALIFIER_SHAPES.map((q) => [q.id, q.symbol]),
);

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

function activate(e: React.KeyboardEvent, run: () => void): void {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    run();
  }
}

function isPoint(x: unknown): x is FigurePoint {
  return typeof x === 'object' && x !== null && 'evidenceKey' in x && 'written' in x;
}

function isReference(x: unknown): x is ReferencePoint {
  return typeof x === 'object' && x !== null && 'date' in x && !('written' in x);
}

function TooltipBody({ active, payload }: { readonly active?: boolean; readonly payload?: readonly { readonly payload?: unknown }[] }): React.JSX.Element | null {
  const item = payload?.[0]?.payload;
  if (!active || item === undefined) return null;
  if (isPoint(item)) {
    return (
      <div className="fv-tooltip" style={TOOLTIP_STYLE}>
        <strong>{item.outlet}</strong> · {formatDate(item.date)}
        <div>
          {item.written}
          {item.range ? ` (range ${item.range}, drawn at ${item.value.toLocaleString('en-US')})` : ''}
        </div>
        <div>
          {item.victim} · {qualifierLabel(item.qualifier)}
          {item.inQuote ? ' · in a quote' : ''}
        </div>
        <div>{item.source ? `Source: ${item.source}${item.verb ? ` (“${item.verb}”)` : ''}` : 'No source named'}</div>
        {item.referenceNote ? <div style={item.misquote ? { color: MISQUOTE_COLOUR, fontWeight: 600 } : undefined}>{item.referenceNote}</div> : null}
      </div>
    );
  }
  if (isReference(item)) {
    return (
      <div className="fv-tooltip" style={TOOLTIP_STYLE}>
        Reference report of {formatDate(item.date)}: {item.value.toLocaleString('en-US')}
      </div>
    );
  }
  return null;
}


function ShapeIcon({ symbol, colour = 'currentColor' }: { readonly symbol: (typeof QUALIFIER_SHAPES)[number]['symbol']; readonly colour?: string }): React.JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 4 }}>
      <Symbols type={symbol} cx={7} cy={7} size={70} fill={colour} />
    </svg>
  );
}

/** Casualty figures on a timeline per category, and the table of every figure record. */
export function FiguresView({ figures, outlets, colours, onEvidence }: FiguresViewProps): React.JSX.Element {
  const options = figureCategories(figures, outlets);
  const [chosen, setChosen] = useState<FigureCategory | null>(null);
  const category = chosen !== null && options.some((o) => o.id === chosen) ? chosen : defaultCategory(options);
  if (category === null || visibleFigures(figures, outlets).length === 0) {
    return <p className="empty muted">No casualty figures are cited by the visible outlets.</p>;
  }
  const timeline = figureTimeline(figures, outlets, category);
  const open = (p: { readonly evidenceKey: string; readonly outlet: string; readonly written: string }): void =>
    onEvidence({ key: p.evidenceKey, title: `Figure “${p.written}” — ${p.outlet}` });
  const seriesOutlets = outlets.filter((o) => timeline.points.some((p) => p.outlet === o));
  const usedShapes = QUALIFIER_SHAPES.filter((q) => timeline.points.some((p) => p.shape === q.id));

  return (
    <div className="fv">
      <section className="fv-timeline" aria-labelledby="fv-timeline-title">
        <h3 id="fv-timeline-title">Casualty figures cited, by date of the article</h3>
        <div className="fv-controls" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <label htmlFor="fv-category">Category</label>
          <select id="fv-category" value={category} onChange={(e) => setChosen(e.target.value as FigureCategory)}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label} ({o.count})
              </option>
            ))}
          </select>
          {timeline.misquotes > 0 ? (
            <span className="fv-misquotes" style={{ color: MISQUOTE_COLOUR, fontWeight: 600 }}>
              {timeline.misquotes === 1 ? '1 likely misquote' : `${String(timeline.misquotes)} likely misquotes`} (ringed)
            </span>
          ) : null}
        </div>
        <div className="fv-legend small" aria-label="Legend" style={{ display: 'flex', gap: 16, flexWrap: 'wrap', margin: '6px 0' }}>
          <ul aria-label="Outlets" style={{ display: 'flex', gap: 10, listStyle: 'none', margin: 0, padding: 0, flexWrap: 'wrap' }}>
            {seriesOutlets.map((o) => (
              <li key={o}>
                <span
                  aria-hidden="true"
                  style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, marginRight: 4, background: colours.get(o) ?? '#777777' }}
                />
                {o}
              </li>
            ))}
          </ul>
          <ul aria-label="Qualifiers" style={{ display: 'flex', gap: 10, listStyle: 'none', margin: 0, padding: 0, flexWrap: 'wrap' }}>
            {usedShapes.map((q) => (
              <li key={q.id}>
                <ShapeIcon symbol={q.symbol} />
                {q.label}
              </li>
            ))}
            {timeline.reference.length ? (
              <li>
                <svg width="22" height="10" aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 4 }}>
                  <line x1="1" y1="5" x2="21" y2="5" stroke={REFERENCE_COLOUR} strokeWidth="2" strokeDasharray="4 3" />
                </svg>
                reference ({timeline.referenceSeries})
              </li>
            ) : null}
          </ul>
        </div>
        {timeline.points.length ? (
          <div style={{ width: '100%', height: 360 }}>
            <ResponsiveContainer>
              <ScatterChart margin={{ top: 10, right: 24, bottom: 30, left: 10 }} accessibilityLayer>
                <CartesianGrid strokeDasharray="3 3" stroke="#88888855" />
                <XAxis
                  type="number"
                  dataKey="time"
                  scale="time"
                  domain={[...timeline.timeDomain]}
                  ticks={timeTicks(timeline.timeDomain)}
                  tickFormatter={(t: number) => MONTH.format(new Date(t))}
                  label={{ value: 'date of the article (as of)', position: 'insideBottom', offset: -18 }}
                />
                <YAxis
                  type="number"
                  dataKey="value"
                  scale="log"
                  domain={[...timeline.valueDomain]}
                  ticks={logTicks(timeline.valueDomain)}
                  allowDataOverflow
                  tickFormatter={(v: number) => compactNumber(v)}
                  width={70}
                  label={{ value: 'people (log scale)', angle: -90, position: 'insideLeft', offset: 0 }}
                />
                <Tooltip cursor={{ stroke: '#888888', strokeDasharray: '3 3' }} content={(props) => <TooltipBody active={props.active} payload={props.payload} />} />
                {timeline.reference.length ? (
                  <Scatter
                    name="reference"
                    data={[...timeline.reference]}
                    line={{ stroke: REFERENCE_COLOUR, strokeWidth: 2, strokeDasharray: '4 3' }}
                    shape="cross"
                    fill={REFERENCE_COLOUR}
                    isAnimationActive={false}
                  />
                ) : null}
                {seriesOutlets.map((outlet) => (
                  <Scatter
                    key={outlet}
                    name={outlet}
                    data={timeline.points.filter((p) => p.outlet === outlet)}
                    fill={colours.get(outlet) ?? '#777777'}
                    isAnimationActive={false}
                    shape={(props: { cx?: number | undefined; cy?: number | undefined; payload?: unknown }) => {
                      const p = props.payload;
                      if (!isPoint(p) || props.cx === undefined || props.cy === undefined) return <g />;
                      const colour = colours.get(p.outlet) ?? '#777777';
                      return (
                        <g
                          className="mark fv-dot"
                          stroke="#ffffff"
                          strokeWidth={1}
                          tabIndex={0}
                          role="button"
                          aria-label={`${p.label}${p.misquote ? ' (likely misquote)' : ''}. Show evidence.`}
                          onClick={() => open(p)}
                          onKeyDown={(e) => activate(e, () => open(p))}
                          style={{ cursor: 'pointer' }}
                        >
                          {p.misquote ? <circle cx={props.cx} cy={props.cy} r={11} fill="none" stroke={MISQUOTE_COLOUR} strokeWidth={2} /> : null}
                          <Symbols
                            type={SYMBOL[p.shape] ?? 'circle'}
                            cx={props.cx}
                            cy={props.cy}
                            size={110}
                            fill={colour}
                            fillOpacity={p.inQuote ? 0.55 : 1}
                          />
                        </g>
                      );
                    }}
                  />
                ))}
              </ScatterChart>
            </ResponsiveContainer>
          </div>
        ) : (
          <p className="muted">No figure of this category has a number and a date to place on the timeline.</p>
        )}
        <ul className="fv-notes muted small">
          {timeline.referenceNote ? <li>{timeline.referenceNote}</li> : null}
          {timeline.thinned > 0 ? (
            <li>
              {timeline.points.length.toLocaleString('en-US')} of {(timeline.points.length + timeline.thinned).toLocaleString('en-US')} figures
              are drawn (an even sample over time, every likely misquote kept); the table below lists them all.
            </li>
          ) : null}
          {timeline.points.some((p) => p.range) ? <li>Ranges are drawn at their low end; the tooltip gives the range.</li> : null}
          {timeline.points.some((p) => p.inQuote) ? <li>Paler marks are figures inside a quote (the speaker’s, not the outlet’s).</li> : null}
        </ul>
        {timeline.vague.length ? (
          <div className="fv-vague">
            <h4>Figures without a number</h4>
            <ul>
              {timeline.vague.map((f) => (
                <li key={f.id}>
                  <button type="button" className="link-like" onClick={() => open(f)} aria-label={`${f.outlet}: ${f.written}. Show evidence.`}>
                    {f.outlet}: “{f.written}”
                  </button>{' '}
                  <span className="muted small">
                    ({qualifierLabel(f.qualifier)}, {victimLabel(f.victimGroup)}
                    {f.inQuote ? ', in a quote' : ''})
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {timeline.undated.length ? (
          <div className="fv-undated">
            <h4>Figures from undated articles</h4>
            <ul>
              {timeline.undated.map((f) => (
                <li key={f.id}>
                  <button type="button" className="link-like" onClick={() => open(f)}>
                    {f.outlet}: “{f.written}”
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <FiguresTable figures={figures} outlets={outlets} colours={colours} onEvidence={onEvidence} />
    </div>
  );
}

/** Every figure record, sortable by any column (header buttons work with Enter and Space). */
export function FiguresTable({ figures, outlets, colours, onEvidence }: FiguresViewProps): React.JSX.Element {
  const [sort, setSort] = useState<{ column: FigureColumn; direction: SortDirection }>({ column: 'outlet', direction: 'ascending' });
  // Large folders cite tens of thousands of figures: the table shows a page at a time.
  const [shown, setShown] = useState(TABLE_PAGE);
  const rows = sortFigureRows(figureTableRows(figures, outlets), sort.column, sort.direction);
  if (rows.length === 0) return <p className="empty muted">No casualty figures are cited by the visible outlets.</p>;
  const toggle = (column: FigureColumn): void =>
    setSort((s) => ({ column, direction: s.column === column && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  return (
    <section className="fv-table" aria-labelledby="fv-table-title">
      <h3 id="fv-table-title">All figure records ({rows.length})</h3>
      <div className="grid-scroll">
        <table className="metric-grid fv-records" aria-label="All figure records">
          <thead>
            <tr>
              {FIGURE_COLUMNS.map((c) => (
                <th key={c.id} scope="col" aria-sort={sort.column === c.id ? sort.direction : 'none'}>
                  <button type="button" className="link-like fv-sort" onClick={() => toggle(c.id)}>
                    {c.label}
                    <span aria-hidden="true">{sort.column === c.id ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((r) => (
              <tr key={r.id} data-testid="figure-row">
                <th scope="row">
                  <OutletSwatch outlet={r.outlet} colours={colours} />
                  {r.outlet}
                </th>
                <td>{formatDate(r.date)}</td>
                <td>
                  <button
                    type="button"
                    className="cell fv-written"
                    onClick={() => onEvidence({ key: r.evidenceKey, title: `Figure “${r.written}” — ${r.outlet}` })}
                    aria-label={`${r.written}, ${r.outlet}. Show evidence.`}
                  >
                    {r.written}
                  </button>
                  {r.inQuote ? <span className="muted small"> (in a quote)</span> : null}
                </td>
                <td>{r.category}</td>
                <td>{r.victim}</td>
                <td>{r.qualifier}</td>
                <td>{r.source ?? <span className="muted">none named</span>}</td>
                <td>
                  {r.verb ?? <span className="muted">—</span>}
                  {r.verbGrade && r.verbGrade !== 'neutral' ? <span className="muted small"> ({r.verbGrade})</span> : null}
                </td>
                <td style={r.misquote ? { color: MISQUOTE_COLOUR, fontWeight: 600 } : undefined}>
                  {r.misquote ? '⚠ ' : ''}
                  {r.reference ?? <span className="muted">not checked</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown ? (
        <p className="small">
          Showing {shown.toLocaleString('en-US')} of {rows.length.toLocaleString('en-US')} (sorted as above).{' '}
          <button type="button" className="link" onClick={() => setShown((n) => n + TABLE_PAGE)}>
            Show {Math.min(TABLE_PAGE, rows.length - shown)} more
          </button>
        </p>
      ) : null}
    </section>
  );
}

const TABLE_PAGE = 200;
