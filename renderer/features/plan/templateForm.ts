/**
 * The template editor's values and their conversion to the API's fields. Fixed loads are typed
 * in the squad's unit and stored in kilograms.
 */
import { LOAD_VALUE_RANGES, templateFieldsSchema, type TemplateFieldsInput } from '@shared/contract/plan';
import { fieldErrorsFromIssues } from '@shared/errors';
import { defaultDoseUnit, type DoseUnit, type Exercise, type LoadRule, type Phase, type SessionTemplate, type SessionType } from '@shared/plan/model';
import { kgToUnit, roundForDisplay, unitToKg, type MassUnit } from '@shared/units';

export interface PrescriptionRow {
  key: string;
  exerciseId: string | null;
  sets: number | '';
  dose: number | '';
  doseUnit: DoseUnit;
  perSide: boolean;
  loadRule: LoadRule;
  loadValue: number | '';
  tempo: string;
  restSeconds: number | '';
  notes: string;
}

export interface TemplateFormValues {
  name: string;
  sessionType: SessionType;
  /** A phase, or 'any'. */
  phase: string;
  plannedMinutes: number | '';
  targetRpe: number | '';
  notes: string;
  prescriptions: PrescriptionRow[];
}

let nextKey = 1;
export const rowKey = () => `rx${nextKey++}`;

export function emptyPrescription(): PrescriptionRow {
  return { key: rowKey(), exerciseId: null, sets: 3, dose: 8, doseUnit: 'reps', perSide: false, loadRule: 'bodyweight', loadValue: '', tempo: '', restSeconds: 90, notes: '' };
}

/** Sensible defaults once an exercise is picked: its dose unit, tempo, sides and how it is loaded. */
export function prescriptionFor(exercise: Exercise, row: PrescriptionRow): PrescriptionRow {
  const unit = defaultDoseUnit(exercise.loadKind);
  const loaded = exercise.loadKind === 'external';
  return {
    ...row,
    exerciseId: String(exercise.id),
    doseUnit: unit,
    dose: unit === 'seconds' ? 30 : unit === 'metres' ? 30 : unit === 'contacts' ? 10 : row.dose || 8,
    perSide: exercise.unilateral,
    tempo: exercise.defaultTempo,
    loadRule: loaded ? (exercise.equipment === 'barbell' ? 'percent_max' : 'rir') : 'bodyweight',
    loadValue: loaded ? (exercise.equipment === 'barbell' ? 70 : 2) : '',
  };
}

export function templateToForm(t: SessionTemplate, unit: MassUnit): TemplateFormValues {
  return {
    name: t.name,
    sessionType: t.sessionType,
    phase: t.phase ?? 'any',
    plannedMinutes: t.plannedMinutes,
    targetRpe: t.targetRpe,
    notes: t.notes,
    prescriptions: t.prescriptions.map((p) => ({
      key: rowKey(),
      exerciseId: String(p.exerciseId),
      sets: p.sets,
      dose: p.dose,
      doseUnit: p.doseUnit,
      perSide: p.perSide,
      loadRule: p.loadRule,
      loadValue: p.loadValue === null ? '' : p.loadRule === 'fixed_kg' ? roundForDisplay(kgToUnit(p.loadValue, unit), 1) : p.loadValue,
      tempo: p.tempo,
      restSeconds: p.restSeconds,
      notes: p.notes,
    })),
  };
}

export function emptyTemplateForm(): TemplateFormValues {
  return { name: '', sessionType: 'custom', phase: 'any', plannedMinutes: 40, targetRpe: 5, notes: '', prescriptions: [emptyPrescription()] };
}

const num = (v: number | '') => (v === '' ? Number.NaN : v);

export function formToTemplate(v: TemplateFormValues, unit: MassUnit): TemplateFieldsInput {
  return {
    name: v.name,
    sessionType: v.sessionType,
    phase: v.phase === 'any' ? null : (v.phase as Phase),
    plannedMinutes: num(v.plannedMinutes),
    targetRpe: num(v.targetRpe),
    notes: v.notes,
    prescriptions: v.prescriptions.map((p) => ({
      exerciseId: p.exerciseId === null ? 0 : Number(p.exerciseId),
      sets: num(p.sets),
      dose: num(p.dose),
      doseUnit: p.doseUnit,
      perSide: p.perSide,
      loadRule: p.loadRule,
      loadValue: p.loadRule === 'bodyweight' ? null : p.loadValue === '' ? Number.NaN : p.loadRule === 'fixed_kg' ? unitToKg(p.loadValue, unit) : p.loadValue,
      tempo: p.tempo,
      restSeconds: num(p.restSeconds),
      notes: p.notes,
    })),
  };
}

export function templateFormErrors(fields: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const key = path.replace(/^fields\./, '');
    if (!(key in errors)) errors[key] = message;
  }
  return errors;
}

export function validateTemplateForm(v: TemplateFormValues, unit: MassUnit): Record<string, string> {
  const parsed = templateFieldsSchema.safeParse(formToTemplate(v, unit));
  const errors = parsed.success ? {} : templateFormErrors(fieldErrorsFromIssues(parsed.error.issues));
  v.prescriptions.forEach((p, i) => {
    if (p.exerciseId === null) errors[`prescriptions.${i}.exerciseId`] = 'Choose an exercise';
    // Fixed loads are typed in the squad's unit: say the range in it too.
    const key = `prescriptions.${i}.loadValue`;
    if (p.loadRule === 'fixed_kg' && errors[key]) {
      const { min, max } = LOAD_VALUE_RANGES.fixed_kg;
      errors[key] = `A fixed load must be between ${roundForDisplay(kgToUnit(min, unit), 1)} and ${roundForDisplay(kgToUnit(max, unit), 0)} ${unit}`;
    }
  });
  return errors;
}
