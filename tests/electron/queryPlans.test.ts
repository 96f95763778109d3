import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATHLETE_LIST_SQL } from '@main/db/repositories/athletes';
import { GROUP_LIST_SQL } from '@main/db/repositories/groups';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import { openTempSquad, type TempSquad } from '../support/tempSquad';

/**
 * Every list a screen shows is read through an index: no full-table scan of athletes, no sort
 * step. Checked on the large squad after ANALYZE, so the planner sees realistic statistics.
 */
let squad: TempSquad;
beforeAll(async () => {
  squad = await openTempSquad();
  loadGeneratedSquad(squad.db, { seed: 7, size: 'large' }, new Date('2026-09-07T06:00:00Z'));
  squad.db.exec('ANALYZE');
});
afterAll(() => squad.close());

function plan(sql: string): string {
  const params = (sql.match(/\?/g) ?? []).map(() => 1);
  const rows = squad.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('query plans of the roster screen', () => {
  for (const [name, sql] of Object.entries(ATHLETE_LIST_SQL)) {
    it(`athletes.list (${name}) uses an index and needs no sort`, () => {
      const detail = plan(sql);
      expect(detail).toMatch(/USING (COVERING )?INDEX athlete_(active_by_name|archived_by_name|by_name)/);
      expect(detail).not.toMatch(/SCAN athlete(?! USING)/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    });
  }

  it('groups.list reads groups in order and counts athletes through the group index', () => {
    const detail = plan(GROUP_LIST_SQL);
    expect(detail).toMatch(/SCAN g USING INDEX squad_group_by_order/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
    expect(detail).toMatch(/SEARCH a USING (COVERING )?INDEX athlete_by_group \(group_id=\? AND archived_at=\?\)/);
  });
});
