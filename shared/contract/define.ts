import type { z } from 'zod';

declare const resultType: unique symbol;

/**
 * What the squad's data is made of, as far as freshness goes. A method that writes declares the
 * areas it changes (`.affects(...)`); a method that reads declares the areas its answer depends
 * on (`.reads(...)`). After a write, the window fetches again every query whose areas meet the
 * write's: nothing else is kept by hand (renderer/api/hooks.ts). A test checks each writing
 * method's declaration against the tables it really changed (tests/electron/freshness.test.ts),
 * and each query's against the answers that really changed.
 *
 * - settings: the squad's settings (name, season, units, plates, first day of the week).
 * - roster: athletes and groups.
 * - plan: blocks, templates, exercises, test days and races, each athlete's own changes and swaps.
 * - logs: what was done: strength sessions and their sets, runs, wellness checks.
 * - maxes: working maxes (tested 1RMs and starting loads).
 * - retests: the test battery, test sessions and their results, the re-test settings.
 * - warnings: warning thresholds, dismissals and scheduled deloads.
 * - backups: the backup files in the data folder.
 * - file: which squad file is open and its state (a restore or a fresh start replaces it).
 */
export const DATA_AREAS = ['settings', 'roster', 'plan', 'logs', 'maxes', 'retests', 'warnings', 'backups', 'file'] as const;
export type DataArea = (typeof DATA_AREAS)[number];

/**
 * One method of the API: the zod schema its input must pass, what it reads or changes, and (as a
 * type only) what it returns. The result type is carried by a phantom property so that the
 * contract stays a plain object of schemas at run time.
 */
export interface MethodDef<Input extends z.ZodType, Result> {
  readonly input: Input;
  readonly summary: string;
  /** The areas the answer depends on (a query). Empty for a write. */
  readonly reads: readonly DataArea[];
  /** The areas the call changes (a write). Empty for a query. */
  readonly affects: readonly DataArea[];
  readonly [resultType]?: Result;
}

function returning<Input extends z.ZodType>(input: Input, summary: string, reads: readonly DataArea[], affects: readonly DataArea[]) {
  return {
    returns<Result>(): MethodDef<Input, Result> {
      return { input, summary, reads, affects };
    },
  };
}

/**
 * `method(schema, summary).reads('roster', 'plan').returns<Result>()` for a query, or
 * `.affects('roster')` for a write. A method that neither reads the squad nor changes it (reading
 * a file the coach picked, an export's progress) says `.reads()` with no area.
 */
export function method<Input extends z.ZodType>(input: Input, summary: string) {
  return {
    reads: (...areas: DataArea[]) => returning(input, summary, areas, []),
    affects: (first: DataArea, ...more: DataArea[]) => returning(input, summary, [], [first, ...more]),
  };
}

/** Everything the squad file holds (a restore or the sample squad changes all of it). */
export const SQUAD_AREAS = ['settings', 'roster', 'plan', 'logs', 'maxes', 'retests', 'warnings'] as const satisfies readonly DataArea[];
