/**
 * The benchmark's smoke test: `npm run bench`'s own code (bench/run.ts and every measurement,
 * bundled as `npm run bench` bundles it) on the 24-athlete sample squad, each figure measured
 * once (BENCH_SMOKE=1), with this run's Chromium. Every figure the full benchmark reports must be
 * there and be a number, so a change that breaks a measurement fails `npm test` instead of the
 * next person's `npm run bench`. The figures themselves mean nothing here.
 */
import { execFileSync, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chosenChromium } from './harness';

/** Every figure `npm run bench` prints (the measurements' doc comments say what each is). */
const FIGURES = [
  // bench/run.ts
  'generateLargeSquadMs',
  'databaseMb',
  'heapUsedMb',
  // calendar
  'calendarQueryMs',
  'calendarFloorMs',
  'gridFirstPaintMs',
  'gridScrollFrameMs',
  // data safety
  'quickCheckMs',
  'integrityCheckMs',
  'backupNowMs',
  'startWithBackupMs',
  'startSameDayMs',
  'inspectBackupMs',
  'restoreMs',
  'importPreview300RowsMs',
  // exports
  'exportWorkbookMs',
  'exportWorkbookRows',
  'exportWorkbookMb',
  'exportWorkbookMaxStallMs',
  'exportWorkbookHeapGrowthMb',
  'exportCsvZipMs',
  'exportIcsGroupMs',
  'exportIcsGroupMaxStallMs',
  'exportIcsGroupEvents',
  'exportIcsGroupAthletes',
  'exportIcsAthleteMs',
  // loadHeatmap
  'squadHeatmapMs',
  'squadHeatmapAcwrMs',
  'athleteLoadMs',
  'loadHeatmapFirstPaintMs',
  // retests
  'retestCompareMs',
  'retestAthleteTrendMs',
  'retestSessionListMs',
  'retestSessionSheetMs',
  // roster
  'rosterListMs',
  'groupsListMs',
  // sheets
  'sheetsDayMs',
  'sheetsPdfMs',
  'sheetsPdfPages',
  // warnings
  'warningsAllMs',
  'warningsAfterRetestChangeMs',
  'loadAthleteSeasonMs',
  'loadSquadWeeksMs',
];

const BUNDLE = 'dist-bench/bench.mjs';

/** Run the bundled benchmark; its output, whatever the exit. */
function runBench(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the benchmark (smoke run)', () => {
  it('runs every measurement on the sample squad with this run\'s Chromium and reports every figure as a number', async () => {
    // The renderer is built by the global setup (build:web); bundle bench/run.ts as `npm run bench`
    // does, every time (a few seconds), so the code measured is the code under test.
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.node.config.ts', '--mode', 'bench', '--logLevel', 'warn'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const chromium = chosenChromium();
    const { code, stdout, stderr } = await runBench({ BENCH_SMOKE: '1', BACKCHAIN_CHROMIUM: chromium.kind === 'bundled' ? 'bundled' : chromium.executablePath });
    if (code !== 0) throw new Error(`npm run bench (BENCH_SMOKE=1) exited with ${code}:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);

    const lines = stdout.trim().split('\n');
    console.log(lines[0]);
    // The first line says which browser, the same one the end-to-end tests use.
    expect(lines[0]).toContain(`Chromium for this run: ${chromium.description}`);
    const figures = JSON.parse(lines.at(-1) ?? '') as Record<string, unknown>;
    const missing = FIGURES.filter((key) => !(key in figures));
    const notNumbers = Object.entries(figures).filter(([, value]) => typeof value !== 'number' || !Number.isFinite(value));
    expect({ missing, notNumbers }).toEqual({ missing: [], notNumbers: [] });
    // A figure nobody listed here: add it to FIGURES (and so to what this test guards).
    expect(Object.keys(figures).sort()).toEqual([...FIGURES].sort());
    // The sheets PDF has one page per athlete printed (the measurement fails otherwise); the sample
    // squad's busiest day has sessions for some of its 24 athletes.
    expect(figures.sheetsPdfPages).toBeGreaterThan(0);
    expect(figures.sheetsPdfPages).toBeLessThanOrEqual(24);
  }, 400_000);
});
