/**
 * Reading exported files back with independent readers, for tests: CSV with papaparse, XLSX
 * with exceljs, ZIP with fflate, ICS with ical.js (Mozilla's parser, not the ical-generator library that
 * wrote it).
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import ICAL from 'ical.js';
import fs from 'node:fs';
import Papa from 'papaparse';
import type { SavedFile } from '@shared/contract/backups';
import type { ApiContext } from '@main/api/context';

/** The path of a file an export made: where it was saved, or the download waiting in browser mode. */
export function savedPath(ctx: ApiContext, file: SavedFile): string {
  if (file.outcome === 'saved') return file.path;
  if (file.outcome === 'download') {
    const entry = ctx.transfers.get(file.downloadId, 'download');
    if (!entry) throw new Error('the download is not waiting');
    return entry.path;
  }
  throw new Error('the export was cancelled');
}

export interface ParsedCsv {
  hasBom: boolean;
  headers: string[];
  rows: Record<string, string>[];
}

export function parseCsv(bytes: Uint8Array): ParsedCsv {
  const text = Buffer.from(bytes).toString('utf8');
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const parsed = Papa.parse<Record<string, string>>(hasBom ? text.slice(1) : text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`CSV does not parse: ${parsed.errors[0]?.message}`);
  return { hasBom, headers: parsed.meta.fields ?? [], rows: parsed.data };
}

/** The files of a .zip, by name. */
export function unzip(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(fs.readFileSync(file)));
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A sheet's rows as objects keyed by the header row's text. */
export function sheetRecords(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    out.push(Object.fromEntries(headers.map((h, i) => [h, values[i + 1] ?? null])));
  });
  return out;
}

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  /** DTSTART as an ISO date, and whether it is a DATE (all-day) value. */
  start: string;
  allDay: boolean;
  end: string;
  dtstamp: string;
  categories: string[];
}

export function parseIcs(text: string): { calendarName: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description ?? '',
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      end: event.endDate.toString(),
      dtstamp: String(component.getFirstPropertyValue('dtstamp')),
      categories: component.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
    };
  });
  return { calendarName: String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''), events };
}
