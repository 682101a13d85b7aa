/**
 * Runtime schemas for every contract payload. The main process (and the browser-mode server)
 * parse each request with these before any handler runs. Typed against the contract, so a
 * method without a schema, or a schema that disagrees with the declared request type, fails
 * `typecheck`.
 */
import { z } from 'zod';
import type { InvokeMethod, RequestMap } from './contract';
import { DATA_TABLES, EXPORT_FORMATS } from './exporting';
import { MAX_FIGURE_PAGE } from './figures';

const articleId = z.string().regex(/^[0-9a-f]{64}$/, 'an article id is a sha256 hex digest');

/** The largest file an export request may carry (a 3× PNG of a big chart, a report with images). */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;
/** Base64 of MAX_EXPORT_BYTES. */
const MAX_EXPORT_BASE64 = Math.ceil(MAX_EXPORT_BYTES / 3) * 4;
/** A proposed file name: the main process sanitises it; control characters are refused outright. */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const suggestedName = z.string().trim().min(1).max(200).regex(/^[^\u0000-\u001f\u007f]*$/, 'a file name has no control characters');
const exportText = z.string().max(MAX_EXPORT_BYTES, 'an export is at most 64 MB');
const exportBase64 = z
  .string()
  .min(1)
  .max(MAX_EXPORT_BASE64, 'an export is at most 64 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the content is not base64')
  .refine((b) => b.length % 4 === 0, 'the content is not base64 (length)');

export const REQUEST_SCHEMAS = {
  getAnalysis: z.undefined(),
  getArticle: z.object({ id: articleId }).strict(),
  getEvidence: z
    .object({
      key: z.string().min(1).max(4096),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    })
    .strict(),
  getEventTables: z.object({ eventId: z.string().min(1).max(200) }).strict(),
  getFigures: z
    .object({
      analysedAt: z.iso.datetime({ message: 'analysedAt is the snapshot’s ISO timestamp' }),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(MAX_FIGURE_PAGE).optional(),
    })
    .strict(),
  openFolder: z.undefined(),
  openSeeds: z.undefined(),
  openExternal: z.object({ url: z.string().min(1).max(2048) }).strict(),
  saveCorrections: z
    .object({
      renameOutlets: z.array(z.object({ from: z.string().min(1).max(200), to: z.string().trim().min(1).max(200) }).strict()).max(500).optional(),
      articles: z
        .array(
          z
            .object({
              id: articleId,
              outlet: z.string().trim().min(1).max(200).nullable().optional(),
              title: z.string().trim().min(1).max(500).nullable().optional(),
              date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD').nullable().optional(),
              event: z.string().trim().min(1).max(200).nullable().optional(),
            })
            .strict(),
        )
        .max(20_000)
        .optional(),
      events: z.array(z.object({ id: z.string().min(1).max(200), name: z.string().trim().min(1).max(200).nullable() }).strict()).max(5000).optional(),
    })
    .strict(),
  saveExport: z
    .object({
      suggestedName,
      format: z.enum(EXPORT_FORMATS),
      content: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('text'), text: exportText }).strict(),
        z.object({ kind: z.literal('base64'), base64: exportBase64 }).strict(),
      ]),
    })
    .strict(),
  exportPdf: z.object({ suggestedName, html: exportText.min(1) }).strict(),
  exportData: z.object({ suggestedName, format: z.enum(['csv', 'json']), table: z.enum(DATA_TABLES).optional() }).strict(),
} as const satisfies { readonly [M in InvokeMethod]: z.ZodType<RequestMap[M]> };
