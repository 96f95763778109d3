/** Handlers of the deload warnings (shared/contract/warnings.ts). */
import type { warningMethods } from '@shared/contract/warnings';
import * as warnings from '@main/services/warnings';
import type { HandlersOf } from '../handlerTypes';

export const warningHandlers: HandlersOf<typeof warningMethods> = {
  'warnings.list': (ctx, input) => warnings.listWarnings(ctx.db, input, ctx.now()),
  'warnings.forAthlete': (ctx, input) => warnings.athleteWarnings(ctx.db, input.athleteId, ctx.now()),
  'warnings.dismiss': (ctx, input) => warnings.dismissWarning(ctx.db, input, ctx.now()),
  'warnings.scheduleDeload': (ctx, input) => warnings.scheduleDeload(ctx.db, input, ctx.now()),
  'warnings.restore': (ctx, input) => warnings.restoreWarningAction(ctx.db, input.actionId, ctx.now()),
  'warnings.history': (ctx, input) => warnings.warningHistory(ctx.db, input),
  'warnings.thresholds': (ctx) => warnings.warningThresholds(ctx.db),
  'warnings.updateThresholds': (ctx, input) => warnings.updateWarningThresholds(ctx.db, input, ctx.now()),
};
