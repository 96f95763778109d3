import { describe, expect, it } from 'vitest';
import { blockShapeWarnings, overlappingBlocks } from '@shared/plan/blocks';
import { defaultBlockShape, defaultRhythm, groupEventFocus, sessionCFromWeek } from '@shared/plan/defaults';
import { dayNumber } from '@shared/plan/days';
import { expandAthleteDays } from '@shared/plan/expand';
import { decodeGridCell, encodeGridCell, withRuleBits } from '@shared/plan/gridCode';
import { PHASES, type Phase } from '@shared/plan/model';
import { checkPlanningRules } from '@shared/plan/rules';
import type { EventFocus } from '@shared/domain/roster';

const templateFor = (t: 'A' | 'B' | 'C') => ({ A: 1, B: 2, C: 3 })[t];
const typeOf = (id: number | null) => (id === null ? null : (['A', 'B', 'C'] as const)[id - 1] ?? null);

/** The planning rules over a default block of `phase` for `focus`, for a long-race-goal athlete. */
function breaksOfDefault(focus: EventFocus | null, phase: Phase, weeks: number) {
  const start = dayNumber('2026-09-07');
  const days = expandAthleteDays({
    blocks: [{ id: 1, phase, startDay: start, weeks, deloadWeek: weeks, rhythm: defaultRhythm(focus, phase, templateFor), individual: false }],
    changes: [],
    swaps: [],
    templateExercises: () => undefined,
    fromDay: start,
    toDay: start + weeks * 7 - 1,
  });
  return checkPlanningRules(
    days.map((d) => ({ day: d.day, sessionType: typeOf(d.templateId), phase: d.phase, blockId: d.blockId, runType: d.run?.type ?? null, isDeload: d.isDeload })),
    { firstDayOfWeek: 1, longRaceGoal: focus === 'distance' },
  );
}

describe('defaults for a new block', () => {
  it('make DOMAIN.md default block: 4 weeks, the 4th a deload; acclimation 2 weeks without', () => {
    expect(defaultBlockShape('foundational')).toEqual({ weeks: 4, deloadWeek: 4 });
    expect(defaultBlockShape('acclimation')).toEqual({ weeks: 2, deloadWeek: null });
  });

  it('add session C after week 4 in foundational, from the start in later phases, never in acclimation or maintenance', () => {
    expect(PHASES.map((p) => sessionCFromWeek(p))).toEqual([null, 5, 1, 1, 1, null]);
    const acclimation = defaultRhythm('distance', 'acclimation', templateFor);
    expect(acclimation.filter((d) => d.templateId !== null).map((d) => d.weekday)).toEqual([1, 4]);
  });

  it('break none of the planning rules within the block, for any phase and event focus', () => {
    for (const focus of ['distance', 'middle_distance', 'sprints', 'hurdles_jumps', null] as const) {
      for (const phase of PHASES) {
        const weeks = phase === 'acclimation' ? 2 : 4;
        // A power block on its own has no strength weeks before it: rule 6 rightly warns (tested in rules.test.ts).
        const breaks = breaksOfDefault(focus, phase, weeks).filter((b) => !(phase === 'power' && b.rule === 6));
        expect(breaks, `${focus} ${phase}`).toEqual([]);
      }
    }
  });

  it("make a 6-week foundational distance block warn where DOMAIN.md's Sunday C meets Monday A", () => {
    const breaks = breaksOfDefault('distance', 'foundational', 6);
    // Weeks 5 and 6 have C on Sunday; the Monday after week 5's Sunday is week 6's A.
    expect(breaks.map((b) => b.rule)).toEqual([1]);
  });

  it('pick the most common event focus of a group', () => {
    expect(groupEventFocus(['distance', 'middle_distance', 'distance', null])).toBe('distance');
    expect(groupEventFocus([null, null])).toBeNull();
  });
});

describe('block shape and overlaps', () => {
  it("warn when a block's length is unusual for its phase, never otherwise", () => {
    expect(blockShapeWarnings({ phase: 'foundational', weeks: 4, deloadWeek: 4 })).toEqual([]);
    expect(blockShapeWarnings({ phase: 'foundational', weeks: 6, deloadWeek: 6 })).toEqual([]);
    expect(blockShapeWarnings({ phase: 'foundational', weeks: 7, deloadWeek: 7 })[0]).toMatch(/usually last 4-6 weeks; this one has 7/);
    expect(blockShapeWarnings({ phase: 'acclimation', weeks: 3, deloadWeek: null })[0]).toMatch(/usually last 2 weeks/);
    expect(blockShapeWarnings({ phase: 'max_strength', weeks: 4, deloadWeek: null })).toEqual(['Heavy blocks end with a deload: this max-strength block has none.']);
  });

  it('find blocks of the same group or athlete that share a day, and only those', () => {
    const blocks = [
      { id: 1, name: 'F1', startDate: '2026-09-07', endDate: '2026-10-04', groupIds: [1], athleteIds: [] },
      { id: 2, name: 'F2', startDate: '2026-10-05', endDate: '2026-11-01', groupIds: [1], athleteIds: [] },
      { id: 3, name: 'Rehab', startDate: '2026-09-07', endDate: '2026-09-20', groupIds: [], athleteIds: [7] },
    ];
    const candidate = (startDate: string, endDate: string, groupIds: number[], athleteIds: number[] = []) => ({ startDate, endDate, groupIds, athleteIds });
    expect(overlappingBlocks(candidate('2026-10-04', '2026-10-10', [1]), blocks, null).map((b) => b.id)).toEqual([1, 2]);
    expect(overlappingBlocks(candidate('2026-11-02', '2026-11-29', [1]), blocks, null)).toEqual([]);
    expect(overlappingBlocks(candidate('2026-09-07', '2026-10-04', [2]), blocks, null)).toEqual([]);
    expect(overlappingBlocks(candidate('2026-09-14', '2026-09-27', [], [7]), blocks, null).map((b) => b.id)).toEqual([3]);
    expect(overlappingBlocks(candidate('2026-09-07', '2026-10-04', [1]), blocks, 1)).toEqual([]);
  });
});

describe('grid cell codes', () => {
  it('carry everything a cell shows and survive a round trip', () => {
    const code = encodeGridCell(
      {
        day: 1,
        blockId: 3,
        week: 2,
        phase: 'power',
        blockStart: true,
        isDeload: true,
        deloadChanged: true,
        plannedTemplateId: 4,
        templateId: 5,
        strength: 'replaced',
        plannedRun: { type: 'intervals', minutes: 50, rpe: 8 },
        run: { type: 'easy', minutes: 135, rpe: 3 },
        runState: 'changed',
        hasNote: true,
        hasSwap: true,
      },
      0b100101,
    );
    expect(decodeGridCell(code)).toEqual({
      runType: 'easy',
      runMinutes: 135,
      runChanged: true,
      runSkipped: false,
      strength: 'replaced',
      isDeload: true,
      hasNote: true,
      hasSwap: true,
      inBlock: true,
      rules: [1, 3, 6],
      phase: 'power',
      blockStart: true,
      deloadChanged: true,
    });
    const recoded = withRuleBits(code, 0b10);
    expect(decodeGridCell(recoded)).toMatchObject({ rules: [2], runMinutes: 135, runType: 'easy', isDeload: true });
    expect(decodeGridCell(0)).toMatchObject({ runType: null, strength: 'plan', inBlock: false, rules: [], phase: null });
  });

  it('show a skipped run as the planned run, struck through', () => {
    const code = encodeGridCell(
      {
        day: 1,
        blockId: null,
        week: null,
        phase: null,
        blockStart: false,
        isDeload: false,
        deloadChanged: false,
        plannedTemplateId: null,
        templateId: null,
        strength: 'plan',
        plannedRun: { type: 'long', minutes: 75, rpe: 5 },
        run: null,
        runState: 'skipped',
        hasNote: false,
        hasSwap: false,
      },
      0,
    );
    expect(decodeGridCell(code)).toMatchObject({ runType: 'long', runMinutes: 75, runSkipped: true });
  });
});

describe('rule checks while a block is drafted', () => {
  it('report breaks inside the draft, with the weeks before it from the group blocks', async () => {
    const { draftRuleBreaks } = await import('@shared/plan/preview');
    const types = new Map([
      [1, 'A' as const],
      [2, 'B' as const],
      [3, 'C' as const],
    ]);
    const rhythm = [
      { weekday: 1, templateId: 1, strengthFromWeek: 1, run: null },
      { weekday: 2, templateId: 2, strengthFromWeek: 1, run: null },
    ];
    const draft = { id: null, phase: 'power' as const, startDate: '2026-10-05', weeks: 4, deloadWeek: 4, rhythm, groupIds: [1], athleteIds: [] };
    // Alone: Tuesday B after Monday A every week (rule 1) and no strength before the power block (rule 6).
    const alone = draftRuleBreaks(draft, [], types, { firstDayOfWeek: 1, longRaceGoal: false });
    expect(alone.filter((b) => b.rule === 1)).toHaveLength(4);
    expect(alone.filter((b) => b.rule === 6)).toHaveLength(1);
    // After a 4-week block of the same group, rule 6 is satisfied; a block of another group does not count.
    const before = {
      id: 7,
      name: 'F',
      phase: 'foundational' as const,
      startDate: '2026-09-07',
      endDate: '2026-10-04',
      weeks: 4,
      deloadWeek: 4,
      weeklyProgression: 0.025,
      deload: { setReduction: 0.5, loadReduction: 0.1, rirIncrease: 2 },
      groupIds: [1],
      athleteIds: [],
      rhythm: [{ weekday: 1, templateId: 1, strengthFromWeek: 1, run: null }],
      notes: '',
    };
    expect(draftRuleBreaks(draft, [before], types, { firstDayOfWeek: 1, longRaceGoal: false }).filter((b) => b.rule === 6)).toEqual([]);
    expect(draftRuleBreaks(draft, [{ ...before, groupIds: [2] }], types, { firstDayOfWeek: 1, longRaceGoal: false }).filter((b) => b.rule === 6)).toHaveLength(1);
  });
});
