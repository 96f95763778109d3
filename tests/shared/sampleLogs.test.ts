/**
 * The generated training logs: seeded (the same seed, the same logs), realistic (most sessions
 * as written, some modified, some missed), and always what the result-entry contract accepts.
 */
import { describe, expect, it } from 'vitest';
import { coachMaxSchema, dayResultsSchema } from '@shared/contract/sheets';
import { prescriptionForWeek } from '@shared/plan/progression';
import { AthleteStrength, logStream, sampleDayLog, sampleMaxes, type LogSampleAthlete, type PlannedDay } from '@shared/sample/logs';
import type { GymEquipment } from '@shared/sheets/loads';

const GYM: GymEquipment = { unit: 'kg', plateIncrement: 2.5, barWeight: 20, dumbbellStep: 2 };
const ATHLETE: LogSampleAthlete = { sex: 'female', bodyMassKg: 55, trainingAgeYears: 2, injured: false };
const deload = { setReduction: 0.5, loadReduction: 0.1, rirIncrease: 2 };

/** Foundational A's trap bar deadlift (3 x 6 @ 70%) and side plank (3 x 30 s each), with an easy run. */
function monday(date: string): PlannedDay {
  const context = { week: 1, isDeload: false, weeklyProgression: 0.025, deload };
  return {
    date,
    templateId: 4,
    plannedMinutes: 50,
    targetRpe: 6,
    lines: [
      {
        position: 1,
        exerciseId: 7,
        code: 'trap_bar_deadlift',
        equipment: 'barbell',
        prescription: prescriptionForWeek({ exerciseId: 7, sets: 3, dose: 6, doseUnit: 'reps', perSide: false, loadRule: 'percent_max', loadValue: 70, tempo: '2-0-X', restSeconds: 150, notes: '' }, context),
      },
      {
        position: 2,
        exerciseId: 40,
        code: 'side_plank',
        equipment: 'bodyweight',
        prescription: prescriptionForWeek({ exerciseId: 40, sets: 3, dose: 30, doseUnit: 'seconds', perSide: true, loadRule: 'bodyweight', loadValue: null, tempo: '', restSeconds: 45, notes: '' }, context),
      },
    ],
    run: { type: 'easy', minutes: 30, rpe: 3 },
  };
}

function generate(seed: number, days: number) {
  const random = logStream(seed);
  const strength = new AthleteStrength(ATHLETE, random, '2025-09-01');
  return Array.from({ length: days }, (_, i) => sampleDayLog(random, ATHLETE, strength, monday(`2025-09-${String(1 + (i % 28)).padStart(2, '0')}`), GYM, { lifting: true, withSets: true }));
}

describe('generated training logs', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(generate(5, 40)).toEqual(generate(5, 40));
    expect(generate(6, 40)).not.toEqual(generate(5, 40));
  });

  it('are mostly done as written, with some modified and some missed sessions', () => {
    const logs = generate(11, 400);
    const count = (status: string) => logs.filter((l) => l.strength?.status === status).length;
    expect(count('done')).toBeGreaterThan(280);
    expect(count('modified')).toBeGreaterThan(15);
    expect(count('missed')).toBeGreaterThan(10);
    // A done session has every set of every line; the trap bar sets at one load on the gym's 2.5 kg steps.
    const done = logs.find((l) => l.strength?.status === 'done')?.strength;
    expect(done?.sets.filter((s) => s.position === 1)).toHaveLength(3);
    expect(done?.sets.filter((s) => s.position === 2).every((s) => s.seconds === 30 && s.loadKg === null)).toBe(true);
    const loads = done?.sets.filter((s) => s.position === 1).map((s) => s.loadKg ?? 0) ?? [];
    expect(loads.every((kg) => kg >= 20 && (kg - 20) % 2.5 === 0)).toBe(true);
    // Most days have a wellness check and a run.
    expect(logs.filter((l) => l.wellness).length).toBeGreaterThan(280);
    expect(logs.filter((l) => l.run?.status === 'done').length).toBeGreaterThan(320);
  });

  it('only holds what the result-entry contract accepts', () => {
    for (const log of generate(3, 200)) {
      const parsed = dayResultsSchema.safeParse({ athleteId: 1, date: '2025-09-01', ...log });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });

  it('gives working maxes the contract accepts: tested 1RMs for barbell lifts, starting loads for the rest, or none', () => {
    const random = logStream(2);
    const strength = new AthleteStrength(ATHLETE, random, '2025-09-01');
    const exercises = [
      { code: 'trap_bar_deadlift', equipment: 'barbell' as const },
      { code: 'step_up', equipment: 'dumbbell' as const },
    ];
    const tested = sampleMaxes('tested', strength, exercises, '2026-09-14', random);
    expect(tested.map((m) => [m.code, m.testedKg !== null, m.startingKg !== null])).toEqual([
      ['trap_bar_deadlift', true, false],
      ['step_up', false, true],
    ]);
    expect(tested[0]?.testedOn && tested[0].testedOn < '2026-09-14').toBe(true);
    expect(sampleMaxes('starting', strength, exercises, '2026-09-14', random).every((m) => m.startingKg !== null && m.startingReps === 8)).toBe(true);
    expect(sampleMaxes('none', strength, exercises, '2026-09-14', random)).toEqual([]);
    for (const { code: _code, ...m } of tested) expect(coachMaxSchema.safeParse({ athleteId: 1, exerciseId: 1, ...m }).success).toBe(true);
  });
});
