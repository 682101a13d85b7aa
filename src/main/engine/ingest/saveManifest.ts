/**
 * Saving the user's corrections (outlet names, dates, titles, URLs, event assignment and event
 * names) to the folder's manifest: the ONLY write Framescope makes in an article folder, and only
 * when the user saves. The file is replaced atomically (safeWrite: temporary file, then rename);
 * every other entry and every field Framescope does not know is kept as it was.
 */
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { CodedError } from '../../../shared/result';
import { writeFileSafely } from '../../files/safeWrite';
import { errnoCode, nodeFs, type IngestFs } from './fsLayer';
import { CSV_FIELDS, MANIFEST_CSV, MANIFEST_FILE, manifestSchema, type Manifest } from './manifest';

/** One article's corrections: a string sets the field, null removes it, absent leaves it. */
export interface ArticleEdit {
  readonly file: string;
  readonly outlet?: string | null;
  readonly title?: string | null;
  readonly date?: string | null;
  readonly url?: string | null;
  readonly event?: string | null;
}

export interface ManifestEdits {
  readonly articles?: readonly ArticleEdit[];
  /** Renames an outlet in every manifest entry that names it (e.g. merging two spellings). */
  readonly renameOutlets?: readonly { readonly from: string; readonly to: string }[];
  /** Names events (adding them when new); a null name removes the event definition. */
  readonly events?: readonly { readonly id: string; readonly name: string | null }[];
}

export interface SaveResult {
  readonly file: string;
  readonly manifest: Manifest;
}

const EDIT_FIELDS = ['outlet', 'title', 'date', 'url', 'event'] as const;
type Json = Record<string, unknown>;

function checkFile(file: string): string {
  const f = file.replace(/\\/g, '/');
  if (!f || f.startsWith('/') || /^[a-z]:/i.test(f) || f.split('/').some((part) => part === '..' || part === '')) {
    throw new CodedError('E_MANIFEST_INVALID', `“${file}” is not a file inside the folder.`);
  }
  return f;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Applies edits to a manifest held as plain JSON, keeping unknown fields and entry order. */
export function applyEdits(current: Json, edits: ManifestEdits): Json {
  const next: Json = { ...current, manifestVersion: current.manifestVersion ?? 1 };
  const articles: Json[] = Array.isArray(current.articles) ? current.articles.map((a) => (isObject(a) ? { ...a } : a) as Json) : [];
  for (const rename of edits.renameOutlets ?? []) {
    const to = rename.to.trim();
    if (!to) throw new CodedError('E_MANIFEST_INVALID', `An outlet cannot be renamed to an empty name.`);
    for (const a of articles) if (a.outlet === rename.from) a.outlet = to;
  }
  for (const edit of edits.articles ?? []) {
    const file = checkFile(edit.file);
    let entry = articles.find((a) => a.file === file);
    if (!entry) {
      entry = { file };
      articles.push(entry);
    }
    for (const key of EDIT_FIELDS) {
      const value = edit[key];
      if (value === undefined) continue;
      if (value === null || value.trim() === '') Reflect.deleteProperty(entry, key);
      else entry[key] = value.trim();
    }
  }
  next.articles = articles;
  if (edits.events && edits.events.length > 0) {
    const events: Json[] = Array.isArray(current.events) ? current.events.map((e) => (isObject(e) ? { ...e } : e) as Json) : [];
    for (const ev of edits.events) {
      const at = events.findIndex((e) => e.id === ev.id);
      if (ev.name === null) {
        if (at >= 0) events.splice(at, 1);
      } else if (at >= 0) {
        const existing = events[at];
        if (existing) existing.name = ev.name.trim();
      } else {
        events.push({ id: ev.id, name: ev.name.trim() });
      }
    }
    next.events = events;
  }
  return next;
}

function validate(json: Json, file: string): Manifest {
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CodedError('E_MANIFEST_INVALID', `Not saved: ${file} would not be valid (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`);
  }
  return parsed.data;
}

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n\r]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function readIfExists(fs: IngestFs, file: string): Promise<string | null> {
  try {
    return new TextDecoder('utf-8').decode(await fs.readFile(file));
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null;
    throw new CodedError('E_MANIFEST_INVALID', `${path.basename(file)} could not be read (${errnoCode(err)}); nothing was saved.`);
  }
}

/**
 * Writes the edits into `<folder>/manifest.json` (or `manifest.csv` when that is the folder's
 * only manifest), atomically. Refuses, writing nothing, when the existing manifest cannot be
 * parsed (it would lose the user's data) or the result would not be valid.
 */
export async function saveManifest(folder: string, edits: ManifestEdits, fs: IngestFs = nodeFs): Promise<SaveResult> {
  const jsonPath = path.join(folder, MANIFEST_FILE);
  const csvPath = path.join(folder, MANIFEST_CSV);
  const jsonText = await readIfExists(fs, jsonPath);
  const csvText = jsonText === null ? await readIfExists(fs, csvPath) : null;

  if (csvText !== null) {
    let rows: Json[];
    let header: string[] = [];
    try {
      rows = parseCsv(csvText, {
        columns: (h: string[]) => {
          header = h.map((x) => x.trim().toLowerCase());
          return header;
        },
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
      });
    } catch (err) {
      throw new CodedError('E_MANIFEST_INVALID', `${MANIFEST_CSV} is not valid CSV (${(err as Error).message}); fix it first, nothing was saved.`);
    }
    const current: Json = { manifestVersion: 1, articles: rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== ''))) };
    const next = applyEdits(current, { ...edits, events: [] });
    const manifest = validate(next, MANIFEST_CSV);
    const columns = [...header];
    for (const f of CSV_FIELDS) if (!columns.includes(f)) columns.push(f);
    const lines = [columns.map(csvCell).join(',')];
    for (const a of next.articles as Json[]) lines.push(columns.map((c) => csvCell(a[c])).join(','));
    await writeFileSafely(csvPath, `${lines.join('\n')}\n`, { overwrite: true });
    return { file: MANIFEST_CSV, manifest };
  }

  let current: Json = { manifestVersion: 1, articles: [] };
  if (jsonText !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(jsonText.replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new CodedError('E_MANIFEST_INVALID', `${MANIFEST_FILE} is not valid JSON (${(err as Error).message}); fix it first, nothing was saved.`);
    }
    if (!isObject(parsed)) throw new CodedError('E_MANIFEST_INVALID', `${MANIFEST_FILE} is not a JSON object; fix it first, nothing was saved.`);
    current = parsed;
  }
  const next = applyEdits(current, edits);
  const manifest = validate(next, MANIFEST_FILE);
  await writeFileSafely(jsonPath, `${JSON.stringify(next, null, 2)}\n`, { overwrite: jsonText !== null });
  return { file: MANIFEST_FILE, manifest };
}
