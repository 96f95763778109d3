#!/usr/bin/env node
/**
 * `npm test`: the native module check, typecheck, lint and every Vitest project (unit,
 * integration, component, end-to-end). All steps run even when one fails, so one report shows
 * everything. The counts are written to test-output/test-summary.json and printed as the last
 * line: "N passed, N failed" (typecheck and lint count as one check each).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const outDir = path.resolve('test-output');
const report = path.join(outDir, 'vitest.json');
fs.mkdirSync(outDir, { recursive: true });
fs.rmSync(report, { force: true });

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`=== ${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

let passed = 0;
let failed = 0;
const failures = [];
for (const [label, command, args] of [
  ['native module', process.execPath, ['scripts/native.mjs', 'node']],
  ['typecheck', npm, ['run', '--silent', 'typecheck']],
  ['lint', npm, ['run', '--silent', 'lint']],
]) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

const vitestOk = run('vitest (unit, integration, component, e2e)', npx, ['vitest', 'run'], { VITEST_JSON_REPORT: report });
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  // A file that fails to load has no tests to count; count it as a failure so it cannot hide.
  const brokenFiles = (json.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  failed += brokenFiles;
  // A failed file's tests that never ran (its beforeAll failed, e.g. no Chromium) count as failed, not skipped.
  failed += (json.testResults ?? [])
    .filter((f) => f.status === 'failed')
    .flatMap((f) => f.assertionResults ?? [])
    .filter((t) => t.status === 'skipped' || t.status === 'pending').length;
  if (!vitestOk && json.numFailedTests === 0 && brokenFiles === 0) failed += 1;
} else {
  failed += 1;
}
if (!vitestOk) failures.push('vitest');

fs.writeFileSync(path.join(outDir, 'test-summary.json'), JSON.stringify({ passed, failed, failures }, null, 2));
console.log(failures.length ? `\nFailed: ${failures.join(', ')}` : '\nAll checks passed.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
