/**
 * The warnings keep the squad's re-test declines between reads, keyed on the 're-tests' change
 * counter that triggers keep (migration 006). A result changed in place, by any code path (same
 * number of rows, same ids, no timestamp moved), must still reach the next warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import { athleteWarnings, computeWarnings } from '@main/services/warnings';
import { retestDeclines } from '@main/services/retests/compare';
import { openTempSquad, type TempSquad } from '../support/tempSquad';

const now = new Date('2026-11-18T07:00:00');
let squad: TempSquad;

beforeAll(async () => {
  squad = await openTempSquad({ now: () => now });
  loadGeneratedSquad(squad.db, { seed: 1, size: 'sample' }, now);
});
afterAll(() => squad.close());

const counter = () => squad.db.prepare("SELECT version FROM data_version WHERE area = 'retests'").pluck().get() as number;

describe('the warnings\u2019 re-test declines', () => {
  it('follow a result changed in place, and are kept while nothing of the re-tests changes', () => {
    const first = computeWarnings(squad.db, now).warnings.find((w) => w.signals.some((s) => s.key === 'retest-decline'));
    if (!first) throw new Error('the sample squad should have an athlete with a re-test decline');
    const decline = retestDeclines(squad.db).find((d) => d.athleteId === first.athleteId);
    if (!decline) throw new Error('no decline behind the warning');

    // Reading changes nothing: the counter stays, and the second read is the same.
    const before = counter();
    expect(athleteWarnings(squad.db, first.athleteId, now).warning?.signals.map((s) => s.key)).toContain('retest-decline');
    expect(counter()).toBe(before);

    // The latest score put back to the previous one, in place: same rows, same ids, same timestamps.
    const previous = squad.db
      .prepare(
        `SELECT e.score FROM test_entry e JOIN test_session s ON s.id = e.session_id
         WHERE e.athlete_id = ? AND e.test_id = ? AND e.side = ? AND s.session_date = ?`,
      )
      .pluck()
      .get(decline.athleteId, decline.testId, decline.side, decline.previousSessionDate) as number;
    const entryId = squad.db
      .prepare('SELECT id FROM test_entry WHERE athlete_id = ? AND test_id = ? AND side = ? AND session_id = ?')
      .pluck()
      .get(decline.athleteId, decline.testId, decline.side, decline.sessionId) as number;
    const rows = squad.db.prepare('SELECT count(*) FROM test_entry').pluck().get();
    squad.db.prepare('UPDATE test_entry SET score = ? WHERE id = ?').run(previous, entryId);
    squad.db.prepare('UPDATE test_trial SET value = ? WHERE entry_id = ?').run(previous, entryId);
    expect(squad.db.prepare('SELECT count(*) FROM test_entry').pluck().get()).toBe(rows);
    expect(counter()).toBeGreaterThan(before);

    expect(retestDeclines(squad.db).some((d) => d.athleteId === decline.athleteId && d.testId === decline.testId && d.sessionId === decline.sessionId)).toBe(false);
    const after = athleteWarnings(squad.db, first.athleteId, now).warning;
    expect(after?.signals.some((s) => s.key === 'retest-decline' && s.reason.includes(decline.testName)) ?? false).toBe(false);
  });
});
