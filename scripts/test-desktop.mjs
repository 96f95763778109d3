#!/usr/bin/env node
/**
 * `npm run test:desktop`: the desktop shell itself, in Electron, driven by Playwright's Electron
 * support (tests/desktop/). For machines where the Electron binary is installed (npm install
 * downloads it; this project's CI cannot, so it is not part of `npm test`).
 *
 * Builds the app and better-sqlite3 for Electron (as `npm start` does), then runs the tests. On
 * Linux without a display it runs them under xvfb-run when that is installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Where the electron package keeps its binary (node_modules/electron/index.js without its download-on-require). */
function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative) : path.join(dir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const electron = electronBinary();
if (!electron) {
  console.error(
    'The Electron binary is not installed (node_modules/electron has no dist/), so the desktop tests cannot run here. ' +
      'On a machine with internet access, install it with `npm install` (without ELECTRON_SKIP_BINARY_DOWNLOAD) or `node node_modules/electron/install.js`, then run `npm run test:desktop` again.',
  );
  process.exit(1);
}

const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
let wrapper = [];
if (needsDisplay) {
  if (spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status !== 0) {
    console.error('The desktop tests open real windows and this Linux session has no display: run them in a desktop session, or install Xvfb (apt-get install xvfb) so they run under xvfb-run.');
    process.exit(1);
  }
  wrapper = ['xvfb-run', '-a'];
}

console.log(`Electron: ${electron}`);
if (run(npm, ['run', '--silent', 'build:app']) !== 0) process.exit(1);
if (run(process.execPath, ['scripts/native.mjs', 'electron']) !== 0) process.exit(1);
const vitest = [process.execPath, path.join('node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'tests/desktop/vitest.config.ts', ...process.argv.slice(2)];
const [command, ...args] = [...wrapper, ...vitest];
process.exit(run(command, args, { BACKCHAIN_ELECTRON: electron }));
