import { describe, expect, it } from 'vitest';
import { defaultRhythm } from '@shared/plan/defaults';
import { dayNumber, isoDate, weekdayOf } from '@shared/plan/days';
import { blockWeekOf, expandAthleteDays, type ExpansionBlock, type ExpansionInput } from '@shared/plan/expand';
import type { DayChangeFields } from '@shared/plan/model';

// Template ids standing for the foundational A, B and C.
const A = 11;
const B = 12;
const C = 13;
const templateFor = (t: 'A' | 'B' | 'C') => ({ A, B, C })[t];
const MON = dayNumber('2026-09-07');

/** A 4-week foundational block for a distance group, deload in week 4 (DOMAIN.md's default block). */
function foundational(fields: Partial<ExpansionBlock> = {}): ExpansionBlock {
  return { id: 1, phase: 'foundational', startDay: MON, weeks: 4, deloadWeek: 4, rhythm: defaultRhythm('distance', 'foundational', templateFor), individual: false, ...fields };
}

function expand(input: Partial<ExpansionInput> & { blocks: ExpansionBlock[] }) {
  return expandAthleteDays({ changes: [], swaps: [], templateExercises: () => undefined, fromDay: MON - 14, toDay: MON + 70, ...input });
}

const change = (fields: Partial<DayChangeFields>): DayChangeFields => ({ strength: null, run: null, deload: null, note: '', ...fields });

describe('a block expanded into days', () => {
  it("gives DOMAIN.md's distance week: Mon A + easy, Tue intervals, Wed easy, Thu B + easy, Fri rest, Sat long, Sun rest (C only after week 4)", () => {
    const days = expand({ blocks: [foundational()] });
    expect(days).toHaveLength(28);
    expect(isoDate(days[0]?.day ?? 0)).toBe('2026-09-07');
    expect(isoDate(days[27]?.day ?? 0)).toBe('2026-10-04');
    const week1 = days.slice(0, 7).map((d) => [weekdayOf(d.day), d.templateId, d.run?.type]);
    expect(week1).toEqual([
      [1, A, 'easy'],
      [2, null, 'intervals'],
      [3, null, 'easy'],
      [4, B, 'easy'],
      [5, null, 'rest'],
      [6, null, 'long'],
      [0, null, 'rest'],
    ]);
    // In a 6-week block session C appears on the Sundays of weeks 5 and 6.
    const six = expand({ blocks: [foundational({ weeks: 6, deloadWeek: 6 })] });
    const sundaysWithC = six.filter((d) => d.templateId === C).map((d) => d.week);
    expect(sundaysWithC).toEqual([5, 6]);
  });

  it('numbers the weeks and marks the deload week (default: the last)', () => {
    const days = expand({ blocks: [foundational()] });
    expect(days.map((d) => d.week)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4]);
    expect(days.filter((d) => d.isDeload).map((d) => d.week)).toEqual([4, 4, 4, 4, 4, 4, 4]);
    expect(days.filter((d) => d.blockStart).map((d) => isoDate(d.day))).toEqual(['2026-09-07']);
    expect(blockWeekOf(foundational(), MON - 1)).toBeNull();
    expect(blockWeekOf(foundational(), MON + 27)).toEqual({ week: 4, isDeload: true });
    expect(blockWeekOf(foundational(), MON + 28)).toBeNull();
    expect(expand({ blocks: [foundational({ deloadWeek: null })] }).some((d) => d.isDeload)).toBe(false);
  });

  it("applies the athlete's own changes without touching the plan they replace", () => {
    const tue = MON + 1;
    const days = expand({
      blocks: [foundational()],
      changes: [
        { day: MON, change: change({ strength: { kind: 'moved_out', to: isoDate(tue) } }) },
        { day: tue, change: change({ strength: { kind: 'moved_in', templateId: A, from: isoDate(MON) }, run: { kind: 'skip' } }) },
        { day: MON + 3, change: change({ strength: { kind: 'replace', templateId: C }, note: 'Travel' }) },
        { day: MON + 4, change: change({ run: { kind: 'set', type: 'cross_training', minutes: 40, rpe: 4 } }) },
        { day: MON + 7, change: change({ strength: { kind: 'skip' }, deload: true }) },
      ],
    });
    const at = (d: number) => days.find((x) => x.day === d);
    expect(at(MON)).toMatchObject({ plannedTemplateId: A, templateId: null, strength: 'moved_out' });
    expect(at(tue)).toMatchObject({ plannedTemplateId: null, templateId: A, strength: 'moved_in', run: null, runState: 'skipped', plannedRun: { type: 'intervals' } });
    expect(at(MON + 3)).toMatchObject({ plannedTemplateId: B, templateId: C, strength: 'replaced', hasNote: true });
    expect(at(MON + 4)).toMatchObject({ plannedRun: { type: 'rest' }, run: { type: 'cross_training', minutes: 40, rpe: 4 }, runState: 'changed' });
    expect(at(MON + 7)).toMatchObject({ templateId: null, strength: 'skipped', isDeload: true, deloadChanged: true, week: 2 });
  });

  it('keeps a day that only has a change, outside any block', () => {
    const outside = MON + 40;
    const days = expand({ blocks: [foundational()], changes: [{ day: outside, change: change({ strength: { kind: 'replace', templateId: B } }) }] });
    expect(days).toHaveLength(29);
    expect(days.at(-1)).toMatchObject({ day: outside, blockId: null, week: null, templateId: B, strength: 'replaced' });
    // Skipping on a day with nothing planned changes nothing.
    const none = expand({ blocks: [foundational()], changes: [{ day: MON + 2, change: change({ strength: { kind: 'skip' } }) }] });
    expect(none.find((d) => d.day === MON + 2)).toMatchObject({ templateId: null, strength: 'plan' });
  });

  it("lets a block that names the athlete win over their group's block", () => {
    const group = foundational({ id: 1 });
    const rehab = foundational({ id: 2, phase: 'acclimation', startDay: MON + 7, weeks: 2, deloadWeek: null, individual: true, rhythm: defaultRhythm('distance', 'acclimation', () => 99) });
    const days = expand({ blocks: [rehab, group] });
    expect(days.filter((d) => d.blockId === 2).map((d) => d.week)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
    expect(days.filter((d) => d.blockId === 1)).toHaveLength(14);
    expect(days.find((d) => d.day === MON + 7)?.templateId).toBe(99);
  });

  it('marks a day whose session contains a swapped exercise, within the swap dates only', () => {
    const exercises = new Map([
      [A, new Set([501, 502])],
      [B, new Set([601])],
    ]);
    const days = expand({
      blocks: [foundational()],
      swaps: [{ exerciseId: 502, fromDay: MON + 7, toDay: MON + 13 }],
      templateExercises: (id) => exercises.get(id),
    });
    expect(days.filter((d) => d.hasSwap).map((d) => isoDate(d.day))).toEqual(['2026-09-14']);
  });
});
