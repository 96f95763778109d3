/** The roster: one row per athlete chosen (their groups; archived ones when asked for). */
import { localToday } from '@shared/dates';
import { EVENT_FOCUS_LABELS, raceGoalLabel, SEX_LABELS } from '@shared/domain/roster';
import type { ExportColumn } from '@shared/exports/columns';
import { yesNo, type ExportTable } from '../table';

const COLUMNS: readonly ExportColumn[] = [
  { header: 'Given name', kind: 'text', width: 16 },
  { header: 'Family name', kind: 'text', width: 18 },
  { header: 'Group', kind: 'text', width: 16 },
  { header: 'Status', kind: 'text', width: 10 },
  { header: 'Sex', kind: 'text', width: 10 },
  { header: 'Grade', kind: 'integer', width: 8 },
  { header: 'Birth year', kind: 'integer', width: 10 },
  { header: 'Event focus', kind: 'text', width: 16 },
  { header: 'Race goal', kind: 'text', width: 18 },
  { header: 'Body mass', kind: 'mass', decimals: 1, width: 14 },
  { header: 'Training age (years)', kind: 'decimal', decimals: 1, width: 12 },
  { header: 'Injured / modified', kind: 'text', width: 10 },
  { header: 'Injury notes', kind: 'text', width: 30 },
  { header: 'Added on', kind: 'date', width: 12 },
  { header: 'Archived on', kind: 'date', width: 12 },
];

export const athletesTable: ExportTable = {
  key: 'athletes',
  label: 'Athletes',
  description: 'The roster: group, sex, grade, event focus, race goal, body mass, injuries.',
  sheetName: 'Athletes',
  fileName: 'athletes',
  usesDateRange: false,
  usesGroups: true,
  usesArchived: true,
  columns: () => COLUMNS,
  countRows: (_db, scope) => scope.athletes.length,
  *rows(_db, scope) {
    for (const a of scope.athletes) {
      yield [
        a.givenName,
        a.familyName,
        scope.lookup.groupName(a.groupId),
        a.archivedAt === null ? 'Active' : 'Archived',
        SEX_LABELS[a.sex],
        a.grade,
        a.birthYear,
        a.eventFocus === null ? '' : EVENT_FOCUS_LABELS[a.eventFocus],
        a.raceGoal === null ? '' : raceGoalLabel(a.raceGoal),
        a.bodyMassKg,
        a.trainingAgeYears,
        yesNo(a.injured),
        a.injuryNotes,
        localToday(new Date(a.createdAt)),
        a.archivedAt === null ? null : localToday(new Date(a.archivedAt)),
      ];
    }
  },
};
