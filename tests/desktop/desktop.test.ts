/**
 * The desktop shell in Electron (`npm run test:desktop`, scripts/test-desktop.mjs; not part of
 * `npm test`, which cannot count on the Electron binary): the built app (dist-electron/) launched
 * by Playwright's Electron support on a temp data folder and a temp user-data folder, checked for
 * what only the shell does: the window and its roster, calls over IPC (and a bad one refused),
 * better-sqlite3 built for Electron, Save as PDF with the save dialog stubbed, one instance at a
 * time, and a clean quit. The screens themselves are tested in browser mode (tests/e2e).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceSquad, THIS_MONDAY, type DistanceSquad } from '../e2e/distanceSquad';
import { pdfFonts, pdfInfo, pdfWords } from '../e2e/pdf';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Set by scripts/test-desktop.mjs, which found the binary (and says so plainly when there is none). */
function electronBinary(): string {
  const binary = process.env.BACKCHAIN_ELECTRON;
  if (!binary || !fs.existsSync(binary)) throw new Error('Run the desktop tests with `npm run test:desktop`: it finds the Electron binary and builds the app first.');
  return binary;
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

// The page's one global, the preload's bridge (this file has no DOM types).
declare const backchain: { invoke(method: string, input: unknown): Promise<unknown> };
/** What this test counts in main, on its globalThis. */
interface Counters {
  secondInstances: number;
  focusCalls: number;
}

describe('the desktop app (Electron)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'backchain-desktop-'));
  const dataDir = path.join(work, 'squad');
  const userData = path.join(work, 'user-data');
  // The same folders for the second copy, so it meets the first one's single-instance lock.
  const appArgs = [ROOT, `--user-data-dir=${userData}`, '--data-dir', dataDir];
  let app: ElectronApplication;
  let page: Page;
  let exitCode: Promise<number | null>;
  let squad: DistanceSquad;

  /** A contract method called from the page over IPC, through the preload's bridge, as the screens call it. */
  const invoke = <T>(method: string, input: unknown) => page.evaluate(([m, i]) => backchain.invoke(m, i), [method, input] as const) as Promise<Answer<T>>;
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const answer = await invoke<T>(method, input);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.value;
  };

  beforeAll(async () => {
    app = await _electron.launch({ executablePath: electronBinary(), args: appArgs, cwd: ROOT, env: { ...process.env, BACKCHAIN_DATA_DIR: '' } });
    const child = app.process();
    exitCode = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    page = await app.firstWindow();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    if (app.process().exitCode === null && app.process().signalCode === null) await app.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('opens its window on the roster, with the squad in the data folder it was given', async () => {
    await page.getByText('Your squad is empty').waitFor();
    expect(await page.title()).toBe('Backchain');
    expect(fs.existsSync(path.join(dataDir, 'squad.db'))).toBe(true);
  });

  it('answers calls over IPC, and the roster shows what they saved', async () => {
    // The sheets tests' squad (a group of three on a foundational block), made over IPC.
    squad = await distanceSquad(value);
    const listed = await value<{ id: number; givenName: string; familyName: string; groupId: number | null }[]>('athletes.list', { status: 'all' });
    expect(listed.map((a) => [a.id, `${a.givenName} ${a.familyName}`, a.groupId]).sort()).toEqual(
      [
        [squad.ana, 'Ana López', squad.group],
        [squad.ben, 'Ben Okafor', squad.group],
        [squad.cara, 'Cara Nguyen', squad.group],
      ].sort(),
    );
    await page.reload();
    await page.getByRole('cell', { name: 'López, Ana' }).waitFor();
  });

  it('refuses bad input over IPC with a message saying what is wrong, and saves nothing', async () => {
    const refused = await invoke('athletes.create', { givenName: '', familyName: 'Okafor', bodyMassKg: 900 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { givenName: 'Enter a first name', bodyMassKg: expect.stringMatching(/Body mass must be between 20 and 200 kg/) } } });
    // A method the contract does not have reaches no handler.
    await expect(invoke('athletes.dropEverything', {})).rejects.toThrow();
    expect(await value<unknown[]>('athletes.list', { status: 'all' })).toHaveLength(3);
  });

  it('loads better-sqlite3 built for Electron (not the Node build npm test uses)', async () => {
    const versions = await app.evaluate(() => ({ electron: process.versions.electron, modules: process.versions.modules }));
    expect(versions.electron).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version);
    const electronBuild = path.join(ROOT, '.native', `electron-${versions.modules}`, 'better_sqlite3.node');
    expect(fs.existsSync(electronBuild)).toBe(true);
    if (process.platform === 'linux') {
      // The shared objects main has loaded: the Electron build, from .native/.
      expect(fs.readFileSync(`/proc/${app.process().pid}/maps`, 'utf8')).toContain(electronBuild);
    }
    // And it works: the calls above were answered from the squad file; one more read.
    expect(await invoke('settings.get', {})).toMatchObject({ ok: true });
  });

  it('saves the session sheets as a PDF where the save dialog (stubbed) says', async () => {
    const file = path.join(work, 'Distance sheets.pdf');
    await app.evaluate(({ dialog }, target) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: target })) as unknown as typeof dialog.showSaveDialog;
    }, file);
    const saved = await value<{ outcome: string; path: string; sizeBytes: number }>('sheets.savePdf', { date: THIS_MONDAY, groupId: squad.group, layout: 'individual', paper: 'a4' });
    expect(saved).toMatchObject({ outcome: 'saved', path: file });
    expect(fs.statSync(file).size).toBe(saved.sizeBytes);
    // One A4 page per athlete; Ana's first: week 2 is 71.75% of her tested 100 kg -> 72.5 kg (2.5 kg plates), in the shipped font.
    expect(await pdfInfo(file)).toEqual({ pages: 3, widthPt: 595, heightPt: 842 });
    const words = await pdfWords(file, 1);
    expect(words).toContain('Ana López');
    expect(words).toContain('72.5 kg');
    expect(await pdfFonts(file)).toContain('Inter-Regular');
    // The hidden print window is gone again.
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('lets one copy run at a time: a second one hands over to the first, which comes to the front, and quits', async () => {
    await app.evaluate(({ app: electronApp, BrowserWindow }) => {
      const counters = globalThis as unknown as Counters;
      counters.secondInstances = 0;
      counters.focusCalls = 0;
      electronApp.on('second-instance', () => (counters.secondInstances += 1));
      const window = BrowserWindow.getAllWindows()[0];
      if (!window) throw new Error('no window');
      // Count the main window's focus() (a window manager may or may not grant it; the app must ask).
      const focus = window.focus.bind(window);
      window.focus = () => {
        counters.focusCalls += 1;
        focus();
      };
      window.minimize();
    });
    const second = spawn(electronBinary(), appArgs, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, BACKCHAIN_DATA_DIR: '' } });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        second.kill();
        reject(new Error('the second copy was still running after 20 s'));
      }, 20_000);
      second.once('exit', (exit) => {
        clearTimeout(timer);
        resolve(exit);
      });
    });
    expect(code).toBe(0);
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) => {
          const { secondInstances, focusCalls } = globalThis as unknown as Counters;
          return { windows: BrowserWindow.getAllWindows().length, secondInstances, focusCalls };
        }),
      )
      .toEqual({ windows: 1, secondInstances: 1, focusCalls: 1 });
    // The first copy still answers.
    expect(await invoke('athletes.list', { status: 'all' })).toMatchObject({ ok: true });
  });

  it('quits with the squad file closed cleanly: no write-ahead log left, the file whole, the athletes in it', async () => {
    await app.close();
    expect(await exitCode).toBe(0);
    // SQLite folds the write-ahead log into the file and deletes it when the last connection closes.
    expect(fs.existsSync(path.join(dataDir, 'squad.db-wal'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'squad.db-shm'))).toBe(false);
    const db = new Database(path.join(dataDir, 'squad.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare("SELECT given_name || ' ' || family_name FROM athlete ORDER BY given_name").pluck().all()).toEqual(['Ana López', 'Ben Okafor', 'Cara Nguyen']);
    } finally {
      db.close();
    }
  });
});
