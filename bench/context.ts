import type { Browser } from 'playwright-core';
import type { ApiContext } from '@main/api/context';
import type { SquadDb } from '@main/db/types';
import type { SquadSize } from '@shared/sample/generator';

/** What every measurement gets: the generated squad, already loaded, and where it lives. */
export interface BenchContext {
  dataDir: string;
  db: SquadDb;
  ctx: ApiContext;
  /** `large` (300 athletes, `npm run bench`), or `sample` (24 athletes, the smoke test's BENCH_SMOKE=1). */
  squad: SquadSize;
  /** The built renderer, for measurements in Chromium (browser mode). */
  rendererDir: string;
  /** Start the Chromium chosen for this run (tests/e2e/chromium.ts); the caller closes it. */
  launchBrowser(): Promise<Browser>;
  log(message: string): void;
}

/** One group of figures. Each capability adds a file in bench/measurements/ exporting one. */
export interface Measurement {
  name: string;
  run(bench: BenchContext): Promise<Record<string, number>>;
}
