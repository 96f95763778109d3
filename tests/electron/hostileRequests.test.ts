/**
 * Requests that go wrong (issue 11, item 7): an action name in browser mode that does not even
 * decode is a bad request (400), not a crash with a stack in the log; an unexpected failure is
 * logged with its details and told to the page as a plain sentence, never SQLite's own words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, UNEXPECTED_ERROR_MESSAGE } from '@main/api/dispatch';
import { startWebServer, TOKEN_HEADER, type RunningWebServer } from '@main/web/server';
import { openTempSquad, tempDir } from '../support/tempSquad';

const folder = tempDir();
const logged: unknown[] = [];
let server: RunningWebServer;

beforeAll(async () => {
  const renderer = path.join(folder.dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Backchain</title>');
  server = await startWebServer({ dataDir: path.join(folder.dir, 'data'), rendererDir: renderer, token: 'test-token-123', log: (error) => logged.push(error) });
});
afterAll(async () => {
  await server.close();
  folder.cleanup();
});

describe('browser mode: a malformed action name', () => {
  it('answers 400 with a sentence, and logs nothing', async () => {
    for (const name of ['%E0%A4%A', '%', 'athletes.%FF']) {
      const response = await fetch(`${server.url}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'test-token-123' }, body: '{}' });
      expect(response.status, name).toBe(400);
      expect(await response.json()).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The action name in the address is not valid.' } });
    }
    expect(logged).toEqual([]);
  });
});

describe('an unexpected failure', () => {
  it('is logged with its details, and the page reads a plain sentence without SQLite text', async () => {
    const squad = await openTempSquad();
    const errors: unknown[] = [];
    squad.db.exec('DROP TRIGGER athlete_day_new_athlete; CREATE TRIGGER boom AFTER INSERT ON athlete BEGIN SELECT RAISE(ABORT, \'SQLITE internal detail: no such table: secret_table\'); END;');
    const response = await dispatch(squad.ctx, 'athletes.create', { givenName: 'Ana', familyName: 'López' }, (error) => errors.push(error));
    squad.close();
    expect(response).toEqual({ ok: false, error: { code: 'internal', message: UNEXPECTED_ERROR_MESSAGE } });
    expect(UNEXPECTED_ERROR_MESSAGE).not.toMatch(/sqlite|table|athletes\.create/i);
    expect(errors).toHaveLength(1);
    const logged = errors[0] as Error;
    expect(logged.message).toBe('athletes.create failed');
    expect(String((logged.cause as Error).message)).toMatch(/secret_table/);
  });
});
