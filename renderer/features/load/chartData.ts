/**
 * The athlete load chart's pure parts: the ranges a coach picks, and the mapping from
 * `load.athlete`'s result (shared/contract/load.ts) to one row per day for recharts, with the
 * deload spans to shade and the sentences that replace missing numbers. Tested with hand
 * calculations in tests/renderer/loadChartData.test.ts.
 *
 * A number the series does not have is null here (recharts draws a gap), never 0: a day not
 * logged, a ratio refused or warming up are said in words under the chart, not drawn as zeros.
 */
import type { AthleteLoad } from '@shared/contract/load';
import { addDays, daysBetween, formatDateLong, formatDateShort, startOfWeek, type IsoDate } from '@shared/dates';
import type { LoadDay, LoadDayStatus, LoadWeek } from '@shared/load/series';
import { LOAD_UNAVAILABLE_MESSAGES, type LoadUnavailableReason } from '@shared/science';
import { weekState } from './heatmap';

export const LOAD_RANGES = [
  { value: '4w', label: '4 weeks', weeks: 4 },
  { value: '8w', label: '8 weeks', weeks: 8 },
  { value: '12w', label: '12 weeks', weeks: 12 },
  { value: 'season', label: 'Season', weeks: null },
] as const;
export type LoadRange = (typeof LOAD_RANGES)[number]['value'];

/** The longest series load.athlete gives (MAX_SERIES_DAYS in shared/contract/load.ts). */
const MAX_DAYS = 740;

/**
 * The days a range shows. "N weeks": the last N squad weeks up to this one, and the next week
 * (its planned load: what is coming). "Season": the season in the settings (its last 740 days if
 * longer).
 */
export function rangeDates(range: LoadRange, today: IsoDate, firstDayOfWeek: number, season: { seasonStart: IsoDate; seasonEnd: IsoDate } | null): { from: IsoDate; to: IsoDate } {
  const option = LOAD_RANGES.find((r) => r.value === range) ?? LOAD_RANGES[2];
  const thisWeek = startOfWeek(today, firstDayOfWeek);
  if (option.weeks === null && season && daysBetween(season.seasonStart, season.seasonEnd) >= 0) {
    const from = daysBetween(season.seasonStart, season.seasonEnd) >= MAX_DAYS ? addDays(season.seasonEnd, -(MAX_DAYS - 1)) : season.seasonStart;
    return { from, to: season.seasonEnd };
  }
  const weeks = option.weeks ?? 12;
  return { from: addDays(thisWeek, -7 * (weeks - 1)), to: addDays(thisWeek, 13) };
}

/** What is known of a day: the series' status, or 'open' for today while nothing is logged yet. */
export type ChartDayStatus = LoadDayStatus | 'open';

export const STATUS_WORDS: Readonly<Record<ChartDayStatus, string>> = {
  done: 'logged',
  missed: 'session missed (0)',
  rest: 'rest day (0)',
  'not-logged': 'not logged: unknown, not counted as 0',
  future: 'planned',
  'no-data': 'before their first plan day or log: nothing known',
  open: 'today: not logged yet',
};

/** One day of the chart (recharts reads the fields by name). */
export interface LoadChartRow {
  date: IsoDate;
  status: ChartDayStatus;
  deload: boolean;
  /** Planned load (AU); null when nothing is planned (no empty outline). */
  planned: number | null;
  /** Logged load (AU): done, missed (0) or rest (0); null when unknown or still to come. */
  actual: number | null;
  /** 0 on a past day with nothing logged: a marker on the axis, not a bar. */
  notLogged: number | null;
  /** Acute (7-day) and chronic (28-day) load, AU a day, by the method. */
  acute: number | null;
  chronic: number | null;
  /** The ratio once there are 28 days of data... */
  acwr: number | null;
  /** ...and while it is still warming up (drawn dashed). The day it stops warming up is in both, so the line joins. */
  acwrWarmingUp: number | null;
  acwrUnavailable: LoadUnavailableReason | null;
  /** The week's logged load (AU) on each of its days (drawn as one block per week); null when unknown or to come. */
  weekLoad: number | null;
  weekPlanned: number | null;
  /** On one day in the middle of each week: its change against the week before ("+19%"), or "so far". */
  weekLabel: string | null;
  weekStart: IsoDate;
  /** Wellness total (5-25) and the athlete's own baseline mean. */
  wellness: number | null;
  baseline: number | null;
  /** The total again on a flagged day (or 6 when the check was incomplete): a marker. */
  wellnessFlagged: number | null;
  /** 24 on a day with tight hamstrings reported: a marker along the top. */
  hamstring: number | null;
}

/** "+19%", "−8%", "0%" (a real minus sign). */
export function formatChange(percent: number): string {
  const rounded = Math.round(percent);
  if (rounded === 0) return '0%';
  return rounded > 0 ? `+${rounded}%` : `\u2212${Math.abs(rounded)}%`;
}

/** The week's label: its change on the week before when both are over and known; "so far" for this week. */
function weekLabelOf(week: LoadWeek, state: 'complete' | 'current' | 'future'): string | null {
  if (state === 'current') return 'so far';
  if (state === 'future') return null;
  return week.changePercent === null ? null : formatChange(week.changePercent);
}

/**
 * The chart's rows, one per day of the series. Today, while nothing is logged, is 'open': the
 * series leaves it out of the ratios (they stop at yesterday), and the chart says so.
 */
export function chartRows(load: Pick<AthleteLoad, 'today' | 'series'>): LoadChartRow[] {
  const { today, series } = load;
  const weeks = new Map(series.weeks.map((w) => [w.weekStart, w]));
  // The day that carries a week's label: the middle of the week's days shown.
  const labelDay = new Map<IsoDate, IsoDate>();
  const byWeek = new Map<IsoDate, IsoDate[]>();
  for (const d of series.days) byWeek.set(d.weekStart, [...(byWeek.get(d.weekStart) ?? []), d.date]);
  for (const [weekStart, dates] of byWeek) labelDay.set(weekStart, dates[Math.floor((dates.length - 1) / 2)] as IsoDate);

  return series.days.map((day, i) => {
    const open = day.date === today && day.status === 'not-logged';
    const status: ChartDayStatus = open ? 'open' : day.status;
    const known = status === 'done' || status === 'missed' || status === 'rest';
    const week = weeks.get(day.weekStart);
    const state = week === undefined ? 'future' : weekState(day.weekStart, week.complete, today);
    const weekLoad = week === undefined || state === 'future' || (week.load === 0 && week.missingDays > 0) ? null : week.load;
    const ratio = open ? null : day.acwr;
    const warming = day.warmingUp;
    // The first day past warming up also carries the warming-up line's last point, so the two join.
    const joinsWarmUp = !warming && i > 0 && (series.days[i - 1] as LoadDay).warmingUp;
    const w = day.wellness;
    return {
      date: day.date,
      status,
      deload: day.isDeload,
      planned: day.plannedLoad > 0 ? day.plannedLoad : null,
      actual: known ? day.actualLoad : null,
      notLogged: status === 'not-logged' ? 0 : null,
      acute: open ? null : day.acuteLoad,
      chronic: open ? null : day.chronicLoad,
      acwr: warming ? null : ratio,
      acwrWarmingUp: warming || joinsWarmUp ? ratio : null,
      acwrUnavailable: open ? null : day.acwrUnavailable,
      weekLoad,
      weekPlanned: week ? week.plannedLoad : null,
      weekLabel: week && labelDay.get(day.weekStart) === day.date ? weekLabelOf(week, state) : null,
      weekStart: day.weekStart,
      wellness: w?.total ?? null,
      baseline: w?.baselineMean ?? null,
      wellnessFlagged: w?.flagged ? (w.total ?? 6) : null,
      hamstring: w?.hamstringTight ? 24 : null,
    };
  });
}

/** Runs of consecutive deload days, to shade: [first, last] inclusive. */
export function deloadSpans(rows: readonly Pick<LoadChartRow, 'date' | 'deload'>[]): { from: IsoDate; to: IsoDate }[] {
  const spans: { from: IsoDate; to: IsoDate }[] = [];
  let open: { from: IsoDate; to: IsoDate } | null = null;
  for (const row of rows) {
    if (row.deload) {
      if (open) open.to = row.date;
      else open = { from: row.date, to: row.date };
    } else if (open) {
      spans.push(open);
      open = null;
    }
  }
  if (open) spans.push(open);
  return spans;
}

/** Why the ratio line has gaps or is dashed, in sentences (past days only). */
export function ratioNotes(rows: readonly LoadChartRow[]): string[] {
  const notes: string[] = [];
  const warming = rows.filter((r) => r.acwrWarmingUp !== null && r.acwr === null && r.status !== 'no-data');
  if (warming.length > 0) {
    notes.push(
      `Warming up until ${formatDateLong((warming[warming.length - 1] as LoadChartRow).date)} (dashed): fewer than 28 days of data, so the ratio still leans on its first day and moves a lot.`,
    );
  }
  const before = rows.filter((r) => r.status === 'no-data');
  if (before.length > 0) {
    const firstDay = addDays((before[before.length - 1] as LoadChartRow).date, 1);
    notes.push(`Nothing planned or logged before ${formatDateLong(firstDay)}: no numbers for the days before.`);
  }
  const reasons = new Map<LoadUnavailableReason, LoadChartRow[]>();
  for (const r of rows) {
    if (r.acwrUnavailable && r.status !== 'future' && r.status !== 'no-data') reasons.set(r.acwrUnavailable, [...(reasons.get(r.acwrUnavailable) ?? []), r]);
  }
  for (const [reason, days] of reasons) {
    const first = days[0] as LoadChartRow;
    const last = days[days.length - 1] as LoadChartRow;
    const when = days.length === 1 ? `on ${formatDateShort(first.date)}` : `on ${days.length} days (${formatDateShort(first.date)} to ${formatDateShort(last.date)})`;
    notes.push(`No ratio ${when}: ${LOAD_UNAVAILABLE_MESSAGES[reason]}`);
  }
  if (rows.some((r) => r.status === 'open')) notes.push('Today is not logged yet: the lines stop at yesterday.');
  return notes;
}

/** True when the athlete has anything to chart in the range: a planned session, a log or a wellness check. */
export function hasLoadData(days: readonly LoadDay[]): boolean {
  return days.some((d) => d.plannedLoad > 0 || d.status === 'done' || d.status === 'missed' || d.status === 'not-logged' || d.wellness !== null);
}

