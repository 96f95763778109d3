#!/usr/bin/env node
/**
 * better-sqlite3 is a native module, and Node and Electron need it built for different ABIs.
 * node_modules always keeps the Node build (tests, browser mode, benchmarks); the desktop app
 * in development loads a second copy built for Electron from .native/electron-<abi>/, so
 * `npm test` and `npm start` both work from one checkout, in either order.
 *
 *   node scripts/native.mjs node      make sure node_modules' copy loads in this Node
 *                                     (rebuilds it if, e.g., electron-builder rebuilt it for Electron)
 *   node scripts/native.mjs electron  make sure .native/electron-<abi>/better_sqlite3.node exists
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const moduleDir = path.join(root, 'node_modules', 'better-sqlite3');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], { cwd: root, encoding: 'utf8' });
  return { ok: probe.status === 0, error: probe.stderr.trim().split('\n').slice(0, 3).join('\n') };
}

function ensureNode() {
  const first = loadsInNode();
  if (first.ok) return;
  console.log(`better-sqlite3 does not load in Node ${process.version} (${first.error}); rebuilding it for Node...`);
  execFileSync(npm, ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit' });
  const second = loadsInNode();
  if (!second.ok) {
    console.error(`better-sqlite3 still does not load after a rebuild:\n${second.error}\nInstall python3, make and a C++ compiler, then run npm rebuild better-sqlite3.`);
    process.exit(1);
  }
}

function ensureElectron() {
  const electronDir = path.join(root, 'node_modules', 'electron');
  const version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  const abi = fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
  const target = path.join(root, '.native', `electron-${abi}`, 'better_sqlite3.node');
  if (fs.existsSync(target)) return;

  console.log(`Building better-sqlite3 for Electron ${version} (ABI ${abi}); this happens once...`);
  const work = path.join(root, '.native', 'build', 'better-sqlite3');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(moduleDir, work, { recursive: true, filter: (src) => !src.startsWith(path.join(moduleDir, 'build')) });
  // A machine-wide npm "nodedir" would make node-gyp use Node's headers instead of Electron's.
  const env = { ...process.env, npm_config_nodedir: '', npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers' };
  const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  const prebuilt = spawnSync(bin('prebuild-install'), ['--runtime', 'electron', '--target', version, '--arch', process.arch], { cwd: work, env, stdio: 'inherit' });
  if (prebuilt.status !== 0) {
    console.log('No prebuilt binary; compiling from source (about a minute)...');
    const built = spawnSync(bin('node-gyp'), ['rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], { cwd: work, env, stdio: 'inherit' });
    if (built.status !== 0) {
      console.error('Could not build better-sqlite3 for Electron. It needs internet access (Electron headers) and python3, make and a C++ compiler.');
      process.exit(1);
    }
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  fs.rmSync(path.join(root, '.native', 'build'), { recursive: true, force: true });
  console.log(`Ready: ${path.relative(root, target)}`);
}

const mode = process.argv[2];
if (mode === 'node') ensureNode();
else if (mode === 'electron') ensureElectron();
else {
  console.error('usage: node scripts/native.mjs node|electron');
  process.exit(2);
}
