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
import fs from 'node:fs';
import { dispatch, UNEXPECTED_ERROR_MESSAGE } from '../api/dispatch';
import { openApi } from '../api/open';
import { TRANSFER_ID_PATTERN, UploadTooLargeError } from '../files/transfers';
import { MAX_BACKUP_UPLOAD_BYTES } from '../services/backups';
import { serveStaticFile } from '../protocol';
import { CONTENT_SECURITY_POLICY } from '../security';

export const TOKEN_HEADER = 'x-backchain-token';
/** An upload's original file name (URI-encoded) and last-modified time (ISO), sent as headers. */
export const FILE_NAME_HEADER = 'x-backchain-file-name';
export const FILE_DATE_HEADER = 'x-backchain-file-date';
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

/** The method named in /api/<name>: percent-escapes that do not decode are a bad request, not a crash. */
function decodeMethodName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'The action name in the address is not valid.');
  }
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
        // An HttpError's message is ours; anything else is logged above and told as a plain sentence.
        const message = error instanceof HttpError ? error.message : UNEXPECTED_ERROR_MESSAGE;
        const code = status === 403 ? 'forbidden' : status === 404 ? 'not_found' : status === 500 ? 'internal' : 'invalid_input';
        res.end(JSON.stringify({ ok: false, error: { code, message } }));
      } else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) throw new HttpError(403, 'Unknown host.');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/files/')) {
      const requestOrigin = req.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== origin) throw new HttpError(403, 'Requests from other sites are refused.');
      const fetchSite = req.headers['sec-fetch-site'];
      if (fetchSite !== undefined && fetchSite !== 'same-origin') throw new HttpError(403, 'Requests from other sites are refused.');
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) throw new HttpError(403, 'Missing or wrong token. Open the address printed by `npm run web`.');
    }
    if (url.pathname.startsWith('/files/')) {
      await handleFile(req, res, url);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'Send JSON.');
      const method = decodeMethodName(url.pathname.slice('/api/'.length));
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

  /**
   * Files that do not fit a JSON call: POST /files/upload (the bytes of a backup the page is
   * restoring; answered with its upload id) and GET /files/download/<id> (a backup made by
   * backups.create, sent once and then deleted). Same token and origin checks as the API.
   */
  async function handleFile(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/files/upload') {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) throw new HttpError(415, 'Send the file as application/octet-stream.');
      let fileName: string;
      try {
        fileName = decodeURIComponent(String(req.headers[FILE_NAME_HEADER] ?? 'upload')).replace(/\p{Cc}/gu, '').slice(0, 200) || 'upload';
      } catch {
        throw new HttpError(400, 'The file name header is not valid.');
      }
      const dateHeader = String(req.headers[FILE_DATE_HEADER] ?? '');
      const fileDate = dateHeader && !Number.isNaN(Date.parse(dateHeader)) ? new Date(dateHeader).toISOString() : null;
      let uploadId: string;
      try {
        uploadId = (await ctx.transfers.receive(req, { fileName, fileDate }, MAX_BACKUP_UPLOAD_BYTES)).id;
      } catch (error) {
        if (error instanceof UploadTooLargeError) throw new HttpError(413, error.message);
        throw error;
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ ok: true, value: { uploadId } }));
      return;
    }
    const download = /^\/files\/download\/([^/]+)$/.exec(url.pathname);
    if (download) {
      if (req.method !== 'GET') throw new HttpError(405, 'Use GET.');
      const id = download[1] ?? '';
      const entry = TRANSFER_ID_PATTERN.test(id) ? ctx.transfers.take(id, 'download') : null;
      if (!entry) throw new HttpError(404, 'That file is no longer waiting to be downloaded; make it again.');
      const size = fs.statSync(entry.path).size;
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(size),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(entry.fileName)}`,
        'cache-control': 'no-store',
      });
      await new Promise<void>((resolve, reject) => {
        const stream = fs.createReadStream(entry.path);
        stream.on('error', reject);
        res.on('close', () => resolve());
        stream.pipe(res);
      });
      fs.rmSync(entry.path, { force: true });
      return;
    }
    throw new HttpError(404, 'Not found.');
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
