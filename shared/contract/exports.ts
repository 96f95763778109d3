/**
 * Exports (issue 6): the squad's tables as one XLSX workbook or CSV files, and the calendar as
 * an ICS file for an athlete or a group. Main makes the file and hands it over the way every
 * file goes to the coach (docs/DEVELOPING.md "Files for the coach"): a save dialog on the
 * desktop, a prepared download in browser mode. Never as JSON.
 *
 * The tables an export can hold are listed by main (`exports.options`), so a new table (the
 * training logs) needs no change here: `tables` names them by key and main refuses a key it
 * does not know, with a sentence.
 */
import { z } from 'zod';
import { daysBetween, isIsoDate, type IsoDate } from '../dates';
import type { SavedFile } from './backups';
import { emptyInput, idSchema, isoDateSchema } from './common';
import { method, SQUAD_AREAS } from './define';

/** At most five years of days at once (the large squad keeps three seasons). */
export const MAX_EXPORT_DAYS = 5 * 366;

/** A name the page gives an export so it can ask how far it got, or stop it. */
export const exportJobIdSchema = z
  .string({ error: 'Expected the number of the export' })
  .regex(/^[A-Za-z0-9-]{8,64}$/, 'Expected the number of the export (8-64 letters, digits or dashes)');

const tableKeySchema = z.string({ error: 'Choose what to export from the list' }).regex(/^[a-z][a-z0-9_]{0,39}$/, 'Choose what to export from the list');

/** Every group (the default), or some: group record numbers, and "none" for athletes without a group. */
export const exportGroupsSchema = z.union(
  [
    z.literal('all'),
    z
      .array(z.union([idSchema, z.literal('none')], { error: 'Choose groups from the list' }), { error: 'Choose groups from the list' })
      .min(1, 'Choose at least one group, or all groups')
      .max(200, 'Too many groups at once'),
  ],
  { error: 'Choose all groups, or groups from the list' },
);
export type ExportGroups = z.output<typeof exportGroupsSchema>;

function checkDateRange(r: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (!isIsoDate(r.from) || !isIsoDate(r.to)) return;
  const days = daysBetween(r.from, r.to) + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day must not be before the first' });
  else if (days > MAX_EXPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'At most five years at once: choose a shorter range' });
}

export const exportTablesInputSchema = z
  .object({
    jobId: exportJobIdSchema,
    format: z.enum(['xlsx', 'csv'], { error: 'Choose an Excel workbook (.xlsx) or CSV files' }),
    tables: z.array(tableKeySchema, { error: 'Choose what to export' }).min(1, 'Choose at least one thing to export').max(30, 'Too many tables at once'),
    from: isoDateSchema,
    to: isoDateSchema,
    groups: exportGroupsSchema.default('all'),
    includeArchived: z.boolean({ error: 'Expected yes or no' }).default(false),
  })
  .strict()
  .superRefine((input, ctx) => {
    checkDateRange(input, ctx);
    if (new Set(input.tables).size !== input.tables.length) ctx.addIssue({ code: 'custom', path: ['tables'], message: 'A table is chosen twice' });
  });
export type ExportTablesInput = z.output<typeof exportTablesInputSchema>;

/** Whose calendar: one athlete's own days, or a group's plan. */
export const calendarSubjectSchema = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('athlete'), athleteId: idSchema }).strict(), z.object({ kind: z.literal('group'), groupId: idSchema }).strict()],
  { error: 'Choose an athlete or a group' },
);
export type CalendarSubject = z.output<typeof calendarSubjectSchema>;

export const exportCalendarInputSchema = z
  .object({ subject: calendarSubjectSchema, from: isoDateSchema, to: isoDateSchema })
  .strict()
  .superRefine((input, ctx) => checkDateRange(input, ctx));

/** A table the coach can choose, and which of the choices apply to it. */
export interface ExportTableInfo {
  key: string;
  label: string;
  /** One sentence for the Export card. */
  description: string;
  usesDateRange: boolean;
  usesGroups: boolean;
  usesArchived: boolean;
}

export interface ExportOptions {
  tables: ExportTableInfo[];
  /** The first and last dated thing in the squad (block, test day or race, test session), or null when nothing is dated. */
  dates: { first: IsoDate; last: IsoDate } | null;
}

export interface ExportProgress {
  /** The table being written ("Day-by-day plan"), or "Finishing the file". */
  stage: string;
  /** Rows written so far, of `total`. */
  done: number;
  total: number;
}

export interface ExportResult {
  file: SavedFile;
  /** Rows written per table, in order (empty when cancelled). */
  tables: { label: string; rows: number }[];
}

export interface CalendarExportResult {
  file: SavedFile;
  /** The calendar's name in the calendar app ("Riverside XC · Distance"). */
  calendarName: string;
  events: number;
  from: IsoDate;
  to: IsoDate;
}

export const exportMethods = {
  'exports.options': method(
    emptyInput,
    'What an export can hold (athletes, blocks, the day-by-day plan, test days and races, test results...) and the dates the squad spans',
  ).reads(...SQUAD_AREAS).returns<ExportOptions>(),
  'exports.create': method(
    exportTablesInputSchema,
    'Export tables as one XLSX workbook or CSV files (one per table), saved where the coach chooses or downloaded',
  ).reads(...SQUAD_AREAS).returns<ExportResult>(),
  'exports.progress': method(z.object({ jobId: exportJobIdSchema }).strict(), 'How far a running export has got (null when it is not running)').reads().returns<ExportProgress | null>(),
  'exports.cancel': method(z.object({ jobId: exportJobIdSchema }).strict(), 'Stop a running export; nothing is saved').reads().returns<{ canceled: boolean }>(),
  'exports.calendar': method(
    exportCalendarInputSchema,
    'An ICS calendar file of an athlete or a group: strength sessions, runs, test days and races as all-day events',
  ).reads(...SQUAD_AREAS).returns<CalendarExportResult>(),
};
