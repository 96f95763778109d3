/**
 * The one list of methods the renderer may call (ARCHITECTURE.md "The contract").
 * Main's handler map, the preload and the browser-mode server are all derived from it: a
 * method added here without a handler is a type error in electron/api/handlers.ts.
 */
import type { z } from 'zod';
import type { AppErrorBody } from '../errors';
import type { MethodDef } from './define';
import { backupMethods } from './backups';
import { exportMethods } from './exports';
import { importMethods } from './imports';
import { loadMethods } from './load';
import { planMethods } from './plan';
import { appMethods, rosterMethods, sampleMethods } from './roster';
import { retestsMethods } from './retests';
import { settingsMethods } from './settings';
import { sheetMethods } from './sheets';
import { warningMethods } from './warnings';

export const contract = {
  ...appMethods,
  ...settingsMethods,
  ...rosterMethods,
  ...sampleMethods,
  ...backupMethods,
  ...importMethods,
  ...retestsMethods,
  ...planMethods,
  ...exportMethods,
  ...sheetMethods,
  ...loadMethods,
  ...warningMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
/** What a caller may pass (defaults still optional). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M] extends MethodDef<z.ZodType, infer R> ? R : never;

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: AppErrorBody };

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export { ipcChannel, IPC_CHANNEL_PREFIX } from './channels';
