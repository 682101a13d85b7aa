/**
 * The dashboard's view state (tab, filters) kept in the URL fragment, so a view can be restored,
 * bookmarked or shared. Parsing is total: anything unknown falls back to defaults.
 */
export const VIEWS = ['overview', 'tone', 'wording', 'figures', 'voices', 'topics', 'reader'] as const;
export type View = (typeof VIEWS)[number];

export interface ViewState {
  readonly view: View;
  /** Event ids to include; empty = all. */
  readonly events: readonly string[];
  /** Outlets hidden by the user. */
  readonly hiddenOutlets: readonly string[];
  /** The user's outlet order (outlets not listed follow). */
  readonly order: readonly string[];
  /** The user's outlet colours (#rrggbb), overriding the palette. */
  readonly colours: Readonly<Record<string, string>>;
  readonly from: string | null;
  readonly to: string | null;
  /** Article open in the reader, and the character offset to scroll to. */
  readonly article: string | null;
  readonly at: number | null;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  view: 'overview',
  events: [],
  hiddenOutlets: [],
  order: [],
  colours: {},
  from: null,
  to: null,
  article: null,
  at: null,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

function list(value: string | null): string[] {
  return value ? value.split(',').map(decode).filter(Boolean) : [];
}

export function parseViewState(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view = params.get('view');
  const from = params.get('from');
  const to = params.get('to');
  const at = Number(params.get('at'));
  return {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'overview',
    events: list(params.get('events')),
    hiddenOutlets: list(params.get('hide')),
    order: list(params.get('order')),
    colours: Object.fromEntries(
      (params.get('colours') ?? '')
        .split(',')
        .map((pair) => pair.split(':').map(decode))
        .filter((kv): kv is [string, string] => kv.length === 2 && Boolean(kv[0]) && /^#[0-9a-f]{6}$/i.test(kv[1] ?? '')),
    ),
    from: from && ISO_DATE.test(from) ? from : null,
    to: to && ISO_DATE.test(to) ? to : null,
    article: params.get('article'),
    at: Number.isInteger(at) && at >= 0 && params.has('at') ? at : null,
  };
}

export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.view !== 'overview') params.set('view', state.view);
  if (state.events.length) params.set('events', state.events.map(encodeURIComponent).join(','));
  if (state.hiddenOutlets.length) params.set('hide', state.hiddenOutlets.map(encodeURIComponent).join(','));
  if (state.order.length) params.set('order', state.order.map(encodeURIComponent).join(','));
  const colours = Object.entries(state.colours);
  if (colours.length) params.set('colours', colours.map(([k, v]) => `${encodeURIComponent(k)}:${encodeURIComponent(v)}`).join(','));
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.article) params.set('article', state.article);
  if (state.at !== null) params.set('at', String(state.at));
  const s = params.toString();
  return s ? `#${s}` : '';
}
