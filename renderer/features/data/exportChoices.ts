/**
 * The Data section's export choices as the page keeps them, turned into what main is asked for:
 * dates (this season by default), groups (none chosen = all), the file's progress in words.
 */
import type { ExportGroups, ExportProgress } from '@shared/contract/exports';
import type { SquadSettings } from '@shared/domain/settings';

export interface DateRange {
  from: string;
  to: string;
}

/** The squad's season from Settings. */
export function seasonRange(settings: Pick<SquadSettings, 'seasonStart' | 'seasonEnd'>): DateRange {
  return { from: settings.seasonStart, to: settings.seasonEnd };
}


/** The group picker's values ("12", "none") as main's choice: nothing picked means every group. */
export function groupsChoice(values: readonly string[]): ExportGroups {
  if (values.length === 0) return 'all';
  return values.map((v) => (v === 'none' ? 'none' : Number(v)));
}

/** "Day-by-day plan: 120,400 of 331,200 rows". */
export function progressText(progress: ExportProgress | null): string {
  if (!progress) return 'Getting ready…';
  if (progress.total === 0) return `${progress.stage}…`;
  const n = (value: number) => value.toLocaleString('en-US');
  return `${progress.stage}: ${n(progress.done)} of ${n(progress.total)} rows`;
}

/** 0-100 for the progress bar. */
export function progressPercent(progress: ExportProgress | null): number {
  if (!progress || progress.total === 0) return 0;
  return Math.min(100, (100 * progress.done) / progress.total);
}

/** The squad's first to last dated thing (block, test day, race, test session), or null. */
export function allDatesRange(dates: { first: string; last: string } | null): DateRange | null {
  return dates ? { from: dates.first, to: dates.last } : null;
}

/** A number for an export the page can ask about ("exports.progress") or stop. */
export function newJobId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** "24 rows", "1 row". */
export function rowsText(rows: number): string {
  return `${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}`;
}
