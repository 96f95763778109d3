import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIRST_PLAN_DAY_SQL,
  FIRST_RUN_LOG_SQL,
  FIRST_STRENGTH_LOG_SQL,
  LAST_DELOAD_SQL,
  LOAD_PLAN_DAYS_SQL,
  LOAD_RUNS_SQL,
  LOAD_STRENGTH_SQL,
  LOAD_WELLNESS_SQL,
  NEXT_DELOAD_SQL,
} from '@main/db/repositories/loadMonitoring';
import { ACTION_HISTORY_SQL, ATHLETE_ACTION_HISTORY_SQL, RECENT_DISMISSALS_SQL } from '@main/db/repositories/warnings';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import { queryPlan } from '../support/calls';
import { openTempSquad, type TempSquad } from '../support/tempSquad';

/**
 * Load monitoring and the warnings read one athlete at a time, by index (issue 7): checked on the
 * sample squad (its plan, logs, wellness checks and the warnings' history) after ANALYZE.
 */
let squad: TempSquad;
beforeAll(async () => {
  squad = await openTempSquad();
  loadGeneratedSquad(squad.db, { seed: 7, size: 'sample' }, new Date('2026-11-18T06:00:00Z'));
  squad.db.exec('ANALYZE');
}, 60_000);
afterAll(() => squad.close());

describe('query plans of load monitoring', () => {
  it("an athlete's plan days in a range come from the calendar's athlete index", () => {
    expect(queryPlan(squad, LOAD_PLAN_DAYS_SQL)).toBe('SEARCH athlete_day USING INDEX athlete_day_by_athlete (athlete_id=? AND day>? AND day<?)');
  });

  it("an athlete's sessions, runs and wellness checks in a range come from their (athlete, date) keys", () => {
    expect(queryPlan(squad, LOAD_STRENGTH_SQL)).toMatch(/^SEARCH strength_log USING INDEX sqlite_autoindex_strength_log_\d \(athlete_id=\? AND date>\? AND date<\?\)$/);
    expect(queryPlan(squad, LOAD_RUNS_SQL)).toMatch(/^SEARCH run_log USING INDEX sqlite_autoindex_run_log_\d \(athlete_id=\? AND date>\? AND date<\?\)$/);
    expect(queryPlan(squad, LOAD_WELLNESS_SQL)).toMatch(/^SEARCH wellness_entry USING INDEX sqlite_autoindex_wellness_entry_\d \(athlete_id=\? AND date>\? AND date<\?\)$/);
  });

  it('the last and next deload days come from the partial deload index, the first days from the athlete indexes', () => {
    expect(queryPlan(squad, LAST_DELOAD_SQL)).toBe('SEARCH athlete_day USING COVERING INDEX athlete_day_deload (athlete_id=? AND day<?)');
    expect(queryPlan(squad, NEXT_DELOAD_SQL)).toBe('SEARCH athlete_day USING COVERING INDEX athlete_day_deload (athlete_id=? AND day>?)');
    expect(queryPlan(squad, FIRST_PLAN_DAY_SQL)).toBe('SEARCH athlete_day USING COVERING INDEX athlete_day_by_athlete (athlete_id=?)');
    expect(queryPlan(squad, FIRST_STRENGTH_LOG_SQL)).toMatch(/^SEARCH strength_log USING COVERING INDEX sqlite_autoindex_strength_log_\d \(athlete_id=\?\)$/);
    expect(queryPlan(squad, FIRST_RUN_LOG_SQL)).toMatch(/^SEARCH run_log USING COVERING INDEX sqlite_autoindex_run_log_\d \(athlete_id=\?\)$/);
  });

  it("the warnings' history, the squad's and an athlete's, is read newest first from its indexes with no sort", () => {
    const all = queryPlan(squad, ACTION_HISTORY_SQL);
    expect(all).toBe('SCAN a\nSEARCH p USING INTEGER PRIMARY KEY (rowid=?)');
    const one = queryPlan(squad, ATHLETE_ACTION_HISTORY_SQL);
    expect(one).toBe('SEARCH a USING INDEX warning_action_by_athlete (athlete_id=?)\nSEARCH p USING INTEGER PRIMARY KEY (rowid=?)');
    expect(queryPlan(squad, RECENT_DISMISSALS_SQL)).toMatch(/^SEARCH warning_action USING INDEX warning_action_dismissed \(created_at>\?\)/);
  });
});
