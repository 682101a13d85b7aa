/**
 * Result envelopes and the one registry of error codes.
 *
 * Electron reduces a thrown error to its message when it crosses IPC, so every answer from the
 * main process (or the browser-mode server) is an envelope carrying a stable code that the
 * renderer can act on and a message a person can read.
 */

export const ERROR_CODES = {
  E_INVALID_PAYLOAD: 'The request did not match the contract.',
  E_FORBIDDEN_SENDER: 'The request came from a frame that is not the Framescope window.',
  E_UNAUTHORIZED: 'The request did not carry this session’s token.',
  E_UNKNOWN_METHOD: 'No such method in the contract.',
  E_NOT_READY: 'No analysis has been loaded yet.',
  E_NOT_FOUND: 'No such article in the open folder.',
  E_STALE: 'The file changed since it was analysed.',
  E_CANCELLED: 'The user cancelled.',
  E_UNSUPPORTED: 'Not available in this mode.',
  E_FOLDER_UNREADABLE: 'The folder could not be read.',
  E_MANIFEST_INVALID: 'The folder’s manifest is not valid.',
  E_URL_REFUSED: 'Only https links can be opened.',
  E_EXPORT_EXISTS: 'A file with that name already exists.',
  E_EXPORT_FOLDER: 'The export folder cannot be written to.',
  E_EXPORT_NAME: 'The file name is not safe.',
  E_EXPORT_FAILED: 'The export failed; nothing was written.',
  E_PIPELINE_INVALID: 'The analysis pipeline is not put together correctly.',
  E_LEXICON_INVALID: 'A lexicon pack is not valid.',
  E_REFERENCE_INVALID: 'The reference series is not valid.',
  E_INTERNAL: 'Something went wrong inside Framescope.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message?: string): Result<T> {
  return { ok: false, error: { code, message: message ?? ERROR_CODES[code] } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

/** An error that knows its code; thrown inside the engine and turned into an envelope at the edge. */
export class CodedError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? ERROR_CODES[code]);
    this.code = code;
    this.name = 'CodedError';
  }
}

/** Turns anything thrown into an envelope without leaking stack traces to the renderer. */
export function toFailure<T = never>(err: unknown): Result<T> {
  if (err instanceof CodedError) return fail(err.code, err.message);
  return fail('E_INTERNAL');
}
