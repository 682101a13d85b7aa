/**
 * Capturing charts from the live dashboard: switching to a chart's view (the view lives in the
 * URL fragment), waiting until it has rendered, forcing the light theme for a capture and
 * restoring everything afterwards. One capture at a time.
 */
import type { ExportTheme, ExportableChart, PngScale } from '../../../shared/exporting';
import { formatViewState, parseViewState, VIEWS, type View } from '../viewState';
import { chartToSvg, type ChartSvg } from './chartSvg';
import { svgToPng } from './png';

/** Views that hold charts, in dashboard order (the reader shows an article, not a chart). */
export const CHART_VIEWS: readonly View[] = VIEWS.filter((v) => v !== 'reader');

const TAB_LABEL: Readonly<Record<View, string>> = {
  overview: 'Overview',
  tone: 'Tone',
  wording: 'Wording',
  figures: 'Figures',
  voices: 'Voices',
  topics: 'Topics and omissions',
  reader: 'Reader',
};
export const viewLabel = (view: View): string => TAB_LABEL[view];

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

let queue: Promise<unknown> = Promise.resolve();
/** Runs captures one after another: they share the page's view and theme. */
export function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

function currentView(): View {
  return parseViewState(window.location.hash).view;
}

function setHash(hash: string): void {
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.history.replaceState(null, '', url);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function chartsRendered(view: View): boolean {
  const panel = document.getElementById(`panel-${view}`);
  if (!panel || document.querySelector('[data-ready="true"]') === null) return false;
  // A picked event's tables are still on their way.
  if (panel.querySelector('.scope-loading')) return false;
  for (const container of panel.querySelectorAll('.recharts-responsive-container')) {
    const surface = container.querySelector('svg.recharts-surface');
    if (!surface || surface.getBoundingClientRect().width <= 0) return false;
  }
  return true;
}

/** Waits until the view's panel is on screen with every chart drawn (and the fonts loaded). */
export async function waitForView(view: View, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  await document.fonts.ready;
  await Promise.all([document.fonts.load('400 15px Inter'), document.fonts.load('600 15px Inter')]);
  let stable = 0;
  while (stable < 2) {
    if (performance.now() > deadline) throw new Error(`The ${viewLabel(view)} view did not finish drawing its charts in ${String(timeoutMs / 1000)} s.`);
    await frame();
    stable = chartsRendered(view) ? stable + 1 : 0;
  }
}

/** Shows a view, runs the work, and puts the user's view back. */
export async function inView<T>(view: View, work: () => Promise<T> | T): Promise<T> {
  const before = window.location.hash;
  const switched = currentView() !== view;
  if (switched) setHash(formatViewState({ ...parseViewState(before), view }));
  try {
    await waitForView(view);
    return await work();
  } finally {
    if (switched) {
      setHash(before);
      await waitForView(currentView()).catch(() => undefined);
    }
  }
}

/** Runs the work with the light theme forced when asked, then restores the theme. */
export async function inTheme<T>(theme: ExportTheme, work: () => Promise<T> | T): Promise<T> {
  const root = document.documentElement;
  const before = root.getAttribute('data-theme');
  if (theme === 'light' && before !== 'light') {
    root.setAttribute('data-theme', 'light');
    await frame();
    await frame();
  }
  try {
    return await work();
  } finally {
    if (before === null) root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', before);
  }
}

function figureOf(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`figure.chart[data-chart="${CSS.escape(id)}"]`);
}

/** The charts of the view on screen. */
export function chartsOnScreen(view: View): ExportableChart[] {
  return [...document.querySelectorAll<HTMLElement>(`#panel-${view} figure.chart[data-chart]`)].map((f) => ({
    id: f.getAttribute('data-chart') ?? '',
    title: f.querySelector('figcaption h3')?.textContent?.trim() ?? '',
    view,
  }));
}

/** The view each chart was last seen in, so a capture goes straight to it. */
const seenIn = new Map<string, View>();

/** Every chart of every view, in dashboard order (visits each view, then restores the user's). */
export async function listCharts(): Promise<ExportableChart[]> {
  const out: ExportableChart[] = [];
  const before = window.location.hash;
  try {
    for (const view of CHART_VIEWS) {
      setHash(formatViewState({ ...parseViewState(before), view }));
      await waitForView(view);
      out.push(...chartsOnScreen(view));
    }
  } finally {
    setHash(before);
    await waitForView(currentView()).catch(() => undefined);
  }
  for (const c of out) seenIn.set(c.id, c.view as View);
  return out;
}

/** The chart as SVG: from the screen when it is shown, else from its view. */
export async function captureChart(id: string, theme: ExportTheme, options: { embedFont: boolean } = { embedFont: true }): Promise<ChartSvg> {
  const build = (): ChartSvg => {
    const figure = figureOf(id);
    if (!figure) throw new Error(`No chart “${id}” is on screen.`);
    return chartToSvg(figure, { embedFont: options.embedFont, idPrefix: id });
  };
  if (figureOf(id)) return inTheme(theme, build);
  const known = seenIn.get(id);
  if (known) {
    const svg = await inView(known, () => (figureOf(id) ? inTheme(theme, build) : null));
    if (svg) return svg;
  }
  const charts = await listCharts();
  const chart = charts.find((c) => c.id === id);
  if (!chart) throw new Error(`No chart “${id}” in this comparison. Charts: ${charts.map((c) => c.id).join(', ')}.`);
  return inView(chart.view as View, () => inTheme(theme, build));
}

export async function captureChartPng(id: string, theme: ExportTheme, scale: PngScale): Promise<{ readonly png: Blob; readonly svg: ChartSvg }> {
  const svg = await captureChart(id, theme);
  return { png: await svgToPng(svg.svg, svg.width, svg.height, scale), svg };
}
