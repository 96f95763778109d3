import type Database from 'better-sqlite3';

/** The open squad database. Only electron/ ever holds one. */
export type SquadDb = Database.Database;

declare const freshCalendar: unique symbol;

/**
 * The squad database at a moment when the calendar table (athlete_day, derived from the plan and
 * the roster) is up to date: inside `withFreshCalendar`, or an export's snapshot taken after it.
 * Only electron/services/plan/calendarStore.ts makes one, and every read of athlete_day
 * (repositories/athleteDays.ts, repositories/loadMonitoring.ts) asks for one, so reading the
 * calendar before it has been brought up to date does not compile.
 */
export type FreshCalendarDb = SquadDb & { readonly [freshCalendar]: true };
