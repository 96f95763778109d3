/**
 * Working maxes and training logs for the generated squads, from their own seeded stream (adding
 * them reshuffles nothing of the roster, the plan or the re-tests). Each athlete has a true
 * strength per exercise (from body mass, sex and training age) that grows slowly over the
 * seasons; the logs are the plan's past days as the athlete did them: most sessions as written,
 * some modified (a set cut, reps short, a lighter load), some missed; session RPE near the
 * template's target and minutes near its plan; runs mostly done; the wellness check on most days.
 *
 * The large squad keeps the sets of the last twelve weeks; its older sessions keep their status,
 * session RPE and minutes (what load monitoring reads), which keeps the benchmark squad's file
 * and its generation time reasonable (the sets are most of the rows; only the last six weeks'
 * ever set a working max).
 *
 * Working maxes: about two in five athletes have tested 1RMs for the barbell lifts, about two in
 * five have starting loads, the rest none. In the 24-athlete sample the athletes with starting
 * loads or none are new to the weight room this week (no lifting logged yet), so today's sheets
 * show every source: tested, estimated from logged sets, starting load, and "choose a starting
 * load".
 */
import { addDays, type IsoDate } from '../dates';
import { dayNumber } from '../plan/days';
import type { Sex } from '../domain/roster';
import type { Equipment, PlannedRun } from '../plan/model';
import type { WeekPrescription } from '../plan/progression';
import { equipmentSteps, repsInReserveFraction, type GymEquipment } from '../sheets/loads';
import type { LoggedSetResult, RunResult, StrengthResult, WellnessResult } from '../sheets/results';
import { plannedReserve } from '../sheets/sheet';
import { roundLoad } from '../science';
import { SeededRandom } from './random';

const STREAM_OFFSET = 0x10c5;

/** A separate stream from the roster's, the plan's and the re-tests'. */
export function logStream(seed: number): SeededRandom {
  return new SeededRandom((seed * 31 + STREAM_OFFSET) % 2147483647 || 1);
}

/** The stream of the session-only logs of athletes not yet lifting (see sampleSessionOnlyLog). */
export function sessionOnlyStream(seed: number): SeededRandom {
  return new SeededRandom((seed * 37 + STREAM_OFFSET + 1) % 2147483647 || 1);
}

export interface LogSampleAthlete {
  sex: Sex;
  bodyMassKg: number;
  trainingAgeYears: number;
  injured: boolean;
}

/** True 1RM per body-mass kilogram for a novice man (women x 0.8); everything else 0.5. */
const STRENGTH_PER_KG: Record<string, number> = {
  trap_bar_deadlift: 1.35,
  back_squat: 1.05,
  hip_thrust: 1.45,
  loaded_glute_bridge: 1.25,
  rdl: 0.95,
  stiff_leg_deadlift: 0.85,
  kettlebell_swing: 0.45,
  goblet_squat: 0.5,
  step_up: 0.4,
  single_leg_rdl: 0.35,
  kickstand_rdl: 0.4,
  reverse_lunge: 0.4,
  forward_lunge: 0.4,
  walking_lunge: 0.38,
  split_squat: 0.45,
  single_leg_calf_raise: 0.35,
  farmer_carry: 0.45,
  suitcase_carry: 0.4,
  loaded_back_extension: 0.3,
  machine_hamstring_curl: 0.45,
  sled_push: 1.2,
};

/** Weekly gain of true strength while training (about 8% a year, and slower later). */
const WEEKLY_GAIN = 0.0016;

/** The athlete's true strength in every exercise: one draw per athlete and exercise, kept. */
export class AthleteStrength {
  private readonly base = new Map<string, number>();
  /** Day number of the first day of the logs: strength grows from here. */
  private readonly firstDay: number;

  constructor(
    private readonly athlete: LogSampleAthlete,
    private readonly random: SeededRandom,
    firstDay: IsoDate,
  ) {
    this.firstDay = dayNumber(firstDay);
  }

  /** True 1RM (kg) for an exercise on a day. */
  oneRm(code: string | null, date: IsoDate): number {
    const key = code ?? '';
    let base = this.base.get(key);
    if (base === undefined) {
      const perKg = STRENGTH_PER_KG[key] ?? 0.5;
      const sex = this.athlete.sex === 'female' ? 0.8 : 1;
      const experience = 0.85 + 0.05 * Math.min(4, this.athlete.trainingAgeYears);
      base = this.athlete.bodyMassKg * perKg * sex * experience * this.random.normal(1, 0.1, 0.75, 1.25);
      this.base.set(key, base);
    }
    const weeks = Math.max(0, (dayNumber(date) - this.firstDay) / 7);
    return base * (1 + WEEKLY_GAIN * weeks) ** 0.9;
  }
}

export type MaxKind = 'tested' | 'starting' | 'none';

export interface SampleMax {
  code: string;
  testedKg: number | null;
  testedOn: IsoDate | null;
  startingKg: number | null;
  startingReps: number | null;
}

/** Which kind of working maxes an athlete gets: about 40% tested, 40% starting loads, 20% none. */
export function maxKindOf(random: SeededRandom): MaxKind {
  const roll = random.float();
  return roll < 0.4 ? 'tested' : roll < 0.8 ? 'starting' : 'none';
}

/** Barbell lifts are tested; dumbbell and kettlebell work gets starting loads. */
export function sampleMaxes(
  kind: MaxKind,
  strength: AthleteStrength,
  exercises: readonly { code: string; equipment: Equipment }[],
  today: IsoDate,
  random: SeededRandom,
): SampleMax[] {
  if (kind === 'none') return [];
  const testedOn = addDays(today, -random.int(10, 40));
  return exercises.flatMap((e): SampleMax[] => {
    const oneRm = strength.oneRm(e.code, testedOn);
    if (kind === 'tested' && e.equipment === 'barbell') {
      return [{ code: e.code, testedKg: Math.round(oneRm / 2.5) * 2.5, testedOn, startingKg: null, startingReps: null }];
    }
    // A comfortable load for 8 reps: about 60% of the true max, in the gym's 2 kg / 2.5 kg steps.
    const step = e.equipment === 'barbell' ? 2.5 : 2;
    return [{ code: e.code, testedKg: null, testedOn: null, startingKg: Math.max(step, Math.round((oneRm * 0.6) / step) * step), startingReps: 8 }];
  });
}

/** One line of a planned session, as the log generator needs it. */
export interface PlannedLine {
  position: number;
  exerciseId: number;
  code: string | null;
  equipment: Equipment;
  prescription: WeekPrescription;
}

export interface PlannedDay {
  date: IsoDate;
  templateId: number | null;
  plannedMinutes: number;
  targetRpe: number;
  lines: readonly PlannedLine[];
  run: PlannedRun | null;
}

export interface SampleDayLog {
  strength: StrengthResult | null;
  run: RunResult | null;
  wellness: WellnessResult | null;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The load an athlete would have lifted for a line (their true max, the week's prescription, the gym's steps). */
function liftedLoad(line: PlannedLine, oneRm: number, gym: GymEquipment): number | null {
  const p = line.prescription;
  const steps = equipmentSteps(line.equipment, gym);
  if (p.loadRule === 'bodyweight' || steps === null) return null;
  let kg: number;
  if (p.loadRule === 'fixed_kg') kg = p.fixedKg ?? 0;
  else if (p.loadRule === 'percent_max') kg = (oneRm * (p.percentOfMax ?? 0)) / 100;
  else kg = oneRm * (repsInReserveFraction(p) ?? 0.5);
  return roundLoad(kg, steps).load;
}

function wellnessOf(random: SeededRandom, athlete: LogSampleAthlete): WellnessResult {
  const item = (mean: number) => Math.round(random.normal(mean, 0.8, 1, 5));
  const optional = (mean: number) => (random.chance(0.3) ? null : item(mean));
  return {
    fatigue: optional(3.5),
    sleepQuality: item(3.7),
    muscleSoreness: item(athlete.injured ? 3.0 : 3.5),
    stress: optional(3.6),
    mood: optional(3.9),
    hamstringTight: random.chance(athlete.injured ? 0.3 : 0.07),
  };
}

/**
 * A strength session of an athlete who has not started loading yet (no working maxes): the coach
 * still logs that it happened, its session RPE and minutes, so their load counts on the load
 * charts and the warnings; no sets, so no estimated max comes from it (their sheets keep asking
 * for a starting load). Drawn from its own stream so the lifters' logs stay as they were.
 */
export function sampleSessionOnlyLog(random: SeededRandom, athlete: Pick<LogSampleAthlete, 'injured'>, day: PlannedDay): StrengthResult | null {
  if (day.templateId === null || day.lines.length === 0) return null;
  const roll = random.float();
  const status = roll < 0.07 ? 'missed' : roll < (athlete.injured ? 0.3 : 0.17) ? 'modified' : 'done';
  if (status === 'missed') return { templateId: day.templateId, status, sessionRpe: null, minutes: null, note: random.pick(['Sick', 'Away', 'Exam', '']), sets: [] };
  return {
    templateId: day.templateId,
    status,
    // Bodyweight and light loads while they find their starting loads: a notch easier and shorter.
    sessionRpe: clamp(Math.round(random.normal(day.targetRpe - 1, 1)), 1, 10),
    minutes: clamp(Math.round(random.normal(day.plannedMinutes * 0.8, 5)), 10, 120),
    note: status === 'modified' ? random.pick(['Cut short: tired legs', 'Learning the lifts', 'Late to practice', '']) : '',
    sets: [],
  };
}

/**
 * One day as the athlete did it. `lifting` false: they have not started in the weight room yet
 * (their strength sessions are not logged). `withSets` false: the session's status, RPE and
 * minutes only (older seasons of the large squad).
 */
export function sampleDayLog(
  random: SeededRandom,
  athlete: LogSampleAthlete,
  strength: AthleteStrength,
  day: PlannedDay,
  gym: GymEquipment,
  options: { lifting: boolean; withSets: boolean },
): SampleDayLog {
  const { lifting, withSets } = options;
  let strengthLog: StrengthResult | null = null;
  if (day.templateId !== null && day.lines.length > 0 && lifting) {
    const roll = random.float();
    const status = roll < 0.07 ? 'missed' : roll < (athlete.injured ? 0.3 : 0.17) ? 'modified' : 'done';
    if (status === 'missed') {
      strengthLog = { templateId: day.templateId, status, sessionRpe: null, minutes: null, note: random.pick(['Sick', 'Away', 'Exam', '']), sets: [] };
    } else {
      const modifiedLine = status === 'modified' ? random.int(0, day.lines.length - 1) : -1;
      const sets: LoggedSetResult[] = [];
      day.lines.forEach((line, index) => {
        if (!withSets) return;
        const p = line.prescription;
        const oneRm = strength.oneRm(line.code, day.date);
        const planned = liftedLoad(line, oneRm, gym);
        const cut = index === modifiedLine;
        const setCount = cut && p.sets > 1 && random.chance(0.5) ? p.sets - 1 : p.sets;
        for (let setNumber = 1; setNumber <= setCount; setNumber += 1) {
          let dose = p.dose;
          let load = planned;
          if (cut && setNumber === setCount) {
            if (load !== null && random.chance(0.5)) load = roundLoad(load * 0.85, equipmentSteps(line.equipment, gym) ?? { increment: 1, minimum: 0 }).load;
            else dose = Math.max(1, dose - random.int(1, 2));
          } else if (p.doseUnit === 'reps' && random.chance(0.04)) {
            dose += 1; // a good day
          }
          sets.push({
            position: line.position,
            setNumber,
            exerciseId: line.exerciseId,
            reps: p.doseUnit === 'reps' ? dose : null,
            seconds: p.doseUnit === 'seconds' ? dose : null,
            metres: p.doseUnit === 'metres' ? dose : null,
            contacts: p.doseUnit === 'contacts' ? dose : null,
            loadKg: load,
            plannedDose: p.dose,
            plannedLoadKg: planned,
            repsInReserve: plannedReserve(p),
          });
        }
      });
      strengthLog = {
        templateId: day.templateId,
        status,
        sessionRpe: clamp(Math.round(random.normal(day.targetRpe + (status === 'modified' ? 0.5 : 0), 1)), 1, 10),
        minutes: clamp(Math.round(random.normal(day.plannedMinutes, 5)), 10, 120),
        note: status === 'modified' ? random.pick(['Cut short: tired legs', 'Lighter: back tight', 'Late to practice', '']) : '',
        sets,
      };
    }
  }
  let run: RunResult | null = null;
  if (day.run && day.run.type !== 'rest') {
    const done = random.chance(0.9);
    run = {
      runType: day.run.type,
      status: done ? 'done' : 'missed',
      minutes: done ? clamp(Math.round(random.normal(day.run.minutes, day.run.minutes * 0.1)), 5, 600) : null,
      sessionRpe: done ? clamp(Math.round(random.normal(day.run.rpe, 1)), 1, 10) : null,
      note: '',
    };
  }
  const wellness = random.chance(0.8) ? wellnessOf(random, athlete) : null;
  return { strength: strengthLog, run, wellness };
}
