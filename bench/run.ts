/**
 * `npm run bench`: generate the large squad (300 athletes, 3 seasons of plans, logs and tests)
 * into a temporary data folder, run every measurement in bench/measurements, and print the
 * figures. The last line of output is one JSON object.
 *
 * BENCH_SMOKE=1: the 24-athlete sample squad, each figure measured once (bench/harness.ts); the
 * smoke test in `npm test` runs it so a change cannot break the benchmark unnoticed.
 * BENCH_ONLY=<name>: that measurement alone. BENCH_SEED: the squad's seed.
 * The browser: as the end-to-end tests choose it (BACKCHAIN_CHROMIUM, a system Chromium or
 * Chrome, or the one bundled in @sparticuz/chromium); the first line says which.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openApi } from '@main/api/open';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import { announceChromium, findChromium, launchChromium } from '../tests/e2e/chromium';
import type { BenchContext, Measurement } from './context';
import { heapUsedMb, round, SMOKE } from './harness';

const measurementModules = import.meta.glob<Record<string, unknown>>('./measurements/*.ts', { eager: true });

function isMeasurement(value: unknown): value is Measurement {
  return typeof value === 'object' && value !== null && typeof (value as Measurement).run === 'function' && typeof (value as Measurement).name === 'string';
}

async function main(): Promise<void> {
  const seed = Number(process.env.BENCH_SEED ?? 20260907);
  const squad = SMOKE ? 'sample' : 'large';
  const log = (message: string) => console.log(`[bench] ${message}`);
  const chromium = await findChromium();
  log(await announceChromium(chromium));
  if (SMOKE) log('smoke run (BENCH_SMOKE=1): the sample squad, each figure measured once; these figures are not benchmarks');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backchain-bench-'));
  const rendererDir = path.resolve(import.meta.dirname, '..', 'dist-renderer');
  const results: Record<string, number> = {};
  try {
    const { ctx, close } = await openApi({ dataDir, mode: 'browser', appVersion: 'bench' });
    const started = performance.now();
    loadGeneratedSquad(ctx.db, { seed, size: squad }, new Date());
    results.generateLargeSquadMs = round(performance.now() - started);
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    results.databaseMb = round(fs.statSync(path.join(dataDir, 'squad.db')).size / 1024 / 1024, 2);
    log(`${squad} squad generated in ${results.generateLargeSquadMs} ms (${results.databaseMb} MB) at ${dataDir}`);

    const bench: BenchContext = { dataDir, db: ctx.db, ctx, squad, rendererDir, launchBrowser: () => launchChromium(chromium), log };
    // BENCH_ONLY=exports (a measurement's name) runs that one alone.
    const only = process.env.BENCH_ONLY;
    const measurements = Object.values(measurementModules)
      .flatMap((m) => Object.values(m).filter(isMeasurement))
      .filter((m) => !only || m.name === only);
    for (const measurement of measurements) {
      log(`measuring ${measurement.name}...`);
      const figures = await measurement.run(bench);
      for (const [key, value] of Object.entries(figures)) log(`  ${key}: ${value}`);
      Object.assign(results, figures);
    }
    results.heapUsedMb = heapUsedMb();
    close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
