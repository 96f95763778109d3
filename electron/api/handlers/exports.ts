/** Handlers of the exports (shared/contract/exports.ts). */
import type { exportMethods } from '../../../shared/contract/exports';
import { exportOptions, exportTables } from '../../services/exports';
import { exportCalendar } from '../../services/exports/calendarFile';
import { cancelJob, jobProgress } from '../../services/exports/jobs';
import type { Handler } from '../handlers';

type ExportMethod = keyof typeof exportMethods;

export const exportHandlers: { [M in ExportMethod]: Handler<M> } = {
  'exports.options': (ctx) => exportOptions(ctx),
  'exports.create': (ctx, input) => exportTables(ctx, input),
  'exports.progress': (ctx, input) => jobProgress(ctx, input.jobId),
  'exports.cancel': (ctx, input) => ({ canceled: cancelJob(ctx, input.jobId) }),
  'exports.calendar': (ctx, input) => exportCalendar(ctx, input),
};
