import { describe, expect, it } from 'vitest';
import { blockEndDate, overlappingBlocks } from '@shared/plan/blocks';
import { dayNumber, weekdayOf } from '@shared/plan/days';
import { TEMPLATE_LIBRARY } from '@shared/plan/templateLibrary';
import { EXERCISE_LIBRARY } from '@shared/plan/exerciseLibrary';
import { generateSquad } from '@shared/sample/generator';
import { generatePlan, type SamplePlanInput } from '@shared/sample/plan';

const TODAY = '2026-09-09'; // a Wednesday

function input(size: 'sample' | 'large', seed = 1): SamplePlanInput {
  const squad = generateSquad({ seed, size, referenceYear: 2026 });
  return { seed, size, today: TODAY, firstDayOfWeek: 1, groups: squad.groups, athletes: squad.athletes };
}

describe('the sample season plan', () => {
  it('is the same for the same seed and leaves the roster generator untouched', () => {
    expect(generatePlan(input('sample'))).toEqual(generatePlan(input('sample')));
    expect(generateSquad({ seed: 1, size: 'sample', referenceYear: 2026 })).toEqual(generateSquad({ seed: 1, size: 'sample', referenceYear: 2026 }));
  });

  it('gives the 24-athlete sample an acclimation and a foundational block per group around today, a race and a re-test', () => {
    const plan = generatePlan(input('sample'));
    expect(plan.blocks.map((b) => [b.groupIndex, b.phase, b.startDate, b.weeks, b.deloadWeek])).toEqual(
      [0, 1, 2, 3].flatMap((g) => [
        [g, 'acclimation', '2026-08-17', 2, null],
        [g, 'foundational', '2026-08-31', 4, 4],
      ]),
    );
    expect(plan.season).toEqual({ start: '2026-08-17', end: '2027-08-15' });
    expect(plan.events.filter((e) => e.kind === 'test_day').map((e) => e.date)).toEqual(['2026-09-25']);
    expect(plan.events.filter((e) => e.kind === 'race').length).toBeGreaterThanOrEqual(1);
    // Each athlete flagged injured gets regressions (as swaps) from today to the end of the block.
    const injured = input('sample').athletes.flatMap((a, i) => (a.injured ? [i] : []));
    expect(injured.length).toBeGreaterThan(0);
    expect(new Set(plan.swaps.map((s) => s.athleteIndex))).toEqual(new Set(injured));
    const regressionOf = new Map(EXERCISE_LIBRARY.map((e) => [e.code, e.regression]));
    for (const s of plan.swaps) {
      expect(regressionOf.get(s.exercise)).toBe(s.replacement);
      expect([s.fromDate, s.toDate]).toEqual([TODAY, '2026-09-27']);
    }
    expect(plan.changes.some((c) => c.strength?.kind === 'skip')).toBe(true);
    expect(plan.changes.some((c) => c.strength?.kind === 'moved_in')).toBe(true);
  });

  it('gives the large squad three 52-week seasons per group, the last starting this week, never overlapping', () => {
    const plan = generatePlan(input('large', 20260907));
    for (const g of [0, 1, 2, 3]) {
      const blocks = plan.blocks.filter((b) => b.groupIndex === g);
      const weeks = blocks.reduce((sum, b) => sum + b.weeks, 0);
      expect(weeks).toBe(3 * 52);
      // This week starts Mon 7 Sep 2026; two seasons of 364 days before it: 2024-09-09. The last block
      // (maintenance, 6 weeks) starts 46 weeks into the current season: 2026-09-07 + 322 days.
      expect(blocks[0]?.startDate).toBe('2024-09-09');
      expect(blocks.at(-1)?.startDate).toBe('2027-07-26');
      expect(blocks.at(-1)?.weeks).toBe(6);
      const spans = blocks.map((b, i) => ({ id: i, name: b.name, startDate: b.startDate, endDate: blockEndDate(b.startDate, b.weeks), groupIds: [g], athleteIds: [] }));
      for (const s of spans) expect(overlappingBlocks(s, spans, s.id)).toEqual([]);
      for (const b of blocks) expect(weekdayOf(dayNumber(b.startDate))).toBe(1);
    }
    expect(plan.changes.length).toBeGreaterThan(300 * 10);
  });

  it('only refers to built-in templates, and pairs every moved session with its other day', () => {
    const codes = new Set(TEMPLATE_LIBRARY.map((t) => t.code));
    const plan = generatePlan(input('large', 5));
    for (const b of plan.blocks) for (const r of b.rhythm) if (r.template) expect(codes.has(r.template), r.template).toBe(true);
    const key = (a: number, d: string) => `${a}|${d}`;
    const byKey = new Map(plan.changes.map((c) => [key(c.athleteIndex, c.date), c]));
    expect(byKey.size).toBe(plan.changes.length);
    for (const c of plan.changes) {
      if (c.strength?.kind === 'moved_out') expect(byKey.get(key(c.athleteIndex, c.strength.to))?.strength).toMatchObject({ kind: 'moved_in', from: c.date });
      if (c.strength?.kind === 'moved_in') expect(codes.has(c.strength.template)).toBe(true);
    }
  });
});
