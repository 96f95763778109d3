/**
 * The result-entry screen's model: one athlete's day as typed (text in every box, loads in the
 * squad's unit), pre-filled with the sheet so only differences are typed; the check of every box
 * as it is typed (refused, or doubtful and asked about); and the results to save.
 */
import type { LoggedSetResult, DayResults, RunStatus, StrengthStatus, FieldCheck } from '@shared/sheets/results';
import { checkDose, checkLoad, checkMinutes, checkReps, checkSessionRpe, checkWellness } from '@shared/sheets/results';
import type { AthleteSheet, SheetLine } from '@shared/sheets/sheet';
import { WELLNESS_ITEMS, type WellnessItemKey } from '@shared/sheets/words';
import { kgToUnit, roundForDisplay, type MassUnit } from '@shared/units';

export interface SetDraft {
  dose: string;
  load: string;
}

export interface EntryDraft {
  /** '' = not entered yet. */
  status: '' | StrengthStatus;
  rpe: string;
  minutes: string;
  /** By `${position}:${setNumber}`. */
  sets: Record<string, SetDraft>;
  wellness: Record<WellnessItemKey, string>;
  /** '', 'yes' or 'no'. */
  hamstring: '' | 'yes' | 'no';
  runStatus: '' | RunStatus;
  runMinutes: string;
  runRpe: string;
  /** Loads the coach said were right after being asked: set key → the text confirmed. */
  confirmed: Record<string, string>;
}

export const setKey = (position: number, setNumber: number) => `${position}:${setNumber}`;

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const loadInUnit = (kg: number | null, unit: MassUnit) => (kg === null ? '' : String(roundForDisplay(kgToUnit(kg, unit), 2)));

/** The draft of what is saved, or of the sheet when nothing is (every set as written). */
export function baseDraft(sheet: AthleteSheet, results: DayResults, unit: MassUnit): EntryDraft {
  const sets: Record<string, SetDraft> = {};
  const logged = results.strength;
  if (logged) {
    for (const s of logged.sets) sets[setKey(s.position, s.setNumber)] = { dose: text(s.reps ?? s.seconds ?? s.metres ?? s.contacts), load: loadInUnit(s.loadKg, unit) };
    // A saved session shows blank boxes for sets that were not done.
    for (const line of sheet.lines) for (let n = 1; n <= line.sets; n += 1) sets[setKey(line.position, n)] ??= { dose: '', load: '' };
  } else {
    for (const line of sheet.lines) {
      const load = line.load.kind === 'load' ? String(line.load.value) : '';
      for (let n = 1; n <= line.sets; n += 1) sets[setKey(line.position, n)] = { dose: String(line.dose), load: line.loaded ? load : '' };
    }
  }
  const w = results.wellness;
  return {
    status: logged?.status ?? '',
    rpe: text(logged?.sessionRpe),
    // Minutes as planned until the coach says otherwise; the session RPE is the athlete's own, never pre-filled.
    minutes: logged ? text(logged.minutes) : text(sheet.session?.plannedMinutes),
    sets,
    wellness: Object.fromEntries(WELLNESS_ITEMS.map((k) => [k, text(w?.[k])])) as Record<WellnessItemKey, string>,
    hamstring: w?.hamstringTight === true ? 'yes' : w?.hamstringTight === false ? 'no' : '',
    runStatus: results.run?.status ?? '',
    runMinutes: results.run ? text(results.run.minutes) : text(sheet.run?.minutes),
    runRpe: text(results.run?.sessionRpe),
    confirmed: {},
  };
}

export function sameDraft(a: EntryDraft, b: EntryDraft): boolean {
  const { confirmed: _a, ...x } = a;
  const { confirmed: _b, ...y } = b;
  return JSON.stringify(x) === JSON.stringify(y);
}

/** The sheet's dose for a set, as the box shows it pre-filled. */
function prescribedSet(line: SheetLine): SetDraft {
  return { dose: String(line.dose), load: line.loaded && line.load.kind === 'load' ? String(line.load.value) : '' };
}

/**
 * Typing changes the status the way a coach would: anything typed into a day not entered yet
 * makes it "done"; a set that differs from the sheet makes a done session "modified".
 */
export function withAutoStatus(draft: EntryDraft, sheet: AthleteSheet, touched: 'strength' | 'run' | 'wellness'): EntryDraft {
  let next = draft;
  if (touched === 'strength' && sheet.session) {
    if (next.status === '') next = { ...next, status: 'done' };
    if (next.status === 'done') {
      const differs = sheet.lines.some((line) =>
        Array.from({ length: line.sets }, (_, i) => next.sets[setKey(line.position, i + 1)]).some((s) => {
          const p = prescribedSet(line);
          return !s || s.dose.trim() !== p.dose || (p.load !== '' && s.load.trim() !== p.load);
        }),
      );
      if (differs) next = { ...next, status: 'modified' };
    }
  }
  if (touched === 'run' && sheet.run && next.runStatus === '') next = { ...next, runStatus: 'done' };
  return next;
}

export type FieldKey = string;

/** Every box's check: refusals and questions, by field key (`rpe`, `set:1:2:dose`, `set:1:2:load`, `sleepQuality`...). */
export function draftChecks(draft: EntryDraft, sheet: AthleteSheet, unit: MassUnit): Record<FieldKey, FieldCheck<number>> {
  const checks: Record<FieldKey, FieldCheck<number>> = {};
  const put = (key: FieldKey, check: FieldCheck<number>) => {
    if (check.state === 'error' || check.state === 'ask') checks[key] = check;
  };
  if (draft.status !== 'missed' && sheet.session) {
    put('rpe', checkSessionRpe(draft.rpe));
    put('minutes', checkMinutes(draft.minutes, 'strength'));
    for (const line of sheet.lines) {
      for (let n = 1; n <= line.sets; n += 1) {
        const key = setKey(line.position, n);
        const set = draft.sets[key] ?? { dose: '', load: '' };
        put(`set:${key}:dose`, line.doseUnit === 'reps' ? checkReps(set.dose) : checkDose(set.dose, line.doseUnit));
        if (line.loaded) {
          const check = checkLoad(set.load, { unit, prescribedKg: line.load.kind === 'load' ? line.load.kg : null, oneRmKg: line.oneRmKg, athleteName: sheet.athlete.givenName });
          const confirmed = check.state === 'ask' && draft.confirmed[key] === set.load.trim();
          if (!confirmed) put(`set:${key}:load`, check);
        }
      }
    }
  }
  for (const item of WELLNESS_ITEMS) put(item, checkWellness(draft.wellness[item]));
  if (draft.runStatus !== 'missed' && sheet.run) {
    put('runMinutes', checkMinutes(draft.runMinutes, 'run'));
    put('runRpe', checkSessionRpe(draft.runRpe));
  }
  return checks;
}

/** Why a card cannot be saved as typed: the first refusal, else the first question not answered yet. */
export function draftProblem(draft: EntryDraft, sheet: AthleteSheet, unit: MassUnit): string | null {
  const checks = Object.values(draftChecks(draft, sheet, unit));
  const refused = checks.find((c) => c.state === 'error');
  if (refused?.state === 'error') return refused.message;
  const asked = checks.find((c) => c.state === 'ask');
  return asked?.state === 'ask' ? `${asked.message} Confirm or correct it.` : null;
}

const value = (check: FieldCheck<number>): number | null => (check.state === 'ok' || check.state === 'ask' ? check.value : null);

/**
 * What to save for a draft with no refusals and no unanswered questions. Strength and run are left
 * out while "not entered"; the wellness check when every answer is blank; a set with no dose typed
 * was not done.
 */
export function draftToResults(draft: EntryDraft, sheet: AthleteSheet, unit: MassUnit): DayResults {
  const athleteId = sheet.athlete.id;
  let strength: DayResults['strength'] = null;
  if (sheet.session && draft.status !== '') {
    const sets: LoggedSetResult[] = [];
    if (draft.status !== 'missed') {
      for (const line of sheet.lines) {
        for (let n = 1; n <= line.sets; n += 1) {
          const set = draft.sets[setKey(line.position, n)];
          if (!set || set.dose.trim() === '') continue;
          const dose = value(line.doseUnit === 'reps' ? checkReps(set.dose) : checkDose(set.dose, line.doseUnit));
          const loadKg = line.loaded ? value(checkLoad(set.load, { unit, prescribedKg: null, oneRmKg: null, athleteName: '' })) : null;
          sets.push({
            position: line.position,
            setNumber: n,
            exerciseId: line.exerciseId,
            reps: line.doseUnit === 'reps' ? dose : null,
            seconds: line.doseUnit === 'seconds' ? dose : null,
            metres: line.doseUnit === 'metres' ? dose : null,
            contacts: line.doseUnit === 'contacts' ? dose : null,
            loadKg,
            plannedDose: line.dose,
            plannedLoadKg: line.load.kind === 'load' ? line.load.kg : null,
            repsInReserve: line.reserve,
          });
        }
      }
    }
    strength = {
      templateId: sheet.session.templateId,
      status: draft.status,
      sessionRpe: draft.status === 'missed' ? null : value(checkSessionRpe(draft.rpe)),
      minutes: draft.status === 'missed' ? null : value(checkMinutes(draft.minutes, 'strength')),
      note: '',
      sets,
    };
  }
  let run: DayResults['run'] = null;
  if (sheet.run && sheet.run.type !== 'rest' && draft.runStatus !== '') {
    const done = draft.runStatus === 'done';
    run = {
      runType: sheet.run.type,
      status: draft.runStatus,
      minutes: done ? value(checkMinutes(draft.runMinutes, 'run')) : null,
      sessionRpe: done ? value(checkSessionRpe(draft.runRpe)) : null,
      note: '',
    };
  }
  const items = Object.fromEntries(WELLNESS_ITEMS.map((k) => [k, value(checkWellness(draft.wellness[k]))])) as Record<WellnessItemKey, number | null>;
  const hamstringTight = draft.hamstring === '' ? null : draft.hamstring === 'yes';
  const wellness = Object.values(items).some((v) => v !== null) || hamstringTight !== null ? { ...items, hamstringTight } : null;
  return { athleteId, date: sheet.date, strength, run, wellness };
}
