/** Handlers of training load (shared/contract/load.ts). */
import type { loadMethods } from '../../../shared/contract/load';
import { athleteLoad, squadWeeks } from '../../services/load';
import type { Handler } from '../handlers';

// Typed against the contract without importing handlers.ts at run time (it imports this file).
type LoadHandlers = { [M in keyof typeof loadMethods]: Handler<M> };

export const loadHandlers: LoadHandlers = {
  'load.athlete': (ctx, input) => athleteLoad(ctx.db, input, ctx.now()),
  'load.squadWeeks': (ctx, input) => squadWeeks(ctx.db, input, ctx.now()),
};
