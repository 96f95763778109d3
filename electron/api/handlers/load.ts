/** Handlers of training load (shared/contract/load.ts). */
import type { loadMethods } from '@shared/contract/load';
import { athleteLoad, squadWeeks } from '@main/services/load';
import type { HandlersOf } from '../handlerTypes';

export const loadHandlers: HandlersOf<typeof loadMethods> = {
  'load.athlete': (ctx, input) => athleteLoad(ctx.db, input, ctx.now()),
  'load.squadWeeks': (ctx, input) => squadWeeks(ctx.db, input, ctx.now()),
};
