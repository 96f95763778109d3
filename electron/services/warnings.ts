/**
 * Deload warnings (issue 7): the rules of shared/load/warnings.ts run on every active athlete's
 * load series (services/load.ts), their re-test declines and their latest dismissal, on read:
 * a result saved, a deload scheduled or a threshold changed shows at the next call. Dismissing
 * and scheduling a deload are written to warning_action (the history) in one transaction with
 * the plan change, and undone from it.
 */
import type { AthleteWarnings, ScheduledDeload, UndoneWarningAction, WarningsList, WarningThresholdSettings } from '@shared/contract/warnings';
import { MAX_DELOAD_LEAD_DAYS } from '@shared/contract/warnings';
import { addDays, daysBetween, formatDateLong, localToday, type IsoDate } from '@shared/dates';
import { athleteFullName, type Athlete, type Group } from '@shared/domain/roster';
import { AppError } from '@shared/errors';
import { shiftDate } from '@shared/load/series';
import { WARNING_THRESHOLD_DEFAULTS, type WarningThresholds } from '@shared/load/thresholds';
import { assessAthlete, DISMISSAL_DAYS, WARNINGS_NOTE, type AthleteWarning, type DismissalRecord, type WarningAction } from '@shared/load/warnings';
import { dayNumber, isoDate, weekStartOf } from '@shared/plan/days';
import type { RetestDecline } from '@shared/retests/compare';
import { findAthlete, listAthletes } from '../db/repositories/athletes';
import { listGroups } from '../db/repositories/groups';
import { nextDeloadAfter, readPlanLookups } from '../db/repositories/loadMonitoring';
import * as repo from '../db/repositories/warnings';
import type { FreshCalendarDb, SquadDb } from '../db/types';
import { acwrCaveats, athleteSeries, firstDayOfWeek, type SeriesContext } from './load';
import { applyChange, restoreChanges } from './plan/changes';
import { withFreshCalendar } from './plan/calendarStore';
import { retestDeclines } from './retests/compare';

/** Days of series the rules read up to today: two weeks before yesterday (the weekly jump), or the hamstring window if longer. */
const ruleWindowDays = (t: WarningThresholds) => Math.max(15, t.hamstringWindowDays);
const ACT_FIRST = { act: 0, watch: 1 } as const;

interface Squad {
  today: IsoDate;
  thresholds: WarningThresholds;
  context: SeriesContext;
  nextWeekStart: IsoDate;
  groups: Map<number, Group>;
  declines: Map<number, RetestDecline[]>;
  dismissals: Map<number, DismissalRecord>;
}

/**
 * The re-test declines are the costly part of the warnings on a big squad (every result of every
 * session, with the noise of each test): kept per open database until the re-test data change
 * (repo.retestDataVersion) or the window moves.
 */
const declineCache = new WeakMap<SquadDb, { key: string; declines: RetestDecline[] }>();

function cachedDeclines(db: SquadDb, since: IsoDate): RetestDecline[] {
  const key = `${repo.retestDataVersion(db)}|${since}`;
  const cached = declineCache.get(db);
  if (cached?.key === key) return cached.declines;
  const declines = retestDeclines(db, { since });
  declineCache.set(db, { key, declines });
  return declines;
}

function squadContext(db: SquadDb, now: Date): Squad {
  const thresholds = repo.readThresholds(db);
  const today = localToday(now);
  const weekStart = firstDayOfWeek(db);
  const declines = new Map<number, RetestDecline[]>();
  for (const d of cachedDeclines(db, addDays(today, -thresholds.retestWindowDays))) {
    const list = declines.get(d.athleteId);
    if (list) list.push(d);
    else declines.set(d.athleteId, [d]);
  }
  const dismissals = new Map<number, DismissalRecord>();
  const since = new Date(now.getTime() - DISMISSAL_DAYS * 86_400_000).toISOString();
  for (const [athleteId, d] of repo.recentDismissals(db, since)) dismissals.set(athleteId, d);
  return {
    today,
    thresholds,
    context: { today, firstDayOfWeek: weekStart, thresholds, acwrMethod: thresholds.acwrMethod, lookups: readPlanLookups(db), withWeeks: false },
    nextWeekStart: isoDate(weekStartOf(dayNumber(today), weekStart) + 7),
    groups: new Map(listGroups(db).map((g) => [g.id, g])),
    declines,
    dismissals,
  };
}

function athleteWarning(db: FreshCalendarDb, athlete: Athlete, squad: Squad): AthleteWarning | null {
  const { today } = squad;
  const series = athleteSeries(db, athlete.id, shiftDate(today, -(ruleWindowDays(squad.thresholds) - 1)), today, squad.context);
  const group = athlete.groupId === null ? null : (squad.groups.get(athlete.groupId) ?? null);
  return assessAthlete({
    athlete: { id: athlete.id, name: athleteFullName(athlete), groupId: athlete.groupId, groupName: group?.name ?? null, groupColor: group?.color ?? null },
    today,
    series,
    // The series has walked the plan up to today: its last deload and first plan day, not two more queries.
    lastDeload: series.lastDeload,
    firstPlanDay: series.firstPlanDay,
    nextDeload: nextDeloadAfter(db, athlete.id, today),
    nextWeekStart: squad.nextWeekStart,
    retestDeclines: squad.declines.get(athlete.id) ?? [],
    dismissal: squad.dismissals.get(athlete.id) ?? null,
    thresholds: squad.thresholds,
  });
}

function byLevelThenName(a: AthleteWarning, b: AthleteWarning): number {
  return ACT_FIRST[a.level] - ACT_FIRST[b.level] || a.athleteName.localeCompare(b.athleteName);
}

/** Every active athlete's warning (any status), act first. */
export function computeWarnings(db: SquadDb, now: Date): { today: IsoDate; warnings: AthleteWarning[] } {
  return withFreshCalendar(db, (fresh) => {
    const squad = squadContext(fresh, now);
    const warnings: AthleteWarning[] = [];
    for (const athlete of listAthletes(fresh, 'active')) {
      const warning = athleteWarning(fresh, athlete, squad);
      if (warning) warnings.push(warning);
    }
    return { today: squad.today, warnings: warnings.sort(byLevelThenName) };
  });
}

export function listWarnings(
  db: SquadDb,
  filter: { group: 'all' | 'none' | number; level: 'all' | 'watch' | 'act'; status: 'active' | 'all' },
  now: Date,
): WarningsList {
  const { today, warnings } = computeWarnings(db, now);
  const active = warnings.filter((w) => w.status === 'active');
  const counts = {
    act: active.filter((w) => w.level === 'act').length,
    watch: active.filter((w) => w.level === 'watch').length,
    dismissed: warnings.filter((w) => w.status === 'dismissed').length,
    deloadPlanned: warnings.filter((w) => w.status === 'deload-planned').length,
  };
  const shown = warnings.filter(
    (w) =>
      (filter.status === 'all' || w.status === 'active') &&
      (filter.level === 'all' || w.level === filter.level) &&
      (filter.group === 'all' || (filter.group === 'none' ? w.groupId === null : w.groupId === filter.group)),
  );
  return { today, warnings: shown, counts, note: WARNINGS_NOTE, acwrCaveats: acwrCaveats() };
}

function requireAthlete(db: SquadDb, athleteId: number, activeOnly: boolean): Athlete {
  const athlete = findAthlete(db, athleteId);
  if (!athlete) throw new AppError('not_found', `There is no athlete with record number ${athleteId}.`, { athleteId: 'Choose an athlete from the list' });
  if (activeOnly && athlete.archivedAt !== null) {
    throw new AppError('conflict', `${athleteFullName(athlete)} is archived. Restore them on the Roster screen first.`, { athleteId: 'This athlete is archived' });
  }
  return athlete;
}

/** One athlete's warning today (null for an archived athlete: warnings are for the active squad). */
function warningOf(db: FreshCalendarDb, athlete: Athlete, now: Date): AthleteWarning | null {
  if (athlete.archivedAt !== null) return null;
  return athleteWarning(db, athlete, squadContext(db, now));
}

export function athleteWarnings(db: SquadDb, athleteId: number, now: Date): AthleteWarnings {
  return withFreshCalendar(db, (fresh) => {
    const athlete = requireAthlete(fresh, athleteId, false);
    return {
      athleteId,
      today: localToday(now),
      warning: warningOf(fresh, athlete, now),
      history: repo.listActions(fresh, athleteId, 20),
      note: WARNINGS_NOTE,
      acwrCaveats: acwrCaveats(),
    };
  });
}

function requireWarning(db: FreshCalendarDb, athlete: Athlete, now: Date): AthleteWarning {
  const warning = warningOf(db, athlete, now);
  if (!warning) {
    throw new AppError('conflict', `${athleteFullName(athlete)} has no warning today: nothing to act on. Deload days can be marked on the Calendar.`, {
      athleteId: 'No warning today',
    });
  }
  return warning;
}

function mustFind(db: SquadDb, id: number): WarningAction {
  const action = repo.findAction(db, id);
  if (!action) throw new Error(`warning action ${id} was just written and is missing`);
  return action;
}

export function dismissWarning(db: SquadDb, input: { athleteId: number; note: string }, now: Date): WarningAction {
  return withFreshCalendar(db, (fresh) => {
    const athlete = requireAthlete(fresh, input.athleteId, true);
    const warning = requireWarning(fresh, athlete, now);
    const id = repo.insertAction(
      fresh,
      {
        athleteId: athlete.id,
        kind: 'dismissed',
        asOf: warning.today,
        level: warning.level,
        signals: warning.signals.map((s) => s.key),
        reasons: warning.reasons,
        note: input.note,
        deloadFrom: null,
        deloadTo: null,
        planBefore: null,
      },
      now.toISOString(),
    );
    return mustFind(fresh, id);
  });
}

export function scheduleDeload(db: SquadDb, input: { athleteId: number; from: IsoDate; note: string }, now: Date): ScheduledDeload {
  return withFreshCalendar(db, (fresh) => {
    const athlete = requireAthlete(fresh, input.athleteId, true);
    const today = localToday(now);
    if (input.from < today) {
      throw new AppError('invalid_input', `${formatDateLong(input.from)} has passed: a deload week starts today or later.`, { from: 'Choose today or a later day' });
    }
    if (daysBetween(today, input.from) > MAX_DELOAD_LEAD_DAYS) {
      throw new AppError('invalid_input', `A deload can be scheduled at most ${MAX_DELOAD_LEAD_DAYS} days ahead.`, { from: `Choose a day within ${MAX_DELOAD_LEAD_DAYS} days` });
    }
    const warning = requireWarning(fresh, athlete, now);
    const to = addDays(input.from, 6);
    const result = applyChange(fresh, { athleteIds: [athlete.id], from: input.from, to, action: { kind: 'deload', deload: true } }, now);
    const id = repo.insertAction(
      fresh,
      {
        athleteId: athlete.id,
        kind: 'deload_scheduled',
        asOf: warning.today,
        level: warning.level,
        signals: warning.signals.map((s) => s.key),
        reasons: warning.reasons,
        note: input.note,
        deloadFrom: input.from,
        deloadTo: to,
        planBefore: result.previous,
      },
      now.toISOString(),
    );
    return { action: mustFind(fresh, id), changed: result.changed };
  });
}

export function restoreWarningAction(db: SquadDb, actionId: number, now: Date): UndoneWarningAction {
  return withFreshCalendar(db, (fresh) => {
    const action = repo.findAction(fresh, actionId);
    if (!action) throw new AppError('not_found', `There is no dismissal or scheduled deload with record number ${actionId}; it may have been undone already.`, { actionId: 'Already undone' });
    const planBefore = repo.actionPlanBefore(fresh, actionId);
    const changed = planBefore && planBefore.length > 0 ? restoreChanges(fresh, planBefore, now).changed : 0;
    repo.deleteAction(fresh, actionId);
    return { action, changed };
  });
}

export function warningHistory(db: SquadDb, input: { athleteId: number | null; limit: number }): WarningAction[] {
  if (input.athleteId !== null) requireAthlete(db, input.athleteId, false);
  return repo.listActions(db, input.athleteId, input.limit);
}

export function warningThresholds(db: SquadDb): WarningThresholdSettings {
  return { thresholds: repo.readThresholds(db), defaults: { ...WARNING_THRESHOLD_DEFAULTS } };
}

export function updateWarningThresholds(db: SquadDb, thresholds: WarningThresholds, now: Date): WarningThresholdSettings {
  db.transaction(() => repo.writeThresholds(db, thresholds, now.toISOString()))();
  return warningThresholds(db);
}
