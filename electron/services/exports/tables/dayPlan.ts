/**
 * Each chosen athlete's plan, day by day, as the calendar table holds it (read inside a fresh
 * calendar: see electron/services/exports/snapshot.ts): the block, week and deload, the strength
 * session and the run the athlete does after their own changes, what they changed, exercise
 * swaps, the day's note and the planning rules broken that day.
 *
 * Archived athletes have no calendar (it covers active athletes), so they have no rows here.
 */
import { WEEKDAY_NAMES } from '@shared/domain/settings';
import type { ExportColumn } from '@shared/exports/columns';
import { changeSentence, swapText } from '@shared/exports/planWords';
import { weekdayOf } from '@shared/plan/days';
import { rhythmOn } from '@shared/plan/expand';
import { PHASE_INFO, RUN_TYPE_LABELS, SESSION_TYPE_LABELS, type DayChange, type ExerciseSwap } from '@shared/plan/model';
import { PLANNING_RULES, RULE_IDS } from '@shared/plan/rules';
import { listChanges, swapsOverlapping } from '@main/db/repositories/athleteChanges';
import { athleteDaysInRange, countAthleteDays, type AthleteDayRow } from '@main/db/repositories/athleteDays';
import type { FreshCalendarDb } from '@main/db/types';
import { yesNo, type ExportLookup, type ExportScope, type ExportTable } from '../table';

const COLUMNS: readonly ExportColumn[] = [
  { header: 'Date', kind: 'date', width: 12 },
  { header: 'Weekday', kind: 'text', width: 11 },
  { header: 'Athlete', kind: 'text', width: 22 },
  { header: 'Group', kind: 'text', width: 16 },
  { header: 'Block', kind: 'text', width: 26 },
  { header: 'Phase', kind: 'text', width: 20 },
  { header: 'Week', kind: 'integer', width: 7 },
  { header: 'Deload', kind: 'text', width: 8 },
  { header: 'Strength session', kind: 'text', width: 34 },
  { header: 'Session type', kind: 'text', width: 24 },
  { header: 'Run', kind: 'text', width: 14 },
  { header: 'Run minutes', kind: 'integer', width: 9 },
  { header: 'Run RPE', kind: 'decimal', decimals: 1, width: 8 },
  { header: 'Own changes', kind: 'text', width: 40 },
  { header: 'Exercise swaps', kind: 'text', width: 30 },
  { header: 'Note', kind: 'text', width: 30 },
  { header: 'Planning warnings', kind: 'text', width: 36 },
];

/** Athletes with a calendar: the chosen ones who are active. */
function planAthletes(scope: ExportScope) {
  return scope.athletes.filter((a) => a.archivedAt === null);
}

/** "Strength on consecutive days; No rest day in seven days" from a day's rule bits. */
export function ruleTitles(flags: number): string {
  return RULE_IDS.filter((id) => flags & (1 << (id - 1)))
    .map((id) => PLANNING_RULES[id].title)
    .join('; ');
}

/** The swaps that change a day's session: "Nordic curl → Glute bridge". */
export function daySwaps(day: AthleteDayRow, swaps: readonly ExerciseSwap[], lookup: ExportLookup): string {
  if (day.templateId === null || swaps.length === 0) return '';
  const exercises = new Set((lookup.templates.get(day.templateId)?.prescriptions ?? []).map((p) => p.exerciseId));
  const applying = swaps.filter((s) => s.fromDate <= day.date && (s.toDate === null || s.toDate >= day.date) && exercises.has(s.exerciseId));
  return swapText(applying.map((s) => ({ from: lookup.exerciseName(s.exerciseId), to: lookup.exerciseName(s.replacementId) })));
}

/** The group plan's run that day (the block's rhythm), for "run changed (planned: …)". */
export function plannedRunOf(day: AthleteDayRow, lookup: ExportLookup) {
  const block = day.blockId === null ? undefined : lookup.blocks.get(day.blockId);
  return block ? (rhythmOn(block.rhythm, weekdayOf(day.day))?.run ?? null) : null;
}

export const dayPlanTable: ExportTable = {
  key: 'day_plan',
  label: 'Day-by-day plan',
  description: "Each athlete's days in the dates chosen: strength session, run, deload, their own changes and notes (active athletes).",
  sheetName: 'Day-by-day plan',
  fileName: 'day-by-day-plan',
  usesDateRange: true,
  usesGroups: true,
  usesArchived: false,
  columns: () => COLUMNS,
  countRows: (db: FreshCalendarDb, scope: ExportScope) => planAthletes(scope).reduce((n, a) => n + countAthleteDays(db, a.id, scope.fromDay, scope.toDay), 0),
  *rows(db, scope) {
    const { lookup } = scope;
    for (const athlete of planAthletes(scope)) {
      const days = athleteDaysInRange(db, athlete.id, scope.fromDay, scope.toDay);
      if (days.length === 0) continue;
      const changes = new Map<string, DayChange>(listChanges(db, athlete.id, scope.from, scope.to).map((c) => [c.date, c]));
      const swaps = swapsOverlapping(db, athlete.id, scope.from, scope.to);
      const name = lookup.athleteName(athlete.id);
      const group = lookup.groupName(athlete.groupId);
      for (const d of days) {
        const change = changes.get(d.date);
        const template = d.templateId === null ? undefined : lookup.templates.get(d.templateId);
        yield [
          d.date,
          WEEKDAY_NAMES[weekdayOf(d.day)] ?? '',
          name,
          group,
          d.blockId === null ? '' : (lookup.blocks.get(d.blockId)?.name ?? ''),
          d.phase === null ? '' : PHASE_INFO[d.phase].label,
          d.week,
          yesNo(d.isDeload),
          template?.name ?? '',
          template ? SESSION_TYPE_LABELS[template.sessionType] : '',
          d.runType === null ? '' : RUN_TYPE_LABELS[d.runType],
          d.runType === null || d.runType === 'rest' ? null : d.runMinutes,
          d.runType === null || d.runType === 'rest' ? null : d.runRpe,
          change ? changeSentence(change, { templateId: d.plannedTemplateId, run: plannedRunOf(d, lookup) }, lookup.templateName) : '',
          daySwaps(d, swaps, lookup),
          change?.note ?? '',
          ruleTitles(d.ruleFlags),
        ];
      }
    }
  },
};
