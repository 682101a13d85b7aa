/**
 * Runtime schemas for every contract payload. The main process (and the browser-mode server)
 * parse each request with these before any handler runs. Typed against the contract, so a
 * method without a schema, or a schema that disagrees with the declared request type, fails
 * `typecheck`.
 */
import { z } from 'zod';
import type { InvokeMethod, RequestMap } from './contract';

const articleId = z.string().regex(/^[0-9a-f]{64}$/, 'an article id is a sha256 hex digest');

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
} as const satisfies { readonly [M in InvokeMethod]: z.ZodType<RequestMap[M]> };
