/** Handlers of the season plan and the calendar (shared/contract/plan.ts). */
import type { planMethods } from '@shared/contract/plan';
import * as blocks from '@main/services/plan/blocks';
import * as calendar from '@main/services/plan/calendar';
import * as changes from '@main/services/plan/changes';
import * as events from '@main/services/plan/events';
import * as library from '@main/services/plan/library';
import type { HandlersOf } from '../handlerTypes';

export const planHandlers: HandlersOf<typeof planMethods> = {
  'exercises.list': (ctx, input) => library.listExercises(ctx.db, input.includeHidden),
  'exercises.create': (ctx, input) => library.createExercise(ctx.db, input, ctx.now()),
  'exercises.update': (ctx, input) => library.updateExercise(ctx.db, input.id, input.fields, ctx.now()),
  'exercises.setHidden': (ctx, input) => library.setExercisesHidden(ctx.db, input.ids, input.hidden, ctx.now()),
  'exercises.remove': (ctx, input) => library.removeExercise(ctx.db, input.id),

  'templates.list': (ctx, input) => library.listTemplates(ctx.db, input.includeHidden),
  'templates.create': (ctx, input) => library.createTemplate(ctx.db, input, ctx.now()),
  'templates.update': (ctx, input) => library.updateTemplate(ctx.db, input.id, input.fields, ctx.now()),
  'templates.setHidden': (ctx, input) => library.setTemplatesHidden(ctx.db, input.ids, input.hidden, ctx.now()),
  'templates.remove': (ctx, input) => library.removeTemplate(ctx.db, input.id),

  'blocks.list': (ctx) => blocks.listBlocks(ctx.db),
  'blocks.create': (ctx, input) => blocks.createBlock(ctx.db, input, ctx.now()),
  'blocks.update': (ctx, input) => blocks.updateBlock(ctx.db, input.id, input.fields, ctx.now()),
  'blocks.remove': (ctx, input) => blocks.removeBlock(ctx.db, input.id),

  'events.list': (ctx, input) => events.listEvents(ctx.db, input.from, input.to),
  'events.create': (ctx, input) => events.createEvent(ctx.db, input, ctx.now()),
  'events.update': (ctx, input) => events.updateEvent(ctx.db, input.id, input.fields),
  'events.remove': (ctx, input) => events.removeEvent(ctx.db, input.id),

  'changes.apply': (ctx, input) => changes.applyChange(ctx.db, input, ctx.now()),
  'changes.clear': (ctx, input) => changes.clearChanges(ctx.db, input, ctx.now()),
  'changes.move': (ctx, input) => changes.moveSession(ctx.db, input, ctx.now()),
  'changes.restore': (ctx, input) => changes.restoreChanges(ctx.db, input.rows, ctx.now()),

  'swaps.list': (ctx, input) => changes.listSwaps(ctx.db, input.athleteId),
  'swaps.create': (ctx, input) => changes.createSwaps(ctx.db, input.swaps, ctx.now()),
  'swaps.remove': (ctx, input) => changes.removeSwaps(ctx.db, input.ids),
  'swaps.suggestions': (ctx, input) => changes.injurySuggestions(ctx.db, input.athleteId, ctx.now()),

  'calendar.grid': (ctx, input) => calendar.calendarGrid(ctx.db, input.from, input.to),
  'calendar.day': (ctx, input) => calendar.dayDetail(ctx.db, input.athleteId, input.date),
  'calendar.summary': (ctx) => calendar.planSummary(ctx.db),
};
