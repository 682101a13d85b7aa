/**
 * The desktop app's export side effects, with Electron objects passed in through small
 * interfaces so they are tested with fakes: the save dialog (then an atomic write), and the
 * report printed to PDF in a hidden, sandboxed window with JavaScript off, on its own session.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { ExportFormat } from '../../shared/exporting';
import { CodedError } from '../../shared/result';
import { writeFileSafely } from '../files/safeWrite';
import type { SavedFile } from '../service';
import { PDF_PAGE } from './pdfPage';
import { SECURE_WEB_PREFERENCES } from '../window';
import { APP_HOST, APP_SCHEME } from '../protocol';

const FILTERS: Readonly<Record<ExportFormat, { name: string; extensions: string[] }>> = {
  csv: { name: 'CSV table', extensions: ['csv'] },
  json: { name: 'JSON data', extensions: ['json'] },
  html: { name: 'HTML report', extensions: ['html'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  png: { name: 'PNG image', extensions: ['png'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
};

export interface SaveDialogDeps {
  readonly showSaveDialog: (options: SaveDialogOptions) => Promise<Pick<SaveDialogReturnValue, 'canceled' | 'filePath'>>;
  /** The folder proposed first: the user's Documents (or Downloads) folder. */
  readonly defaultDir: () => string;
  readonly write?: (target: string, bytes: Uint8Array, overwrite: boolean) => Promise<void>;
}

export function saveDialogOptions(name: string, format: ExportFormat, dir: string): SaveDialogOptions {
  return {
    title: 'Export',
    defaultPath: path.join(dir, name),
    filters: [FILTERS[format]],
    // The dialog asks before replacing a file (always on macOS and Windows; this turns it on for Linux).
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}

/**
 * The desktop saveFile: the dialog proposes the sanitised name; the user's choice is written
 * atomically, replacing a file only because the dialog already asked.
 */
export function dialogSaveFile(deps: SaveDialogDeps): (name: string, format: ExportFormat, bytes: Uint8Array) => Promise<SavedFile> {
  const write = deps.write ?? ((target, bytes, overwrite) => writeFileSafely(target, bytes, { overwrite }));
  return async (name, format, bytes) => {
    const picked = await deps.showSaveDialog(saveDialogOptions(name, format, deps.defaultDir()));
    if (picked.canceled || !picked.filePath) return { saved: false };
    let target = picked.filePath;
    if (path.extname(target) === '') target = `${target}.${format}`;
    await write(target, bytes, true);
    return { saved: true, file: target };
  };
}

/** The parts of a BrowserWindow the PDF printer uses. */
export interface PdfWindow {
  readonly webContents: {
    printToPDF(options: Electron.PrintToPDFOptions): Promise<Buffer>;
  };
  loadURL(url: string): Promise<void>;
  destroy(): void;
}

export type PdfWindowFactory = (options: BrowserWindowConstructorOptions) => PdfWindow;

/** The session of the hidden PDF windows: only the report page itself and data: URLs load there. */
export const PDF_PARTITION = 'framescope-pdf';

/** A hidden window with the window factory's web preferences, JavaScript off, no preload, its own session. */
export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1000,
    height: 1400,
    webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false, partition: PDF_PARTITION },
  };
}

/** What the hidden PDF window may load: only inline styles, data: images and fonts, no scripts. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline' data:; img-src data:; font-src data:";

/**
 * Report pages held in memory and served on the PDF windows' own session under app:// (large
 * reports exceed what a data: URL may hold, and nothing is written to disk).
 */
export class ReportPages {
  private readonly pages = new Map<string, string>();

  add(html: string): { readonly url: string; remove(): void } {
    const id = randomBytes(12).toString('hex');
    this.pages.set(id, html);
    return { url: `${APP_SCHEME}://${APP_HOST}/report-${id}.html`, remove: () => this.pages.delete(id) };
  }

  /** The response for a request on the PDF session: a held page, or 404 for anything else. */
  respond(url: string): Response {
    const m = /^app:\/\/framescope\/report-([0-9a-f]{24})\.html$/.exec(url);
    const html = m?.[1] === undefined ? undefined : this.pages.get(m[1]);
    if (html === undefined) return new Response('Not found', { status: 404 });
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': REPORT_CSP } });
  }
}

/** The desktop renderPdf: loads the report in a hidden window, prints it, and closes the window. */
export function electronRenderPdf(createWindow: PdfWindowFactory, pages: ReportPages): (html: string) => Promise<Uint8Array> {
  return async (html) => {
    const page = pages.add(html);
    let win: PdfWindow | null = null;
    try {
      win = createWindow(pdfWindowOptions());
      await win.loadURL(page.url);
      const pdf = await win.webContents.printToPDF({
        pageSize: PDF_PAGE.format,
        printBackground: true,
        preferCSSPageSize: true,
        margins: { top: 0.63, bottom: 0.63, left: 0.63, right: 0.63 },
      });
      return new Uint8Array(pdf);
    } catch (err) {
      if (err instanceof CodedError) throw err;
      throw new CodedError('E_EXPORT_FAILED', `The report could not be printed to PDF (${String(err).slice(0, 200)}); nothing was written.`);
    } finally {
      win?.destroy();
      page.remove();
    }
  };
}
