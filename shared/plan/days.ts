/**
 * Day numbers: whole days since 1970-01-01 (a Thursday), the integer form of an ISO date.
 * The calendar works in day numbers (one add per day, no time zones, no Date objects in a loop
 * over 25,000 cells) and converts to `YYYY-MM-DD` text only where a date is stored or shown.
 * The conversion is Howard Hinnant's civil-from-days algorithm: exact for every Gregorian date.
 */
import type { IsoDate } from '../dates';

export type DayNumber = number;

/** `2026-09-07` → 20703. The input must be a valid ISO date (check with `isIsoDate` first). */
export function dayNumber(date: IsoDate): DayNumber {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** 20703 → `2026-09-07`. */
export function isoDate(day: DayNumber): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** 0 = Sunday ... 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The first day of the squad week containing `day`, for weeks starting on `firstDayOfWeek`. */
export function weekStartOf(day: DayNumber, firstDayOfWeek: number): DayNumber {
  return day - ((weekdayOf(day) - firstDayOfWeek + 7) % 7);
}

const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Mon 7 Sep" (the year only when asked): for messages about a planned day. */
export function dayLabel(day: DayNumber, withYear = false): string {
  const iso = isoDate(day);
  const month = MONTH_SHORT[Number(iso.slice(5, 7)) - 1] ?? '';
  const text = `${WEEKDAY_SHORT[weekdayOf(day)]} ${Number(iso.slice(8, 10))} ${month}`;
  return withYear ? `${text} ${iso.slice(0, 4)}` : text;
}

export function weekdayShort(weekday: number): string {
  return WEEKDAY_SHORT[weekday] ?? '';
}
