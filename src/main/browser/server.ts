/**
 * Browser mode: a small HTTP server on 127.0.0.1 that serves the built renderer and the same
 * contract as the desktop app, as JSON (POST /api/<method>) plus server-sent events for
 * progress (GET /api/events). Every API call must carry this run's random token, and the Host
 * header must be this server's own, so other local pages and DNS-rebinding tricks are refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TOKEN_HEADER } from '../../shared/contract';
import { fail, type Result } from '../../shared/result';
import { dispatch } from '../dispatch';
import { MAX_EXPORT_BYTES } from '../../shared/schemas';
import { CONTENT_SECURITY_POLICY, mimeType, resolveRendererPath } from '../protocol';
import type { Service } from '../service';
import { knownJson } from '../knownJson';

export interface BrowserServerOptions {
  readonly service: Service;
  readonly rendererDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly token?: string;
}

export interface BrowserServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
/** Exports carry files (up to 64 MB, as base64 inside JSON): these methods may send more. */
const MAX_EXPORT_BODY_BYTES = Math.ceil(MAX_EXPORT_BYTES / 3) * 4 + 64 * 1024;
const LARGE_BODY_METHODS: ReadonlySet<string> = new Set(['saveExport', 'exportPdf']);
/** Browser mode is plain HTTP on loopback only; TLS would add nothing on 127.0.0.1. */
const LOOPBACK_SCHEME = 'http:';

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
} as const;

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  // A value read from its own JSON (a cached snapshot) goes out as those bytes, not serialised again.
  const json = body.ok ? knownJson(body.value) : undefined;
  if (json) {
    res.write('{"ok":true,"value":');
    res.write(json);
    res.end('}');
    return;
  }
  res.end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { service, rendererDir } = options;
  let port = 0;
  const sockets = new Set<import('node:net').Socket>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, fail('E_INTERNAL'));
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, SECURITY_HEADERS).end('Misdirected request');
      return;
    }
    const selfOrigin = `${LOOPBACK_SCHEME}//${host}`;
    const url = new URL(req.url ?? '/', selfOrigin);

    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== selfOrigin) {
        sendJson(res, 403, fail('E_UNAUTHORIZED', 'Cross-origin requests are refused.'));
        return;
      }
      if (url.pathname === '/api/events') {
        if (req.method !== 'GET' || !sameToken(url.searchParams.get('token') ?? undefined, token)) {
          sendJson(res, 401, fail('E_UNAUTHORIZED'));
          return;
        }
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        const off = service.onProgress((progress) => {
          res.write(`event: progress\ndata: ${JSON.stringify(progress)}\n\n`);
        });
        req.on('close', off);
        return;
      }
      const header = req.headers[TOKEN_HEADER];
      if (!sameToken(typeof header === 'string' ? header : undefined, token)) {
        sendJson(res, 401, fail('E_UNAUTHORIZED'));
        return;
      }
      if (req.method !== 'POST') {
        sendJson(res, 405, fail('E_INVALID_PAYLOAD', 'Contract methods are called with POST.'));
        return;
      }
      const method = url.pathname.slice('/api/'.length);
      const body = await readBody(req, LARGE_BODY_METHODS.has(method) ? MAX_EXPORT_BODY_BYTES : MAX_BODY_BYTES);
      if (body === null) {
        sendJson(res, 413, fail('E_INVALID_PAYLOAD', 'Request body too large.'));
        return;
      }
      let payload: unknown;
      try {
        payload = body.trim() ? (JSON.parse(body) as { payload?: unknown }).payload : undefined;
      } catch {
        sendJson(res, 400, fail('E_INVALID_PAYLOAD', 'Request body is not JSON.'));
        return;
      }
      const result = await dispatch(service.handlers, method, payload);
      sendJson(res, 200, result);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const file = resolveRendererPath(rendererDir, url.pathname);
    if (!file) {
      res.writeHead(404, SECURITY_HEADERS).end('Not found');
      return;
    }
    try {
      const data = await readFile(file);
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': mimeType(file), 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : data);
    } catch {
      res.writeHead(404, SECURITY_HEADERS).end('Not found');
    }
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `${LOOPBACK_SCHEME}//127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
