/**
 * Training load (issue 7): an athlete's series for the chart and the squad's weekly matrix for
 * the heat map, computed on read from the calendar (athlete_day) and the logs. The warnings
 * (services/warnings.ts) read the same series, so a chart and a warning agree.
 */
import { MAX_MATRIX_WEEKS, type AthleteLoad, type LoadCaveat, type SquadLoadAthlete, type SquadLoadGroup, type SquadLoadWeeks } from '@shared/contract/load';
import { localToday, type IsoDate } from '@shared/dates';
import { athleteFullName } from '@shared/domain/roster';
import { AppError } from '@shared/errors';
import { ACWR_METHOD_LABELS, buildLoadSeries, historyStart, shiftDate, WELLNESS_RUN_LOOKBACK_DAYS, type AcwrMethod, type LoadSeries } from '@shared/load/series';
import type { WarningThresholds } from '@shared/load/thresholds';
import { dayNumber, isoDate, weekStartOf } from '@shared/plan/days';
import {
  ACWR_CAVEATS,
  CHRONIC_WINDOW_DAYS,
  WELLNESS_DEFAULTS,
  ACWR_PRESENTATION_NOTE,
  GABBETT_2016_BANDS,
  MONOTONY_CAVEAT,
  WELLNESS_CAVEAT,
} from '@shared/science';
import { findAthlete, listAthletes } from '../db/repositories/athletes';
import { findGroup, listGroups } from '../db/repositories/groups';
import { dataStart, lastDeloadBefore, nextDeloadAfter, readAthleteLoadData, readPlanLookups, type PlanLookups } from '../db/repositories/loadMonitoring';
import { readSettings } from '../db/repositories/settings';
import { readThresholds } from '../db/repositories/warnings';
import type { FreshCalendarDb, SquadDb } from '../db/types';
import { withFreshCalendar } from './plan/calendarStore';

/** How the numbers are made, shown under the chart (shared/load/series.ts, module comment). */
export const LOAD_CONVENTIONS: readonly string[] = [
  'Session load = session RPE (CR-10) x minutes, strength sessions and runs alike; two on one day are added.',
  'A past day with a planned session and nothing logged is "not logged": it is not counted as rest, and a ratio is not given when more than 10% of its window is not logged.',
  'A session logged as missed counts 0. A day with nothing planned and nothing logged is a rest day (0).',
  'Planned load: the template\u2019s target RPE x planned minutes plus the run\u2019s; on a deload day the strength session loses the deload\u2019s share of sets from its minutes, and the run is unchanged.',
  'The ratios start from the athlete\u2019s first day of data, or 90 days before the first day shown; with less than 28 days they are "warming up".',
];

export const acwrCaveats = (): LoadCaveat[] => ACWR_CAVEATS.map((c) => ({ title: c.title, text: c.text }));

const min = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

export function firstDayOfWeek(db: SquadDb): number {
  return readSettings(db)?.firstDayOfWeek ?? 1;
}

/** Everything one athlete's series needs besides the range. */
export interface SeriesContext {
  today: IsoDate;
  firstDayOfWeek: number;
  thresholds: WarningThresholds;
  acwrMethod: AcwrMethod;
  lookups: PlanLookups;
  /** False: no week-by-week figures (the warnings read the days only). */
  withWeeks?: boolean;
}

/** One athlete's series for [from, to] (call inside withFreshCalendar). */
export function athleteSeries(db: FreshCalendarDb, athleteId: number, from: IsoDate, to: IsoDate, context: SeriesContext): LoadSeries {
  const { firstPlanDay, firstDataDay } = dataStart(db, athleteId);
  const { historyFrom, hasEarlierData } = historyStart(from, to, firstDataDay);
  // The logs from the start of the history (the EWMAs); the plan and the wellness checks only
  // where they count: the 28-day windows of the days shown and the week before the first one,
  // and the wellness baseline (28 days) of the days whose flagged runs are counted.
  const max = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
  const planFrom = max(historyFrom, min(shiftDate(from, -CHRONIC_WINDOW_DAYS), isoDate(weekStartOf(dayNumber(from), context.firstDayOfWeek) - 7)));
  const wellnessFrom = max(historyFrom, shiftDate(from, -(WELLNESS_RUN_LOOKBACK_DAYS + WELLNESS_DEFAULTS.baselineWindowDays)));
  const data = readAthleteLoadData(db, athleteId, historyFrom, to, context.lookups, { planFrom, wellnessFrom });
  const t = context.thresholds;
  return buildLoadSeries({
    from,
    to,
    today: context.today,
    historyFrom,
    hasEarlierData,
    firstDayOfWeek: context.firstDayOfWeek,
    acwrMethod: context.acwrMethod,
    withWeeks: context.withWeeks,
    monotonySd: t.monotonySd,
    wellness: { zThreshold: t.wellnessZ, itemThreshold: t.wellnessItem, consecutiveDays: t.wellnessDays },
    lastDeloadBefore: lastDeloadBefore(db, athleteId, planFrom),
    firstPlanDay,
    plan: data.plan,
    logs: data.logs,
    wellnessChecks: data.wellness,
  });
}

export function athleteLoad(db: SquadDb, input: { athleteId: number; from: IsoDate; to: IsoDate; acwrMethod: AcwrMethod | null }, now: Date): AthleteLoad {
  return withFreshCalendar(db, (fresh) => {
    const athlete = findAthlete(fresh, input.athleteId);
    if (!athlete) throw new AppError('not_found', `There is no athlete with record number ${input.athleteId}.`, { athleteId: 'Choose an athlete from the list' });
    const group = athlete.groupId === null ? null : findGroup(fresh, athlete.groupId);
    const thresholds = readThresholds(fresh);
    const today = localToday(now);
    const context: SeriesContext = { today, firstDayOfWeek: firstDayOfWeek(fresh), thresholds, acwrMethod: input.acwrMethod ?? thresholds.acwrMethod, lookups: readPlanLookups(fresh) };
    return {
      athlete: {
        id: athlete.id,
        name: athleteFullName(athlete),
        groupId: athlete.groupId,
        groupName: group?.name ?? null,
        groupColor: group?.color ?? null,
        archived: athlete.archivedAt !== null,
      },
      from: input.from,
      to: input.to,
      today,
      series: athleteSeries(fresh, athlete.id, input.from, input.to, context),
      nextDeload: nextDeloadAfter(fresh, athlete.id, today),
      thresholds,
      acwrBands: GABBETT_2016_BANDS,
      acwrCaveats: acwrCaveats(),
      presentationNote: ACWR_PRESENTATION_NOTE,
      monotonyCaveat: MONOTONY_CAVEAT,
      wellnessCaveat: WELLNESS_CAVEAT,
      conventions: [...LOAD_CONVENTIONS],
    };
  });
}

const NO_GROUP_COLOR = '#868e96';

export function squadWeeks(db: SquadDb, input: { from: IsoDate; to: IsoDate; measure: SquadLoadWeeks['measure']; acwrMethod: AcwrMethod | null }, now: Date): SquadLoadWeeks {
  return withFreshCalendar(db, (fresh) => {
    const thresholds = readThresholds(fresh);
    const weekStartDay = firstDayOfWeek(fresh);
    const today = localToday(now);
    const acwrMethod = input.acwrMethod ?? thresholds.acwrMethod;
    const context: SeriesContext = { today, firstDayOfWeek: weekStartDay, thresholds, acwrMethod, lookups: readPlanLookups(fresh) };
    const firstWeek = weekStartOf(dayNumber(input.from), weekStartDay);
    const lastWeek = weekStartOf(dayNumber(input.to), weekStartDay);
    const weeks: IsoDate[] = [];
    for (let w = firstWeek; w <= lastWeek; w += 7) weeks.push(isoDate(w));
    // The input's check counts days; a range of 53 weeks' days can touch 54 of the squad's weeks.
    if (weeks.length > MAX_MATRIX_WEEKS) {
      throw new AppError('invalid_input', `At most ${MAX_MATRIX_WEEKS} weeks at once: these dates touch ${weeks.length} of the squad's weeks.`, { to: `At most ${MAX_MATRIX_WEEKS} weeks` });
    }
    const from = isoDate(firstWeek);
    const to = isoDate(lastWeek + 6);
    const todayDay = dayNumber(today);

    const groups = listGroups(fresh);
    const order = new Map(groups.map((g, i) => [g.id, i]));
    const athletes = listAthletes(fresh, 'active').sort(
      (a, b) => (order.get(a.groupId ?? -1) ?? groups.length) - (order.get(b.groupId ?? -1) ?? groups.length),
    );
    const rows: SquadLoadAthlete[] = athletes.map((athlete) => {
      const series = athleteSeries(fresh, athlete.id, from, to, context);
      const byDate = new Map(series.days.map((d) => [d.date, d]));
      const byWeek = new Map(series.weeks.map((w) => [w.weekStart, w]));
      const values = weeks.map((weekStart, i) => {
        if (input.measure === 'weeklyLoad') {
          const week = byWeek.get(weekStart);
          // A week with nothing logged at all is unknown, not a week of rest.
          if (!week || dayNumber(weekStart) > todayDay || (week.load === 0 && week.missingDays > 0)) return null;
          return week.load;
        }
        // The ratio on the week's last day, or this week's latest: today once it is logged, else yesterday.
        const weekFirstDay = firstWeek + i * 7;
        let last = Math.min(weekFirstDay + 6, todayDay);
        if (last === todayDay && byDate.get(today)?.status === 'not-logged') last -= 1;
        return last < weekFirstDay ? null : (byDate.get(isoDate(last))?.acwr ?? null);
      });
      const deloadWeeks = weeks.map((weekStart) => (byWeek.get(weekStart)?.deloadDays ?? 0) > 0);
      return { id: athlete.id, name: athleteFullName(athlete), groupId: athlete.groupId, values, deloadWeeks };
    });

    const used = new Set(rows.map((r) => r.groupId));
    const groupList: SquadLoadGroup[] = groups.filter((g) => used.has(g.id)).map((g, i) => ({ id: g.id, name: g.name, color: g.color, order: i }));
    if (used.has(null)) groupList.push({ id: null, name: 'No group', color: NO_GROUP_COLOR, order: groupList.length });
    return {
      measure: input.measure,
      acwrMethod,
      acwrMethodLabel: ACWR_METHOD_LABELS[acwrMethod],
      weeks,
      weekComplete: weeks.map((w) => dayNumber(w) + 6 <= todayDay),
      today,
      groups: groupList,
      athletes: rows,
      acwrCaveats: input.measure === 'acwr' ? acwrCaveats() : [],
    };
  });
}
