/**
 * The block editor's values (percentages as a coach types them, ids as text for the pickers)
 * and their conversion to the API's fields; a new block's defaults (the group's next phase,
 * right after its last block, DOMAIN.md's week for the group's event focus).
 */
import { blockFieldsSchema, type BlockFieldsInput } from '@shared/contract/plan';
import { addDays, localToday, startOfWeek } from '@shared/dates';
import type { EventFocus } from '@shared/domain/roster';
import { fieldErrorsFromIssues } from '@shared/errors';
import { DEFAULT_DELOAD_RULE, defaultBlockShape, defaultRhythm } from '@shared/plan/defaults';
import { PHASE_INFO, PHASES, type Block, type Phase, type RhythmDay, type RunType, type SessionTemplate } from '@shared/plan/model';

export interface RhythmRowValues {
  weekday: number;
  templateId: string | null;
  strengthFromWeek: number;
  runType: RunType | null;
  minutes: number;
  rpe: number;
}

export interface BlockFormValues {
  name: string;
  phase: Phase;
  startDate: string | null;
  weeks: number;
  /** 'none' or a week number as text. */
  deloadWeek: string;
  progressionPercent: number;
  setCutPercent: number;
  loadCutPercent: number;
  rirIncrease: number;
  groupIds: string[];
  athleteIds: string[];
  rhythm: RhythmRowValues[];
  notes: string;
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

export function rhythmToRows(rhythm: readonly RhythmDay[]): RhythmRowValues[] {
  return Array.from({ length: 7 }, (_, weekday) => {
    const d = rhythm.find((r) => r.weekday === weekday);
    return {
      weekday,
      templateId: d?.templateId != null ? String(d.templateId) : null,
      strengthFromWeek: d?.strengthFromWeek ?? 1,
      runType: d?.run?.type ?? null,
      minutes: d?.run?.minutes ?? 0,
      rpe: d?.run?.rpe ?? 0,
    };
  });
}

export function rowsToRhythm(rows: readonly RhythmRowValues[]): RhythmDay[] {
  return rows.map((r) => ({
    weekday: r.weekday,
    templateId: r.templateId === null ? null : Number(r.templateId),
    strengthFromWeek: r.strengthFromWeek,
    run: r.runType === null ? null : { type: r.runType, minutes: r.runType === 'rest' ? 0 : r.minutes, rpe: r.runType === 'rest' ? 0 : r.rpe },
  }));
}

export function blockToForm(block: Block): BlockFormValues {
  return {
    name: block.name,
    phase: block.phase,
    startDate: block.startDate,
    weeks: block.weeks,
    deloadWeek: block.deloadWeek === null ? 'none' : String(block.deloadWeek),
    progressionPercent: round(block.weeklyProgression * 100, 2),
    setCutPercent: round(block.deload.setReduction * 100, 1),
    loadCutPercent: round(block.deload.loadReduction * 100, 1),
    rirIncrease: block.deload.rirIncrease,
    groupIds: block.groupIds.map(String),
    athleteIds: block.athleteIds.map(String),
    rhythm: rhythmToRows(block.rhythm),
    notes: block.notes,
  };
}

export function formToFields(v: BlockFormValues): BlockFieldsInput {
  return {
    name: v.name,
    phase: v.phase,
    startDate: v.startDate ?? '',
    weeks: v.weeks,
    deloadWeek: v.deloadWeek === 'none' ? null : Number(v.deloadWeek),
    weeklyProgression: round(v.progressionPercent / 100, 6),
    deload: { setReduction: round(v.setCutPercent / 100, 6), loadReduction: round(v.loadCutPercent / 100, 6), rirIncrease: v.rirIncrease },
    groupIds: v.groupIds.map(Number),
    athleteIds: v.athleteIds.map(Number),
    rhythm: rowsToRhythm(v.rhythm),
    notes: v.notes,
  };
}

/** The phase that usually follows (DOMAIN.md: acclimation, foundational, max strength, power, sprint-specific, maintenance). */
export function nextPhase(previous: Phase | null): Phase {
  if (previous === null) return 'acclimation';
  const i = PHASES.indexOf(previous);
  return PHASES[Math.min(PHASES.length - 1, i + 1)] ?? 'maintenance';
}

/** The built-in template of a phase and session type, as the picker's value. */
export function builtinTemplateFor(templates: readonly SessionTemplate[], phase: Phase, type: 'A' | 'B' | 'C'): string | null {
  const found = templates.find((t) => t.code === `${phase}_${type.toLowerCase()}`);
  return found ? String(found.id) : null;
}

export function defaultRhythmRows(focus: EventFocus | null, phase: Phase, templates: readonly SessionTemplate[]): RhythmRowValues[] {
  return rhythmToRows(
    defaultRhythm(focus, phase, (type) => {
      const id = builtinTemplateFor(templates, phase, type);
      return id === null ? null : Number(id);
    }),
  );
}

/**
 * A new block: for the group asked for (else every group), the phase after the group's last
 * block, starting the week after it ends (else this week).
 */
export function newBlockForm(options: {
  groupId: number | null;
  focus: EventFocus | null;
  blocks: readonly Block[];
  templates: readonly SessionTemplate[];
  firstDayOfWeek: number;
  today?: string;
}): BlockFormValues {
  const own = options.groupId === null ? [] : options.blocks.filter((b) => b.groupIds.includes(options.groupId as number));
  const last = [...own].sort((a, b) => a.endDate.localeCompare(b.endDate)).at(-1) ?? null;
  const phase = nextPhase(last?.phase ?? null);
  const shape = defaultBlockShape(phase);
  const startDate = last ? addDays(last.endDate, 1) : startOfWeek(options.today ?? localToday(), options.firstDayOfWeek);
  const count = own.filter((b) => b.phase === phase).length + 1;
  return {
    name: phase === 'acclimation' && count === 1 ? 'Acclimation' : `${PHASE_INFO[phase].short} ${count}`,
    phase,
    startDate,
    weeks: shape.weeks,
    deloadWeek: shape.deloadWeek === null ? 'none' : String(shape.deloadWeek),
    progressionPercent: 2.5,
    setCutPercent: DEFAULT_DELOAD_RULE.setReduction * 100,
    loadCutPercent: DEFAULT_DELOAD_RULE.loadReduction * 100,
    rirIncrease: DEFAULT_DELOAD_RULE.rirIncrease,
    groupIds: options.groupId === null ? [] : [String(options.groupId)],
    athleteIds: [],
    rhythm: defaultRhythmRows(options.focus, phase, options.templates),
    notes: '',
  };
}

/** API field path → form field, for messages from the schema or from main. */
export function blockFormErrors(fields: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const p = path.replace(/^fields\./, '');
    const key =
      p === 'weeklyProgression'
        ? 'progressionPercent'
        : p === 'deload.setReduction'
          ? 'setCutPercent'
          : p === 'deload.loadReduction'
            ? 'loadCutPercent'
            : p === 'deload.rirIncrease'
              ? 'rirIncrease'
              : p.startsWith('groupIds')
                ? 'groupIds'
                : p.startsWith('athleteIds')
                  ? 'athleteIds'
                  : p.replace(/^rhythm\.(\d+)\.run\.(minutes|rpe)$/, 'rhythm.$1.$2').replace(/^rhythm\.(\d+)\.templateId$/, 'rhythm.$1.templateId');
    if (!(key in errors)) errors[key] = message;
  }
  return errors;
}

export function validateBlockForm(values: BlockFormValues): Record<string, string> {
  const parsed = blockFieldsSchema.safeParse(formToFields(values));
  const errors = parsed.success ? {} : blockFormErrors(fieldErrorsFromIssues(parsed.error.issues));
  if (!values.startDate) errors.startDate = 'Choose the first day of the block';
  return errors;
}
