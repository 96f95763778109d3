/**
 * Running exports, by the number the page gave them: how far each has got (the page polls
 * `exports.progress` for its progress bar) and whether the coach asked to stop it.
 */
import type { ExportProgress } from '@shared/contract/exports';
import type { ApiContext } from '@main/api/context';

export class ExportCanceled extends Error {
  constructor() {
    super('The export was stopped.');
  }
}

export interface ExportJob {
  readonly id: string;
  progress: ExportProgress;
  canceled: boolean;
}

const running = new WeakMap<ApiContext, Map<string, ExportJob>>();

function jobsOf(ctx: ApiContext): Map<string, ExportJob> {
  let jobs = running.get(ctx);
  if (!jobs) running.set(ctx, (jobs = new Map()));
  return jobs;
}

export function startJob(ctx: ApiContext, id: string): ExportJob {
  const job: ExportJob = { id, progress: { stage: 'Reading the squad', done: 0, total: 0 }, canceled: false };
  jobsOf(ctx).set(id, job);
  return job;
}

export function endJob(ctx: ApiContext, job: ExportJob): void {
  if (jobsOf(ctx).get(job.id) === job) jobsOf(ctx).delete(job.id);
}

export function jobProgress(ctx: ApiContext, id: string): ExportProgress | null {
  const job = jobsOf(ctx).get(id);
  return job ? { ...job.progress } : null;
}

export function cancelJob(ctx: ApiContext, id: string): boolean {
  const job = jobsOf(ctx).get(id);
  if (!job) return false;
  job.canceled = true;
  return true;
}

/** Hand control back to the event loop (other calls, the file stream) before the next batch. */
export function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
