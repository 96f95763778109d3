/**
 * End-to-end harness: the real browser-mode server (dist-web/server.mjs) on a fresh data folder,
 * driven through playwright-core by the Chromium the global setup chose (tests/e2e/chromium.ts:
 * BACKCHAIN_CHROMIUM, a system Chromium or Chrome, or the one bundled in @sparticuz/chromium).
 * Screenshots go to test-output/screenshots.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { launchChromium, type ChromiumChoice } from './chromium';

export const SCREENSHOT_DIR = path.resolve('test-output', 'screenshots');

/** The browser the global setup chose; fails (the test, with the setup's sentence) when there is none. */
export function chosenChromium(): ChromiumChoice {
  const chosen = inject('chromium');
  if ('problem' in chosen) throw new Error(chosen.problem);
  return chosen;
}

/** The browser chosen for this run, started (one per test file). */
export async function launchBrowser(): Promise<Browser> {
  return launchChromium(chosenChromium());
}

export interface RunningApp {
  url: string;
  openUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Start `node dist-web/server.mjs` on a new temp data folder (or the one given) and wait for its address. */
export async function startBrowserMode(options: { dataDir?: string; keepData?: boolean } = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'backchain-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['dist-web/server.mjs', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}):\n${output}`)));
  });
  return {
    openUrl,
    url: new URL(openUrl).origin,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A page that fails the test on any uncaught error in the app. */
export async function openApp(browser: Browser, app: RunningApp, viewport = { width: 1400, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(app.openUrl);
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * One Chromium for a test file, and browser mode started per test: `start()` runs the server on a
 * fresh (or given) data folder and opens the app in a new page; the server is stopped after each
 * test and Chromium after the file. Call it once at the top of a test file.
 */
export function chromiumSession() {
  let browser: Browser | null = null;
  let app: RunningApp | null = null;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await app?.stop();
    app = null;
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    /** The browser-mode server of the running test (null before `start`). */
    get app(): RunningApp | null {
      return app;
    },
    async start(options: { dataDir?: string; keepData?: boolean } = {}, viewport?: { width: number; height: number }): Promise<{ app: RunningApp; page: Page; errors: string[] }> {
      if (!browser) throw new Error('chromiumSession().start() runs inside a test');
      await app?.stop();
      app = await startBrowserMode(options);
      return { app, ...(await openApp(browser, app, viewport)) };
    },
  };
}
