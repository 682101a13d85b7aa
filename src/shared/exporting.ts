/**
 * Exports: the shapes shared by the renderer (charts, reports), the main process (saving, PDF,
 * data tables) and the command line (which drives the same renderer in headless Chromium).
 * Plain data only.
 */

/** Every file format Framescope writes. */
export const EXPORT_FORMATS = ['csv', 'json', 'html', 'pdf', 'png', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  png: 'image/png',
  svg: 'image/svg+xml',
};

/** The data tables of a data export, one CSV file each (and one key each in the JSON export). */
export const DATA_TABLES = ['articles', 'sentences', 'labels', 'attribution', 'figures', 'quotes', 'topics', 'events', 'omissions'] as const;
export type DataTable = (typeof DATA_TABLES)[number];

/** Pixel ratios offered for PNG exports. */
export const PNG_SCALES = [1, 2, 3] as const;
export type PngScale = (typeof PNG_SCALES)[number];

/** "current" exports in the theme on screen; "light" forces the light theme (for print). */
export type ExportTheme = 'current' | 'light';

/** A file the renderer made (chart image, HTML report), to be saved by the main process. */
export interface SaveExportRequest {
  /** File name proposed in the save dialog; the main process sanitises it. */
  readonly suggestedName: string;
  readonly format: ExportFormat;
  readonly content: { readonly kind: 'text'; readonly text: string } | { readonly kind: 'base64'; readonly base64: string };
}

/** The whole comparison as a PDF: the main process prints the report HTML and saves it. */
export interface ExportPdfRequest {
  readonly suggestedName: string;
  /** The self-contained report HTML (no scripts, no remote resources). */
  readonly html: string;
}

/** The data of the open analysis, built by the main process. */
export interface ExportDataRequest {
  readonly suggestedName: string;
  readonly format: 'csv' | 'json';
  /** For CSV: the one table to write. JSON always holds every table. */
  readonly table?: DataTable | undefined;
}

/**
 * What happened to an export. In the desktop app the main process asked where to save and wrote
 * the file; in browser mode there is no native dialog, so the reply carries the bytes and the
 * page hands them to the browser's own download.
 */
export interface SaveExportOutcome {
  /** False when the user closed the save dialog. */
  readonly saved: boolean;
  /** The file written (desktop app). */
  readonly file?: string | undefined;
  /** The file to download (browser mode). */
  readonly download?: { readonly name: string; readonly mime: string; readonly base64: string } | undefined;
}

export interface ChartExportOptions {
  readonly theme: ExportTheme;
}

/** A chart the dashboard can export, as listed by the automation hook. */
export interface ExportableChart {
  readonly id: string;
  readonly title: string;
  /** The dashboard view (tab) that shows it. */
  readonly view: string;
}

/**
 * What the renderer exposes as `window.framescopeExport` for the command line, which opens the
 * dashboard in headless Chromium and asks it for the same files the export menus save.
 */
export interface ExportHook {
  /** Every chart of every view, in dashboard order. */
  charts(): Promise<readonly ExportableChart[]>;
  chartSvg(id: string, options: ChartExportOptions): Promise<string>;
  /** The PNG as base64. */
  chartPng(id: string, options: ChartExportOptions & { readonly scale: PngScale }): Promise<string>;
  /** The self-contained HTML report of the whole comparison. */
  reportHtml(options: ChartExportOptions): Promise<string>;
}

export const EXPORT_HOOK_NAME = 'framescopeExport';

/** A name safe on every file system: no separators, control or reserved characters, no leading dots. */
export function safeFileName(name: string, extension: ExportFormat): string {
  const base = name
    .normalize('NFC')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .replace(/\s+/g, ' ')
    .slice(0, 120);
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base);
  return `${base === '' || reserved ? 'framescope-export' : base}.${extension}`;
}
