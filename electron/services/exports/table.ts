/**
 * One exported table: a small definition the export writes the same way to a workbook sheet or a
 * CSV file. Adding a table is one new module in `tables/`
 * exporting an `ExportTable`, listed in `tables/index.ts`: the Export card, the contract and the
 * writers need no change.
 */
import type { IsoDate } from '@shared/dates';
import type { Athlete, Group } from '@shared/domain/roster';
import type { ExportColumn, ExportRow } from '@shared/exports/columns';
import type { DayNumber } from '@shared/plan/days';
import type { Block, Exercise, SessionTemplate } from '@shared/plan/model';
import type { MassUnit } from '@shared/units';
import type { FreshCalendarDb } from '@main/db/types';

/** What the coach chose, resolved once per export against the squad it reads. */
export interface ExportScope {
  from: IsoDate;
  to: IsoDate;
  fromDay: DayNumber;
  toDay: DayNumber;
  unit: MassUnit;
  /** 0 = Sunday ... 6 = Saturday. */
  firstDayOfWeek: number;
  /**
   * The chosen athletes (their groups, archived ones only when asked for), in the order every
   * table lists them: group order, then family and given name, athletes without a group last.
   */
  athletes: readonly Athlete[];
  /** True when an athlete id is one of `athletes`. */
  includesAthlete(id: number): boolean;
  /** True when a group is chosen (null = athletes without a group). */
  includesGroup(id: number | null): boolean;
  /** Every group chosen (no filter at all)? */
  allGroups: boolean;
  includeArchived: boolean;
  /** Names of everything a row refers to, including archived athletes and hidden templates. */
  lookup: ExportLookup;
}

export interface ExportLookup {
  groups: ReadonlyMap<number, Group>;
  athletes: ReadonlyMap<number, Athlete>;
  templates: ReadonlyMap<number, SessionTemplate>;
  exercises: ReadonlyMap<number, Exercise>;
  blocks: ReadonlyMap<number, Block>;
  groupName(id: number | null): string;
  athleteName(id: number): string;
  templateName(id: number): string;
  exerciseName(id: number): string;
}

export interface ExportTable {
  /** Stable key the page names it by ("day_plan"). */
  key: string;
  /** What the coach reads ("Day-by-day plan"). */
  label: string;
  /** One sentence for the Export card. */
  description: string;
  /** The workbook sheet's name (at most 31 characters, none of : \ / ? * [ ]). */
  sheetName: string;
  /** The CSV file's name without ".csv" ("day-by-day-plan"). */
  fileName: string;
  usesDateRange: boolean;
  usesGroups: boolean;
  usesArchived: boolean;
  columns(db: FreshCalendarDb, scope: ExportScope): readonly ExportColumn[];
  /** How many rows `rows` will give, cheaply (for the progress bar; an estimate is fine). */
  countRows(db: FreshCalendarDb, scope: ExportScope): number;
  /**
   * The rows, in order. A generator: the export pulls rows in batches and hands control back
   * between them, so a big table never holds the main process for long or sits whole in memory.
   */
  rows(db: FreshCalendarDb, scope: ExportScope): Iterable<ExportRow>;
}

/** "Yes" / "No" for flags in a spreadsheet (a filter shows both words). */
export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}
