import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_LOG_SQL, SETS_OF_LOG_SQL, STRENGTH_LOG_SQL, WELLNESS_SQL } from '@main/db/repositories/trainingLogs';
import { ESTIMATE_SETS_SQL, MAXES_OF_ATHLETE_SQL, MAXES_OF_EXERCISE_SQL } from '@main/db/repositories/workingMaxes';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import { queryPlan } from '../support/calls';
import { openTempSquad, type TempSquad } from '../support/tempSquad';

/**
 * The sheets and the result-entry screen read through indexes: checked on the large squad (300
 * athletes, two seasons of logged sessions, about 800,000 logged sets) after ANALYZE.
 */
let squad: TempSquad;
beforeAll(async () => {
  squad = await openTempSquad();
  loadGeneratedSquad(squad.db, { seed: 7, size: 'large' }, new Date('2026-09-07T06:00:00Z'));
  squad.db.exec('ANALYZE');
}, 120_000);
afterAll(() => squad.close());

describe('query plans of the sheets and the result-entry screen', () => {
  it("an athlete's recent sets of an exercise (the estimated 1RM) come from the partial index alone", () => {
    expect(queryPlan(squad, ESTIMATE_SETS_SQL)).toBe('SEARCH strength_set USING COVERING INDEX strength_set_for_estimate (athlete_id=? AND exercise_id=? AND date>? AND date<?)');
  });

  it("an athlete's day (session, its sets in order, run, wellness) is read by key, with no sort", () => {
    expect(queryPlan(squad, STRENGTH_LOG_SQL)).toMatch(/^SEARCH strength_log USING INDEX sqlite_autoindex_strength_log_\d \(athlete_id=\? AND date=\?\)$/);
    expect(queryPlan(squad, SETS_OF_LOG_SQL)).toBe('SEARCH strength_set USING PRIMARY KEY (log_id=? AND athlete_id=? AND date=?)');
    expect(queryPlan(squad, RUN_LOG_SQL)).toMatch(/^SEARCH run_log USING INDEX sqlite_autoindex_run_log_\d \(athlete_id=\? AND date=\?\)$/);
    expect(queryPlan(squad, WELLNESS_SQL)).toMatch(/^SEARCH wellness_entry USING INDEX sqlite_autoindex_wellness_entry_\d \(athlete_id=\? AND date=\?\)$/);
  });

  it("working maxes: an athlete's by primary key, an exercise's across the squad by its index", () => {
    expect(queryPlan(squad, MAXES_OF_ATHLETE_SQL)).toMatch(/^SEARCH working_max USING INDEX sqlite_autoindex_working_max_\d \(athlete_id=\?\)$/);
    expect(queryPlan(squad, MAXES_OF_EXERCISE_SQL)).toBe('SEARCH working_max USING INDEX working_max_by_exercise (exercise_id=?)');
  });

  it('load monitoring can read an athlete\'s sessions and runs over a date range by index (issue 7)', () => {
    expect(queryPlan(squad, 'SELECT date, session_rpe, minutes FROM strength_log WHERE athlete_id = ? AND date BETWEEN ? AND ?')).toMatch(/SEARCH strength_log USING INDEX sqlite_autoindex_strength_log_\d \(athlete_id=\? AND date>\? AND date<\?\)/);
    expect(queryPlan(squad, 'SELECT date, session_rpe, minutes FROM run_log WHERE athlete_id = ? AND date BETWEEN ? AND ?')).toMatch(/SEARCH run_log USING INDEX sqlite_autoindex_run_log_\d \(athlete_id=\? AND date>\? AND date<\?\)/);
    expect(queryPlan(squad, 'SELECT athlete_id, session_rpe, minutes FROM strength_log WHERE date BETWEEN ? AND ?')).toMatch(/SEARCH strength_log USING INDEX strength_log_by_date \(date>\? AND date<\?\)/);
  });
});
