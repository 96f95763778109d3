import type { ExerciseFields } from '@shared/contract/plan';
import type { Equipment, Exercise, ExerciseCategory, LoadKind, MovementPattern } from '@shared/plan/model';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

interface ExerciseRow {
  id: number;
  code: string | null;
  name: string;
  category: ExerciseCategory;
  pattern: MovementPattern;
  unilateral: number;
  load_kind: LoadKind;
  equipment: Equipment;
  default_tempo: string;
  cues: string;
  regression_id: number | null;
  progression_id: number | null;
  builtin: number;
  hidden: number;
  notes: string;
}

const COLUMNS = 'id, code, name, category, pattern, unilateral, load_kind, equipment, default_tempo, cues, regression_id, progression_id, builtin, hidden, notes';

export const EXERCISE_LIST_SQL = `SELECT ${COLUMNS} FROM exercise ORDER BY name COLLATE NOCASE`;

const sql = preparedStatements({
  list: EXERCISE_LIST_SQL,
  byId: `SELECT ${COLUMNS} FROM exercise WHERE id = ?`,
  byCode: 'SELECT id FROM exercise WHERE code = ?',
  byNameKey: 'SELECT id FROM exercise WHERE name_key = ?',
  insert: `INSERT INTO exercise (code, name, name_key, category, pattern, unilateral, load_kind, equipment, default_tempo, cues,
             regression_id, progression_id, builtin, hidden, notes, created_at, updated_at)
           VALUES (@code, @name, @nameKey, @category, @pattern, @unilateral, @loadKind, @equipment, @defaultTempo, @cues,
             @regressionId, @progressionId, @builtin, 0, @notes, @now, @now)`,
  update: `UPDATE exercise SET name = @name, name_key = @nameKey, category = @category, pattern = @pattern, unilateral = @unilateral,
             load_kind = @loadKind, equipment = @equipment, default_tempo = @defaultTempo, cues = @cues, regression_id = @regressionId,
             progression_id = @progressionId, notes = @notes, updated_at = @now
           WHERE id = @id`,
  setLinks: 'UPDATE exercise SET regression_id = ?, progression_id = ? WHERE id = ?',
  setHidden: 'UPDATE exercise SET hidden = @hidden, updated_at = @now WHERE id = @id',
  remove: 'DELETE FROM exercise WHERE id = ?',
  usedInTemplates: `SELECT DISTINCT t.name FROM template_prescription p JOIN session_template t ON t.id = p.template_id
                    WHERE p.exercise_id = ? ORDER BY t.name LIMIT 5`,
  usedInSwaps: 'SELECT count(*) AS n FROM exercise_swap WHERE exercise_id = @id OR replacement_id = @id',
  linkedFrom: 'SELECT count(*) AS n FROM exercise WHERE regression_id = @id OR progression_id = @id',
});

export function toExercise(row: ExerciseRow): Exercise {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category,
    pattern: row.pattern,
    unilateral: row.unilateral === 1,
    loadKind: row.load_kind,
    equipment: row.equipment,
    defaultTempo: row.default_tempo,
    cues: JSON.parse(row.cues) as string[],
    regressionId: row.regression_id,
    progressionId: row.progression_id,
    builtin: row.builtin === 1,
    hidden: row.hidden === 1,
    notes: row.notes,
  };
}

export function listExercises(db: SquadDb): Exercise[] {
  return (sql(db).list.all() as ExerciseRow[]).map(toExercise);
}

export function findExercise(db: SquadDb, id: number): Exercise | null {
  const row = sql(db).byId.get(id) as ExerciseRow | undefined;
  return row ? toExercise(row) : null;
}

export function findExerciseIdByCode(db: SquadDb, code: string): number | null {
  return (sql(db).byCode.get(code) as { id: number } | undefined)?.id ?? null;
}

export function findExerciseIdByNameKey(db: SquadDb, nameKey: string): number | null {
  return (sql(db).byNameKey.get(nameKey) as { id: number } | undefined)?.id ?? null;
}

function params(fields: ExerciseFields, nameKey: string, now: string) {
  return {
    name: fields.name,
    nameKey,
    category: fields.category,
    pattern: fields.pattern,
    unilateral: fields.unilateral ? 1 : 0,
    loadKind: fields.loadKind,
    equipment: fields.equipment,
    defaultTempo: fields.defaultTempo,
    cues: JSON.stringify(fields.cues),
    regressionId: fields.regressionId,
    progressionId: fields.progressionId,
    notes: fields.notes,
    now,
  };
}

export function insertExercise(db: SquadDb, fields: ExerciseFields, meta: { code: string | null; builtin: boolean; nameKey: string; now: string }): number {
  return Number(sql(db).insert.run({ ...params(fields, meta.nameKey, meta.now), code: meta.code, builtin: meta.builtin ? 1 : 0 }).lastInsertRowid);
}

export function updateExercise(db: SquadDb, id: number, fields: ExerciseFields, nameKey: string, now: string): void {
  sql(db).update.run({ ...params(fields, nameKey, now), id });
}

export function setExerciseLinks(db: SquadDb, id: number, regressionId: number | null, progressionId: number | null): void {
  sql(db).setLinks.run(regressionId, progressionId, id);
}

export function setExerciseHidden(db: SquadDb, id: number, hidden: boolean, now: string): void {
  sql(db).setHidden.run({ id, hidden: hidden ? 1 : 0, now });
}

export function deleteExercise(db: SquadDb, id: number): void {
  sql(db).remove.run(id);
}

/** Where an exercise is used: template names (up to 5), swaps, and links from other exercises. */
export function exerciseUse(db: SquadDb, id: number): { templates: string[]; swaps: number; links: number } {
  const s = sql(db);
  return {
    templates: (s.usedInTemplates.all(id) as { name: string }[]).map((r) => r.name),
    swaps: (s.usedInSwaps.get({ id }) as { n: number }).n,
    links: (s.linkedFrom.get({ id }) as { n: number }).n,
  };
}
