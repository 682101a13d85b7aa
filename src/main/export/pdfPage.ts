/** PDF page settings shared by the desktop app's printer and headless Chromium; the report's @page rules win. */
export const PDF_PAGE = { format: 'A4', margin: '16mm' } as const;
