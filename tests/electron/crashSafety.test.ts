/**
 * Crash safety, proven: a child process writes a stream of changes through the real services and
 * is killed with SIGKILL at random moments, again and again on the same squad file. After every
 * kill, every change the child reported as committed is in the file, nothing half-written is,
 * and SQLite's integrity and foreign-key checks pass.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApi } from '@main/api/open';
import { databasePath } from '@main/db/connection';
import { tempDir } from '../support/tempSquad';

const KILLS = 30;
const writerDir = path.resolve('test-output', 'crash-writer');
const writer = path.join(writerDir, 'writer.mjs');
const data = tempDir('backchain-crash-');

beforeAll(async () => {
  // The child is the app's own code, bundled like the browser-mode server (migrations included);
  // it lives under the project so that it finds node_modules/better-sqlite3.
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: path.resolve('tests/support/crashWriter.ts'),
      outDir: writerDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'better-sqlite3', 'electron'],
        output: { format: 'es', entryFileNames: 'writer.mjs', codeSplitting: false },
      },
    },
    ssr: { noExternal: true },
  });
}, 120_000);
afterAll(() => data.cleanup());

/** Seeded so a failure can be replayed (BACKCHAIN_CRASH_SEED). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Run the writer and kill it (SIGKILL) `delayMs` after it is ready (or, if negative, while it is starting). */
function runAndKill(delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, data.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    const kill = () => child.kill('SIGKILL');
    if (delayMs < 0) timer = setTimeout(kill, -delayMs);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (timer === null && out.includes('ready\n')) timer = setTimeout(kill, delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`the writer stopped by itself (code ${code}):\n${err}`));
        return;
      }
      // Only complete lines: a line cut by the kill was not fully reported.
      resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe('crash safety', () => {
  it(`every committed change survives ${KILLS} SIGKILLs at random moments, and the file stays intact`, async () => {
    const seed = Number(process.env.BACKCHAIN_CRASH_SEED ?? Date.now() % 1_000_000);
    const next = random(seed);
    const committed = { created: new Set<number>(), updated: new Set<number>(), archived: new Set<number>(), groups: new Set<number>(), moved: new Set<number>() };
    let maxCreated = 0;
    let writes = 0;

    for (let round = 1; round <= KILLS; round += 1) {
      // Mostly mid-stream; one round in six while the app is still opening the file.
      const delay = next() < 1 / 6 ? -Math.floor(next() * 150) - 1 : Math.floor(next() * 120);
      const lines = await runAndKill(delay);
      for (const line of lines) {
        const [kind, number] = line.split(' ');
        const k = Number(number);
        if (kind === 'C') {
          committed.created.add(k);
          maxCreated = Math.max(maxCreated, k);
        } else if (kind === 'U') committed.updated.add(k);
        else if (kind === 'A') committed.archived.add(k);
        else if (kind === 'G') committed.groups.add(k);
        else if (kind === 'M') committed.moved.add(k);
        if (kind !== 'ready') writes += 1;
      }

      const db = new Database(databasePath(data.dir), { readonly: false });
      try {
        const context = `round ${round}, seed ${seed}, delay ${delay} ms`;
        expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
        expect(db.pragma('foreign_key_check'), context).toEqual([]);
        if (committed.created.size === 0) continue;
        const rows = db.prepare("SELECT family_name AS name, body_mass_kg AS mass, archived_at AS archivedAt, group_id AS groupId FROM athlete WHERE family_name GLOB 'N[0-9]*'").all() as {
          name: string;
          mass: number;
          archivedAt: string | null;
          groupId: number | null;
        }[];
        const byNumber = new Map(rows.map((r) => [Number(r.name.slice(1)), r]));
        const groupIds = new Map((db.prepare("SELECT name, id FROM squad_group WHERE name GLOB 'G[0-9]*'").all() as { name: string; id: number }[]).map((g) => [Number(g.name.slice(1)), g.id]));
        for (const k of committed.created) expect(byNumber.has(k), `${context}: athlete N${k} was reported committed`).toBe(true);
        for (const k of committed.updated) expect(byNumber.get(k)?.mass, `${context}: N${k}'s update`).toBe(100.5);
        for (const k of committed.archived) expect(byNumber.get(k)?.archivedAt, `${context}: N${k}'s archive`).not.toBeNull();
        for (const k of committed.groups) expect(groupIds.has(k), `${context}: group G${k}`).toBe(true);
        for (const k of committed.moved) expect(byNumber.get(k)?.groupId, `${context}: N${k}'s move`).toBe(groupIds.get(k));
        // Nothing beyond the one call that may have been committed without being reported.
        expect(Math.max(...byNumber.keys()), context).toBeLessThanOrEqual(maxCreated + 1);
        // The numbering continues where the committed data ends, so nothing reported is lost by renumbering either.
        for (const k of byNumber.keys()) if (k > maxCreated) maxCreated = k;
      } finally {
        db.close();
      }
    }
    // After the last kill the app opens normally, and every backup the killed runs finished is whole.
    const { ctx, close } = await openApi({ dataDir: data.dir, mode: 'browser', appVersion: 'test', log: () => undefined });
    expect(ctx.status.problem).toBeNull();
    close();
    const backups = fs.readdirSync(path.join(data.dir, 'backups')).filter((f) => f.endsWith('.backchain'));
    expect(backups.length).toBeGreaterThan(0);
    for (const name of backups) {
      const copy = new Database(path.join(data.dir, 'backups', name), { readonly: true });
      expect(copy.pragma('quick_check', { simple: true }), name).toBe('ok');
      copy.close();
    }

    // The test must have exercised something: many kills mid-stream, hundreds of committed writes.
    expect(committed.created.size).toBeGreaterThan(KILLS);
    expect(committed.updated.size + committed.archived.size + committed.moved.size).toBeGreaterThan(10);
    console.log(`crash safety: ${KILLS} kills, ${writes} committed writes checked (seed ${seed})`);
  }, 180_000);
});
