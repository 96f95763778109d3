import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ATHLETE_SCORES_SQL,
  SESSION_ENTRIES_SQL,
  SESSION_LIST_SQL,
  SESSION_SCORES_SQL,
  SQUAD_TREND_SQL,
  TEST_LIST_SQL,
} from '@main/db/repositories/retests';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import { queryPlan } from '../support/calls';
import { openTempSquad, type TempSquad } from '../support/tempSquad';

/**
 * The re-test screens' lists read through indexes (no full scan of results, no sort of them),
 * checked on the large squad (300 athletes, 19 sessions, about 45,000 results) after ANALYZE.
 */
let squad: TempSquad;
beforeAll(async () => {
  squad = await openTempSquad();
  loadGeneratedSquad(squad.db, { seed: 7, size: 'large' }, new Date('2026-09-07T06:00:00Z'));
  squad.db.exec('ANALYZE');
});
afterAll(() => squad.close());

const plan = (sql: string) => queryPlan(squad, sql);

describe('query plans of the re-test screens', () => {
  it('the session list reads sessions in date order and counts athletes from an index', () => {
    const detail = plan(SESSION_LIST_SQL);
    expect(detail).toMatch(/SCAN s USING INDEX test_session_by_date/);
    expect(detail).toMatch(/SEARCH e USING COVERING INDEX test_entry_by_session_athlete \(session_id=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('the battery reads tests in order and counts results from an index', () => {
    const detail = plan(TEST_LIST_SQL);
    expect(detail).toMatch(/SCAN t USING INDEX test_definition_by_order/);
    expect(detail).toMatch(/SEARCH e USING COVERING INDEX test_entry_by_test \(test_id=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it("a session's entry grid and scores search by session, trials by their entry", () => {
    const entries = plan(SESSION_ENTRIES_SQL);
    expect(entries).toMatch(/SEARCH e USING (COVERING )?INDEX (sqlite_autoindex_test_entry_1|test_entry_by_session_athlete) \(session_id=\?\)/);
    expect(entries).toMatch(/SEARCH r USING (COVERING )?INDEX sqlite_autoindex_test_trial_1 \(entry_id=\?\)/);
    expect(plan(SESSION_SCORES_SQL)).toMatch(/SEARCH test_entry USING INDEX (sqlite_autoindex_test_entry_1|test_entry_by_session_athlete) \(session_id=\?\)/);
  });

  it("an athlete's trend searches by athlete", () => {
    expect(plan(ATHLETE_SCORES_SQL)).toMatch(/SEARCH test_entry USING INDEX test_entry_by_athlete \(athlete_id=\?\)/);
  });

  it("the squad's trend is read from a covering index, already grouped (no table rows, no sort)", () => {
    const detail = plan(SQUAD_TREND_SQL);
    expect(detail).toMatch(/SCAN test_entry USING COVERING INDEX test_entry_by_test/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});
