/**
 * Which Chromium the end-to-end tests and the benchmark use (./chromium.ts): BACKCHAIN_CHROMIUM,
 * else a system Chromium or Chrome in the usual places, else the one bundled in
 * @sparticuz/chromium; one sentence when there is none. The machine is described to the lookup,
 * so every platform's places are checked here; the bundled browser is unpacked and started for real.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, launchChromium, NoChromiumError, type Machine } from './chromium';
import { pdfFonts, pdfText } from './pdf';

// page.evaluate runs in Chromium; the one browser global it touches (this file has no DOM types).
declare const document: { fonts: { ready: Promise<unknown> } };

/** A machine where only `files` are executables. */
function machine(over: Partial<Machine> & { files?: string[] }): Machine {
  const files = new Set(over.files ?? []);
  return { env: {}, platform: 'linux', arch: 'x64', homedir: '/home/coach', isExecutable: (file) => files.has(file), ...over };
}

async function problem(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NoChromiumError);
  return (error as Error).message;
}

/** One sentence: no line break, one full stop, at the end. */
const ONE_SENTENCE = /^[^\n]+\.$/;

describe('choosing Chromium', () => {
  it('takes BACKCHAIN_CHROMIUM first, and says so when nothing is at that path', async () => {
    const found = await findChromium(machine({ env: { BACKCHAIN_CHROMIUM: '/opt/my/chrome', PATH: '/usr/bin' }, files: ['/opt/my/chrome', '/usr/bin/chromium'] }));
    expect(found).toMatchObject({ executablePath: '/opt/my/chrome', kind: 'configured' });

    const message = await problem(findChromium(machine({ env: { BACKCHAIN_CHROMIUM: '/opt/nothing/chrome', PATH: '/usr/bin' }, files: ['/usr/bin/chromium'] })));
    expect(message).toContain('/opt/nothing/chrome');
    expect(message).toMatch(ONE_SENTENCE);
  });

  it('finds a system Chromium or Chrome on the PATH on Linux, Chromium first', async () => {
    const env = { PATH: '/usr/local/bin:/usr/bin' };
    expect((await findChromium(machine({ env, files: ['/usr/bin/google-chrome', '/usr/bin/chromium'] }))).executablePath).toBe('/usr/bin/chromium');
    expect((await findChromium(machine({ env, files: ['/usr/local/bin/google-chrome-stable'] }))).executablePath).toBe('/usr/local/bin/google-chrome-stable');
    // Google's .deb puts it under /opt even when nothing on the PATH points there.
    expect(await findChromium(machine({ env: { PATH: '/usr/bin' }, files: ['/opt/google/chrome/chrome'] }))).toMatchObject({ executablePath: '/opt/google/chrome/chrome', kind: 'system' });
  });

  it('finds Chrome or Chromium in /Applications or ~/Applications on macOS, and Chrome under Program Files or AppData on Windows', async () => {
    const mac = (files: string[]) => findChromium(machine({ platform: 'darwin', arch: 'arm64', files }));
    expect((await mac(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'])).executablePath).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect((await mac(['/home/coach/Applications/Chromium.app/Contents/MacOS/Chromium'])).executablePath).toBe('/home/coach/Applications/Chromium.app/Contents/MacOS/Chromium');

    const windows = (files: string[]) =>
      findChromium(machine({ platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\coach\\AppData\\Local' }, files }));
    expect((await windows(['C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'])).executablePath).toBe('C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe');
    expect((await windows(['C:\\Users\\coach\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'])).kind).toBe('system');
  });

  it('says in one sentence what to install where there is no browser and the bundled one cannot run', async () => {
    const mac = await problem(findChromium(machine({ platform: 'darwin', arch: 'arm64' })));
    expect(mac).toContain('install Google Chrome (or Chromium) in /Applications');
    expect(mac).toMatch(ONE_SENTENCE);
    const windows = await problem(findChromium(machine({ platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files' } })));
    expect(windows).toContain('install Google Chrome');
    expect(windows).toMatch(ONE_SENTENCE);
    const arm = await problem(findChromium(machine({ arch: 'arm64', env: { PATH: '/usr/bin' } })));
    expect(arm).toContain('apt-get install chromium');
    expect(arm).toMatch(ONE_SENTENCE);
    const bundledOnMac = await problem(findChromium(machine({ platform: 'darwin', arch: 'arm64', env: { BACKCHAIN_CHROMIUM: 'bundled' } })));
    expect(bundledOnMac).toContain('Linux x64 only');
    expect(bundledOnMac).toMatch(ONE_SENTENCE);
  });

  it("falls back on Linux x64 to the Chromium bundled in @sparticuz/chromium, which starts and prints a PDF in the app's font (elsewhere: says it cannot)", async () => {
    // A machine with no browser anywhere (an empty PATH), and BACKCHAIN_CHROMIUM=bundled on one with a browser: both give the bundled one.
    const here = { platform: process.platform, arch: process.arch };
    if (!(here.platform === 'linux' && here.arch === 'x64')) {
      expect(await problem(findChromium(machine({ ...here, env: { BACKCHAIN_CHROMIUM: 'bundled' } })))).toContain('Linux x64 only');
      return;
    }
    const fallback = await findChromium(machine({ env: { PATH: '' } }));
    const asked = await findChromium(machine({ env: { BACKCHAIN_CHROMIUM: 'bundled', PATH: '/usr/bin' }, files: ['/usr/bin/chromium'] }));
    expect(fallback.kind).toBe('bundled');
    expect(asked).toEqual(fallback);
    expect(path.dirname(fallback.executablePath)).toMatch(new RegExp(`^${os.tmpdir()}/backchain-chromium-\\d+\\.\\d+\\.\\d+$`));

    const browser = await launchChromium(fallback);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backchain-bundled-'));
    try {
      const page = await browser.newPage();
      const font = fs.readFileSync(path.resolve('node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2')).toString('base64');
      await page.setContent(`<style>@font-face { font-family: Inter; src: url(data:font/woff2;base64,${font}); } body { font-family: Inter; }</style><p>Ana López: 72.5 kg</p>`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const file = path.join(dir, 'bundled.pdf');
      await page.pdf({ path: file });
      expect(await pdfText(file)).toBe('Ana López: 72.5 kg');
      expect(await pdfFonts(file)).toEqual(['Inter-Regular']);
    } finally {
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
