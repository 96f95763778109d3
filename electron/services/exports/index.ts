/**
 * Exporting the squad's tables (athletes, blocks, the day-by-day plan, test days and races,
 * test sessions and results) as one XLSX workbook or CSV files. The choices are checked first
 * (before any dialog), then the file is written from a read snapshot in batches, with progress
 * the page can ask for and a way to stop; it reaches the coach through the save dialog or as a
 * download. Nothing in the squad changes.
 */
import type { ExportOptions, ExportResult, ExportTablesInput } from '@shared/contract/exports';
import { localToday } from '@shared/dates';
import { safeFileStem } from '@shared/exports/fileNames';
import type { ApiContext } from '@main/api/context';
import { getSettings } from '../settings';
import { asWriteFailure, chooseDestination } from './delivery';
import { endJob, ExportCanceled, nextTick, startJob, type ExportJob } from './jobs';
import { buildScope, checkGroupsExist } from './scope';
import { withReadSnapshot } from './snapshot';
import type { ExportTable } from './table';
import { exportTableInfo, resolveTables } from './tables';
import { datedSpan } from '@main/db/repositories/exportSpan';
import { createCsvWriter, createCsvZipWriter, createXlsxWriter, type TableWriter } from './writers';

/** Rows written between two looks at the clock (progress, stop, the file stream, other calls). */
const ROWS_PER_BATCH = 400;

function fileFor(format: ExportTablesInput['format'], tables: readonly ExportTable[], stem: string) {
  if (format === 'xlsx') return { fileName: `${stem}.xlsx`, filter: { name: 'Excel workbook', extensions: ['xlsx'] } };
  if (tables.length === 1) return { fileName: `${stem} ${(tables[0] as ExportTable).fileName}.csv`, filter: { name: 'CSV file', extensions: ['csv'] } };
  return { fileName: `${stem} CSV.zip`, filter: { name: 'ZIP file of CSV files', extensions: ['zip'] } };
}

async function writeTables(ctx: ApiContext, input: ExportTablesInput, tables: readonly ExportTable[], job: ExportJob, writer: TableWriter) {
  const settings = getSettings(ctx.db, ctx.now());
  return withReadSnapshot(ctx, async (reader) => {
    const scope = buildScope(reader, input, settings);
    const progress = job.progress;
    progress.total = tables.reduce((n, t) => n + t.countRows(reader, scope), 0);
    const written: { label: string; rows: number }[] = [];
    for (const table of tables) {
      progress.stage = table.label;
      writer.startTable(table, table.columns(reader, scope));
      let rows = 0;
      for (const row of table.rows(reader, scope)) {
        writer.addRow(row);
        rows += 1;
        progress.done += 1;
        if (rows % ROWS_PER_BATCH === 0) {
          progress.total = Math.max(progress.total, progress.done);
          await writer.drain();
          await nextTick();
          if (job.canceled) throw new ExportCanceled();
        }
      }
      writer.endTable();
      written.push({ label: table.label, rows });
    }
    progress.stage = 'Finishing the file';
    progress.total = progress.done;
    return written;
  });
}

/** The tables, and the dates the squad spans (the Export card's "All dates"). */
export function exportOptions(ctx: ApiContext): ExportOptions {
  return { tables: exportTableInfo(), dates: datedSpan(ctx.db) };
}

export async function exportTables(ctx: ApiContext, input: ExportTablesInput): Promise<ExportResult> {
  const db = ctx.db;
  const tables = resolveTables(input.tables);
  checkGroupsExist(db, input.groups);
  const now = ctx.now();
  const settings = getSettings(db, now);
  const stem = `${safeFileStem(settings.squadName, 'Backchain')} export ${localToday(now)}`;
  const { fileName, filter } = fileFor(input.format, tables, stem);

  const destination = await chooseDestination(ctx, { title: 'Export the squad', fileName, filter });
  if (!destination) return { file: { outcome: 'canceled' }, tables: [] };

  const job = startJob(ctx, input.jobId);
  const writer =
    input.format === 'xlsx'
      ? createXlsxWriter(destination.writePath, settings.unit, { title: `${settings.squadName} export`, created: now })
      : tables.length === 1
        ? createCsvWriter(destination.writePath, settings.unit)
        : createCsvZipWriter(destination.writePath, settings.unit);
  try {
    const written = await writeTables(ctx, input, tables, job, writer);
    await writer.finish();
    return { file: destination.complete(), tables: written };
  } catch (error) {
    await writer.abort();
    destination.discard();
    if (error instanceof ExportCanceled) return { file: { outcome: 'canceled' }, tables: [] };
    throw asWriteFailure(error, fileName);
  } finally {
    endJob(ctx, job);
  }
}
