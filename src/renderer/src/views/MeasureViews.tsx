import type { MetricTable } from '../../../shared/comparison';
import { FRAMING_TABLES } from '../../../shared/framing';
import type { FigureRow } from '../../../shared/figures';
import type { AnalysisSnapshot } from '../../../shared/model';
import type { FigureRowsState } from '../api/figures';
import { ChartFrame } from '../components/ChartFrame';
import { LabelMatrix } from '../components/LabelMatrix';
import { MetricGrid, type EvidenceRequest } from '../components/MetricGrid';
import { OmissionGridView } from '../components/OmissionGridView';
import { OutletBars } from '../components/OutletBars';
import { barRows, formatValue, tablesForView } from '../shaping/tables';
import { labelMatrix } from '../shaping/wording';
import { FiguresView } from './FiguresView';
import { VoicesView } from './VoicesView';
import type { View } from '../viewState';

export interface MeasureViewProps {
  readonly view: View;
  readonly snapshot: AnalysisSnapshot;
  /** The casualty-figure rows, fetched after the snapshot. */
  readonly figures: FigureRowsState;
  readonly tables: readonly MetricTable[];
  readonly outlets: readonly string[];
  readonly colours: ReadonlyMap<string, string>;
  readonly subtitle: string;
  readonly source: string;
  readonly eventIds: readonly string[];
  /** Articles in scope (event or date range). */
  readonly articleIds: ReadonlySet<string>;
  readonly empty: string;
  readonly onEvidence: (request: EvidenceRequest) => void;
}

const chartId = (id: string): string => `chart-${id.replace(/[^a-z0-9-]/gi, '-')}`;

/** One table as a chart: bars for a single measure per outlet, a heatmap grid otherwise. */
export function TableChart({ table, props }: { readonly table: MetricTable; readonly props: MeasureViewProps }): React.JSX.Element {
  const { outlets, colours, subtitle, source, onEvidence, empty } = props;
  const only = table.columns.length === 1 ? table.columns[0] : undefined;
  const bars = only ? barRows(table, only.id, outlets) : null;
  return (
    <ChartFrame id={chartId(table.id)} title={table.title} subtitle={subtitle} source={source}>
      {only && bars && bars.bars.length ? (
        <>
          <OutletBars rows={bars.bars} colours={colours} axisLabel={table.unit} title={table.title} format={(v) => formatValue(v, table.unit)} onEvidence={onEvidence} />
          {bars.missing.length ? <p className="muted small">Nothing to measure in: {bars.missing.join(', ')}.</p> : null}
        </>
      ) : (
        <MetricGrid table={table} outlets={outlets} colours={colours} onEvidence={onEvidence} empty={empty} transpose={table.columns.length > 10} />
      )}
    </ChartFrame>
  );
}

function ToneView(props: MeasureViewProps): React.JSX.Element {
  const { tables, outlets, colours, subtitle, source, onEvidence } = props;
  const tone = tables.find((t) => t.id === FRAMING_TABLES.tone);
  const bars = tone ? barRows(tone, 'mean', outlets) : null;
  const rest = tablesForView('tone', tables);
  return (
    <div className="charts">
      {tone && bars ? (
        <ChartFrame
          id="chart-tone-mean"
          title="Mean tone per outlet"
          subtitle={`${subtitle} · below zero: more negative words than positive`}
          source={source}
          legend={<span>Bars: mean AFINN score per word of each outlet’s articles (negation handled). Click a bar for the words behind it.</span>}
        >
          <OutletBars rows={bars.bars} colours={colours} axisLabel={tone.unit} title="Tone" format={(v) => formatValue(v, tone.unit)} onEvidence={onEvidence} />
          {bars.missing.length ? <p className="muted small">No scored sentences in: {bars.missing.join(', ')}.</p> : null}
        </ChartFrame>
      ) : null}
      {rest.map((t) => (
        <TableChart key={t.id} table={t} props={props} />
      ))}
    </div>
  );
}

function WordingView(props: MeasureViewProps): React.JSX.Element {
  const { tables, outlets, colours, subtitle, source, onEvidence } = props;
  const rows = labelMatrix(tables, outlets);
  const rest = tablesForView('wording', tables).filter((t) => !t.id.startsWith(FRAMING_TABLES.labelsPrefix));
  return (
    <div className="charts">
      <ChartFrame
        id="chart-labels"
        title="Same referent, different words"
        subtitle={subtitle}
        source={source}
        legend={<span>Solid chips: the outlet’s own words. Dashed chips marked “quoted”: words of people it quotes. Numbers: times used.</span>}
      >
        <LabelMatrix rows={rows} outlets={outlets} colours={colours} onEvidence={onEvidence} />
      </ChartFrame>
      {rest.map((t) => (
        <TableChart key={t.id} table={t} props={props} />
      ))}
    </div>
  );
}

function TopicsView(props: MeasureViewProps): React.JSX.Element {
  const { snapshot, tables, outlets, subtitle, source, eventIds, onEvidence } = props;
  return (
    <div className="charts">
      {tablesForView('topics', tables).map((t) => (
        <TableChart key={t.id} table={t} props={props} />
      ))}
      <ChartFrame
        id="chart-omissions"
        title="What each outlet leaves out"
        subtitle={`${subtitle} · compared only within an event`}
        source={source}
        legend={<span>✓ the outlet includes it · ✗ other outlets covering the same event include it and this one does not (click for their sentences).</span>}
      >
        <OmissionGridView grid={snapshot.comparison.omissions} eventIds={eventIds} outlets={outlets} onEvidence={onEvidence} />
      </ChartFrame>
    </div>
  );
}

function GenericView(props: MeasureViewProps): React.JSX.Element {
  const tables = tablesForView(props.view, props.tables);
  if (tables.length === 0) return <p className="empty muted">{props.empty}</p>;
  return (
    <div className="charts">
      {tables.map((t) => (
        <TableChart key={t.id} table={t} props={props} />
      ))}
    </div>
  );
}

/** Figure rows of the articles in scope (an event or a date range). */
function scopedFigures(rows: readonly FigureRow[], snapshot: AnalysisSnapshot, articleIds: ReadonlySet<string>): readonly FigureRow[] {
  if (articleIds.size === snapshot.articles.length) return rows;
  return rows.filter((f) => articleIds.has(f.articleId));
}

function FiguresMeasureView(props: MeasureViewProps): React.JSX.Element {
  const { snapshot, figures, articleIds, outlets, colours, subtitle, source, onEvidence } = props;
  return (
    <div className="charts">
      <ChartFrame id="chart-figures-timeline" title="Casualty figures cited, along the timeline" subtitle={subtitle} source={source}>
        {figures.kind === 'ready' ? (
          <FiguresView figures={scopedFigures(figures.rows, snapshot, articleIds)} outlets={outlets} colours={colours} onEvidence={onEvidence} />
        ) : figures.kind === 'loading' ? (
          // The class makes chart captures wait for the rows.
          <p className="muted scope-loading" role="status">
            Loading {snapshot.details.figureCount.toLocaleString('en-US')} casualty figures…
          </p>
        ) : (
          <p className="notice" role="alert">
            <strong>{figures.error.code}</strong> The casualty figures could not be read: {figures.error.message}
          </p>
        )}
      </ChartFrame>
      {tablesForView('figures', props.tables).map((t) => (
        <TableChart key={t.id} table={t} props={props} />
      ))}
    </div>
  );
}

function VoicesMeasureView(props: MeasureViewProps): React.JSX.Element {
  const { snapshot, outlets, colours, subtitle, source, onEvidence } = props;
  return (
    <div className="charts">
      <ChartFrame id="chart-voices" title="Whose words are quoted" subtitle={`${subtitle.split(' · ').filter((part) => !/\bevents?\b/.test(part)).join(' · ')} · all events`} source={source}>
        <VoicesView snapshot={snapshot} outlets={outlets} colours={colours} onEvidence={onEvidence} />
      </ChartFrame>
    </div>
  );
}

export function MeasureView(props: MeasureViewProps): React.JSX.Element {
  switch (props.view) {
    case 'figures':
      return <FiguresMeasureView {...props} />;
    case 'voices':
      return <VoicesMeasureView {...props} />;
    case 'tone':
      return <ToneView {...props} />;
    case 'wording':
      return <WordingView {...props} />;
    case 'topics':
      return <TopicsView {...props} />;
    default:
      return <GenericView {...props} />;
  }
}
