import { useEffect, useMemo, useRef, useState } from 'react';
import { HIGHLIGHT_LAYERS, type ArticleView, type HighlightLayer } from '../../../shared/evidence';
import { formatDate } from '../format';
import { paragraphs, segmentText } from '../segments';

export interface ReaderProps {
  readonly article: ArticleView;
  /** Character offset to scroll to and flash, e.g. from an evidence item. */
  readonly at: number | null;
}

const DEFAULT_LAYERS: readonly HighlightLayer[] = ['sentiment', 'labels', 'attribution', 'figures', 'quotes', 'excluded'];

/** An article with toggleable highlight layers. Text is rendered as React text nodes only. */
export function Reader({ article, at }: ReaderProps): React.JSX.Element {
  const [active, setActive] = useState<ReadonlySet<HighlightLayer>>(new Set(DEFAULT_LAYERS));
  const target = useRef<HTMLElement | null>(null);
  const paras = useMemo(() => paragraphs(article.text), [article.text]);
  const counts = useMemo(() => {
    const m = new Map<HighlightLayer, number>();
    for (const h of article.highlights) m.set(h.layer, (m.get(h.layer) ?? 0) + 1);
    return m;
  }, [article.highlights]);

  useEffect(() => {
    target.current?.scrollIntoView({ block: 'center' });
    target.current?.focus();
  }, [article.id, at]);

  const toggle = (layer: HighlightLayer): void => {
    setActive((prev) => {
      const next = new Set(prev);
      if (next.has(layer)) next.delete(layer);
      else next.add(layer);
      return next;
    });
  };

  return (
    <section className="reader" aria-label="Article reader">
      <header className="reader-head">
        <h2>{article.title ?? article.file}</h2>
        <p className="muted small">
          {article.outlet ?? 'Unknown outlet'} · {formatDate(article.date)} · <code>{article.file}</code>
        </p>
        {counts.size ? (
        <fieldset className="layers">
          <legend>Highlight</legend>
          {HIGHLIGHT_LAYERS.filter((layer) => counts.has(layer.id)).map((layer) => (
            <label key={layer.id} className={`layer-toggle layer-${layer.id}`}>
              <input type="checkbox" checked={active.has(layer.id)} onChange={() => toggle(layer.id)} />
              {layer.label} <span className="muted">({counts.get(layer.id) ?? 0})</span>
            </label>
          ))}
        </fieldset>
        ) : null}
      </header>
      <div className="reader-text">
        {paras.map((p) => {
          const hasTarget = at !== null && at >= p.start && at < p.end;
          return (
            <p
              key={p.start}
              data-offset={p.start}
              tabIndex={hasTarget ? -1 : undefined}
              className={hasTarget ? 'target' : undefined}
              ref={hasTarget ? (el) => {
                target.current = el;
              } : undefined}
            >
              {segmentText(article.text, article.highlights, active, p.start, p.end).map((s) =>
                s.highlights.length ? (
                  <mark
                    key={s.start}
                    className={s.highlights.map((h) => `hl-${h.layer} tag-${h.tag.replace(/[^a-z0-9-]/gi, '')}`).join(' ')}
                    title={s.highlights.map((h) => h.note).filter(Boolean).join('\n')}
                  >
                    {s.text}
                  </mark>
                ) : (
                  <span key={s.start}>{s.text}</span>
                ),
              )}
            </p>
          );
        })}
      </div>
    </section>
  );
}
