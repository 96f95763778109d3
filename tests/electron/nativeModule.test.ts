/**
 * `scripts/native.mjs node` (the first step of `npm test`): after `npm run dist` (or `npm start`
 * on an older checkout) node_modules/better-sqlite3 may be built for Electron's ABI, and Node
 * cannot load it. The script must notice, rebuild it for Node, and check again. Run here against
 * a scratch project whose better-sqlite3 fails to load the way an ABI mismatch does, with a fake
 * `npm` on the PATH that records what it was asked and "rebuilds" the module.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempSquad';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const ABI_ERROR =
  "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 139. This version of Node.js requires NODE_MODULE_VERSION 115.";

/** A scratch project with the real script, a better-sqlite3 that loads only once "rebuilt", and a fake npm. */
function scratchProject(options: { loads: boolean; rebuildFixes: boolean }) {
  const { dir, cleanup } = tempDir('backchain-native-');
  cleanups.push(cleanup);
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.copyFileSync(path.resolve('scripts/native.mjs'), path.join(dir, 'scripts', 'native.mjs'));
  const moduleDir = path.join(dir, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(moduleDir, { recursive: true });
  fs.writeFileSync(path.join(moduleDir, 'package.json'), JSON.stringify({ name: 'better-sqlite3', main: 'index.js' }));
  const marker = path.join(moduleDir, 'built-for-node');
  if (options.loads) fs.writeFileSync(marker, '');
  fs.writeFileSync(
    path.join(moduleDir, 'index.js'),
    `const fs = require('fs');
if (!fs.existsSync(${JSON.stringify(marker)})) throw new Error(${JSON.stringify(ABI_ERROR)});
module.exports = class Database { prepare() { return { get: () => ({ 1: 1 }) }; } };`,
  );
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const calls = path.join(dir, 'npm-calls.txt');
  fs.writeFileSync(
    path.join(bin, 'npm'),
    `#!/bin/sh
echo "$@" >> ${JSON.stringify(calls)}
${options.rebuildFixes ? `[ "$1 $2" = "rebuild better-sqlite3" ] && touch ${JSON.stringify(marker)}` : ''}
exit 0
`,
    { mode: 0o755 },
  );
  const run = () =>
    spawnSync(process.execPath, [path.join(dir, 'scripts', 'native.mjs'), 'node'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
    });
  const npmCalls = () => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n') : []);
  return { run, npmCalls };
}

describe.skipIf(process.platform === 'win32')('scripts/native.mjs node (POSIX shell for the fake npm)', () => {
  it('leaves a module that loads alone', () => {
    const project = scratchProject({ loads: true, rebuildFixes: true });
    const result = project.run();
    expect(result.status).toBe(0);
    expect(project.npmCalls()).toEqual([]);
  });

  it('rebuilds a module built for another ABI (as after npm run dist), then checks it loads', () => {
    const project = scratchProject({ loads: false, rebuildFixes: true });
    const result = project.run();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/does not load in Node .*NODE_MODULE_VERSION 139.*rebuilding it for Node/s);
    expect(project.npmCalls()).toEqual(['rebuild better-sqlite3']);
  });

  it('fails loudly, saying what to install, when a rebuild does not help', () => {
    const project = scratchProject({ loads: false, rebuildFixes: false });
    const result = project.run();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/still does not load after a rebuild.*python3, make and a C\+\+ compiler/s);
    expect(project.npmCalls()).toEqual(['rebuild better-sqlite3']);
  });
});
