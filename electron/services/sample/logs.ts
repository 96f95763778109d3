/**
 * Writes the generated working maxes and training logs (shared/sample/logs.ts) into the squad the
 * sample-squad loader just filled, inside its transaction, after the plan (the logs are the
 * calendar's past days as the athletes did them). Large squad: two seasons of sessions, runs and
 * wellness checks, the last twelve weeks' sessions with their sets, written with multi-row
 * inserts in the loader's one transaction.
 */
import { localToday } from '@shared/dates';
import { DEFAULT_DELOAD_RULE } from '@shared/plan/defaults';
import { dayNumber, isoDate } from '@shared/plan/days';
import type { Block, Exercise, SessionTemplate } from '@shared/plan/model';
import { prescriptionForWeek } from '@shared/plan/progression';
import { TEMPLATE_LIBRARY } from '@shared/plan/templateLibrary';
import { AthleteStrength, logStream, maxKindOf, sampleDayLog, sampleMaxes, sampleSessionOnlyLog, sessionOnlyStream, type LogSampleAthlete, type PlannedDay, type PlannedLine } from '@shared/sample/logs';
import type { SquadSize } from '@shared/sample/generator';
import { carriesLoad } from '@shared/sheets/loads';
import { findBlock } from '@main/db/repositories/blocks';
import { findExerciseIdByCode, listExercises } from '@main/db/repositories/exercises';
import { listTemplates } from '@main/db/repositories/templates';
import { bulkLogWriter } from '@main/db/repositories/trainingLogs';
import { writeMax } from '@main/db/repositories/workingMaxes';
import type { FreshCalendarDb } from '@main/db/types';
import { firstCalendarDate, pastWorkDays, type PastWorkDay } from '@main/db/repositories/athleteDays';
import { gymOf } from '../sheets/sheets';

/** The large squad's sessions keep their sets this far back (shared/sample/logs.ts). */
const SETS_KEPT_WEEKS = 12;


export function loadSampleLogs(
  db: FreshCalendarDb,
  options: { seed: number; size: SquadSize; athletes: readonly LogSampleAthlete[]; athleteIds: readonly number[] },
  now: Date,
): { maxes: number; strengthLogs: number; sets: number } {
  const random = logStream(options.seed);
  const sessionsOnly = sessionOnlyStream(options.seed);
  const today = localToday(now);
  const stamp = now.toISOString();
  const gym = gymOf(db, now);
  const firstDay = firstCalendarDate(db);
  if (firstDay === null) return { maxes: 0, strengthLogs: 0, sets: 0 };

  // The exercises the built-in templates load: the ones a coach would enter maxes for.
  const loaded = new Map<string, Exercise['equipment']>();
  const exercises = new Map(listExercises(db).map((e) => [e.id, e]));
  const codeOf = new Map([...exercises.values()].map((e) => [e.code ?? '', e]));
  for (const t of TEMPLATE_LIBRARY) {
    for (const p of t.prescriptions) {
      const e = codeOf.get(p.exercise);
      if (e && p.loadRule !== 'bodyweight' && carriesLoad(e.equipment)) loaded.set(p.exercise, e.equipment);
    }
  }
  const loadedList = [...loaded].map(([code, equipment]) => ({ code, equipment }));

  const strength = options.athletes.map((a) => new AthleteStrength(a, random, firstDay));
  const kinds = options.athletes.map(() => maxKindOf(random));
  let maxes = 0;
  options.athleteIds.forEach((athleteId, i) => {
    for (const m of sampleMaxes(kinds[i] ?? 'none', strength[i] as AthleteStrength, loadedList, today, random)) {
      const exerciseId = findExerciseIdByCode(db, m.code);
      if (exerciseId === null) continue;
      writeMax(db, { athleteId, exerciseId, testedKg: m.testedKg, testedOn: m.testedOn, startingKg: m.startingKg, startingReps: m.startingReps }, stamp);
      maxes += 1;
    }
  });

  const indexOf = new Map(options.athleteIds.map((id, i) => [id, i]));
  const templates = new Map<number, SessionTemplate>(listTemplates(db).map((t) => [t.id, t]));
  const blocks = new Map<number, Block | null>();
  const blockOf = (id: number) => {
    if (!blocks.has(id)) blocks.set(id, findBlock(db, id));
    return blocks.get(id) ?? null;
  };
  // The same template in the same week of the same block is the same session for everyone.
  const sessions = new Map<string, PlannedLine[]>();
  const linesOf = (row: PastWorkDay): PlannedLine[] => {
    const key = `${row.template_id}:${row.block_id}:${row.week}:${row.is_deload}`;
    let lines = sessions.get(key);
    if (!lines) {
      const block = row.block_id === null ? null : blockOf(row.block_id);
      const context = { week: row.week ?? 1, isDeload: row.is_deload === 1, weeklyProgression: block?.weeklyProgression ?? 0, deload: block?.deload ?? DEFAULT_DELOAD_RULE };
      lines = (templates.get(row.template_id ?? 0)?.prescriptions ?? []).map((p, i) => {
        const e = exercises.get(p.exerciseId);
        return { position: i + 1, exerciseId: p.exerciseId, code: e?.code ?? null, equipment: e?.equipment ?? 'other', prescription: prescriptionForWeek(p, context) };
      });
      sessions.set(key, lines);
    }
    return lines;
  };

  let strengthLogs = 0;
  let sets = 0;
  const setsFrom = dayNumber(today) - SETS_KEPT_WEEKS * 7;
  const writer = bulkLogWriter(db, stamp);
  // Read first, then write (SQLite cannot write while a read is still open on the connection).
  for (const row of pastWorkDays(db, dayNumber(today))) {
    const i = indexOf.get(row.athlete_id);
    if (i === undefined) continue;
    const athlete = options.athletes[i] as LogSampleAthlete;
    const template = row.template_id === null ? null : (templates.get(row.template_id) ?? null);
    const date = isoDate(row.day);
    const day: PlannedDay = {
      date,
      templateId: template?.id ?? null,
      plannedMinutes: template?.plannedMinutes ?? 0,
      targetRpe: template?.targetRpe ?? 0,
      lines: template ? linesOf(row) : [],
      run: row.run_type === null ? null : { type: row.run_type, minutes: row.run_minutes ?? 0, rpe: row.run_rpe ?? 0 },
    };
    // In the small sample, athletes with starting loads or none have not loaded a lift yet: their
    // sessions are logged (RPE, minutes) without sets, so their sheets still ask for a starting load.
    const lifting = options.size === 'large' || kinds[i] === 'tested';
    const log = sampleDayLog(random, athlete, strength[i] as AthleteStrength, day, gym, { lifting, withSets: row.day >= setsFrom });
    // Athletes not lifting yet still do the session (bodyweight, finding their starting loads): its RPE and minutes are logged.
    const session = log.strength ?? (lifting ? null : sampleSessionOnlyLog(sessionsOnly, athlete, day));
    if (session) {
      writer.strength(row.athlete_id, date, session, template?.name ?? '');
      strengthLogs += 1;
      sets += session.sets.length;
    }
    if (log.run) writer.run(row.athlete_id, date, log.run);
    if (log.wellness) writer.wellness(row.athlete_id, date, log.wellness);
  }
  writer.finish();
  return { maxes, strengthLogs, sets };
}
