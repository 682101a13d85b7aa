import { describe, expect, it, vi } from 'vitest';
import { INVOKE_METHODS, invokeChannel, type Handlers } from '../../src/shared/contract';
import { ok } from '../../src/shared/result';
import type { AnalysisSnapshot } from '../../src/shared/model';
import { isTrustedFrameUrl, registerIpcHandlers, type InvokeEventLike, type IpcLike } from '../../src/main/ipc';

const snapshot = { articles: [] } as unknown as AnalysisSnapshot;

function fakeIpc() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcLike = {
    handle: (channel, listener) => handlers.set(channel, listener),
    removeHandler: (channel) => handlers.delete(channel),
  };
  return { ipc, handlers };
}

function fakeHandlers(): Handlers {
  return {
    getAnalysis: vi.fn(() => Promise.resolve(ok(snapshot))),
    getArticle: vi.fn(() => Promise.reject(new Error('not used'))),
    getEvidence: vi.fn(() => Promise.reject(new Error('not used'))),
    getEventTables: vi.fn(() => Promise.reject(new Error('not used'))),
    getFigures: vi.fn(() => Promise.reject(new Error('not used'))),
    saveCorrections: vi.fn(() => Promise.reject(new Error('not used'))),
    openFolder: vi.fn(() => Promise.resolve(ok({ opened: false, snapshot: null }))),
    openSeeds: vi.fn(() => Promise.resolve(ok(snapshot))),
    openExternal: vi.fn(() => Promise.resolve(ok({ opened: true }))),
    saveExport: vi.fn(() => Promise.resolve(ok({ saved: false }))),
    exportPdf: vi.fn(() => Promise.resolve(ok({ saved: false }))),
    exportData: vi.fn(() => Promise.resolve(ok({ saved: false }))),
  };
}

const trusted: InvokeEventLike = { senderFrame: { url: 'app://framescope/index.html' } };

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract method and removes them all', () => {
    const { ipc, handlers } = fakeIpc();
    const dispose = registerIpcHandlers(ipc, fakeHandlers());
    expect([...handlers.keys()].sort()).toEqual(INVOKE_METHODS.map(invokeChannel).sort());
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('answers trusted frames with the handler result', async () => {
    const { ipc, handlers } = fakeIpc();
    const h = fakeHandlers();
    registerIpcHandlers(ipc, h);
    const result = await handlers.get(invokeChannel('getAnalysis'))?.(trusted);
    expect(result).toEqual({ ok: true, value: snapshot });
  });

  it.each([
    ['a remote page', { senderFrame: { url: 'https://evil.example/' } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/x.html' } }],
    ['a look-alike host', { senderFrame: { url: 'app://framescope.evil/' } }],
    ['a destroyed frame', { senderFrame: null }],
  ] as const)('refuses %s with E_FORBIDDEN_SENDER and never calls the handler', async (_name, event) => {
    const { ipc, handlers } = fakeIpc();
    const h = fakeHandlers();
    registerIpcHandlers(ipc, h);
    const result = await handlers.get(invokeChannel('openSeeds'))?.(event);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN_SENDER' } });
    expect(h.openSeeds).not.toHaveBeenCalled();
  });

  it('validates payloads before the handler sees them', async () => {
    const { ipc, handlers } = fakeIpc();
    const h = fakeHandlers();
    registerIpcHandlers(ipc, h);
    const bad = await handlers.get(invokeChannel('openExternal'))?.(trusted, { url: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'E_INVALID_PAYLOAD' } });
    const extra = await handlers.get(invokeChannel('getAnalysis'))?.(trusted, 'unexpected');
    expect(extra).toMatchObject({ ok: false, error: { code: 'E_INVALID_PAYLOAD' } });
    const many = await handlers.get(invokeChannel('openExternal'))?.(trusted, { url: 'https://a.b' }, 'more');
    expect(many).toMatchObject({ ok: false, error: { code: 'E_INVALID_PAYLOAD' } });
    expect(h.openExternal).not.toHaveBeenCalled();
    expect(h.getAnalysis).not.toHaveBeenCalled();
  });

  it('turns a thrown error into an E_INTERNAL envelope without leaking its message', async () => {
    const { ipc, handlers } = fakeIpc();
    const h = { ...fakeHandlers(), getAnalysis: () => Promise.reject(new Error('secret path /home/x')) };
    registerIpcHandlers(ipc, h);
    const result = await handlers.get(invokeChannel('getAnalysis'))?.(trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret');
  });
});

describe('isTrustedFrameUrl', () => {
  it.each([
    ['app://framescope/index.html', true],
    ['app://framescope/', true],
    ['app://other/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isTrustedFrameUrl(url)).toBe(expected);
  });
});
