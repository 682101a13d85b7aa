/**
 * Validates and dispatches one contract call. Both transports (Electron IPC and browser-mode
 * HTTP) go through here, so every payload is parsed by the contract's schema before a handler
 * sees it, and every answer is a result envelope.
 */
import { INVOKE_METHODS, type Handlers, type InvokeMethod } from '../shared/contract';
import { REQUEST_SCHEMAS } from '../shared/schemas';
import { fail, toFailure, type Result } from '../shared/result';

export function isInvokeMethod(value: string): value is InvokeMethod {
  return (INVOKE_METHODS as readonly string[]).includes(value);
}

export async function dispatch(
  handlers: Handlers,
  method: string,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isInvokeMethod(method)) return fail('E_UNKNOWN_METHOD', `No method “${method.slice(0, 80)}” in the contract.`);
  const parsed = REQUEST_SCHEMAS[method].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
    return fail('E_INVALID_PAYLOAD', `Invalid request for ${method}${where}: ${issue?.message ?? 'rejected'}.`);
  }
  try {
    // The schema table and the handler table are keyed by the same methods; TypeScript cannot
    // correlate the two lookups, so the call goes through a widened signature.
    const handler = handlers[method] as (request: unknown) => Promise<Result<unknown>>;
    return await handler(parsed.data);
  } catch (err) {
    return toFailure(err);
  }
}
