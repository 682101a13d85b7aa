/**
 * The folder manifest: the user's own statement of each file's outlet, title and date. It wins
 * over anything inferred from the text. Unknown fields are kept so a later save loses nothing.
 */
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a calendar date');

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

export const manifestSchema = z
  .object({
    manifestVersion: z.literal(1),
    articles: z.array(manifestEntrySchema),
  })
  .loose();

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

export type ManifestParse =
  | { readonly ok: true; readonly manifest: Manifest }
  | { readonly ok: false; readonly message: string };

/** Parses manifest text; the message names the entry and field that is wrong. */
export function parseManifest(text: string): ManifestParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `${MANIFEST_FILE} is not valid JSON: ${(err as Error).message}` };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return {
      ok: false,
      message: `${MANIFEST_FILE}: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`,
    };
  }
  return { ok: true, manifest: parsed.data };
}
