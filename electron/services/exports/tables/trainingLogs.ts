/**
 * What athletes did, as logged from their session sheets: strength sessions, the sets within
 * them, runs, and the daily wellness check. One row per log, athletes in the export's order and
 * each athlete's days oldest first. Archived athletes' logs are included when asked for: a
 * season's record outlives the athlete's place on the roster.
 */
import type { ExportColumn } from '@shared/exports/columns';
import { RUN_TYPE_LABELS } from '@shared/plan/model';
import { sessionLoad } from '@shared/science';
import { WELLNESS_ITEMS } from '@shared/sheets/words';
import { wellnessChecksInRange } from '@main/db/repositories/loadMonitoring';
import { countLogsInRange, runLogsInRange, strengthLogsInRange, strengthSetsInRange } from '@main/db/repositories/trainingLogRanges';
import { yesNo, type ExportTable } from '../table';

const STATUS_LABELS = { done: 'Done', modified: 'Modified', missed: 'Missed' } as const;

/** Session load in arbitrary units (session RPE x minutes), blank when either is missing. */
function loadOf(sessionRpe: number | null, minutes: number | null): number | null {
  return sessionRpe === null || minutes === null ? null : sessionLoad(sessionRpe, minutes);
}

const WHO: readonly ExportColumn[] = [
  { header: 'Date', kind: 'date', width: 12 },
  { header: 'Athlete', kind: 'text', width: 22 },
  { header: 'Group', kind: 'text', width: 16 },
];

const SESSION_COLUMNS: readonly ExportColumn[] = [
  ...WHO,
  { header: 'Session', kind: 'text', width: 28 },
  { header: 'Status', kind: 'text', width: 10 },
  { header: 'Session RPE (0-10)', kind: 'decimal', decimals: 1, width: 10 },
  { header: 'Minutes', kind: 'integer', width: 9 },
  { header: 'Session load (RPE x min)', kind: 'decimal', decimals: 0, width: 12 },
  { header: 'Sets logged', kind: 'integer', width: 9 },
  { header: 'Note', kind: 'text', width: 36 },
];

export const trainingSessionsTable: ExportTable = {
  key: 'training_sessions',
  label: 'Strength sessions logged',
  description: 'Each strength session keyed back from a sheet: done, modified or missed, session RPE, minutes and load.',
  sheetName: 'Strength sessions',
  fileName: 'strength-sessions',
  usesDateRange: true,
  usesGroups: true,
  usesArchived: true,
  columns: () => SESSION_COLUMNS,
  countRows: (db, scope) => countLogsInRange(db, 'strength', scope.from, scope.to),
  *rows(db, scope) {
    for (const athlete of scope.athletes) {
      const who = [scope.lookup.athleteName(athlete.id), scope.lookup.groupName(athlete.groupId)];
      for (const log of strengthLogsInRange(db, athlete.id, scope.from, scope.to)) {
        yield [log.date, ...who, log.templateName, STATUS_LABELS[log.status], log.sessionRpe, log.minutes, loadOf(log.sessionRpe, log.minutes), log.setCount, log.note];
      }
    }
  },
};

const SET_COLUMNS: readonly ExportColumn[] = [
  ...WHO,
  { header: 'Session', kind: 'text', width: 26 },
  { header: 'Line', kind: 'integer', width: 6 },
  { header: 'Exercise', kind: 'text', width: 26 },
  { header: 'Set', kind: 'integer', width: 5 },
  { header: 'Reps', kind: 'integer', width: 6 },
  { header: 'Load', kind: 'mass', decimals: 1, width: 10 },
  { header: 'Seconds', kind: 'integer', width: 8 },
  { header: 'Metres', kind: 'integer', width: 8 },
  { header: 'Contacts', kind: 'integer', width: 9 },
  { header: 'Asked for (dose)', kind: 'integer', width: 10 },
  { header: 'Asked-for load', kind: 'mass', decimals: 1, width: 12 },
  { header: 'Reps in reserve meant', kind: 'decimal', decimals: 1, width: 10 },
];

export const trainingSetsTable: ExportTable = {
  key: 'training_sets',
  label: 'Sets logged',
  description: 'Every set keyed back: exercise, reps, load, time or distance, beside what the sheet asked for.',
  sheetName: 'Sets',
  fileName: 'sets',
  usesDateRange: true,
  usesGroups: true,
  usesArchived: true,
  columns: () => SET_COLUMNS,
  countRows: (db, scope) => countLogsInRange(db, 'sets', scope.from, scope.to),
  *rows(db, scope) {
    for (const athlete of scope.athletes) {
      const who = [scope.lookup.athleteName(athlete.id), scope.lookup.groupName(athlete.groupId)];
      for (const set of strengthSetsInRange(db, athlete.id, scope.from, scope.to)) {
        yield [
          set.date,
          ...who,
          set.templateName,
          set.position,
          scope.lookup.exerciseName(set.exerciseId),
          set.setNumber,
          set.reps,
          set.loadKg,
          set.seconds,
          set.metres,
          set.contacts,
          set.plannedDose,
          set.plannedLoadKg,
          set.repsInReserve,
        ];
      }
    }
  },
};

const RUN_COLUMNS: readonly ExportColumn[] = [
  ...WHO,
  { header: 'Run', kind: 'text', width: 14 },
  { header: 'Status', kind: 'text', width: 9 },
  { header: 'Minutes', kind: 'integer', width: 9 },
  { header: 'Session RPE (0-10)', kind: 'decimal', decimals: 1, width: 10 },
  { header: 'Session load (RPE x min)', kind: 'decimal', decimals: 0, width: 12 },
  { header: 'Note', kind: 'text', width: 36 },
];

export const runsTable: ExportTable = {
  key: 'runs',
  label: 'Runs logged',
  description: 'Each run keyed back: type, done or missed, minutes, session RPE and load.',
  sheetName: 'Runs',
  fileName: 'runs',
  usesDateRange: true,
  usesGroups: true,
  usesArchived: true,
  columns: () => RUN_COLUMNS,
  countRows: (db, scope) => countLogsInRange(db, 'runs', scope.from, scope.to),
  *rows(db, scope) {
    for (const athlete of scope.athletes) {
      const who = [scope.lookup.athleteName(athlete.id), scope.lookup.groupName(athlete.groupId)];
      for (const run of runLogsInRange(db, athlete.id, scope.from, scope.to)) {
        yield [run.date, ...who, RUN_TYPE_LABELS[run.runType], run.status === 'done' ? 'Done' : 'Missed', run.minutes, run.sessionRpe, loadOf(run.sessionRpe, run.minutes), run.note];
      }
    }
  },
};

const WELLNESS_COLUMNS: readonly ExportColumn[] = [
  ...WHO,
  { header: 'Fatigue (1-5)', kind: 'integer', width: 9 },
  { header: 'Sleep quality (1-5)', kind: 'integer', width: 9 },
  { header: 'Muscle soreness (1-5)', kind: 'integer', width: 9 },
  { header: 'Stress (1-5)', kind: 'integer', width: 9 },
  { header: 'Mood (1-5)', kind: 'integer', width: 9 },
  { header: 'Total (5-25, 25 best)', kind: 'integer', width: 10 },
  { header: 'Hamstring tightness', kind: 'text', width: 10 },
];

export const wellnessTable: ExportTable = {
  key: 'wellness',
  label: 'Wellness checks',
  description: 'The daily wellness check: fatigue, sleep, soreness, stress and mood (1-5, 5 best), and hamstring tightness.',
  sheetName: 'Wellness',
  fileName: 'wellness',
  usesDateRange: true,
  usesGroups: true,
  usesArchived: true,
  columns: () => WELLNESS_COLUMNS,
  countRows: (db, scope) => countLogsInRange(db, 'wellness', scope.from, scope.to),
  *rows(db, scope) {
    for (const athlete of scope.athletes) {
      const who = [scope.lookup.athleteName(athlete.id), scope.lookup.groupName(athlete.groupId)];
      for (const check of wellnessChecksInRange(db, athlete.id, scope.from, scope.to)) {
        const items = WELLNESS_ITEMS.map((item) => check[item]);
        // The total only when all five were answered: a partial sum would read as a bad day.
        const total = items.every((v) => v !== null) ? items.reduce<number>((sum, v) => sum + (v ?? 0), 0) : null;
        yield [check.date, ...who, ...items, total, check.hamstringTight === null ? '' : yesNo(check.hamstringTight)];
      }
    }
  },
};
