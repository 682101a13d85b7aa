/**
 * Runtime schemas for every contract payload. The main process (and the browser-mode server)
 * parse each request with these before any handler runs. Typed against the contract, so a
 * method without a schema, or a schema that disagrees with the declared request type, fails
 * `typecheck`.
 */
import { z } from 'zod';
import type { InvokeMethod, RequestMap } from './contract';

export const REQUEST_SCHEMAS = {
  getAnalysis: z.undefined(),
  getArticle: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'an article id is a sha256 hex digest') }).strict(),
  getEvidence: z
    .object({
      key: z.string().min(1).max(4096),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    })
    .strict(),
  openFolder: z.undefined(),
  openSeeds: z.undefined(),
  openExternal: z.object({ url: z.string().min(1).max(2048) }).strict(),
} as const satisfies { readonly [M in InvokeMethod]: z.ZodType<RequestMap[M]> };
