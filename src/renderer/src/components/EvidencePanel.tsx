import { useEffect, useRef } from 'react';
import type { EvidenceItem, EvidencePage } from '../../../shared/evidence';
import type { AppError } from '../../../shared/result';

export interface EvidencePanelProps {
  readonly page: EvidencePage | null;
  readonly loading: boolean;
  readonly error?: AppError | null;
  readonly articleLabel: (articleId: string) => string;
  readonly onOpen: (item: EvidenceItem) => void;
  readonly onClose: () => void;
}

/** The sentences behind one mark, the words that fired highlighted; each opens the reader there. */
export function EvidencePanel({ page, loading, error = null, articleLabel, onOpen, onClose }: EvidencePanelProps): React.JSX.Element {
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [page?.key]);

  return (
    <aside
      className="evidence"
      aria-label="Evidence"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="evidence-head">
        <h2 tabIndex={-1} ref={heading}>
          {page ? page.title : 'Evidence'}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close evidence">
          Close
        </button>
      </div>
      {loading ? <p className="muted">Loading…</p> : null}
      {error ? (
        <p className="notice" role="alert">
          <strong>{error.code}</strong> {error.message}
        </p>
      ) : null}
      {page && !loading ? (
        <>
          <p className="muted small">
            {page.total === 0
              ? 'Nothing behind this mark.'
              : `${page.total} ${page.total === 1 ? 'passage' : 'passages'}${page.items.length < page.total ? `, first ${page.items.length} shown` : ''}`}
          </p>
          <ol className="evidence-list">
            {page.items.map((item) => (
              <li key={`${item.articleId}:${item.start}:${item.rule}`}>
                <blockquote>
                  <EvidenceSentence item={item} />
                </blockquote>
                <div className="small muted evidence-meta">
                  <span>{articleLabel(item.articleId)}</span> · <code>{item.rule}</code>
                  <button type="button" className="link" onClick={() => onOpen(item)}>
                    Open in reader
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </aside>
  );
}

export function EvidenceSentence({ item }: { readonly item: EvidenceItem }): React.JSX.Element {
  const s = item.sentence;
  const a = Math.max(0, item.start - s.start);
  const b = Math.min(s.text.length, item.end - s.start);
  return (
    <>
      {s.text.slice(0, a)}
      <mark className="hit">{s.text.slice(a, b)}</mark>
      {s.text.slice(b)}
    </>
  );
}
