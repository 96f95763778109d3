/**
 * The planning rules for a block while the coach edits it: the draft expanded for a
 * representative athlete of its first target (their group's other blocks give the weeks
 * before and after), checked, and the breaks that fall inside the draft returned.
 */
import { blockEndDate } from './blocks';
import { dayNumber } from './days';
import { expandAthleteDays, type ExpansionBlock } from './expand';
import type { Block, Phase, RhythmDay, SessionType } from './model';
import { checkPlanningRules, type RuleBreak } from './rules';

export interface DraftBlock {
  id: number | null;
  phase: Phase;
  startDate: string;
  weeks: number;
  deloadWeek: number | null;
  rhythm: readonly RhythmDay[];
  groupIds: readonly number[];
  athleteIds: readonly number[];
}

export function draftRuleBreaks(
  draft: DraftBlock,
  others: readonly Block[],
  templateTypes: ReadonlyMap<number, SessionType>,
  context: { firstDayOfWeek: number; longRaceGoal: boolean },
): RuleBreak[] {
  const startDay = dayNumber(draft.startDate);
  const endDay = dayNumber(blockEndDate(draft.startDate, draft.weeks));
  const group = draft.groupIds[0];
  const athlete = draft.athleteIds[0];
  const neighbours = others.filter((b) => b.id !== draft.id && ((group !== undefined && b.groupIds.includes(group)) || (group === undefined && athlete !== undefined && b.athleteIds.includes(athlete))));
  const toExpansion = (b: Pick<Block, 'phase' | 'startDate' | 'weeks' | 'deloadWeek' | 'rhythm'>, id: number, individual: boolean): ExpansionBlock => ({
    id,
    phase: b.phase,
    startDay: dayNumber(b.startDate),
    weeks: b.weeks,
    deloadWeek: b.deloadWeek,
    rhythm: b.rhythm,
    individual,
  });
  const days = expandAthleteDays({
    blocks: [...neighbours.map((b) => toExpansion(b, b.id, false)), toExpansion({ ...draft, rhythm: [...draft.rhythm] }, draft.id ?? -1, true)],
    changes: [],
    swaps: [],
    templateExercises: () => undefined,
    fromDay: startDay - 10 * 7,
    toDay: endDay,
  });
  return checkPlanningRules(
    days.map((d) => ({
      day: d.day,
      sessionType: d.templateId === null ? null : (templateTypes.get(d.templateId) ?? 'custom'),
      phase: d.phase,
      blockId: d.blockId,
      runType: d.run?.type ?? null,
      isDeload: d.isDeload,
    })),
    context,
  ).filter((b) => b.day >= startDay && b.day <= endDay);
}
