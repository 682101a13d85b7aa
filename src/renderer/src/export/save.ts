/**
 * Saving what the page made. In the desktop app the main process shows the save dialog and
 * writes the file; in browser mode the reply carries the bytes and the page hands them to the
 * browser's own download. Every outcome becomes one sentence for the user.
 */
import type { ExportDataRequest, ExportPdfRequest, SaveExportOutcome, SaveExportRequest } from '../../../shared/exporting';
import type { Result } from '../../../shared/result';
import { getApi } from '../api/client';
import { base64ToBytes } from './svgUtil';

export interface ExportMessage {
  readonly kind: 'ok' | 'cancelled' | 'error';
  readonly text: string;
}

/** Starts the browser's download of a file the server made (browser mode). */
export function download(file: { readonly name: string; readonly mime: string; readonly base64: string }): void {
  const bytes = base64ToBytes(file.base64);
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the bytes once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What happened, in words; starts the download when the reply carries one. */
export function describeOutcome(result: Result<SaveExportOutcome>, what: string): ExportMessage {
  if (!result.ok) return { kind: 'error', text: `${what} failed: ${result.error.message} (${result.error.code})` };
  const outcome = result.value;
  if (outcome.download) {
    download(outcome.download);
    return { kind: 'ok', text: `Downloaded ${outcome.download.name}.` };
  }
  if (!outcome.saved) return { kind: 'cancelled', text: `${what} cancelled: nothing was saved.` };
  return { kind: 'ok', text: outcome.file ? `Saved ${outcome.file}.` : `${what} saved.` };
}

export async function saveExport(request: SaveExportRequest, what: string): Promise<ExportMessage> {
  return describeOutcome(await getApi().saveExport(request), what);
}

export async function exportPdf(request: ExportPdfRequest): Promise<ExportMessage> {
  return describeOutcome(await getApi().exportPdf(request), 'PDF report');
}

export async function exportData(request: ExportDataRequest): Promise<ExportMessage> {
  return describeOutcome(await getApi().exportData(request), request.format === 'csv' ? `CSV of ${request.table ?? 'the data'}` : 'JSON data');
}

/** An exception from building an export, as a message. */
export function failure(what: string, error: unknown): ExportMessage {
  return { kind: 'error', text: `${what} failed: ${error instanceof Error ? error.message : String(error)}` };
}
