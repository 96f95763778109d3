/**
 * Exports on the large squad (300 athletes, three 52-week seasons, ~330k athlete-days):
 * - exportWorkbookMs: every table, all three seasons, as one XLSX workbook, through the dispatcher;
 * - exportWorkbookRows / exportWorkbookMb: what that file holds;
 * - exportWorkbookMaxStallMs: the longest the event loop was held during it (main must keep
 *   answering the window while it writes; measured with monitorEventLoopDelay);
 * - exportWorkbookHeapGrowthMb: the largest heap used during it, above the heap before it;
 * - exportCsvZipMs: the same tables as CSV files in a .zip;
 * - exportIcsGroupMs: the calendar file of the largest group, all three seasons (and
 *   exportIcsGroupMaxStallMs, the longest the event loop was held while making it);
 * - exportIcsAthleteMs: one athlete's calendar file, all three seasons.
 */
import fs from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { dispatch } from '@main/api/dispatch';
import type { ApiContext } from '@main/api/context';
import type { MethodInput, MethodName, MethodResult } from '@shared/contract';
import type { SavedFile } from '@shared/contract/backups';
import type { Measurement } from '../context';
import { median, repeats, round } from '../harness';

/** Watch the event loop's delays; the watch needs a turn of the loop to start before the work does. */
async function watchEventLoop() {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return loop;
}

async function call<M extends MethodName>(ctx: ApiContext, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const response = await dispatch(ctx, method, input);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.value as MethodResult<M>;
}

/** Size of a finished download, and the download deleted (nobody fetches it here). */
function take(ctx: ApiContext, file: SavedFile): number {
  if (file.outcome !== 'download') throw new Error('expected a download');
  const entry = ctx.transfers.take(file.downloadId, 'download');
  const size = entry ? fs.statSync(entry.path).size : 0;
  if (entry) fs.rmSync(entry.path, { force: true });
  return size;
}

export const exportsMeasurement: Measurement = {
  name: 'exports',
  async run({ ctx, db }) {
    const span = db.prepare('SELECT min(date) AS first, max(date) AS last FROM athlete_day').get() as { first: string; last: string };
    const tables = (await call(ctx, 'exports.options', {})).tables.map((t) => t.key);
    const everything = { format: 'xlsx' as const, tables, from: span.first, to: span.last, includeArchived: true };

    // The workbook, three times (a long export: the median of three), watching the event loop and the heap.
    const workbookTimes: number[] = [];
    let rows = 0;
    let bytes = 0;
    let maxStallMs = 0;
    let heapGrowthMb = 0;
    for (let run = 0; run < repeats(3); run += 1) {
      const heapBefore = process.memoryUsage().heapUsed;
      let heapPeak = heapBefore;
      const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 20);
      const loop = await watchEventLoop();
      const started = performance.now();
      const result = await call(ctx, 'exports.create', { ...everything, jobId: `bench-workbook-${run}` });
      workbookTimes.push(performance.now() - started);
      loop.disable();
      clearInterval(sampler);
      maxStallMs = Math.max(maxStallMs, loop.max / 1e6);
      heapGrowthMb = Math.max(heapGrowthMb, (heapPeak - heapBefore) / 1024 / 1024);
      rows = result.tables.reduce((n, t) => n + t.rows, 0);
      bytes = take(ctx, result.file);
    }

    const csvStarted = performance.now();
    const csv = await call(ctx, 'exports.create', { ...everything, format: 'csv', jobId: 'bench-csv' });
    const exportCsvZipMs = round(performance.now() - csvStarted);
    take(ctx, csv.file);

    // The largest group's calendar, and one athlete's, over all three seasons.
    const groups = await call(ctx, 'groups.list', {});
    const largest = [...groups].sort((a, b) => b.athleteCount - a.athleteCount)[0];
    if (!largest) throw new Error('the large squad has no group');
    const athlete = (await call(ctx, 'athletes.list', { status: 'active' }))[0];
    if (!athlete) throw new Error('the large squad has no athlete');
    const icsGroupTimes: number[] = [];
    const icsAthleteTimes: number[] = [];
    let groupEvents = 0;
    let icsStallMs = 0;
    for (let run = 0; run < repeats(5); run += 1) {
      const loop = await watchEventLoop();
      let started = performance.now();
      const group = await call(ctx, 'exports.calendar', { subject: { kind: 'group', groupId: largest.id }, from: span.first, to: span.last });
      icsGroupTimes.push(performance.now() - started);
      loop.disable();
      icsStallMs = Math.max(icsStallMs, loop.max / 1e6);
      groupEvents = group.events;
      take(ctx, group.file);
      started = performance.now();
      const own = await call(ctx, 'exports.calendar', { subject: { kind: 'athlete', athleteId: athlete.id }, from: span.first, to: span.last });
      icsAthleteTimes.push(performance.now() - started);
      take(ctx, own.file);
    }

    return {
      exportWorkbookMs: round(median(workbookTimes)),
      exportWorkbookRows: rows,
      exportWorkbookMb: round(bytes / 1024 / 1024, 2),
      exportWorkbookMaxStallMs: round(maxStallMs),
      exportWorkbookHeapGrowthMb: round(heapGrowthMb, 1),
      exportCsvZipMs,
      exportIcsGroupMs: round(median(icsGroupTimes)),
      exportIcsGroupMaxStallMs: round(icsStallMs),
      exportIcsGroupEvents: groupEvents,
      exportIcsGroupAthletes: largest.athleteCount,
      exportIcsAthleteMs: round(median(icsAthleteTimes)),
    };
  },
};
