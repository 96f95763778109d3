/**
 * Browser mode: the built renderer and the same API contract over HTTP on 127.0.0.1, for
 * end-to-end tests, screenshots, benchmarks and trying the app with `npm run web`. Never
 * started by the desktop app.
 *
 * Only this machine can reach it (bound to 127.0.0.1), and only the page that was given the
 * per-run token can call the API: requests without the token, from another origin or for
 * another host name are refused before anything is parsed.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../api/dispatch';
import { openApi } from '../api/open';
import { serveStaticFile } from '../protocol';
import { CONTENT_SECURITY_POLICY } from '../security';

export const TOKEN_HEADER = 'x-backchain-token';
const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface WebServerOptions {
  dataDir: string;
  rendererDir: string;
  port?: number;
  token?: string;
  appVersion?: string;
  now?: () => Date;
  log?: (error: unknown) => void;
}

export interface RunningWebServer {
  url: string;
  /** The URL to open: it hands the page its token once. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const { ctx, close: closeApi } = await openApi({
    dataDir: options.dataDir,
    mode: 'browser',
    appVersion: options.appVersion ?? '0.0.0',
    now: options.now,
  });
  let origin = '';
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!(error instanceof HttpError)) (options.log ?? console.error)(error);
      if (!res.headersSent) {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ ok: false, error: { code: status === 403 ? 'forbidden' : 'invalid_input', message: (error as Error).message } }));
      } else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) throw new HttpError(403, 'Unknown host.');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST.');
      const requestOrigin = req.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== origin) throw new HttpError(403, 'Requests from other sites are refused.');
      const fetchSite = req.headers['sec-fetch-site'];
      if (fetchSite !== undefined && fetchSite !== 'same-origin') throw new HttpError(403, 'Requests from other sites are refused.');
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) throw new HttpError(403, 'Missing or wrong token. Open the address printed by `npm run web`.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'Send JSON.');
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const body = await readJsonBody(req);
      const response = await dispatch(ctx, method, body, options.log);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(response));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Use GET.');
    const file = await serveStaticFile(options.rendererDir, url.pathname);
    const headers: Record<string, string> = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    file.headers.forEach((value, key) => (headers[key] = value));
    res.writeHead(file.status, headers);
    res.end(req.method === 'HEAD' ? undefined : Buffer.from(await file.arrayBuffer()));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: origin,
    openUrl: `${origin}/?token=${token}`,
    token,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      closeApi();
    },
  };
}
