/**
 * The folder manifest: the user's own statement of each file's outlet, title, date, URL and
 * event. It wins over front matter and over anything inferred from the text. It is JSON
 * (`manifest.json`, preferred) or CSV (`manifest.csv`, one row per file with a header naming the
 * columns file, outlet, title, date, url, event). Unknown fields are kept so a later save loses
 * nothing.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_CSV = 'manifest.csv';
export const MANIFEST_FILES: readonly string[] = [MANIFEST_FILE, MANIFEST_CSV];

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'not a calendar date');

export const manifestEntrySchema = z
  .object({
    file: z.string().min(1),
    outlet: z.string().min(1).optional(),
    title: z.string().min(1).optional(),
    date: isoDate.optional(),
    url: z.url().optional(),
    event: z.string().min(1).optional(),
  })
  .loose();

export const manifestEventSchema = z.object({ id: z.string().min(1), name: z.string().min(1) }).loose();

export const manifestSchema = z
  .object({
    manifestVersion: z.literal(1),
    articles: z.array(manifestEntrySchema),
    events: z.array(manifestEventSchema).optional(),
  })
  .loose();

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type ManifestEvent = z.infer<typeof manifestEventSchema>;
export type Manifest = z.infer<typeof manifestSchema>;

export type ManifestParse =
  | { readonly ok: true; readonly manifest: Manifest }
  | { readonly ok: false; readonly message: string };

function describeIssue(name: string, error: z.ZodError, json: unknown): string {
  const issue = error.issues[0];
  if (!issue) return `${name}: invalid`;
  // Name the entry by its file, which is what the user sees, not only by its index.
  let where = issue.path.join('.');
  if (issue.path[0] === 'articles' && typeof issue.path[1] === 'number') {
    const entry = (json as { articles?: unknown[] }).articles?.[issue.path[1]] as { file?: unknown } | undefined;
    if (typeof entry?.file === 'string') where = `${where} (${entry.file})`;
  }
  return `${name}: ${where ? `${where}: ` : ''}${issue.message}`;
}

/** Parses manifest JSON text; the message names the entry and field that is wrong. */
export function parseManifest(text: string): ManifestParse {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, message: `${MANIFEST_FILE} is not valid JSON: ${(err as Error).message}` };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: describeIssue(MANIFEST_FILE, parsed.error, json) };
  const seen = new Set<string>();
  for (const entry of parsed.data.articles) {
    if (seen.has(entry.file)) return { ok: false, message: `${MANIFEST_FILE}: ${entry.file} is listed twice.` };
    seen.add(entry.file);
  }
  return { ok: true, manifest: parsed.data };
}

const CSV_FIELDS = ['file', 'outlet', 'title', 'date', 'url', 'event'] as const;

/** Reads `manifest.csv` rows into the JSON manifest shape (empty cells are absent fields). */
export function parseManifestCsv(text: string): ManifestParse {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (err) {
    return { ok: false, message: `${MANIFEST_CSV} is not valid CSV: ${(err as Error).message}` };
  }
  if (rows.length > 0 && !Object.prototype.hasOwnProperty.call(rows[0], 'file')) {
    return { ok: false, message: `${MANIFEST_CSV}: the first row must name the columns, including "file" (also outlet, title, date, url, event).` };
  }
  const articles = rows.map((row) => {
    const entry: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) if (v !== '') entry[k] = v;
    return entry;
  });
  const json = { manifestVersion: 1, articles };
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const row = typeof issue?.path[1] === 'number' ? issue.path[1] + 2 : null;
    const field = issue?.path[2];
    return {
      ok: false,
      message: `${MANIFEST_CSV}: ${row !== null ? `row ${String(row)}` : ''}${typeof field === 'string' ? ` column ${field}` : ''}: ${issue?.message ?? 'invalid'}`,
    };
  }
  return { ok: true, manifest: parsed.data };
}

export { CSV_FIELDS };
