import { useState } from 'react';
import { DATA_TABLES, safeFileName, type DataTable } from '../../../shared/exporting';
import { serially } from '../export/capture';
import { collectReportHtml, type DashboardContext } from '../export/collect';
import { exportData, exportPdf, failure, saveExport, type ExportMessage } from '../export/save';

/**
 * The dashboard's export buttons: the whole comparison as an HTML or PDF report, and the data
 * as JSON (every table) or CSV (one table). Progress while the report is built; one sentence on
 * what happened afterwards.
 */
export function ExportBar({ context }: { readonly context: () => DashboardContext | null }): React.JSX.Element {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<ExportMessage | null>(null);
  const [table, setTable] = useState<DataTable>('articles');

  const run = async (what: string, work: (ctx: DashboardContext) => Promise<ExportMessage>): Promise<void> => {
    const ctx = context();
    if (!ctx) return;
    setMessage(null);
    setBusy(`${what}…`);
    try {
      setMessage(await work(ctx));
    } catch (error) {
      setMessage(failure(what, error));
    } finally {
      setBusy(null);
    }
  };

  const report = (format: 'html' | 'pdf'): Promise<void> =>
    run(format === 'html' ? 'HTML report' : 'PDF report', (ctx) =>
      serially(async () => {
        const html = await collectReportHtml(ctx, format === 'pdf' ? 'light' : 'current', setBusy);
        const name = safeFileName(`${ctx.folder} - Framescope report`, format);
        setBusy(format === 'pdf' ? 'Printing the PDF…' : 'Saving the report…');
        return format === 'html'
          ? saveExport({ suggestedName: name, format: 'html', content: { kind: 'text', text: html } }, 'HTML report')
          : exportPdf({ suggestedName: name, html });
      }),
    );

  const data = (format: 'json' | 'csv'): Promise<void> =>
    run(format === 'json' ? 'JSON export' : 'CSV export', (ctx) =>
      exportData({
        suggestedName: safeFileName(`${ctx.folder} - ${format === 'csv' ? table : 'Framescope data'}`, format),
        format,
        table: format === 'csv' ? table : undefined,
      }),
    );

  const disabled = busy !== null;
  return (
    <div className="export-bar" role="group" aria-label="Export">
      <span className="group">
        <span className="muted">Export report:</span>
        <button type="button" disabled={disabled} onClick={() => void report('html')}>
          HTML
        </button>
        <button type="button" disabled={disabled} onClick={() => void report('pdf')}>
          PDF
        </button>
      </span>
      <span className="group">
        <span className="muted">Export data:</span>
        <button type="button" disabled={disabled} onClick={() => void data('json')}>
          JSON
        </button>
        <button type="button" disabled={disabled} onClick={() => void data('csv')}>
          CSV
        </button>
        <select aria-label="Table for the CSV export" value={table} disabled={disabled} onChange={(e) => setTable(e.target.value as DataTable)}>
          {DATA_TABLES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </span>
      <span className="export-status" role="status" aria-live="polite">
        {busy ?? (message && message.kind !== 'error' ? message.text : '')}
      </span>
      {message?.kind === 'error' ? (
        <span className="export-message-inline error" role="alert">
          {message.text}
          <button type="button" className="link" onClick={() => setMessage(null)} aria-label="Dismiss export message">
            ×
          </button>
        </span>
      ) : null}
    </div>
  );
}
