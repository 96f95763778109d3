/** Handlers of the exports (shared/contract/exports.ts). */
import type { exportMethods } from '@shared/contract/exports';
import { exportOptions, exportTables } from '@main/services/exports';
import { exportCalendar } from '@main/services/exports/calendarFile';
import { cancelJob, jobProgress } from '@main/services/exports/jobs';
import type { HandlersOf } from '../handlerTypes';

export const exportHandlers: HandlersOf<typeof exportMethods> = {
  'exports.options': (ctx) => exportOptions(ctx),
  'exports.create': (ctx, input) => exportTables(ctx, input),
  'exports.progress': (ctx, input) => jobProgress(ctx, input.jobId),
  'exports.cancel': (ctx, input) => ({ canceled: cancelJob(ctx, input.jobId) }),
  'exports.calendar': (ctx, input) => exportCalendar(ctx, input),
};
