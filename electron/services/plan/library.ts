/**
 * The exercise library and the session templates: the built-ins (seeded from shared/plan on
 * first open, hidden but never deleted) and the coach's own (added, edited, deleted while unused).
 */
import type { ExerciseFields, TemplateFields } from '@shared/contract/plan';
import { AppError } from '@shared/errors';
import type { Exercise, SessionTemplate } from '@shared/plan/model';
import { planNameKey } from '@shared/plan/model';
import { isReferencedRowRefusal } from '@main/db/errors';
import * as exercises from '@main/db/repositories/exercises';
import * as templates from '@main/db/repositories/templates';
import type { SquadDb } from '@main/db/types';
import { athletesWithSwaps } from '@main/db/repositories/athleteChanges';
import { athletesUsingTemplate } from '@main/db/repositories/athleteDays';
import { refreshCalendar, refreshRuleFlags, withFreshCalendar } from './calendarStore';

// ---- exercises ----

function requireExercise(db: SquadDb, id: number, field = 'id'): Exercise {
  const found = exercises.findExercise(db, id);
  if (!found) throw new AppError('not_found', 'That exercise does not exist (any more).', { [field]: 'Choose an exercise from the list' });
  return found;
}

function checkExerciseName(db: SquadDb, name: string, exceptId: number | null): string {
  const key = planNameKey(name);
  const existing = exercises.findExerciseIdByNameKey(db, key);
  if (existing !== null && existing !== exceptId) {
    throw new AppError('conflict', `There is already an exercise called "${name}".`, { name: `There is already an exercise called "${name}"` });
  }
  return key;
}

function checkLinks(db: SquadDb, fields: ExerciseFields, selfId: number | null): void {
  for (const field of ['regressionId', 'progressionId'] as const) {
    const id = fields[field];
    if (id === null) continue;
    if (id === selfId) throw new AppError('conflict', 'An exercise cannot be its own regression or progression.', { [field]: 'Choose another exercise' });
    requireExercise(db, id, field);
  }
}

export function listExercises(db: SquadDb, includeHidden: boolean): Exercise[] {
  const all = exercises.listExercises(db);
  return includeHidden ? all : all.filter((e) => !e.hidden);
}

export function createExercise(db: SquadDb, fields: ExerciseFields, now: Date): Exercise {
  return db.transaction(() => {
    const key = checkExerciseName(db, fields.name, null);
    checkLinks(db, fields, null);
    const id = exercises.insertExercise(db, fields, { code: null, builtin: false, nameKey: key, now: now.toISOString() });
    return requireExercise(db, id);
  })();
}

/**
 * Edit an exercise. A built-in one keeps its code (what templates and sheets refer to), so the
 * coach can adjust its cues, tempo and links; its name, category and load kind can change too.
 */
export function updateExercise(db: SquadDb, id: number, fields: ExerciseFields, now: Date): Exercise {
  return db.transaction(() => {
    requireExercise(db, id);
    const key = checkExerciseName(db, fields.name, id);
    checkLinks(db, fields, id);
    exercises.updateExercise(db, id, fields, key, now.toISOString());
    return requireExercise(db, id);
  })();
}

export function setExercisesHidden(db: SquadDb, ids: readonly number[], hidden: boolean, now: Date): Exercise[] {
  return db.transaction(() => {
    const unique = [...new Set(ids)];
    unique.forEach((id) => requireExercise(db, id));
    for (const id of unique) exercises.setExerciseHidden(db, id, hidden, now.toISOString());
    return unique.map((id) => requireExercise(db, id));
  })();
}

export function removeExercise(db: SquadDb, id: number): Exercise {
  return db.transaction(() => {
    const exercise = requireExercise(db, id);
    if (exercise.builtin) throw new AppError('conflict', `"${exercise.name}" is built in: hide it instead (it can be shown again later).`);
    const use = exercises.exerciseUse(db, id);
    if (use.templates.length > 0) {
      throw new AppError('conflict', `"${exercise.name}" is used in ${use.templates.map((t) => `"${t}"`).join(', ')}. Take it out of those templates first, or hide it.`);
    }
    if (use.swaps > 0) throw new AppError('conflict', `"${exercise.name}" is used in ${use.swaps} exercise swap${use.swaps === 1 ? '' : 's'}. Remove those first, or hide it.`);
    // Exercises that name it as their regression or progression lose the link (ON DELETE SET NULL).
    try {
      exercises.deleteExercise(db, id);
    } catch (error) {
      // Logged sets and working maxes keep it (ON DELETE RESTRICT): it is part of the training record.
      if (isReferencedRowRefusal(error)) throw new AppError('conflict', `"${exercise.name}" is in logged sessions or working maxes, so it stays. Hide it instead.`);
      throw error;
    }
    return exercise;
  })();
}

// ---- templates ----

function requireTemplate(db: SquadDb, id: number, field = 'id'): SessionTemplate {
  const found = templates.findTemplate(db, id);
  if (!found) throw new AppError('not_found', 'That session template does not exist (any more).', { [field]: 'Choose a template from the list' });
  return found;
}

function checkTemplate(db: SquadDb, fields: TemplateFields, exceptId: number | null): string {
  const key = planNameKey(fields.name);
  const existing = templates.findTemplateIdByNameKey(db, key);
  if (existing !== null && existing !== exceptId) {
    throw new AppError('conflict', `There is already a template called "${fields.name}".`, { name: `There is already a template called "${fields.name}"` });
  }
  fields.prescriptions.forEach((p, i) => {
    const exercise = exercises.findExercise(db, p.exerciseId);
    if (!exercise) throw new AppError('not_found', `Exercise ${i + 1} does not exist (any more).`, { [`prescriptions.${i}.exerciseId`]: 'Choose an exercise from the list' });
    if (p.loadRule === 'percent_max' && (exercise.loadKind === 'time' || exercise.loadKind === 'contacts' || exercise.loadKind === 'height')) {
      const message = `${exercise.name} is dosed by ${exercise.loadKind === 'time' ? 'time' : exercise.loadKind === 'height' ? 'box height' : 'contacts'}, not a percent of a max`;
      throw new AppError('invalid_input', `Exercise ${i + 1}: ${message}.`, { [`prescriptions.${i}.loadRule`]: message });
    }
  });
  return key;
}

export function listTemplates(db: SquadDb, includeHidden: boolean): SessionTemplate[] {
  const all = templates.listTemplates(db);
  return includeHidden ? all : all.filter((t) => !t.hidden);
}

export function getTemplate(db: SquadDb, id: number): SessionTemplate {
  return requireTemplate(db, id);
}

export function createTemplate(db: SquadDb, fields: TemplateFields, now: Date): SessionTemplate {
  return db.transaction(() => {
    const key = checkTemplate(db, fields, null);
    const id = templates.insertTemplate(db, fields, { code: null, builtin: false, nameKey: key, now: now.toISOString() });
    return requireTemplate(db, id);
  })();
}

/**
 * Edit a template: every block and athlete using it follows. The calendar only stores which
 * template a day has, so it needs refreshing only when the session type changes (the rules
 * treat A as heavy) or the exercises change (a swap may now touch, or stop touching, a day).
 */
export function updateTemplate(db: SquadDb, id: number, fields: TemplateFields, now: Date): SessionTemplate {
  return withFreshCalendar(db, (fresh) => {
    const before = requireTemplate(fresh, id);
    const key = checkTemplate(fresh, fields, id);
    templates.updateTemplate(fresh, id, fields, key, now.toISOString());
    const exercisesBefore = [...new Set(before.prescriptions.map((p) => p.exerciseId))].sort().join(',');
    const exercisesAfter = [...new Set(fields.prescriptions.map((p) => p.exerciseId))].sort().join(',');
    if (exercisesBefore !== exercisesAfter) {
      const users = new Set(athletesUsingTemplate(fresh, id));
      refreshCalendar(
        fresh,
        athletesWithSwaps(fresh).filter((a) => users.has(a)),
        null,
      );
    }
    if (before.sessionType !== fields.sessionType) refreshRuleFlags(fresh, athletesUsingTemplate(fresh, id));
    return requireTemplate(fresh, id);
  });
}

export function setTemplatesHidden(db: SquadDb, ids: readonly number[], hidden: boolean, now: Date): SessionTemplate[] {
  return db.transaction(() => {
    const unique = [...new Set(ids)];
    unique.forEach((id) => requireTemplate(db, id));
    for (const id of unique) templates.setTemplateHidden(db, id, hidden, now.toISOString());
    return unique.map((id) => requireTemplate(db, id));
  })();
}

export function removeTemplate(db: SquadDb, id: number): SessionTemplate {
  return db.transaction(() => {
    const template = requireTemplate(db, id);
    if (template.builtin) throw new AppError('conflict', `"${template.name}" is built in: hide it instead (it can be shown again later).`);
    const use = templates.templateUse(db, id);
    if (use.blocks.length > 0) {
      throw new AppError('conflict', `"${template.name}" is in the weekly rhythm of ${use.blocks.map((b) => `"${b}"`).join(', ')}. Choose another session there first, or hide it.`);
    }
    if (use.changes > 0) {
      throw new AppError('conflict', `"${template.name}" is used in ${use.changes} athlete change${use.changes === 1 ? '' : 's'}. Reset those days first, or hide it.`);
    }
    templates.deleteTemplate(db, id);
    return template;
  })();
}
