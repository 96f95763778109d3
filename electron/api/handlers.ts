/**
 * Every contract method, joined from per-domain handler maps (`handlers/<domain>.ts`, each typed
 * with `HandlersOf<typeof <domain>Methods>`). `HandlerMap` requires one handler per method: a
 * method added to shared/contract without a handler is a type error here.
 */
import type { HandlerMap } from './handlerTypes';
import { backupHandlers } from './handlers/backups';
import { exportHandlers } from './handlers/exports';
import { importHandlers } from './handlers/imports';
import { loadHandlers } from './handlers/load';
import { planHandlers } from './handlers/plan';
import { retestHandlers } from './handlers/retests';
import { appHandlers, rosterHandlers, sampleHandlers } from './handlers/roster';
import { settingsHandlers } from './handlers/settings';
import { sheetHandlers } from './handlers/sheets';
import { warningHandlers } from './handlers/warnings';

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
