import type { ReactNode } from 'react';
import { ChartExportMenu } from './ChartExportMenu';

export interface ChartFrameProps {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  /** "Framescope 0.2.0, lexicon packs id@version, …, date": printed under every chart and on its exports. */
  readonly source: string;
  readonly legend?: ReactNode;
  readonly children: ReactNode;
}

/**
 * A chart with its title, subtitle, legend and source note: what a reader needs to cite it, and
 * what its exports (SVG, PNG) carry. The export menu is a control, left out of the exports.
 */
export function ChartFrame({ id, title, subtitle, source, legend, children }: ChartFrameProps): React.JSX.Element {
  return (
    <figure className="chart" data-chart={id} aria-labelledby={`${id}-title`}>
      <figcaption>
        <div className="chart-head">
          <h3 id={`${id}-title`}>{title}</h3>
          <ChartExportMenu chartId={id} title={title} />
        </div>
        <p className="muted small subtitle">{subtitle}</p>
      </figcaption>
      {legend ? <div className="legend small">{legend}</div> : null}
      <div className="chart-body">{children}</div>
      <p className="muted small source-note">{source}</p>
    </figure>
  );
}
