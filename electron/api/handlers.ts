/**
 * Every contract method, joined from per-domain handler maps. `HandlerMap` requires one
 * handler per method: a method added to shared/contract without a handler is a type error here.
 */
import type { MethodName, MethodResult, ParsedInput } from '../../shared/contract';
import * as roster from '../services/roster';
import { backupHandlers } from './handlers/backups';
import { importHandlers } from './handlers/imports';
import { loadGeneratedSquad } from '../services/sampleSquad';
import * as settings from '../services/settings';
import type { ApiContext } from './context';
import { retestHandlers } from './handlers/retests';
import { planHandlers } from './handlers/plan';
import { exportHandlers } from './handlers/exports';
import { sheetHandlers } from './handlers/sheets';
import { loadHandlers } from './handlers/load';
import { warningHandlers } from './handlers/warnings';

export type Handler<M extends MethodName> = (ctx: ApiContext, input: ParsedInput<M>) => MethodResult<M> | Promise<MethodResult<M>>;
export type HandlerMap = { [M in MethodName]: Handler<M> };

/** Type a subset of handlers against the contract (for per-domain modules). */
export function defineHandlers<K extends MethodName>(handlers: { [M in K]: Handler<M> }) {
  return handlers;
}

const appHandlers = defineHandlers({
  'app.status': (ctx) => ctx.status,
});

const settingsHandlers = defineHandlers({
  'settings.get': (ctx) => settings.getSettings(ctx.db, ctx.now()),
  'settings.update': (ctx, input) => settings.updateSettings(ctx.db, input, ctx.now()),
});

const rosterHandlers = defineHandlers({
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
});

const sampleHandlers = defineHandlers({
  'sample.load': (ctx, input) => loadGeneratedSquad(ctx.db, { seed: input.seed, size: 'sample' }, ctx.now()),
});

export const handlers: HandlerMap = {
  ...appHandlers,
  ...settingsHandlers,
  ...rosterHandlers,
  ...sampleHandlers,
  ...backupHandlers,
  ...importHandlers,
  ...retestHandlers,
  ...planHandlers,
  ...exportHandlers,
  ...sheetHandlers,
  ...loadHandlers,
  ...warningHandlers,
};
