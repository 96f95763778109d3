import type { TemplateFields } from '@shared/contract/plan';
import type { DoseUnit, LoadRule, Phase, Prescription, SessionTemplate, SessionType } from '@shared/plan/model';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

interface TemplateRow {
  id: number;
  code: string | null;
  name: string;
  session_type: SessionType;
  phase: Phase | null;
  planned_minutes: number;
  target_rpe: number;
  notes: string;
  builtin: number;
  hidden: number;
}

interface PrescriptionRow {
  template_id: number;
  position: number;
  exercise_id: number;
  sets: number;
  dose: number;
  dose_unit: DoseUnit;
  per_side: number;
  load_rule: LoadRule;
  load_value: number | null;
  tempo: string;
  rest_seconds: number;
  notes: string;
}

const COLUMNS = 'id, code, name, session_type, phase, planned_minutes, target_rpe, notes, builtin, hidden';
const RX_COLUMNS = 'template_id, position, exercise_id, sets, dose, dose_unit, per_side, load_rule, load_value, tempo, rest_seconds, notes';

export const TEMPLATE_LIST_SQL = `SELECT ${COLUMNS} FROM session_template ORDER BY name COLLATE NOCASE`;
export const PRESCRIPTION_LIST_SQL = `SELECT ${RX_COLUMNS} FROM template_prescription ORDER BY template_id, position`;

const sql = preparedStatements({
  list: TEMPLATE_LIST_SQL,
  byId: `SELECT ${COLUMNS} FROM session_template WHERE id = ?`,
  byCode: 'SELECT id FROM session_template WHERE code = ?',
  byNameKey: 'SELECT id FROM session_template WHERE name_key = ?',
  allPrescriptions: PRESCRIPTION_LIST_SQL,
  prescriptionsOf: `SELECT ${RX_COLUMNS} FROM template_prescription WHERE template_id = ? ORDER BY position`,
  exercisePairs: 'SELECT template_id, exercise_id FROM template_prescription',
  insert: `INSERT INTO session_template (code, name, name_key, session_type, phase, planned_minutes, target_rpe, notes, builtin, hidden, created_at, updated_at)
           VALUES (@code, @name, @nameKey, @sessionType, @phase, @plannedMinutes, @targetRpe, @notes, @builtin, 0, @now, @now)`,
  update: `UPDATE session_template SET name = @name, name_key = @nameKey, session_type = @sessionType, phase = @phase,
             planned_minutes = @plannedMinutes, target_rpe = @targetRpe, notes = @notes, updated_at = @now WHERE id = @id`,
  setHidden: 'UPDATE session_template SET hidden = @hidden, updated_at = @now WHERE id = @id',
  remove: 'DELETE FROM session_template WHERE id = ?',
  clearPrescriptions: 'DELETE FROM template_prescription WHERE template_id = ?',
  insertPrescription: `INSERT INTO template_prescription (${RX_COLUMNS})
                       VALUES (@templateId, @position, @exerciseId, @sets, @dose, @doseUnit, @perSide, @loadRule, @loadValue, @tempo, @restSeconds, @notes)`,
  usedByBlocks: `SELECT DISTINCT b.name FROM block_day d JOIN block b ON b.id = d.block_id WHERE d.template_id = ? ORDER BY b.start_date LIMIT 5`,
  usedByChanges: 'SELECT count(*) AS n FROM athlete_day_change WHERE strength_template_id = ?',
});

function toPrescription(row: PrescriptionRow): Prescription {
  return {
    exerciseId: row.exercise_id,
    sets: row.sets,
    dose: row.dose,
    doseUnit: row.dose_unit,
    perSide: row.per_side === 1,
    loadRule: row.load_rule,
    loadValue: row.load_value,
    tempo: row.tempo,
    restSeconds: row.rest_seconds,
    notes: row.notes,
  };
}

function toTemplate(row: TemplateRow, prescriptions: Prescription[]): SessionTemplate {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    sessionType: row.session_type,
    phase: row.phase,
    plannedMinutes: row.planned_minutes,
    targetRpe: row.target_rpe,
    notes: row.notes,
    builtin: row.builtin === 1,
    hidden: row.hidden === 1,
    prescriptions,
  };
}

export function listTemplates(db: SquadDb): SessionTemplate[] {
  const byTemplate = new Map<number, Prescription[]>();
  for (const row of sql(db).allPrescriptions.all() as PrescriptionRow[]) {
    const list = byTemplate.get(row.template_id) ?? [];
    list.push(toPrescription(row));
    byTemplate.set(row.template_id, list);
  }
  return (sql(db).list.all() as TemplateRow[]).map((row) => toTemplate(row, byTemplate.get(row.id) ?? []));
}

export function findTemplate(db: SquadDb, id: number): SessionTemplate | null {
  const row = sql(db).byId.get(id) as TemplateRow | undefined;
  if (!row) return null;
  return toTemplate(row, (sql(db).prescriptionsOf.all(id) as PrescriptionRow[]).map(toPrescription));
}

export function findTemplateIdByCode(db: SquadDb, code: string): number | null {
  return (sql(db).byCode.get(code) as { id: number } | undefined)?.id ?? null;
}

export function findTemplateIdByNameKey(db: SquadDb, nameKey: string): number | null {
  return (sql(db).byNameKey.get(nameKey) as { id: number } | undefined)?.id ?? null;
}

/** Each template's exercises (to tell whether an exercise swap touches a session). */
export function templateExerciseSets(db: SquadDb): Map<number, Set<number>> {
  const sets = new Map<number, Set<number>>();
  for (const row of sql(db).exercisePairs.all() as { template_id: number; exercise_id: number }[]) {
    let set = sets.get(row.template_id);
    if (!set) sets.set(row.template_id, (set = new Set()));
    set.add(row.exercise_id);
  }
  return sets;
}

function writePrescriptions(db: SquadDb, templateId: number, prescriptions: readonly Prescription[]): void {
  const s = sql(db);
  s.clearPrescriptions.run(templateId);
  prescriptions.forEach((p, i) => {
    s.insertPrescription.run({
      templateId,
      position: i + 1,
      exerciseId: p.exerciseId,
      sets: p.sets,
      dose: p.dose,
      doseUnit: p.doseUnit,
      perSide: p.perSide ? 1 : 0,
      loadRule: p.loadRule,
      loadValue: p.loadValue,
      tempo: p.tempo,
      restSeconds: p.restSeconds,
      notes: p.notes,
    });
  });
}

function params(fields: TemplateFields, nameKey: string, now: string) {
  return {
    name: fields.name,
    nameKey,
    sessionType: fields.sessionType,
    phase: fields.phase,
    plannedMinutes: fields.plannedMinutes,
    targetRpe: fields.targetRpe,
    notes: fields.notes,
    now,
  };
}

export function insertTemplate(db: SquadDb, fields: TemplateFields, meta: { code: string | null; builtin: boolean; nameKey: string; now: string }): number {
  const id = Number(sql(db).insert.run({ ...params(fields, meta.nameKey, meta.now), code: meta.code, builtin: meta.builtin ? 1 : 0 }).lastInsertRowid);
  writePrescriptions(db, id, fields.prescriptions);
  return id;
}

export function updateTemplate(db: SquadDb, id: number, fields: TemplateFields, nameKey: string, now: string): void {
  sql(db).update.run({ ...params(fields, nameKey, now), id });
  writePrescriptions(db, id, fields.prescriptions);
}

export function setTemplateHidden(db: SquadDb, id: number, hidden: boolean, now: string): void {
  sql(db).setHidden.run({ id, hidden: hidden ? 1 : 0, now });
}

export function deleteTemplate(db: SquadDb, id: number): void {
  sql(db).remove.run(id);
}

export function templateUse(db: SquadDb, id: number): { blocks: string[]; changes: number } {
  return {
    blocks: (sql(db).usedByBlocks.all(id) as { name: string }[]).map((r) => r.name),
    changes: (sql(db).usedByChanges.get(id) as { n: number }).n,
  };
}
