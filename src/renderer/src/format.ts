/** Pure formatting helpers for the dashboard. */
import type { FieldSource, Progress } from '../../shared/model';

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDate(iso: string | null): string {
  if (!iso) return 'Date unknown';
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) ? iso : DATE_FORMAT.format(new Date(t));
}

export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

const SOURCE_LABEL: Readonly<Record<FieldSource, string>> = {
  manifest: 'from the folder’s manifest',
  'front-matter': 'from the file’s front matter',
  text: 'inferred from the text',
  file: 'from the file',
  unknown: 'unknown',
};

export function describeSource(source: FieldSource): string {
  return SOURCE_LABEL[source];
}

export function describeProgress(p: Progress): string {
  switch (p.phase) {
    case 'listing':
      return 'Listing files…';
    case 'reading':
      return `Reading ${p.done} of ${p.total} files${p.current ? ` — ${p.current}` : ''}`;
    case 'analysing':
      return p.done > 0 && p.done < p.total
        ? `Analysed ${p.done.toLocaleString('en-US')} of ${formatCount(p.total, 'article')}${p.etaSeconds === undefined ? '' : ` — about ${Math.ceil(p.etaSeconds)} s left`}`
        : `Analysing ${formatCount(p.total, 'article')}…`;
    case 'comparing':
      return `Grouping events and comparing outlets across ${formatCount(p.total, 'article')}…`;
    case 'done':
      return `Analysed ${formatCount(p.total, 'article')}`;
    case 'failed':
      return 'Analysis failed';
  }
}

export function progressFraction(p: Progress): number | null {
  if (p.phase === 'done') return 1;
  if (p.phase === 'reading' && p.total > 0) return (p.done / p.total) * 0.3;
  if (p.phase === 'analysing' && p.total > 0) return 0.3 + (p.done / p.total) * 0.7;
  return null;
}
