/**
 * The small squad the session-sheet tests print, made through the API, for browser mode
 * (tests/e2e/sheets.test.ts, over HTTP) and the desktop app (tests/desktop, over IPC) alike.
 */
import { addDays, localToday, startOfWeek } from '@shared/dates';

/** Call a contract method and get its value (throwing its message on failure). */
export type CallApi = <T>(method: string, input: unknown) => Promise<T>;

// Last week's Monday is week 1 of the block (in the past); this week's Monday is week 2 (today or earlier).
export const THIS_MONDAY = startOfWeek(localToday(), 1);
export const WEEK1_MONDAY = addDays(THIS_MONDAY, -7);

export interface DistanceSquad {
  group: number;
  ana: number;
  ben: number;
  cara: number;
}

/**
 * A distance group of three on DOMAIN.md's foundational block (Monday: Foundational A): Ana has a
 * tested trap bar 1RM of 100 kg, Ben is injured (his sheet has regressions), Cara has no working
 * max at all.
 */
export async function distanceSquad(call: CallApi): Promise<DistanceSquad> {
  const group = await call<{ id: number }>('groups.create', { name: 'Distance', color: '#2f9e44' });
  const ana = await call<{ id: number }>('athletes.create', { givenName: 'Ana', familyName: 'López', groupId: group.id, eventFocus: 'distance', raceGoal: '10k' });
  const ben = await call<{ id: number }>('athletes.create', { givenName: 'Ben', familyName: 'Okafor', groupId: group.id, eventFocus: 'distance', raceGoal: '5k', injured: true, injuryNotes: 'Left hamstring strain' });
  const cara = await call<{ id: number }>('athletes.create', { givenName: 'Cara', familyName: 'Nguyen', groupId: group.id, eventFocus: 'distance', raceGoal: '5k' });
  const templates = await call<{ id: number; code: string | null }[]>('templates.list', {});
  const template = (code: string) => templates.find((t) => t.code === code)?.id ?? 0;
  await call('blocks.create', {
    name: 'Foundational 1',
    phase: 'foundational',
    startDate: WEEK1_MONDAY,
    weeks: 4,
    deloadWeek: 4,
    groupIds: [group.id],
    rhythm: [
      { weekday: 1, templateId: template('foundational_a'), run: { type: 'easy', minutes: 30, rpe: 3 } },
      { weekday: 2, run: { type: 'intervals', minutes: 50, rpe: 8 } },
      { weekday: 4, templateId: template('foundational_b'), run: { type: 'easy', minutes: 30, rpe: 3 } },
      { weekday: 6, run: { type: 'long', minutes: 75, rpe: 5 } },
    ],
  });
  const exercises = await call<{ id: number; code: string | null }[]>('exercises.list', {});
  const trapBar = exercises.find((e) => e.code === 'trap_bar_deadlift')?.id ?? 0;
  await call('maxes.set', { entries: [{ athleteId: ana.id, exerciseId: trapBar, testedKg: 100, testedOn: WEEK1_MONDAY }] });
  return { group: group.id, ana: ana.id, ben: ben.id, cara: cara.id };
}
