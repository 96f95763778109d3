/**
 * Calling the API the way the window does (through the dispatcher, validation included), for
 * integration tests: `ok` expects success, `refused` expects a refusal that is not an internal
 * error and that changed nothing (every row of every table as it was).
 */
import { expect } from 'vitest';
import type { ApiContext } from '@main/api/context';
import { dispatch } from '@main/api/dispatch';
import type { MethodInput, MethodName, MethodResult } from '@shared/contract';
import type { AppErrorBody } from '@shared/errors';
import { databaseFingerprint, type TempSquad } from './tempSquad';

export function apiCallsOn(context: () => ApiContext) {
  return {
    async ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
      const response = await dispatch(context(), method, input);
      if (!response.ok) throw new Error(`${method} failed: ${response.error.message}`);
      return response.value as MethodResult<M>;
    },
    async refused(method: MethodName, input: unknown): Promise<AppErrorBody> {
      const ctx = context();
      const before = ctx.hasDatabase ? databaseFingerprint(ctx.db) : null;
      const response = await dispatch(ctx, method, input, () => undefined);
      expect(response.ok, `${method} should have been refused`).toBe(false);
      if (before !== null) expect(databaseFingerprint(ctx.db)).toBe(before);
      if (response.ok) throw new Error('unreachable');
      expect(response.error.code, response.error.message).not.toBe('internal');
      return response.error;
    },
  };
}

/** `ok` / `refused` on a temp squad (looked up at call time, so it can be reopened per test). */
export function apiCalls(squad: () => TempSquad) {
  return apiCallsOn(() => squad().ctx);
}

/** The plan SQLite chooses for a query (parameters bound to 1), one detail per line. */
export function queryPlan(squad: TempSquad, sql: string): string {
  const params = (sql.match(/\?/g) ?? []).map(() => 1);
  return (squad.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

/** A file as the page sends it for an import (imports.readTable, retests.previewImport): its bytes in base64. */
export function uploadOf(content: string | Uint8Array, fileName = 'results.csv'): { fileName: string; contentBase64: string } {
  return { fileName, contentBase64: Buffer.from(content).toString('base64') };
}
