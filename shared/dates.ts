/**
 * Calendar dates as the app stores them: ISO `YYYY-MM-DD` text, one calendar day, no time zone.
 * All arithmetic goes through dayjs in UTC so that a daylight-saving change can never turn
 * "add one day" into 23 or 25 hours and skip or repeat a training day.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(customParseFormat);

export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is false). */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && dayjs.utc(value, 'YYYY-MM-DD', true).isValid();
}

/**
 * The dates Backchain accepts anywhere a date comes in: a season, a block, a test, a log. Far
 * outside it an entry is a typo (2062 for 2026), and past year 9999 ISO text stops sorting.
 */
export const DATE_WINDOW = { first: '1990-01-01', last: '2100-12-31' } as const;
export const DATE_WINDOW_MESSAGE = 'Enter a date between 1990 and 2100';

/** A real ISO date inside DATE_WINDOW. */
export function isDateInWindow(value: string): boolean {
  return isIsoDate(value) && value >= DATE_WINDOW.first && value <= DATE_WINDOW.last;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dayjs.utc(date, 'YYYY-MM-DD', true).add(days, 'day').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayjs.utc(to, 'YYYY-MM-DD', true).diff(dayjs.utc(from, 'YYYY-MM-DD', true), 'day');
}

/** Day of the week, 0 = Sunday ... 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return dayjs.utc(date, 'YYYY-MM-DD', true).day();
}

/** The first day of the week containing `date`, for a squad whose weeks start on `firstDay`. */
export function startOfWeek(date: IsoDate, firstDay: number): IsoDate {
  const back = (weekday(date) - firstDay + 7) % 7;
  return addDays(date, -back);
}

/** Today's date in the machine's local time zone, as the coach sees it on the wall calendar. */
export function localToday(now: Date = new Date()): IsoDate {
  return dayjs(now).format('YYYY-MM-DD');
}

/** A date shown to a coach: "Mon 7 Sep 2026". */
export function formatDateLong(date: IsoDate): string {
  return dayjs.utc(date, 'YYYY-MM-DD', true).format('ddd D MMM YYYY');
}

export function formatDateShort(date: IsoDate): string {
  return dayjs.utc(date, 'YYYY-MM-DD', true).format('D MMM');
}
