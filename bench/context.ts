import type { ApiContext } from '@main/api/context';
import type { SquadDb } from '@main/db/types';

/** What every measurement gets: the large squad, already generated, and where it lives. */
export interface BenchContext {
  dataDir: string;
  db: SquadDb;
  ctx: ApiContext;
  /** The built renderer, for measurements in Chromium (browser mode). */
  rendererDir: string;
  log(message: string): void;
}

/** One group of figures. Each capability adds a file in bench/measurements/ exporting one. */
export interface Measurement {
  name: string;
  run(bench: BenchContext): Promise<Record<string, number>>;
}
