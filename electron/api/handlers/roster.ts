/** Handlers of the app's status, the roster and the sample squad (shared/contract/roster.ts). */
import type { appMethods, rosterMethods, sampleMethods } from '@shared/contract/roster';
import * as roster from '@main/services/roster/roster';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import type { HandlersOf } from '../handlerTypes';

export const appHandlers: HandlersOf<typeof appMethods> = {
  'app.status': (ctx) => ctx.status,
};

export const rosterHandlers: HandlersOf<typeof rosterMethods> = {
  'athletes.list': (ctx, input) => roster.listAthletes(ctx.db, input.status),
  'athletes.get': (ctx, input) => roster.getAthlete(ctx.db, input.id),
  'athletes.create': (ctx, input) => roster.createAthlete(ctx.db, input, ctx.now()),
  'athletes.update': (ctx, input) => roster.updateAthlete(ctx.db, input.id, input.fields, ctx.now()),
  'athletes.archive': (ctx, input) => roster.archiveAthletes(ctx.db, input.ids, ctx.now()),
  'athletes.restore': (ctx, input) => roster.restoreAthletes(ctx.db, input.ids, ctx.now()),
  'athletes.remove': (ctx, input) => roster.removeAthlete(ctx.db, input.id),
  'athletes.moveToGroup': (ctx, input) => roster.moveAthletesToGroup(ctx.db, input.ids, input.groupId, ctx.now()),
  'groups.list': (ctx) => roster.listGroups(ctx.db),
  'groups.create': (ctx, input) => roster.createGroup(ctx.db, input, ctx.now()),
  'groups.update': (ctx, input) => roster.updateGroup(ctx.db, input),
  'groups.reorder': (ctx, input) => roster.reorderGroups(ctx.db, input.orderedIds),
  'groups.remove': (ctx, input) => roster.removeGroup(ctx.db, input.id),
};

export const sampleHandlers: HandlersOf<typeof sampleMethods> = {
  'sample.load': (ctx, input) => loadGeneratedSquad(ctx.db, { seed: input.seed, size: 'sample' }, ctx.now()),
};
