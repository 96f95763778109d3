/** Handlers of the re-test methods (shared/contract/retests.ts), spread into the handler map. */
import type { HandlersOf } from '../handlerTypes';
import type { retestsMethods } from '@shared/contract/retests';
import * as retests from '@main/services/retests/records';
import { athleteTrend, compareSessions, reliabilityOfSession, retestDeclines } from '@main/services/retests/compare';
import { exportComparison } from '@main/services/retests/export';
import { commitSessionImport, previewSessionImport } from '@main/services/retests/import';

export const retestHandlers: HandlersOf<typeof retestsMethods> = {
  'retests.listTests': (ctx) => retests.listTests(ctx.db),
  'retests.createTest': (ctx, input) => retests.createTest(ctx.db, input, ctx.now()),
  'retests.updateTest': (ctx, input) => retests.updateTest(ctx.db, input.id, input.fields, ctx.now()),
  'retests.setTestHidden': (ctx, input) => retests.setTestHidden(ctx.db, input.id, input.hidden, ctx.now()),
  'retests.setTypicalError': (ctx, input) => retests.setTypicalError(ctx.db, input, ctx.now()),
  'retests.removeTest': (ctx, input) => retests.removeTest(ctx.db, input.id),
  'retests.settings': (ctx) => retests.getRetestSettings(ctx.db),
  'retests.updateSettings': (ctx, input) => retests.updateRetestSettings(ctx.db, input, ctx.now()),

  'retests.listSessions': (ctx) => retests.listSessions(ctx.db),
  'retests.getSession': (ctx, input) => retests.getSessionSheet(ctx.db, input.id),
  'retests.createSession': (ctx, input) => retests.createSession(ctx.db, input, ctx.now()),
  'retests.updateSession': (ctx, input) => retests.updateSession(ctx.db, input.id, input.fields, ctx.now()),
  'retests.removeSession': (ctx, input) => retests.removeSession(ctx.db, input.id),
  'retests.restoreSession': (ctx, input) => retests.restoreSession(ctx.db, input.snapshot, ctx.now()),
  'retests.saveResults': (ctx, input) => retests.saveResults(ctx.db, input.sessionId, input.athletes, ctx.now()),
  'retests.previewImport': (ctx, input) => previewSessionImport(ctx.db, input.sessionId, input.file),
  'retests.commitImport': (ctx, input) => commitSessionImport(ctx.db, input, ctx.now()),
  'retests.reliability': (ctx, input) => reliabilityOfSession(ctx.db, input.sessionId),
  'retests.compare': (ctx, input) => compareSessions(ctx.db, input),
  'retests.athleteTrend': (ctx, input) => athleteTrend(ctx.db, input.athleteId),
  'retests.declines': (ctx, input) => retestDeclines(ctx.db, { since: input.since }),
  'retests.exportComparison': (ctx, input) => exportComparison(ctx, input),
};
