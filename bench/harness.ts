/**
 * Tools for `npm run bench`: repeat a measurement, take the median, report memory. A benchmark,
 * not a test: it prints numbers and fails only if something breaks.
 *
 * BENCH_SMOKE=1 (the smoke test in `npm test`, tests/e2e/bench.test.ts) measures everything once,
 * without warm-up, on the small sample squad: the figures mean nothing, but every measurement runs.
 */
import { performance } from 'node:perf_hooks';

export const SMOKE = process.env.BENCH_SMOKE === '1';

/** How many times to repeat a measurement: `n`, or once in a smoke run. */
export function repeats(n: number): number {
  return SMOKE ? 1 : n;
}

/** How many unmeasured warm-up runs: `n`, or none in a smoke run. */
export function warmups(n: number): number {
  return SMOKE ? 0 : n;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** Run `fn` `warmup` times unmeasured, then `runs` times; the median in milliseconds (see repeats, warmups). */
export async function medianMs(fn: () => unknown, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmups(warmup); i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeats(runs); i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return round(median(times));
}

export function round(value: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function heapUsedMb(): number {
  return round(process.memoryUsage().heapUsed / 1024 / 1024, 1);
}
