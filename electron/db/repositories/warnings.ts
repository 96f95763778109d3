/**
 * The deload warnings' stored parts (migration 005): the coach's thresholds and what the coach
 * did about warnings (dismissed, deload scheduled). The warnings themselves are computed on read.
 */
import type { IsoDate } from '@shared/dates';
import type { WarningThresholds } from '@shared/load/thresholds';
import { WARNING_THRESHOLD_DEFAULTS } from '@shared/load/thresholds';
import type { DismissalRecord, WarningAction, WarningActionKind, WarningLevel, WarningSignalKey } from '@shared/load/warnings';
import type { ChangeSnapshot } from '@shared/plan/views';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

interface ThresholdRow {
  weeks_since_deload: number;
  weekly_jump_percent: number;
  acwr_high: number;
  acwr_method: WarningThresholds['acwrMethod'];
  monotony_high: number;
  monotony_sd: WarningThresholds['monotonySd'];
  wellness_z: number;
  wellness_item: number;
  wellness_days: number;
  hamstring_times: number;
  hamstring_window_days: number;
  retest_window_days: number;
}

interface ActionRow {
  id: number;
  athlete_id: number;
  given_name: string;
  family_name: string;
  kind: WarningActionKind;
  as_of: string;
  level: WarningLevel;
  signals: string;
  reasons: string;
  note: string;
  deload_from: string | null;
  deload_to: string | null;
  created_at: string;
}

// CROSS JOIN keeps warning_action the outer table (SQLite's way of fixing the join order), so
// the history is read in id order and each athlete looked up by key.
const ACTION_COLUMNS = `a.id, a.athlete_id, p.given_name, p.family_name, a.kind, a.as_of, a.level, a.signals, a.reasons, a.note, a.deload_from, a.deload_to, a.created_at
  FROM warning_action a CROSS JOIN athlete p ON p.id = a.athlete_id`;

/** The squad's history, newest first (ids grow with time): the table read backwards. */
export const ACTION_HISTORY_SQL = `SELECT ${ACTION_COLUMNS} ORDER BY a.id DESC LIMIT ?`;
/** One athlete's history, newest first, from the athlete index (which holds the id in order). */
export const ATHLETE_ACTION_HISTORY_SQL = `SELECT ${ACTION_COLUMNS} WHERE a.athlete_id = ? ORDER BY a.id DESC LIMIT ?`;
/** Dismissals since a moment (whether a current warning stays dismissed), from their partial index. */
export const RECENT_DISMISSALS_SQL = `SELECT id, athlete_id, signals, level, note, created_at FROM warning_action
  WHERE kind = 'dismissed' AND created_at >= ? ORDER BY created_at, id`;

const sql = preparedStatements({
  thresholds: `SELECT weeks_since_deload, weekly_jump_percent, acwr_high, acwr_method, monotony_high, monotony_sd, wellness_z, wellness_item,
                 wellness_days, hamstring_times, hamstring_window_days, retest_window_days FROM warning_settings WHERE id = 1`,
  updateThresholds: `UPDATE warning_settings SET weeks_since_deload = @weeksSinceDeload, weekly_jump_percent = @weeklyJumpPercent, acwr_high = @acwrHigh,
                       acwr_method = @acwrMethod, monotony_high = @monotonyHigh, monotony_sd = @monotonySd, wellness_z = @wellnessZ,
                       wellness_item = @wellnessItem, wellness_days = @wellnessDays, hamstring_times = @hamstringTimes,
                       hamstring_window_days = @hamstringWindowDays, retest_window_days = @retestWindowDays, updated_at = @updatedAt WHERE id = 1`,
  insertThresholds: `INSERT INTO warning_settings (id, weeks_since_deload, weekly_jump_percent, acwr_high, acwr_method, monotony_high, monotony_sd, wellness_z,
                       wellness_item, wellness_days, hamstring_times, hamstring_window_days, retest_window_days, updated_at)
                     VALUES (1, @weeksSinceDeload, @weeklyJumpPercent, @acwrHigh, @acwrMethod, @monotonyHigh, @monotonySd, @wellnessZ, @wellnessItem,
                       @wellnessDays, @hamstringTimes, @hamstringWindowDays, @retestWindowDays, @updatedAt)`,
  history: ACTION_HISTORY_SQL,
  athleteHistory: ATHLETE_ACTION_HISTORY_SQL,
  recentDismissals: RECENT_DISMISSALS_SQL,
  one: `SELECT ${ACTION_COLUMNS} WHERE a.id = ?`,
  planBefore: 'SELECT plan_before FROM warning_action WHERE id = ?',
  insertAction: `INSERT INTO warning_action (athlete_id, kind, as_of, level, signals, reasons, note, deload_from, deload_to, plan_before, created_at)
                 VALUES (@athleteId, @kind, @asOf, @level, @signals, @reasons, @note, @deloadFrom, @deloadTo, @planBefore, @createdAt)`,
  deleteAction: 'DELETE FROM warning_action WHERE id = ?',
});

export function readThresholds(db: SquadDb): WarningThresholds {
  const row = sql(db).thresholds.get() as ThresholdRow | undefined;
  if (!row) return { ...WARNING_THRESHOLD_DEFAULTS };
  return {
    weeksSinceDeload: row.weeks_since_deload,
    weeklyJumpPercent: row.weekly_jump_percent,
    acwrHigh: row.acwr_high,
    acwrMethod: row.acwr_method,
    monotonyHigh: row.monotony_high,
    monotonySd: row.monotony_sd,
    wellnessZ: row.wellness_z,
    wellnessItem: row.wellness_item,
    wellnessDays: row.wellness_days,
    hamstringTimes: row.hamstring_times,
    hamstringWindowDays: row.hamstring_window_days,
    retestWindowDays: row.retest_window_days,
  };
}

export function writeThresholds(db: SquadDb, thresholds: WarningThresholds, updatedAt: string): void {
  const s = sql(db);
  const values = { ...thresholds, updatedAt };
  if (s.updateThresholds.run(values).changes === 0) s.insertThresholds.run(values);
}

function toAction(r: ActionRow): WarningAction {
  return {
    id: r.id,
    athleteId: r.athlete_id,
    athleteName: `${r.given_name} ${r.family_name}`,
    kind: r.kind,
    asOf: r.as_of,
    level: r.level,
    signals: JSON.parse(r.signals) as WarningSignalKey[],
    reasons: r.reasons,
    note: r.note,
    deloadFrom: r.deload_from,
    deloadTo: r.deload_to,
    createdAt: r.created_at,
  };
}

export function listActions(db: SquadDb, athleteId: number | null, limit: number): WarningAction[] {
  const s = sql(db);
  const rows = (athleteId === null ? s.history.all(limit) : s.athleteHistory.all(athleteId, limit)) as ActionRow[];
  return rows.map(toAction);
}

export function findAction(db: SquadDb, id: number): WarningAction | null {
  const row = sql(db).one.get(id) as ActionRow | undefined;
  return row ? toAction(row) : null;
}

/** The plan days as they were before a scheduled deload (null for a dismissal). */
export function actionPlanBefore(db: SquadDb, id: number): ChangeSnapshot[] | null {
  const text = sql(db).planBefore.pluck().get(id) as string | null | undefined;
  return text ? (JSON.parse(text) as ChangeSnapshot[]) : null;
}

export interface NewAction {
  athleteId: number;
  kind: WarningActionKind;
  asOf: IsoDate;
  level: WarningLevel;
  signals: readonly WarningSignalKey[];
  reasons: string;
  note: string;
  deloadFrom: IsoDate | null;
  deloadTo: IsoDate | null;
  planBefore: readonly ChangeSnapshot[] | null;
}

export function insertAction(db: SquadDb, action: NewAction, createdAt: string): number {
  const result = sql(db).insertAction.run({
    ...action,
    signals: JSON.stringify(action.signals),
    planBefore: action.planBefore === null ? null : JSON.stringify(action.planBefore),
    createdAt,
  });
  return Number(result.lastInsertRowid);
}

export function deleteAction(db: SquadDb, id: number): void {
  sql(db).deleteAction.run(id);
}

/** Each athlete's latest dismissal made on or after `since` (ISO timestamp). */
export function recentDismissals(db: SquadDb, since: string): Map<number, DismissalRecord> {
  const out = new Map<number, DismissalRecord>();
  for (const r of sql(db).recentDismissals.all(since) as { id: number; athlete_id: number; signals: string; level: WarningLevel; note: string; created_at: string }[]) {
    out.set(r.athlete_id, { actionId: r.id, signals: JSON.parse(r.signals) as WarningSignalKey[], level: r.level, note: r.note, createdAt: r.created_at });
  }
  return out;
}

/**
 * How many times the re-test data or the roster have been written (a counter kept by triggers,
 * migration 006): the warnings keep the squad's re-test declines until it moves.
 */
export const RETEST_VERSION_SQL = "SELECT version FROM data_version WHERE area = 'retests'";

const versionSql = preparedStatements({ version: RETEST_VERSION_SQL });

export function retestDataVersion(db: SquadDb): number {
  return versionSql(db).version.pluck().get() as number;
}

