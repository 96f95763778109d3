/**
 * Crash safety, proven: a child process writes a stream of changes through the real services
 * (the roster, plan edits, result entry, re-test entry, and the daily backup of a later day) and
 * is killed with SIGKILL at random moments, again and again on the same squad file; some rounds
 * are killed in the middle of a daily backup. After every kill, every change the child reported
 * as committed is in the file, nothing half-written is, and SQLite's integrity and foreign-key
 * checks pass. At the end the app opens normally, the calendar table equals a full rebuild, and
 * every backup file is whole and has exactly Backchain's schema.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApi } from '@main/api/open';
import { backupsDir, databasePath, openSquadDatabase } from '@main/db/connection';
import { migrations } from '@main/db/migrate';
import { schemaDifferences } from '@main/db/schemaCheck';
import { listBackups } from '@main/services/backups';
import { flushPendingCalendar, refreshCalendar } from '@main/services/plan/calendarStore';
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

/**
 * Run the writer and kill it (SIGKILL) `delayMs` after it is ready (or, if negative, while it is
 * starting), or `delayMs` after it says a daily backup has started (`during: 'backup'`).
 */
function runAndKill(delayMs: number, during: 'stream' | 'backup' = 'stream'): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, data.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    const kill = () => child.kill('SIGKILL');
    if (delayMs < 0) timer = setTimeout(kill, -delayMs);
    const signal = during === 'backup' ? /(^|\n)B \d+\n/ : /(^|\n)ready\n/;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (timer === null && signal.test(out)) timer = setTimeout(kill, delayMs);
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
    const committed = {
      created: new Set<number>(),
      updated: new Set<number>(),
      archived: new Set<number>(),
      groups: new Set<number>(),
      moved: new Set<number>(),
      events: new Set<number>(),
      notes: new Set<number>(),
      results: new Set<number>(),
      retests: new Set<number>(),
    };
    let maxCreated = 0;
    let writes = 0;
    let killedMidBackup = 0;

    for (let round = 1; round <= KILLS; round += 1) {
      // Mostly mid-stream; one round in six while the app is still opening the file (and taking
      // its daily backup); every fourth round just after a daily backup has started.
      const during = round % 4 === 0 ? 'backup' : 'stream';
      const delay = during === 'backup' ? Math.floor(next() * 15) : next() < 1 / 6 ? -Math.floor(next() * 150) - 1 : Math.floor(next() * 120);
      const lines = await runAndKill(delay, during);
      const sets: Record<string, Set<number>> = { U: committed.updated, A: committed.archived, G: committed.groups, M: committed.moved, E: committed.events, P: committed.notes, R: committed.results, T: committed.retests };
      for (const line of lines) {
        const [kind, number] = line.split(' ');
        const k = Number(number);
        if (kind === 'C') {
          committed.created.add(k);
          maxCreated = Math.max(maxCreated, k);
        } else if (kind && sets[kind]) sets[kind].add(k);
        if (kind !== 'ready' && kind !== 'B' && kind !== 'b') writes += 1;
      }
      const lastBackup = lines.filter((l) => /^[Bb] /.test(l)).at(-1);
      if (lastBackup?.startsWith('B ')) killedMidBackup += 1;

      const db = new Database(databasePath(data.dir), { readonly: false });
      try {
        const context = `round ${round}, seed ${seed}, delay ${delay} ms${during === 'backup' ? ' after a backup started' : ''}`;
        expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
        expect(db.pragma('foreign_key_check'), context).toEqual([]);
        if (committed.created.size === 0) continue;
        const rows = db.prepare("SELECT id, family_name AS name, body_mass_kg AS mass, archived_at AS archivedAt, group_id AS groupId FROM athlete WHERE family_name GLOB 'N[0-9]*'").all() as {
          id: number;
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
        // The plan, results and re-tests, each by the athlete it was written for.
        const id = (k: number) => byNumber.get(k)?.id ?? -1;
        const events = new Set(db.prepare("SELECT name FROM calendar_event WHERE name GLOB 'E[0-9]*'").pluck().all() as string[]);
        for (const k of committed.events) expect(events.has(`E${k}`), `${context}: test day E${k}`).toBe(true);
        const note = db.prepare("SELECT note FROM athlete_day_change WHERE athlete_id = ? AND date = '2026-09-08'").pluck();
        for (const k of committed.notes) expect(note.get(id(k)), `${context}: N${k}'s plan note`).toBe(`P${k}`);
        const fatigue = db.prepare("SELECT fatigue FROM wellness_entry WHERE athlete_id = ? AND date = '2026-09-07'").pluck();
        for (const k of committed.results) expect(fatigue.get(id(k)), `${context}: N${k}'s wellness`).toBe(1 + (k % 5));
        const cmj = db.prepare("SELECT e.score FROM test_entry e JOIN test_session s ON s.id = e.session_id WHERE s.label = 'Crash session' AND e.athlete_id = ?").pluck();
        for (const k of committed.retests) expect(cmj.get(id(k)), `${context}: N${k}'s CMJ`).toBe(20 + (k % 50));
        // Nothing beyond the one call that may have been committed without being reported.
        expect(Math.max(...byNumber.keys()), context).toBeLessThanOrEqual(maxCreated + 1);
        // The numbering continues where the committed data ends, so nothing reported is lost by renumbering either.
        for (const k of byNumber.keys()) if (k > maxCreated) maxCreated = k;
        // A backup cut short is only ever a .partial file (with SQLite's journal beside it), never a file that looks like a backup.
        const backupNames = fs.existsSync(backupsDir(data.dir)) ? fs.readdirSync(backupsDir(data.dir)) : [];
        for (const name of backupNames) expect(name, context).toMatch(/\.backchain(\.partial(-journal|-wal|-shm)?)?$/);
      } finally {
        db.close();
      }
    }
    // After the last kill the app opens normally, and every backup the killed runs finished is whole.
    const { ctx, close } = await openApi({ dataDir: data.dir, mode: 'browser', appVersion: 'test', log: () => undefined });
    expect(ctx.status.problem).toBeNull();
    expect(listBackups(ctx).backups.every((b) => b.name.endsWith('.backchain'))).toBe(true);
    close();
    const backups = fs.readdirSync(backupsDir(data.dir)).filter((f) => f.endsWith('.backchain'));
    expect(backups.length).toBeGreaterThan(1);
    for (const name of backups) {
      const copy = new Database(path.join(backupsDir(data.dir), name), { readonly: true });
      expect(copy.pragma('quick_check', { simple: true }), name).toBe('ok');
      expect(schemaDifferences(copy, copy.pragma('user_version', { simple: true }) as number, migrations), name).toEqual([]);
      copy.close();
    }
    // The calendar table (kept by each plan write in its transaction) equals a full rebuild.
    const squadDb = await openSquadDatabase(databasePath(data.dir));
    try {
      const snapshot = () => JSON.stringify(squadDb.prepare('SELECT * FROM athlete_day ORDER BY athlete_id, day').raw().all());
      // What the roster marked for a rebuild is rebuilt first, as any read of the calendar does.
      squadDb.transaction(() => flushPendingCalendar(squadDb))();
      const before = snapshot();
      const athletes = squadDb.prepare('SELECT id FROM athlete').pluck().all() as number[];
      squadDb.transaction(() => refreshCalendar(squadDb, athletes, null))();
      expect(snapshot()).toBe(before);
    } finally {
      squadDb.close();
    }

    // The test must have exercised something: many kills mid-stream, hundreds of committed writes,
    // every kind of write, and kills in the middle of a daily backup.
    expect(committed.created.size).toBeGreaterThan(KILLS);
    expect(committed.updated.size + committed.archived.size + committed.moved.size).toBeGreaterThan(10);
    for (const kind of ['events', 'notes', 'results', 'retests'] as const) expect(committed[kind].size, kind).toBeGreaterThan(5);
    expect(killedMidBackup).toBeGreaterThan(0);
    console.log(`crash safety: ${KILLS} kills (${killedMidBackup} in the middle of a daily backup), ${writes} committed writes checked (seed ${seed})`);
  }, 300_000);
});
