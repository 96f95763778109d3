import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, CONTENT_SECURITY_POLICY } from './security';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * Serve the built renderer at app://backchain/ instead of file:// so the page has a real origin,
 * the CSP travels as a header, and nothing outside the renderer folder can be read.
 */
export async function serveRendererFile(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  return serveStaticFile(rendererDir, url.pathname);
}

/** A file of the built renderer by URL path, never anything outside `rendererDir`. */
export async function serveStaticFile(rendererDir: string, urlPath: string): Promise<Response> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath).replace(/^\/+/, '') || 'index.html';
  } catch {
    return new Response('Not found', { status: 404 });
  }
  const file = path.resolve(rendererDir, relative);
  if (!file.startsWith(path.resolve(rendererDir) + path.sep)) return new Response('Not found', { status: 404 });
  try {
    const body = await fs.readFile(file);
    return new Response(body, {
      headers: {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
