/** Handlers of the squad's settings (shared/contract/settings.ts). */
import type { settingsMethods } from '@shared/contract/settings';
import * as settings from '@main/services/settings';
import type { HandlersOf } from '../handlerTypes';

export const settingsHandlers: HandlersOf<typeof settingsMethods> = {
  'settings.get': (ctx) => settings.getSettings(ctx.db, ctx.now()),
  'settings.update': (ctx, input) => settings.updateSettings(ctx.db, input, ctx.now()),
};
