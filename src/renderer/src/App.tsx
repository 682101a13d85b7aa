import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ExportFolderContext } from './components/ChartExportMenu';
import { ExportBar } from './components/ExportBar';
import type { DashboardContext } from './export/collect';
import { installExportHook } from './export/hook';
import { sourceLine } from './export/report';
import { OutletSwatch } from './components/OutletSwatch';
import type { EventTables } from '../../shared/events';
import type { ArticleView } from '../../shared/evidence';
import type { AnalysisSnapshot, ArticleSummary, OutletSummary, Progress } from '../../shared/model';
import type { AppError } from '../../shared/result';
import { getApi } from './api/client';
import { figureRowsOf, type FigureRowsState } from './api/figures';
import { Reader } from './components/Reader';
import { Tabs, type TabItem } from './components/Tabs';
import { describeProgress, describeSource, formatCount, formatDate, progressFraction } from './format';
import { useViewState } from './useViewState';
import type { View } from './viewState';
import { EvidencePanel } from './components/EvidencePanel';
import { FilterBar } from './components/FilterBar';
import type { EvidenceRequest } from './components/MetricGrid';
import { scopedTables } from './shaping/scope';
import { visibleOutlets } from './shaping/tables';
import { MeasureView } from './views/MeasureViews';
import { EventTimeline } from './components/EventTimeline';
import { OverviewFindings } from './views/OverviewFindings';
import { CorrectionsPanel } from './components/CorrectionsPanel';
import type { Corrections } from '../../shared/contract';
import { overviewRows, type OverviewRow } from './shaping/overview';
import { formatValue } from './shaping/tables';
import { outletColours } from './theme';
import type { EvidencePage } from '../../shared/evidence';

type Status =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly snapshot: AnalysisSnapshot }
  | { readonly kind: 'error'; readonly error: AppError };

const TABS: readonly TabItem<View>[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'tone', label: 'Tone' },
  { id: 'wording', label: 'Wording' },
  { id: 'figures', label: 'Figures' },
  { id: 'voices', label: 'Voices' },
  { id: 'topics', label: 'Topics and omissions' },
  { id: 'reader', label: 'Reader' },
];

const EMPTY_VIEW: Readonly<Record<View, string>> = {
  overview: '',
  tone: 'No sentences were scored for tone in the visible outlets.',
  wording: 'No referent labels, attribution verbs or distinctive words were found in the visible outlets.',
  figures: 'No casualty figures are cited by the visible outlets.',
  voices: 'No quoted voices were found in the visible outlets.',
  topics: 'No topics from the topic lexicon were found in the visible outlets.',
  reader: '',
};

export function App(): React.JSX.Element {
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notice, setNotice] = useState<AppError | null>(null);
  const [viewState, setViewState] = useViewState();

  // What the page holds and whether a request is out, so a finished analysis is fetched once.
  const held = useRef<{ analysedAt: string | null; inFlight: number }>({ analysedAt: null, inFlight: 0 });
  /** Runs a request that answers with a snapshot, counted as out until it answers. */
  const tracked = useCallback(async <T,>(request: () => Promise<T>): Promise<T> => {
    held.current.inFlight += 1;
    try {
      return await request();
    } finally {
      held.current.inFlight -= 1;
    }
  }, []);
  const show = useCallback((snapshot: AnalysisSnapshot) => {
    held.current.analysedAt = snapshot.analysedAt;
    setStatus({ kind: 'ready', snapshot });
  }, []);
  const refresh = useCallback(async () => {
    const result = await tracked(() => getApi().getAnalysis());
    if (result.ok) show(result.value);
    else setStatus({ kind: 'error', error: result.error });
  }, [tracked, show]);

  useEffect(() => {
    const off = getApi().onProgress((p) => {
      setProgress(p);
      // Folders opened from the menu, a second launch or a watched change arrive here too. A
      // request already out answers with the finished analysis (the main process holds it until
      // the open completes), and one already answered needs no second fetch.
      if (p.phase === 'done' && held.current.inFlight === 0 && (p.analysedAt === undefined || p.analysedAt !== held.current.analysedAt)) void refresh();
    });
    void refresh();
    return off;
  }, [refresh]);

  const openFolder = async (): Promise<void> => {
    setNotice(null);
    const result = await tracked(() => getApi().openFolder());
    if (!result.ok) setNotice(result.error);
    else if (result.value.snapshot) show(result.value.snapshot);
  };
  const openSeeds = async (): Promise<void> => {
    setNotice(null);
    const result = await tracked(() => getApi().openSeeds());
    if (!result.ok) setNotice(result.error);
    else show(result.value);
  };
  const openArticle = useCallback((id: string, at: number | null = null): void => setViewState({ view: 'reader', article: id, at }), [setViewState]);

  const [saved, setSaved] = useState<{ what: string; file: string; undo: Corrections } | null>(null);
  const saveCorrections = async (corrections: Corrections, what: string): Promise<boolean> => {
    setNotice(null);
    const result = await tracked(() => getApi().saveCorrections(corrections));
    if (!result.ok) {
      setNotice(result.error);
      return false;
    }
    show(result.value.snapshot);
    setSaved({ what, file: result.value.file, undo: result.value.undo });
    return true;
  };
  const [evidence, setEvidence] = useState<{ request: EvidenceRequest; page: EvidencePage | null; error: AppError | null } | null>(null);
  const showEvidence = (request: EvidenceRequest): void => {
    setEvidence({ request, page: null, error: null });
    void getApi()
      .getEvidence({ key: request.key, limit: 100 })
      .then((r) => {
        setEvidence((prev) =>
          prev?.request.key !== request.key ? prev : { request, page: r.ok ? { ...r.value, title: request.title } : null, error: r.ok ? null : r.error },
        );
      });
  };

  const snapshot = status.kind === 'ready' ? status.snapshot : null;
  const fraction = progress ? progressFraction(progress) : null;
  const busy = progress !== null && progress.phase !== 'done' && progress.phase !== 'failed';
  const view = TABS.some((t) => t.id === viewState.view) ? viewState.view : 'overview';
  const allOutlets = useMemo(() => snapshot?.outlets.map((o) => o.name) ?? [], [snapshot]);
  const ordered = visibleOutlets(allOutlets, { hidden: [], order: viewState.order });
  const outlets = visibleOutlets(allOutlets, { hidden: viewState.hiddenOutlets, order: viewState.order });
  const colours = outletColours(allOutlets, viewState.colours);
  const pickedEvent = viewState.events[0] ?? null;
  // A picked event's tables are fetched from the main process (the snapshot carries the folder's).
  const [eventTables, setEventTables] = useState<{ of: AnalysisSnapshot; tables: EventTables } | null>(null);
  useEffect(() => {
    if (!snapshot || pickedEvent === null) return;
    let live = true;
    void getApi()
      .getEventTables({ eventId: pickedEvent })
      .then((r) => {
        if (!live) return;
        if (r.ok) setEventTables({ of: snapshot, tables: r.value });
        else setNotice(r.error);
      });
    return () => {
      live = false;
    };
  }, [snapshot, pickedEvent]);
  // The casualty-figure rows follow the snapshot in a request of their own (most of a large
  // folder's bytes): the first screen does not wait for them, the views that need them do.
  const [figureRows, setFigureRows] = useState<{ of: AnalysisSnapshot; state: FigureRowsState } | null>(null);
  useEffect(() => {
    if (!snapshot) return;
    let live = true;
    void figureRowsOf(snapshot).then((r) => {
      // E_STALE: a newer analysis replaced this one; its "done" event brings the new snapshot.
      if (!live || (!r.ok && r.error.code === 'E_STALE')) return;
      setFigureRows({ of: snapshot, state: r.ok ? { kind: 'ready', rows: r.value } : { kind: 'error', error: r.error } });
    });
    return () => {
      live = false;
    };
  }, [snapshot]);
  const figures: FigureRowsState = figureRows?.of === snapshot ? figureRows.state : { kind: 'loading' };
  const scope = snapshot ? scopedTables(snapshot, { eventId: pickedEvent, from: viewState.from, to: viewState.to }, eventTables?.of === snapshot ? eventTables.tables : null) : null;
  const folderName = snapshot ? (snapshot.folder.isSeeds ? 'Sample articles' : snapshot.folder.name) : 'Framescope';

  // What the exports (menus, report, automation hook) read: the dashboard as it is now.
  const exportContext = useRef<DashboardContext | null>(null);
  exportContext.current = snapshot
    ? {
        snapshot,
        outlets,
        colours,
        scope: `${scope?.label ?? ''} · ${String(outlets.length)} of ${String(ordered.length)} outlets`,
        articleIds: scope?.articleIds ?? new Set(snapshot.articles.map((a) => a.id)),
        folder: folderName,
      }
    : null;
  useEffect(() => installExportHook(() => exportContext.current), []);
  const getExportContext = useCallback(() => exportContext.current, []);

  return (
    <div className="app" data-ready={snapshot ? 'true' : 'false'} data-api-verbs={Object.keys(getApi()).sort().join(',')}>
      <header className="topbar">
        <h1 className="brand">Framescope</h1>
        <div className="folder" title={snapshot?.folder.path}>
          {snapshot ? folderName : '—'}
        </div>
        {snapshot ? <ExportBar context={getExportContext} /> : null}
        <div className="actions">
          <button type="button" onClick={() => void openFolder()} disabled={busy}>
            Open folder…
          </button>
          <button type="button" onClick={() => void openSeeds()} disabled={busy}>
            Sample articles
          </button>
        </div>
      </header>

      <div className="progress" role="status" aria-live="polite">
        {progress && busy ? (
          <>
            <progress max={1} value={fraction ?? undefined} aria-label="Analysis progress" />
            <span>{describeProgress(progress)}</span>
          </>
        ) : null}
      </div>

      {notice ? (
        <div className="notice" role="alert">
          <strong>{notice.code}</strong> {notice.message}
          <button type="button" className="link" onClick={() => setNotice(null)} aria-label="Dismiss message">
            Dismiss
          </button>
        </div>
      ) : null}

      {saved ? (
        <div className="notice ok" role="status">
          {saved.what}: saved to <code>{saved.file}</code>.
          <button
            type="button"
            className="link"
            onClick={() => {
              const { undo } = saved;
              void saveCorrections(undo, 'Undone').then((done) => done && setSaved(null));
            }}
          >
            Undo
          </button>
          <button type="button" className="link" onClick={() => setSaved(null)} aria-label="Dismiss message">
            Dismiss
          </button>
        </div>
      ) : null}

      {snapshot ? <Tabs items={TABS} selected={view} onSelect={(id) => setViewState({ view: id })} label="Views" /> : null}
      {snapshot && view !== 'reader' ? (
        <FilterBar snapshot={snapshot} state={viewState} ordered={ordered} colours={colours} onChange={setViewState} />
      ) : null}

      <ExportFolderContext.Provider value={folderName}>
      <main id={`panel-${view}`} role={snapshot ? 'tabpanel' : undefined} aria-labelledby={snapshot ? `tab-${view}` : undefined}>
        {status.kind === 'loading' ? <p className="muted">Loading articles…</p> : null}
        {status.kind === 'error' ? (
          <div className="notice" role="alert">
            <strong>{status.error.code}</strong> {status.error.message}
          </div>
        ) : null}
        {snapshot && view === 'overview' ? (
          <>
            <OverviewFindings snapshot={snapshot} figures={figures} outlets={outlets} colours={colours} onEvidence={showEvidence} />
            <OverviewTable
              rows={overviewRows(snapshot, outlets)}
              colours={colours}
              onEvidence={showEvidence}
              source={sourceNote(snapshot)}
            />
            <section aria-label="Events" className="overview-events">
              <h2>Events</h2>
              <p className="muted small">{snapshot.comparison.grouping.method.description}</p>
              <EventTimeline
                thread={snapshot.comparison.thread}
                outlets={outlets}
                colours={colours}
                selected={viewState.events[0] ?? null}
                onSelect={(id) => setViewState({ events: id ? [id] : [] })}
              />
            </section>
            <CorrectionsPanel snapshot={snapshot} onSave={saveCorrections} />
            <Overview snapshot={snapshot} onOpenArticle={openArticle} />
          </>
        ) : null}
        {snapshot && view !== 'overview' && view !== 'reader' && scope?.loading ? (
          <p className="muted scope-loading" role="status">
            Loading the tables of {scope.label}…
          </p>
        ) : null}
        {snapshot && view !== 'overview' && view !== 'reader' && !scope?.loading ? (
          <MeasureView
            view={view}
            snapshot={snapshot}
            figures={figures}
            tables={scope?.tables ?? []}
            outlets={outlets}
            colours={colours}
            subtitle={`${snapshot.folder.isSeeds ? 'Sample articles' : snapshot.folder.name} · ${scope?.label ?? ''} · ${outlets.length} of ${ordered.length} outlets`}
            source={sourceNote(snapshot)}
            eventIds={viewState.events}
            articleIds={scope?.articleIds ?? new Set<string>()}
            empty={EMPTY_VIEW[view]}
            onEvidence={showEvidence}
          />
        ) : null}
        {snapshot && view === 'reader' ? (
          <ReaderView
            snapshot={snapshot}
            articleId={viewState.article}
            at={viewState.at}
            onSelect={(id) => openArticle(id)}
          />
        ) : null}
      </main>
      </ExportFolderContext.Provider>
      {evidence && snapshot ? (
        <EvidencePanel
          page={evidence.page}
          loading={evidence.page === null && evidence.error === null}
          error={evidence.error}
          articleLabel={(id) => {
            const a = snapshot.articles.find((x) => x.id === id);
            return a ? `${a.outlet.value ?? 'Unknown outlet'} — ${a.title.value ?? a.file}` : id.slice(0, 8);
          }}
          onOpen={(item) => openArticle(item.articleId, item.start)}
          onClose={() => setEvidence(null)}
        />
      ) : null}
    </div>
  );
}

/** "Framescope 0.2.0, lexicon packs id@version, …, date": under every chart and on its exports. */
export function sourceNote(snapshot: AnalysisSnapshot): string {
  return sourceLine(snapshot.engineVersion, snapshot.details.lexicons, snapshot.analysedAt);
}

function OverviewTable({
  rows,
  colours,
  onEvidence,
  source,
}: {
  readonly rows: readonly OverviewRow[];
  readonly colours: ReadonlyMap<string, string>;
  readonly onEvidence: (request: EvidenceRequest) => void;
  readonly source: string;
}): React.JSX.Element {
  return (
    <section aria-label="Outlets at a glance" className="overview-table">
      <div className="grid-scroll">
        <table className="metric-grid">
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Articles</th>
              <th scope="col">Events</th>
              <th scope="col">Mean tone</th>
              <th scope="col">Most distinctive words</th>
              <th scope="col">Casualty figures cited</th>
              <th scope="col">Groups quoted</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.outlet} data-testid="outlet-row">
                <th scope="row">
                  <OutletSwatch outlet={r.outlet} colours={colours} />
                  {r.outlet}
                </th>
                <td className="pad">{formatCount(r.articles, 'article')}, {formatCount(r.words, 'word')}</td>
                <td className="pad">{r.events}</td>
                <td className="pad">
                  {r.tone?.evidenceKey ? (
                    <button type="button" className="link" onClick={() => onEvidence({ key: r.tone?.evidenceKey ?? '', title: `Sentiment words — ${r.outlet}` })}>
                      {formatValue(r.tone.value, 'tone score')}
                    </button>
                  ) : (
                    formatValue(r.tone?.value ?? null, 'tone score')
                  )}
                </td>
                <td className="pad">
                  {r.distinctive.map((d, i) => (
                    <span key={d.term}>
                      {i > 0 ? ', ' : ''}
                      {d.evidenceKey ? (
                        <button type="button" className="link inline" onClick={() => onEvidence({ key: d.evidenceKey ?? '', title: `“${d.term}” in ${r.outlet}` })}>
                          {d.term}
                        </button>
                      ) : (
                        d.term
                      )}
                    </span>
                  ))}
                </td>
                <td className="pad">
                  {r.figures && r.figures.count > 0 && r.figures.evidenceKey ? (
                    <button type="button" className="link inline" onClick={() => onEvidence({ key: r.figures?.evidenceKey ?? '', title: `Figures cited by ${r.outlet}` })}>
                      {r.figures.note}
                    </button>
                  ) : (
                    <span className="muted">none cited</span>
                  )}
                </td>
                <td className="pad">{r.voices.length ? r.voices.join(', ') : <span className="muted">no direct quotes</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{source}</p>
    </section>
  );
}

/** Drawn again only when the snapshot changes (not when the figure rows or other state arrive): at 10,000 articles it indexes every article. */
const Overview = memo(function Overview({
  snapshot,
  onOpenArticle,
}: {
  readonly snapshot: AnalysisSnapshot;
  readonly onOpenArticle: (id: string) => void;
}): React.JSX.Element {
  const byId = useMemo(() => new Map(snapshot.articles.map((a) => [a.id, a] as const)), [snapshot]);
  return (
    <>
      <p className="summary">
        {formatCount(snapshot.articles.length, 'article')} from {formatCount(snapshot.outlets.length, 'outlet')}
        {snapshot.problems.length ? `, ${formatCount(snapshot.problems.length, 'file')} not loaded` : ''}.
      </p>
      <section aria-label="Outlets" className="cards">
        {snapshot.outlets.map((outlet) => (
          <OutletCard
            key={outlet.name}
            outlet={outlet}
            articles={outlet.articleIds.flatMap((id) => byId.get(id) ?? [])}
            onOpenArticle={onOpenArticle}
          />
        ))}
      </section>
      {snapshot.problems.length ? (
        <section aria-label="Files not loaded" className="problems">
          <h2>Files not loaded</h2>
          <ul>
            {snapshot.problems.map((p) => (
              <li key={`${p.file}:${p.code}`}>
                <code>{p.file}</code> — {p.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <footer className="muted small">
        Engine {snapshot.engineVersion} · analysed {new Date(snapshot.analysedAt).toLocaleString('en-GB')}
      </footer>
    </>
  );
});

const ARTICLES_PER_CARD = 20;

function OutletCard({
  outlet,
  articles,
  onOpenArticle,
}: {
  readonly outlet: OutletSummary;
  readonly articles: readonly ArticleSummary[];
  readonly onOpenArticle: (id: string) => void;
}): React.JSX.Element {
  // Long folders: a card lists a page of articles at a time (all of them stay in the reader's list).
  const [shown, setShown] = useState(ARTICLES_PER_CARD);
  return (
    <article className="card" data-testid="outlet-card" aria-label={outlet.name}>
      <h2 className="outlet">{outlet.name}</h2>
      <p className="muted small">
        {formatCount(articles.length, 'article')} · {formatCount(outlet.wordCount, 'word')}
      </p>
      <ul className="articles">
        {articles.slice(0, shown).map((a) => (
          <li key={a.id}>
            <button type="button" className="title link-like" onClick={() => onOpenArticle(a.id)} title="Read this article">
              {a.title.value ?? a.file}
            </button>
            <div className="meta small">
              <span title={`Date ${describeSource(a.date.source)}`}>{formatDate(a.date.value)}</span>
              {' · '}
              {formatCount(a.wordCount, 'word')}
              {' · '}
              <code>{a.file}</code>
            </div>
            {a.warnings.length ? (
              <ul className="warnings small">
                {a.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {articles.length > shown ? (
        <button type="button" className="link" onClick={() => setShown((n) => n + ARTICLES_PER_CARD)}>
          Show {Math.min(ARTICLES_PER_CARD, articles.length - shown)} more of {articles.length - shown} remaining
        </button>
      ) : null}
    </article>
  );
}

function ReaderView({
  snapshot,
  articleId,
  at,
  onSelect,
}: {
  readonly snapshot: AnalysisSnapshot;
  readonly articleId: string | null;
  readonly at: number | null;
  readonly onSelect: (id: string) => void;
}): React.JSX.Element {
  const byId = useMemo(() => new Map(snapshot.articles.map((a) => [a.id, a] as const)), [snapshot]);
  const id = articleId && byId.has(articleId) ? articleId : (snapshot.articles[0]?.id ?? null);
  const [article, setArticle] = useState<ArticleView | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    if (!id) return;
    void getApi()
      .getArticle({ id })
      .then((r) => {
        if (!live) return;
        if (r.ok) setArticle(r.value);
        else setError(r.error);
      });
    return () => {
      live = false;
    };
  }, [id]);

  return (
    <div className="reader-layout">
      <nav aria-label="Articles" className="article-list">
        <label htmlFor="article-select" className="small muted">
          Article
        </label>
        <select id="article-select" value={id ?? ''} onChange={(e) => onSelect(e.target.value)}>
          {snapshot.outlets.map((o) => (
            <optgroup key={o.name} label={o.name}>
              {o.articleIds.map((aid) => {
                const a = byId.get(aid);
                return a ? (
                  <option key={aid} value={aid}>
                    {formatDate(a.date.value)} — {a.title.value ?? a.file}
                  </option>
                ) : null;
              })}
            </optgroup>
          ))}
        </select>
      </nav>
      {error ? (
        <div className="notice" role="alert">
          <strong>{error.code}</strong> {error.message}
        </div>
      ) : null}
      {article && article.id === id ? <Reader article={article} at={at} /> : !error ? <p className="muted">Loading the article…</p> : null}
    </div>
  );
}
