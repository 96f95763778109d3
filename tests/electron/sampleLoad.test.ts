/**
 * The sample squad shows the deload warnings on first open (issue 7): whatever the weekday it is
 * loaded on, its featured athletes raise every kind of warning, the same ones for the same seed,
 * and the summer base gives everyone history before the plan (the ratios are not warming up).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '@shared/dates';
import { WARNING_SIGNAL_KEYS } from '@shared/load/warnings';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import { computeWarnings } from '@main/services/warnings';
import { openTempSquad, type TempSquad } from '../support/tempSquad';

let squad: TempSquad | null = null;
afterEach(() => squad?.close());

async function sampleOn(date: string, seed = 1) {
  squad?.close();
  const now = new Date(`${date}T07:00:00`);
  squad = await openTempSquad({ now: () => now });
  loadGeneratedSquad(squad.db, { seed, size: 'sample' }, now);
  return { squad, now };
}

describe('the sample squad\u2019s warnings', () => {
  it('raise every kind of warning on each day of a week, one of them at the act level with the deload limit passed', async () => {
    for (let i = 0; i < 7; i += 1) {
      const date = addDays('2026-11-16', i);
      const { squad: s, now } = await sampleOn(date);
      const { warnings } = computeWarnings(s.db, now);
      const kinds = new Set(warnings.flatMap((w) => w.signals.map((x) => x.key)));
      expect([...kinds].sort(), date).toEqual([...WARNING_SIGNAL_KEYS].sort());
      // The athlete whose summer is in the plan as her own days: no deload since it began.
      expect(s.db.prepare("SELECT count(*) FROM athlete_day_change WHERE note = 'Summer base with the club'").pluck().get()).toBe(1);
      const overdue = warnings.find((w) => w.signals.some((x) => x.key === 'weeks-since-deload'));
      expect(overdue, date).toMatchObject({ level: 'act', status: 'active' });
      // A handful, not the squad: the featured athletes and a few the generated logs bring up.
      expect(warnings.length, date).toBeLessThanOrEqual(10);
    }
  }, 60_000);

  it('are the same for the same seed, and everyone has six weeks of summer runs before the plan', async () => {
    const first = await sampleOn('2026-11-18');
    const a = computeWarnings(first.squad.db, first.now).warnings.map((w) => [w.athleteName, w.reasons]);
    const planStart = first.squad.db.prepare('SELECT min(start_date) FROM block').pluck().get() as string;
    const before = first.squad.db.prepare('SELECT count(DISTINCT athlete_id) AS athletes, min(date) AS first FROM run_log WHERE date < ?').get(planStart) as { athletes: number; first: string };
    // Six weeks before the first block, for all 24.
    expect(before.athletes).toBe(24);
    expect(before.first).toBe(addDays(planStart, -42));
    const second = await sampleOn('2026-11-18');
    expect(computeWarnings(second.squad.db, second.now).warnings.map((w) => [w.athleteName, w.reasons])).toEqual(a);
    const other = await sampleOn('2026-11-18', 2);
    expect(computeWarnings(other.squad.db, other.now).warnings.map((w) => [w.athleteName, w.reasons])).not.toEqual(a);
  }, 60_000);
});
