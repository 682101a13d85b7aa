/**
 * Registers one IPC handler per contract method on a window's own `webContents.ipc`, checking
 * the sender frame before anything else. Takes Electron objects through small interfaces so it
 * is unit-tested with fakes.
 */
import { INVOKE_METHODS, invokeChannel, type Handlers } from '../shared/contract';
import { fail } from '../shared/result';
import { dispatch } from './dispatch';

export interface SenderFrameLike {
  readonly url: string;
}
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}
export interface IpcLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** The renderer is served from app://framescope/ only; any other frame is refused. */
export const APP_ORIGIN = 'app://framescope';

export function isTrustedFrameUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function registerIpcHandlers(
  ipc: IpcLike,
  handlers: Handlers,
  isTrustedSender: (event: InvokeEventLike) => boolean = (e) =>
    e.senderFrame !== null && isTrustedFrameUrl(e.senderFrame.url),
): () => void {
  for (const method of INVOKE_METHODS) {
    ipc.handle(invokeChannel(method), async (event, ...args) => {
      if (!isTrustedSender(event)) return fail('E_FORBIDDEN_SENDER');
      if (args.length > 1) return fail('E_INVALID_PAYLOAD', `${method} takes at most one argument.`);
      return dispatch(handlers, method, args[0]);
    });
  }
  return () => {
    for (const method of INVOKE_METHODS) ipc.removeHandler(invokeChannel(method));
  };
}
