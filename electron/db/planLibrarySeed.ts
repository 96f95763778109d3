/**
 * The built-in exercise library and session templates (shared/plan), written into a squad on
 * open: what the squad does not have yet (by code), once per library version. Entries already
 * there are left alone: the coach may have edited or hidden them.
 */
import { EXERCISE_LIBRARY, LIBRARY_VERSION } from '@shared/plan/exerciseLibrary';
import { planNameKey } from '@shared/plan/model';
import { TEMPLATE_LIBRARY } from '@shared/plan/templateLibrary';
import * as exercises from './repositories/exercises';
import * as templates from './repositories/templates';
import type { SquadDb } from './types';

function hasPlanSchema(db: SquadDb): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'plan_meta'").get() !== undefined;
}

/** A name not yet taken: "Name", else "Name (built-in)", else "Name (built-in 2)"... */
function freeName(name: string, taken: (key: string) => boolean): string {
  if (!taken(planNameKey(name))) return name;
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? `${name} (built-in)` : `${name} (built-in ${n})`;
    if (!taken(planNameKey(candidate))) return candidate;
  }
}

/**
 * Give the squad the built-in exercises and templates it does not have yet (by code), once per
 * library version. Entries already there are left alone: the coach may have edited or hidden them.
 */
export function ensureBuiltinLibrary(db: SquadDb, now: Date): { exercises: number; templates: number } {
  if (!hasPlanSchema(db)) return { exercises: 0, templates: 0 };
  const version = (db.prepare('SELECT library_version FROM plan_meta WHERE id = 1').pluck().get() as number | undefined) ?? 0;
  if (version >= LIBRARY_VERSION) return { exercises: 0, templates: 0 };
  return db.transaction(() => {
    const stamp = now.toISOString();
    const added: string[] = [];
    for (const e of EXERCISE_LIBRARY) {
      if (exercises.findExerciseIdByCode(db, e.code) !== null) continue;
      const name = freeName(e.name, (key) => exercises.findExerciseIdByNameKey(db, key) !== null);
      exercises.insertExercise(
        db,
        {
          name,
          category: e.category,
          pattern: e.pattern,
          unilateral: e.unilateral,
          loadKind: e.loadKind,
          equipment: e.equipment,
          defaultTempo: e.tempo,
          cues: [...e.cues],
          regressionId: null,
          progressionId: null,
          notes: '',
        },
        { code: e.code, builtin: true, nameKey: planNameKey(name), now: stamp },
      );
      added.push(e.code);
    }
    // Links once every entry exists (they refer to each other).
    for (const code of added) {
      const e = EXERCISE_LIBRARY.find((x) => x.code === code);
      const id = exercises.findExerciseIdByCode(db, code);
      if (!e || id === null) continue;
      const link = (c: string | null) => (c === null ? null : exercises.findExerciseIdByCode(db, c));
      exercises.setExerciseLinks(db, id, link(e.regression), link(e.progression));
    }
    let templateCount = 0;
    for (const t of TEMPLATE_LIBRARY) {
      if (templates.findTemplateIdByCode(db, t.code) !== null) continue;
      const prescriptions = t.prescriptions.map((p) => {
        const exerciseId = exercises.findExerciseIdByCode(db, p.exercise);
        if (exerciseId === null) throw new Error(`Built-in template ${t.code} refers to unknown exercise ${p.exercise}`);
        return { ...p, exerciseId };
      });
      const name = freeName(t.name, (key) => templates.findTemplateIdByNameKey(db, key) !== null);
      templates.insertTemplate(
        db,
        { name, sessionType: t.sessionType, phase: t.phase, plannedMinutes: t.plannedMinutes, targetRpe: t.targetRpe, notes: '', prescriptions },
        { code: t.code, builtin: true, nameKey: planNameKey(name), now: stamp },
      );
      templateCount += 1;
    }
    db.prepare('INSERT INTO plan_meta (id, library_version) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET library_version = excluded.library_version').run(LIBRARY_VERSION);
    return { exercises: added.length, templates: templateCount };
  })();
}
