import { describe, expect, it } from 'vitest';
import { blockToForm, formToFields, newBlockForm, validateBlockForm } from '@renderer/features/plan/blockForm';
import { formToTemplate, prescriptionFor, templateToForm, validateTemplateForm } from '@renderer/features/plan/templateForm';
import { blockFieldsSchema } from '@shared/contract/plan';
import type { Block, Exercise, SessionTemplate } from '@shared/plan/model';
import { TEMPLATE_LIBRARY } from '@shared/plan/templateLibrary';

// The built-in templates with ids 1.. in library order (foundational_a is the 4th: id 4).
const templates: SessionTemplate[] = TEMPLATE_LIBRARY.map((t, i) => ({
  id: i + 1,
  code: t.code,
  name: t.name,
  sessionType: t.sessionType,
  phase: t.phase,
  plannedMinutes: t.plannedMinutes,
  targetRpe: t.targetRpe,
  notes: '',
  builtin: true,
  hidden: false,
  prescriptions: [],
}));
const idOf = (code: string) => templates.find((t) => t.code === code)?.id;

const acclimation: Block = {
  id: 1,
  name: 'Acclimation',
  phase: 'acclimation',
  startDate: '2026-09-07',
  endDate: '2026-09-20',
  weeks: 2,
  deloadWeek: null,
  weeklyProgression: 0.025,
  deload: { setReduction: 0.5, loadReduction: 0.1, rirIncrease: 2 },
  groupIds: [3],
  athleteIds: [],
  rhythm: Array.from({ length: 7 }, (_, weekday) => ({ weekday, templateId: null, strengthFromWeek: 1, run: null })),
  notes: '',
};

describe('a new block', () => {
  it("starts with acclimation this week when the group has no blocks, DOMAIN.md's week for its focus", () => {
    const form = newBlockForm({ groupId: 3, focus: 'distance', blocks: [], templates, firstDayOfWeek: 1, today: '2026-09-09' });
    expect(form).toMatchObject({ name: 'Acclimation', phase: 'acclimation', startDate: '2026-09-07', weeks: 2, deloadWeek: 'none', progressionPercent: 2.5, groupIds: ['3'] });
    const monday = form.rhythm.find((r) => r.weekday === 1);
    expect(monday).toMatchObject({ templateId: String(idOf('acclimation_a')), runType: 'easy', minutes: 30, rpe: 3 });
    expect(form.rhythm.find((r) => r.weekday === 5)).toMatchObject({ templateId: null, runType: 'rest' });
  });

  it('follows the group’s last block: the next phase, the day after it ends, 4 weeks with the last a deload', () => {
    const form = newBlockForm({ groupId: 3, focus: 'distance', blocks: [acclimation], templates, firstDayOfWeek: 1, today: '2026-09-09' });
    expect(form).toMatchObject({ name: 'Foundational strength 1', phase: 'foundational', startDate: '2026-09-21', weeks: 4, deloadWeek: '4' });
    expect(form.rhythm.find((r) => r.weekday === 0)).toMatchObject({ templateId: String(idOf('foundational_c')), strengthFromWeek: 5 });
  });

  it('round-trips a saved block through the form unchanged', () => {
    const { id: _id, endDate: _end, ...fields } = acclimation;
    expect(blockFieldsSchema.parse(formToFields(blockToForm(acclimation)))).toEqual(blockFieldsSchema.parse(fields));
  });

  it('says what is wrong next to the field a coach typed in', () => {
    const form = newBlockForm({ groupId: 3, focus: 'distance', blocks: [], templates, firstDayOfWeek: 1, today: '2026-09-09' });
    expect(validateBlockForm({ ...form, progressionPercent: 6 })).toEqual({ progressionPercent: 'Weekly progression must be between 2% and 5%' });
    expect(validateBlockForm({ ...form, groupIds: [] })).toEqual({ groupIds: 'Choose at least one group or athlete for this block' });
    expect(validateBlockForm({ ...form, weeks: 9 }).weeks).toBe('A block lasts 1 to 8 weeks');
    expect(validateBlockForm({ ...form, startDate: null }).startDate).toBe('Choose the first day of the block');
  });
});

describe('the template editor', () => {
  const exercise = (fields: Partial<Exercise>): Exercise => ({
    id: 5,
    code: null,
    name: 'X',
    category: 'core',
    pattern: 'anti_extension',
    unilateral: false,
    loadKind: 'external',
    equipment: 'barbell',
    defaultTempo: '3-1-1',
    cues: [],
    regressionId: null,
    progressionId: null,
    builtin: false,
    hidden: false,
    notes: '',
    ...fields,
  });
  const row = { key: 'k', exerciseId: null, sets: 3 as const, dose: 8 as const, doseUnit: 'reps' as const, perSide: false, loadRule: 'bodyweight' as const, loadValue: '' as const, tempo: '', restSeconds: 90 as const, notes: '' };

  it('fills in what suits the exercise picked', () => {
    expect(prescriptionFor(exercise({ loadKind: 'time', equipment: 'bodyweight', defaultTempo: '' }), row)).toMatchObject({ exerciseId: '5', doseUnit: 'seconds', dose: 30, loadRule: 'bodyweight', loadValue: '' });
    expect(prescriptionFor(exercise({}), row)).toMatchObject({ doseUnit: 'reps', loadRule: 'percent_max', loadValue: 70, tempo: '3-1-1' });
    expect(prescriptionFor(exercise({ equipment: 'dumbbell', unilateral: true }), row)).toMatchObject({ loadRule: 'rir', loadValue: 2, perSide: true });
  });

  it('shows fixed loads in pounds and stores kilograms', () => {
    const template = { ...(templates[0] as SessionTemplate), prescriptions: [{ exerciseId: 5, sets: 3, dose: 10, doseUnit: 'reps' as const, perSide: false, loadRule: 'fixed_kg' as const, loadValue: 20, tempo: '', restSeconds: 60, notes: '' }] };
    const form = templateToForm(template, 'lb');
    // 20 kg x 2.2046226 = 44.09 lb, shown to one decimal.
    expect(form.prescriptions[0]?.loadValue).toBe(44.1);
    const back = formToTemplate({ ...form, prescriptions: form.prescriptions.map((p) => ({ ...p, loadValue: 45 })) }, 'lb');
    // 45 lb / 2.2046226 = 20.41 kg.
    expect(back.prescriptions[0]?.loadValue).toBeCloseTo(20.4117, 3);
    expect(validateTemplateForm({ ...form, prescriptions: form.prescriptions.map((p) => ({ ...p, loadValue: 900 })) }, 'lb')['prescriptions.0.loadValue']).toBe('A fixed load must be between 1.1 and 661 lb');
  });
});
