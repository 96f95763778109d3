/** Handlers of the re-test methods (shared/contract/retests.ts), spread into the handler map. */
import type { Handler } from '../handlers';
import type { MethodName } from '../../../shared/contract';
import * as retests from '../../services/retests';
import { athleteTrend, compareSessions, reliabilityOfSession, retestDeclines } from '../../services/retestCompare';
import { exportComparison } from '../../services/retestExport';
import { commitSessionImport, previewSessionImport } from '../../services/retestImport';

type RetestMethod = Extract<MethodName, `tests.${string}` | `retests.${string}`>;

export const retestHandlers: { [M in RetestMethod]: Handler<M> } = {
  'tests.list': (ctx) => retests.listTests(ctx.db),
  'tests.create': (ctx, input) => retests.createTest(ctx.db, input, ctx.now()),
  'tests.update': (ctx, input) => retests.updateTest(ctx.db, input.id, input.fields, ctx.now()),
  'tests.setHidden': (ctx, input) => retests.setTestHidden(ctx.db, input.id, input.hidden, ctx.now()),
  'tests.setTypicalError': (ctx, input) => retests.setTypicalError(ctx.db, input, ctx.now()),
  'tests.remove': (ctx, input) => retests.removeTest(ctx.db, input.id),
  'tests.settings': (ctx) => retests.getRetestSettings(ctx.db),
  'tests.updateSettings': (ctx, input) => retests.updateRetestSettings(ctx.db, input, ctx.now()),

  'retests.listSessions': (ctx) => retests.listSessions(ctx.db),
  'retests.getSession': (ctx, input) => retests.getSessionSheet(ctx.db, input.id),
  'retests.createSession': (ctx, input) => retests.createSession(ctx.db, input, ctx.now()),
  'retests.updateSession': (ctx, input) => retests.updateSession(ctx.db, input.id, input.fields, ctx.now()),
  'retests.removeSession': (ctx, input) => retests.removeSession(ctx.db, input.id),
  'retests.restoreSession': (ctx, input) => retests.restoreSession(ctx.db, input.snapshot, ctx.now()),
  'retests.saveResults': (ctx, input) => retests.saveResults(ctx.db, input.sessionId, input.athletes, ctx.now()),
  'retests.previewImport': (ctx, input) => previewSessionImport(ctx.db, input.sessionId, input.csv),
  'retests.commitImport': (ctx, input) => commitSessionImport(ctx.db, input, ctx.now()),
  'retests.reliability': (ctx, input) => reliabilityOfSession(ctx.db, input.sessionId),
  'retests.compare': (ctx, input) => compareSessions(ctx.db, input),
  'retests.athleteTrend': (ctx, input) => athleteTrend(ctx.db, input.athleteId),
  'retests.declines': (ctx, input) => retestDeclines(ctx.db, { since: input.since }),
  'retests.exportComparison': (ctx, input) => exportComparison(ctx.db, input),
};
