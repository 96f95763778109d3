/**
 * The working max's source order (DOMAIN.md "Loads on the sheet"): tested 1RM, else an estimate
 * from the best recent logged set (Epley, REFERENCE.md §5.1, warn above 10 reps), else the
 * coach's starting load, else none.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bestRecentEstimate, ESTIMATE_WINDOW_WEEKS, reserveAtPercent, setEstimate, workingMax, type CoachMax, type LoggedSet } from '@shared/sheets/workingMax';
import { expectClose, loadVector } from '../science/vectors';

const AS_OF = '2026-10-12';
const coach = (fields: Partial<CoachMax>): CoachMax => ({ testedKg: null, testedOn: null, startingKg: null, startingReps: null, ...fields });
/** A logged set with no reps in reserve recorded (taken to failure). */
const set = (date: string, loadKg: number, reps: number): LoggedSet => ({ date, loadKg, reps, repsInReserve: null });

describe('the estimate from logged sets', () => {
  it('is Epley of the best set: e1rm_100kg_x5 gives 116.67 kg', () => {
    const v = loadVector('e1rm_100kg_x5', z.object({ load: z.number(), reps: z.number() }), z.object({ epley: z.number() }));
    const estimate = bestRecentEstimate([set('2026-10-05', v.inputs.load, v.inputs.reps)], AS_OF);
    expectClose(estimate?.kg, v.expected.epley, v.tolerance, 'e1RM');
    expect(estimate).toMatchObject({ fromKg: 100, reps: 5, date: '2026-10-05', highReps: false });
  });

  it('takes a single rep as the 1RM itself (REFERENCE.md §5.1 n = 1 convention)', () => {
    expect(bestRecentEstimate([set('2026-10-05', 100, 1)], AS_OF)?.kg).toBe(100);
  });

  it('picks the best set of the window: 60 kg x 5 (70 kg) over 65 kg x 2 (69.33 kg)', () => {
    // Epley by hand: 60 x (1 + 5/30) = 70; 65 x (1 + 2/30) = 69.33.
    const sets: LoggedSet[] = [
      set('2026-10-01', 65, 2),
      set('2026-10-02', 60, 5),
    ];
    expect(bestRecentEstimate(sets, AS_OF)).toMatchObject({ kg: 70, fromKg: 60, reps: 5, date: '2026-10-02' });
  });

  it(`counts only the ${ESTIMATE_WINDOW_WEEKS} weeks before the day, not the day itself`, () => {
    const sets: LoggedSet[] = [
      set('2026-08-30', 200, 5), // 43 days before: too old
      set(AS_OF, 150, 5), // the day itself: its own results never change its sheet
      set('2026-08-31', 50, 5), // exactly six weeks before: counts
    ];
    expect(bestRecentEstimate(sets, AS_OF)).toMatchObject({ fromKg: 50, date: '2026-08-31' });
    expect(bestRecentEstimate(sets.slice(0, 2), AS_OF)).toBeNull();
  });

  it('prefers sets of 10 reps or fewer, and marks an estimate from a longer set as rough', () => {
    // 50 x 12 = 70 kg, but from 12 reps; 55 x 8 = 69.67 kg wins.
    const sets: LoggedSet[] = [
      set('2026-10-01', 50, 12),
      set('2026-10-02', 55, 8),
    ];
    expect(bestRecentEstimate(sets, AS_OF)).toMatchObject({ fromKg: 55, reps: 8, highReps: false });
    expect(bestRecentEstimate(sets.slice(0, 1), AS_OF)).toMatchObject({ kg: 70, highReps: true });
  });

  it('counts the reps in reserve the prescription meant: a set done as asked gives back the max it was asked from', () => {
    // 70% of a 100 kg max for 6 reps: Epley puts 30 x (1/0.7 - 1) = 12.857 reps at 70%, so 6.857 in
    // reserve; 70 x (1 + 12.857/30) = 100 kg. Without them: 70 x (1 + 6/30) = 84 kg.
    const reserve = reserveAtPercent(70, 6);
    expect(reserve).toBeCloseTo(6.857142857, 6);
    expect(setEstimate({ loadKg: 70, reps: 6, repsInReserve: reserve })).toBeCloseTo(100, 9);
    expect(setEstimate({ loadKg: 70, reps: 6, repsInReserve: null })).toBeCloseTo(84, 9);
    // Two more reps than asked is a stronger athlete: 70 x (1 + 14.857/30) = 104.67 kg.
    expect(setEstimate({ loadKg: 70, reps: 8, repsInReserve: reserve })).toBeCloseTo(104.666667, 5);
    // RIR 2 for 5 reps: Epley with n = 7: 100 x (1 + 7/30) = 123.33 kg.
    expect(bestRecentEstimate([{ date: '2026-10-05', loadKg: 100, reps: 5, repsInReserve: 2 }], AS_OF)?.kg).toBeCloseTo(123.333333, 5);
    // A percent so heavy Epley says no reps are left: none in reserve.
    expect(reserveAtPercent(95, 5)).toBe(0);
  });

  it('ignores unloaded sets and reps the formula cannot take', () => {
    expect(bestRecentEstimate([set('2026-10-01', 0, 10), set('2026-10-02', 20, 0), set('2026-10-03', 20, 40)], AS_OF)).toBeNull();
  });
});

describe('the source order', () => {
  const estimate = bestRecentEstimate([set('2026-10-05', 60, 5)], AS_OF);

  it('a tested max first', () => {
    expect(workingMax(coach({ testedKg: 90, testedOn: '2026-09-14', startingKg: 40, startingReps: 8 }), estimate, AS_OF)).toEqual({ kind: 'tested', kg: 90, date: '2026-09-14' });
  });

  it('a test dated after the day does not count yet', () => {
    expect(workingMax(coach({ testedKg: 90, testedOn: '2026-10-20' }), estimate, AS_OF)).toMatchObject({ kind: 'estimated', kg: 70 });
  });

  it('then the estimate from logged sets, before a starting load', () => {
    expect(workingMax(coach({ startingKg: 40, startingReps: 8 }), estimate, AS_OF)).toMatchObject({ kind: 'estimated', fromKg: 60, reps: 5 });
  });

  it('then the starting load with its rep target', () => {
    expect(workingMax(coach({ startingKg: 40, startingReps: 8 }), null, AS_OF)).toEqual({ kind: 'starting', kg: 40, reps: 8 });
  });

  it('else none', () => {
    expect(workingMax(null, null, AS_OF)).toBeNull();
    expect(workingMax(coach({}), null, AS_OF)).toBeNull();
  });
});
