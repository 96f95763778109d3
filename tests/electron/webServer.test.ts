import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_DATE_HEADER, FILE_NAME_HEADER, startWebServer, TOKEN_HEADER, type RunningWebServer } from '@main/web/server';
import { tempDir } from '../support/tempSquad';

const folder = tempDir();
let server: RunningWebServer;

beforeAll(async () => {
  const renderer = path.join(folder.dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Backchain</title>');
  server = await startWebServer({ dataDir: path.join(folder.dir, 'data'), rendererDir: renderer, token: 'test-token-123', log: () => undefined });
});
afterAll(async () => {
  await server.close();
  folder.cleanup();
});

function api(method: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'test-token-123', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints an address carrying the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.openUrl).toBe(`${server.url}/?token=test-token-123`);
  });

  it('serves the page with the CSP header', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('Backchain');
  });

  it('answers the contract over POST /api/<method> with the token', async () => {
    const created = await (await api('athletes.create', { givenName: 'Ana', familyName: 'López' })).json();
    expect(created).toMatchObject({ ok: true, value: { givenName: 'Ana' } });
    const listed = (await (await api('athletes.list', { status: 'active' })).json()) as { value: unknown[] };
    expect(listed.value).toHaveLength(1);
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    const missing = await fetch(`${server.url}/api/athletes.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(403);
    expect((await api('athletes.list', {}, { [TOKEN_HEADER]: 'test-token-124' })).status).toBe(403);
  });

  /** A raw request, since fetch will not let a test forge Host or Sec-Fetch-* headers. */
  function rawStatus(headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${server.url}/api/athletes.list`,
        { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'test-token-123', ...headers } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end('{}');
    });
  }

  it('refuses requests from another origin, another site or another host name (even with the token)', async () => {
    expect(await rawStatus({})).toBe(200);
    expect(await rawStatus({ origin: 'https://evil.example' })).toBe(403);
    expect(await rawStatus({ 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(await rawStatus({ host: 'evil.example' })).toBe(403);
    expect(await rawStatus({ host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` })).toBe(403);
  });

  it('explains bad requests without crashing', async () => {
    expect((await api('athletes.list', '{not json')).status).toBe(400);
    const unknown = await (await api('athletes.drop', {})).json();
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const invalid = await (await api('athletes.create', { givenName: '' })).json();
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await fetch(`${server.url}/api/athletes.list`, { headers: { [TOKEN_HEADER]: 'test-token-123' } })).status).toBe(405);
  });

  it('downloads a backup made by Back up now once, and only with the token', async () => {
    const saved = (await (await api('backups.create', {})).json()) as { value: { outcome: string; downloadId: string; fileName: string; sizeBytes: number } };
    expect(saved.value.outcome).toBe('download');
    const url = `${server.url}/files/download/${saved.value.downloadId}`;
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: { [TOKEN_HEADER]: 'test-token-123', origin: 'https://evil.example' } })).status).toBe(403);
    const response = await fetch(url, { headers: { [TOKEN_HEADER]: 'test-token-123' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(saved.value.fileName)}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(saved.value.sizeBytes);
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    // Sent once, then gone; ids that are not ours are simply not found.
    expect((await fetch(url, { headers: { [TOKEN_HEADER]: 'test-token-123' } })).status).toBe(404);
    expect((await fetch(`${server.url}/files/download/..%2F..%2Fsquad.db`, { headers: { [TOKEN_HEADER]: 'test-token-123' } })).status).toBe(404);
  });

  it('accepts an uploaded backup only with the token, then previews it through the API', async () => {
    const saved = (await (await api('backups.create', {})).json()) as { value: { downloadId: string } };
    const bytes = Buffer.from(await (await fetch(`${server.url}/files/download/${saved.value.downloadId}`, { headers: { [TOKEN_HEADER]: 'test-token-123' } })).arrayBuffer());
    const upload = (headers: Record<string, string>, body: Uint8Array = bytes) =>
      fetch(`${server.url}/files/upload`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body });
    expect((await upload({})).status).toBe(403);
    expect((await upload({ [TOKEN_HEADER]: 'test-token-123', origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload({ [TOKEN_HEADER]: 'test-token-123', 'content-type': 'application/json' })).status).toBe(415);
    const answer = (await (await upload({ [TOKEN_HEADER]: 'test-token-123', [FILE_NAME_HEADER]: encodeURIComponent('Équipe 2026.backchain'), [FILE_DATE_HEADER]: '2026-09-06T10:00:00.000Z' })).json()) as {
      ok: boolean;
      value: { uploadId: string };
    };
    expect(answer.ok).toBe(true);
    const preview = (await (await api('backups.inspect', { source: { kind: 'upload', uploadId: answer.value.uploadId } })).json()) as { ok: boolean; value: { preview: { fileName: string; fileDate: string } } };
    expect(preview).toMatchObject({ ok: true, value: { preview: { fileName: 'Équipe 2026.backchain', fileDate: '2026-09-06T10:00:00.000Z' } } });
    // A file that is not a backup is refused with a sentence, and leaves nothing behind.
    const junk = (await (await upload({ [TOKEN_HEADER]: 'test-token-123' }, Buffer.from('hello'))).json()) as { value: { uploadId: string } };
    const refused = (await (await api('backups.inspect', { source: { kind: 'upload', uploadId: junk.value.uploadId } })).json()) as { ok: boolean; error: { message: string } };
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a Backchain backup/) } });
  });
});
