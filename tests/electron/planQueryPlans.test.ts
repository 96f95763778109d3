import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATHLETE_CHANGES_RANGE_SQL, ATHLETE_SWAPS_OVERLAPPING_SQL } from '@main/db/repositories/athleteChanges';
import { ACTIVE_ATHLETE_IDS_SQL, ATHLETE_DAYS_SQL, GRID_SQL } from '@main/db/repositories/athleteDays';
import { BLOCK_LIST_SQL, BLOCKS_OVERLAPPING_SQL } from '@main/db/repositories/blocks';
import { EVENTS_IN_RANGE_SQL } from '@main/db/repositories/calendarEvents';
import { EXERCISE_LIST_SQL } from '@main/db/repositories/exercises';
import { PRESCRIPTION_LIST_SQL, TEMPLATE_LIST_SQL } from '@main/db/repositories/templates';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import { openTempSquad, type TempSquad } from '../support/tempSquad';

/**
 * The calendar and plan screens read through indexes: checked on the large squad (300 athletes,
 * three seasons of blocks, 327,000 calendar rows) after ANALYZE, so the planner sees realistic
 * statistics.
 */
let squad: TempSquad;
beforeAll(async () => {
  squad = await openTempSquad();
  loadGeneratedSquad(squad.db, { seed: 7, size: 'large' }, new Date('2026-09-07T06:00:00Z'));
  squad.db.exec('ANALYZE');
}, 60_000);
afterAll(() => squad.close());

function plan(sql: string): string {
  const named = /@(\w+)/g;
  const names = [...new Set([...sql.matchAll(named)].map((m) => m[1] as string))];
  const positional = (sql.match(/\?/g) ?? []).map(() => 20703);
  const statement = squad.db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (names.length > 0 ? statement.all(Object.fromEntries(names.map((n) => [n, '2026-09-07']))) : statement.all(...positional)) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('query plans of the calendar and the plan screens', () => {
  it('the grid reads a day range for every athlete from the covering index alone', () => {
    const detail = plan(GRID_SQL);
    expect(detail).toBe('SEARCH athlete_day USING COVERING INDEX athlete_day_by_day (day>? AND day<?)');
  });

  it("one athlete's days come from their own index range, in day order, with the template by primary key", () => {
    const detail = plan(ATHLETE_DAYS_SQL);
    expect(detail).toMatch(/SEARCH d USING INDEX athlete_day_by_athlete \(athlete_id=\? AND day>\? AND day<\?\)/);
    expect(detail).toMatch(/SEARCH t USING INTEGER PRIMARY KEY/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN/);
  });

  it('the grid lists active athletes from a roster index, never the table', () => {
    // 300 small index entries either way (athlete_active_by_name or athlete_by_group, whichever the planner prefers).
    expect(plan(ACTIVE_ATHLETE_IDS_SQL)).toMatch(/^SCAN athlete USING COVERING INDEX athlete_(active_by_name|by_group)$/);
  });

  const lists: [string, string, RegExp][] = [
    ['blocks in date order', BLOCK_LIST_SQL, /SCAN block USING INDEX block_by_dates/],
    ['blocks overlapping a range', BLOCKS_OVERLAPPING_SQL, /SEARCH block USING INDEX block_by_dates \(start_date<\?\)/],
    ['test days and races in a range', EVENTS_IN_RANGE_SQL, /SEARCH calendar_event USING INDEX calendar_event_by_date \(date>\? AND date<\?\)/],
    ['the exercise library by name', EXERCISE_LIST_SQL, /SCAN exercise USING INDEX exercise_by_name/],
    ['templates by name', TEMPLATE_LIST_SQL, /SCAN session_template USING INDEX session_template_by_name/],
    ['prescriptions in template order', PRESCRIPTION_LIST_SQL, /SCAN template_prescription USING INDEX sqlite_autoindex_template_prescription_1/],
    ["an athlete's changes in a range", ATHLETE_CHANGES_RANGE_SQL, /SEARCH athlete_day_change USING INDEX sqlite_autoindex_athlete_day_change_1 \(athlete_id=\? AND date>\? AND date<\?\)/],
    ["an athlete's swaps", ATHLETE_SWAPS_OVERLAPPING_SQL, /SEARCH exercise_swap USING INDEX exercise_swap_by_athlete \(athlete_id=\? AND from_date<\?\)/],
  ];
  for (const [name, sql, expected] of lists) {
    it(`${name}: an index, no sort step`, () => {
      const detail = plan(sql);
      expect(detail).toMatch(expected);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    });
  }
});
