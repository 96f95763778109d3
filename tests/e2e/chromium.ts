/**
 * Which Chromium the end-to-end tests and the benchmark drive (through playwright-core):
 *
 *   1. BACKCHAIN_CHROMIUM, when set: a path to a Chromium or Chrome executable, or `bundled`;
 *   2. else a system Chromium or Chrome in the usual places (Linux: on the PATH or under /opt;
 *      macOS: /Applications and ~/Applications; Windows: Program Files and the user's AppData);
 *   3. else the headless Chromium that ships inside the npm package @sparticuz/chromium (Linux
 *      x64), unpacked once per machine into the temp folder.
 *
 * When none can be had, `NoChromiumError` says in one sentence what to install. No Vitest import
 * here: the benchmark bundles this file too.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

/** The browser chosen for a run; plain data, so Vitest's global setup can hand it to the test files. */
export interface ChromiumChoice {
  executablePath: string;
  /** `bundled`: @sparticuz/chromium's; `system`: found on this machine; `configured`: BACKCHAIN_CHROMIUM's path. */
  kind: 'bundled' | 'system' | 'configured';
  /** For the one line a run prints, e.g. "system Chromium at /usr/bin/chromium". */
  description: string;
  /** Added to the browser's environment (the bundled one's own libraries and fonts). */
  env: Record<string, string>;
}

/** The flags every launch uses: no sandbox (CI runs as root), no GPU, no calls home (the network is closed). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** What the end-to-end run has: the chosen browser, or the one sentence saying why there is none. */
export type ChromiumForRun = ChromiumChoice | { problem: string };

export class NoChromiumError extends Error {
  override name = 'NoChromiumError';
}

/** What the lookup reads from the machine; the tests pass their own. */
export interface Machine {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  arch: string;
  homedir: string;
  isExecutable(file: string): boolean;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, process.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export const thisMachine: Machine = { env: process.env, platform: process.platform, arch: process.arch, homedir: os.homedir(), isExecutable };

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const LINUX_PLACES = ['/opt/google/chrome/chrome', '/opt/chromium/chrome', '/snap/bin/chromium'];

/** The places a system Chromium or Chrome is looked for, in order. */
export function systemCandidates(machine: Machine): string[] {
  const { env, platform, homedir } = machine;
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') {
    const dirs = (env.PATH ?? '').split(':').filter(Boolean);
    return [...LINUX_NAMES.flatMap((name) => dirs.map((dir) => path.posix.join(dir, name))), ...LINUX_PLACES];
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ];
    return ['/Applications', path.join(homedir, 'Applications')].flatMap((dir) => apps.map((app) => path.posix.join(dir, app)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((dir): dir is string => Boolean(dir));
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe'];
    return roots.flatMap((root) => apps.map((app) => path.win32.join(root, app)));
  }
  return [];
}

function bundledSupported(machine: Machine): boolean {
  return machine.platform === 'linux' && machine.arch === 'x64';
}

/** What to install, in one sentence, for this kind of machine. */
export function installAdvice(machine: Machine): string {
  const where =
    machine.platform === 'darwin'
      ? 'install Google Chrome (or Chromium) in /Applications'
      : machine.platform === 'win32'
        ? 'install Google Chrome'
        : 'install Chromium or Google Chrome (e.g. apt-get install chromium)';
  return `No Chromium for the end-to-end tests and the benchmark: ${where}, or set BACKCHAIN_CHROMIUM to the path of a Chromium or Chrome executable (the Chromium bundled in @sparticuz/chromium runs on Linux x64 only).`;
}

/**
 * Choose the browser (see the file's comment). Throws NoChromiumError with one sentence when
 * there is none; unpacks the bundled one when it is chosen.
 */
export async function findChromium(machine: Machine = thisMachine): Promise<ChromiumChoice> {
  const configured = machine.env.BACKCHAIN_CHROMIUM?.trim();
  if (configured === 'bundled') {
    if (!bundledSupported(machine)) throw new NoChromiumError(`BACKCHAIN_CHROMIUM=bundled, but the Chromium bundled in @sparticuz/chromium runs on Linux x64 only (this is ${machine.platform} ${machine.arch}); unset it to use a system Chrome or Chromium.`);
    return bundledChromium();
  }
  if (configured) {
    if (!machine.isExecutable(configured)) throw new NoChromiumError(`BACKCHAIN_CHROMIUM is set to ${configured}, but no executable is there; point it at a Chromium or Chrome executable, or set it to "bundled".`);
    return { executablePath: configured, kind: 'configured', description: `Chromium from BACKCHAIN_CHROMIUM at ${configured}`, env: {} };
  }
  const found = systemCandidates(machine).find((file) => machine.isExecutable(file));
  if (found) return { executablePath: found, kind: 'system', description: `system browser at ${found}`, env: {} };
  if (bundledSupported(machine)) return bundledChromium();
  throw new NoChromiumError(installAdvice(machine));
}

/**
 * The package's folder: the bundled browser's compressed files are in its bin/. Only those files
 * are used, not the package's code (written for AWS Lambda; it wants a newer Node than ours).
 */
function sparticuzRoot(): { root: string; version: string } {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve('@sparticuz/chromium');
  } catch {
    throw new NoChromiumError('No system Chromium or Chrome was found and the npm package @sparticuz/chromium is not installed: run npm install, or install Chromium.');
  }
  // The entry is somewhere under the package's folder (build/index.js in 153): walk up to its package.json.
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version: string };
    if (name === '@sparticuz/chromium') return { root: dir, version };
  }
  throw new NoChromiumError(`Could not find @sparticuz/chromium's folder from ${entry}; reinstall it (npm ci) or install Chromium.`);
}

/** Brotli-compressed tar file -> folder (tar is on every Linux). */
async function untarBrotli(file: string, into: string): Promise<void> {
  fs.mkdirSync(into, { recursive: true });
  const tar = zlib.brotliDecompressSync(fs.readFileSync(file));
  const result = spawnSync('tar', ['-x', '-C', into], { input: tar });
  if (result.status !== 0) throw new Error(`Could not unpack ${file}: ${result.stderr?.toString().trim() || result.error?.message}`);
}

/**
 * @sparticuz/chromium's headless Chromium, unpacked into <tmp>/backchain-chromium-<version>/ the
 * first time (about 200 MB, a few seconds): the browser, the libraries it needs that a bare Linux
 * may lack (NSS, expat; from the package's al2023 archive) and a font (Open Sans) for text no
 * page font covers. The folder is built under another name and renamed when complete, so a run
 * interrupted halfway, or two runs at once, never leave a broken browser behind.
 */
async function bundledChromium(): Promise<ChromiumChoice> {
  const { root, version } = sparticuzRoot();
  const dir = path.join(os.tmpdir(), `backchain-chromium-${version}`);
  const executablePath = path.join(dir, 'chromium');
  if (!fs.existsSync(path.join(dir, 'complete'))) {
    const bin = path.join(root, 'bin');
    for (const name of ['chromium.br', 'fonts.tar.br', 'al2023.tar.br']) {
      if (!fs.existsSync(path.join(bin, name))) throw new NoChromiumError(`@sparticuz/chromium ${version} has no bin/${name}; reinstall it (npm ci) or install Chromium.`);
    }
    const work = fs.mkdtempSync(`${dir}.partial-`);
    try {
      await pipeline(fs.createReadStream(path.join(bin, 'chromium.br')), zlib.createBrotliDecompress(), fs.createWriteStream(path.join(work, 'chromium'), { mode: 0o755 }));
      await untarBrotli(path.join(bin, 'al2023.tar.br'), work); // lib/
      await untarBrotli(path.join(bin, 'fonts.tar.br'), work); // fonts/ (and the package's own fonts.conf, for Lambda's paths)
      fs.writeFileSync(
        path.join(work, 'backchain-fonts.conf'),
        [
          '<?xml version="1.0"?>',
          '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
          '<fontconfig>',
          `  <dir>${path.join(dir, 'fonts')}</dir>`,
          `  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>`,
          '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
          '</fontconfig>',
          '',
        ].join('\n'),
      );
      fs.writeFileSync(path.join(work, 'complete'), `${version}\n`);
      try {
        fs.renameSync(work, dir);
      } catch (error) {
        // Another run finished first: use its folder.
        if (!fs.existsSync(path.join(dir, 'complete'))) throw error;
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  return {
    executablePath,
    kind: 'bundled',
    description: `bundled headless Chromium from @sparticuz/chromium ${version} at ${executablePath}`,
    env: {
      LD_LIBRARY_PATH: [path.join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(path.delimiter),
      FONTCONFIG_FILE: path.join(dir, 'backchain-fonts.conf'),
    },
  };
}

export async function launchChromium(choice: ChromiumChoice): Promise<Browser> {
  return chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS, env: { ...process.env, ...choice.env } });
}

/**
 * Start the chosen browser once and give the line a run prints first, e.g.
 * "Chromium for this run: system browser at /usr/bin/chromium (Chromium 156.0.8078.114)".
 * A browser that is there but does not start fails here, with its own error, before any test.
 */
export async function announceChromium(choice: ChromiumChoice): Promise<string> {
  let browser: Browser;
  try {
    browser = await launchChromium(choice);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new NoChromiumError(`The ${choice.description} does not start (${reason}); set BACKCHAIN_CHROMIUM to another Chromium or Chrome, or to "bundled".`);
  }
  const version = browser.version();
  await browser.close();
  return `Chromium for this run: ${choice.description} (version ${version})`;
}
