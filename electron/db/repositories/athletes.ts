import type { Athlete, EventFocus, RaceGoal, Sex } from '@shared/domain/roster';
import type { AthleteFields } from '@shared/contract/roster';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

interface AthleteRow {
  id: number;
  given_name: string;
  family_name: string;
  group_id: number | null;
  sex: Sex;
  grade: number | null;
  birth_year: number | null;
  event_focus: EventFocus | null;
  race_goal: RaceGoal | null;
  body_mass_kg: number | null;
  training_age_years: number | null;
  injured: number;
  injury_notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, given_name, family_name, group_id, sex, grade, birth_year, event_focus, race_goal,
  body_mass_kg, training_age_years, injured, injury_notes, archived_at, created_at, updated_at`;
const NAME_ORDER = 'ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE';

/** The roster screen's queries; their plans are checked by a test (an index, never a scan or a sort). */
export const ATHLETE_LIST_SQL = {
  active: `SELECT ${COLUMNS} FROM athlete WHERE archived_at IS NULL ${NAME_ORDER}`,
  archived: `SELECT ${COLUMNS} FROM athlete WHERE archived_at IS NOT NULL ${NAME_ORDER}`,
  all: `SELECT ${COLUMNS} FROM athlete ${NAME_ORDER}`,
} as const;

const sql = preparedStatements({
  ...ATHLETE_LIST_SQL,
  byId: `SELECT ${COLUMNS} FROM athlete WHERE id = ?`,
  byNameKey: 'SELECT id, archived_at FROM athlete WHERE name_key = ?',
  count: 'SELECT count(*) AS n FROM athlete',
  insert: `INSERT INTO athlete (given_name, family_name, name_key, group_id, sex, grade, birth_year, event_focus, race_goal,
             body_mass_kg, training_age_years, injured, injury_notes, archived_at, created_at, updated_at)
           VALUES (@givenName, @familyName, @nameKey, @groupId, @sex, @grade, @birthYear, @eventFocus, @raceGoal,
             @bodyMassKg, @trainingAgeYears, @injured, @injuryNotes, NULL, @now, @now)`,
  update: `UPDATE athlete SET given_name = @givenName, family_name = @familyName, name_key = @nameKey, group_id = @groupId,
             sex = @sex, grade = @grade, birth_year = @birthYear, event_focus = @eventFocus, race_goal = @raceGoal,
             body_mass_kg = @bodyMassKg, training_age_years = @trainingAgeYears, injured = @injured,
             injury_notes = @injuryNotes, updated_at = @now
           WHERE id = @id`,
  archive: 'UPDATE athlete SET archived_at = @now, updated_at = @now WHERE id = @id AND archived_at IS NULL',
  restore: 'UPDATE athlete SET archived_at = NULL, updated_at = @now WHERE id = @id AND archived_at IS NOT NULL',
  remove: 'DELETE FROM athlete WHERE id = ?',
  setGroup: 'UPDATE athlete SET group_id = @groupId, updated_at = @now WHERE id = @id',
});

function toAthlete(row: AthleteRow): Athlete {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    groupId: row.group_id,
    sex: row.sex,
    grade: row.grade,
    birthYear: row.birth_year,
    eventFocus: row.event_focus,
    raceGoal: row.race_goal,
    bodyMassKg: row.body_mass_kg,
    trainingAgeYears: row.training_age_years,
    injured: row.injured === 1,
    injuryNotes: row.injury_notes,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type AthleteStatusFilter = keyof typeof ATHLETE_LIST_SQL;

export function listAthletes(db: SquadDb, status: AthleteStatusFilter): Athlete[] {
  return (sql(db)[status].all() as AthleteRow[]).map(toAthlete);
}

export function findAthlete(db: SquadDb, id: number): Athlete | null {
  const row = sql(db).byId.get(id) as AthleteRow | undefined;
  return row ? toAthlete(row) : null;
}

export function findAthleteByNameKey(db: SquadDb, nameKey: string): { id: number; archived: boolean } | null {
  const row = sql(db).byNameKey.get(nameKey) as { id: number; archived_at: string | null } | undefined;
  return row ? { id: row.id, archived: row.archived_at !== null } : null;
}

export function countAthletes(db: SquadDb): number {
  return (sql(db).count.get() as { n: number }).n;
}

function fieldParams(fields: AthleteFields, nameKey: string, now: string) {
  return { ...fields, nameKey, now, injured: fields.injured ? 1 : 0 };
}

export function insertAthlete(db: SquadDb, fields: AthleteFields, nameKey: string, now: string): number {
  return Number(sql(db).insert.run(fieldParams(fields, nameKey, now)).lastInsertRowid);
}

export function updateAthlete(db: SquadDb, id: number, fields: AthleteFields, nameKey: string, now: string): void {
  sql(db).update.run({ ...fieldParams(fields, nameKey, now), id });
}

/** Returns true when the athlete was active and is now archived. */
export function archiveAthlete(db: SquadDb, id: number, now: string): boolean {
  return sql(db).archive.run({ id, now }).changes === 1;
}

export function restoreAthlete(db: SquadDb, id: number, now: string): boolean {
  return sql(db).restore.run({ id, now }).changes === 1;
}

export function setAthleteGroup(db: SquadDb, id: number, groupId: number | null, now: string): void {
  sql(db).setGroup.run({ id, groupId, now });
}

export function deleteAthlete(db: SquadDb, id: number): void {
  sql(db).remove.run(id);
}
