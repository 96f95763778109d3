/**
 * Calling the API the way the window does (through the dispatcher, validation included), for
 * integration tests: `ok` expects success, `refused` expects a refusal that changed nothing.
 */
import { expect } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import type { MethodInput, MethodName, MethodResult } from '../../shared/contract';
import type { AppErrorBody } from '../../shared/errors';
import { databaseFingerprint, type TempSquad } from './tempSquad';

export function apiCalls(squad: () => TempSquad) {
  return {
    async ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
      const response = await dispatch(squad().ctx, method, input);
      if (!response.ok) throw new Error(`${method} failed: ${response.error.message}`);
      return response.value as MethodResult<M>;
    },
    /** A call that must fail and leave every row of every table as it was. */
    async refused(method: MethodName, input: unknown): Promise<AppErrorBody> {
      const { db, ctx } = squad();
      const before = databaseFingerprint(db);
      const response = await dispatch(ctx, method, input, () => undefined);
      expect(response.ok, `${method} should have been refused`).toBe(false);
      expect(databaseFingerprint(db)).toBe(before);
      if (response.ok) throw new Error('unreachable');
      return response.error;
    },
  };
}

/** The plan SQLite chooses for a query (parameters bound to 1), one detail per line. */
export function queryPlan(squad: TempSquad, sql: string): string {
  const params = (sql.match(/\?/g) ?? []).map(() => 1);
  return (squad.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}
