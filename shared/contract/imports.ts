import { z } from 'zod';
import { idListSchema, idSchema, nameText } from './common';
import { method } from './define';
import { athleteFieldsSchema } from './roster';

/** Importing a roster from a CSV or XLSX file (issue 6). */

/** A roster file is a few kilobytes; 10 MB leaves room for a spreadsheet with pictures in it. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;

export const TEXT_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type TextEncodingChoice = (typeof TEXT_ENCODINGS)[number];
export const SEPARATORS = ['comma', 'semicolon', 'tab', 'pipe'] as const;
export type Separator = (typeof SEPARATORS)[number];

export const readTableInput = z
  .object({
    fileName: z.string({ error: 'Choose a file' }).min(1, 'Choose a file').max(255, 'The file name is too long'),
    contentBase64: z
      .string({ error: 'Choose a file' })
      .max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4, `The file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB; a roster should be much smaller`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file did not arrive intact; choose it again'),
    /** 'auto' detects it (a BOM, then valid UTF-8, else Windows-1252); the coach can insist. */
    encoding: z.enum(['auto', ...TEXT_ENCODINGS], { error: 'Choose an encoding' }).default('auto'),
    separator: z.enum(['auto', ...SEPARATORS], { error: 'Choose a separator' }).default('auto'),
    /** For a workbook: the sheet to read (default: the first with something in it). */
    sheet: z.string().max(100).nullable().default(null),
  })
  .strict();

export interface TableFile {
  format: 'csv' | 'xlsx';
  /** What the text was read as (null for a workbook). */
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16' | 'windows-1252' | null;
  separator: Separator | null;
  sheets: string[];
  sheet: string | null;
  /** Every row as text cells, blank rows included so row numbers match the spreadsheet. */
  rows: string[][];
  /** Things the coach should know about how the file was read (an unclosed quote...). */
  warnings: string[];
}

const importedAthleteSchema = z
  .object({
    rowNumber: z.number().int().min(1).max(1_000_000),
    fields: athleteFieldsSchema,
    /** The name of a group created by this import (then fields.groupId is null). */
    newGroup: nameText('a group name', 40).nullable().default(null),
  })
  .strict();

const groupColorSchema = z.string({ error: 'Pick a colour' }).regex(/^#[0-9a-fA-F]{6}$/, 'Pick a colour (#rrggbb)');

export const importMethods = {
  'imports.readTable': method(readTableInput, "Read a CSV or XLSX file's rows as text (nothing is written)").reads().returns<TableFile>(),
  'imports.roster': method(
    z
      .object({
        athletes: z.array(importedAthleteSchema).min(1, 'There is nobody to import').max(5000, 'At most 5000 athletes at once'),
        newGroups: z.array(z.object({ name: nameText('a group name', 40), color: groupColorSchema }).strict()).max(100, 'At most 100 new groups at once'),
      })
      .strict(),
    'Add the checked athletes (and their new groups) in one go: all or nothing',
  ).affects('roster').returns<{ athleteIds: number[]; groupIds: number[] }>(),
  'imports.undoRoster': method(
    z.object({ athleteIds: idListSchema, groupIds: z.array(idSchema).max(100) }).strict(),
    'Take an import back: remove the athletes and groups it added (all or nothing)',
  ).affects('roster').returns<{ removedAthletes: number; removedGroups: number }>(),
};
