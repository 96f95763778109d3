import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { squadReference, squadZScores, tScore, totalScoreOfAthleticism, zScore } from '@shared/science';
import { expectClose, loadVector, numberRecord } from './vectors';

describe('vector z_T_scores_and_total_score_of_athleticism', () => {
  const { inputs, expected, tolerance } = loadVector(
    'z_T_scores_and_total_score_of_athleticism',
    z.object({ cmj_cm: numberRecord, sprint30_s: numberRecord, sprint_lower_is_better: z.literal(true) }),
    z.object({
      cmj_mean: z.number(),
      cmj_sd: z.number(),
      z_cmj: numberRecord,
      z_sprint_inverted: numberRecord,
      T_cmj: numberRecord,
      TSA_mean_z: numberRecord,
    }),
  );
  const ids = Object.keys(inputs.cmj_cm);
  const cmj = ids.map((id) => inputs.cmj_cm[id] ?? Number.NaN);
  const sprint = ids.map((id) => inputs.sprint30_s[id] ?? Number.NaN);

  it('squad mean and sample SD of the CMJ', () => {
    const ref = squadReference(cmj);
    expectClose(ref.mean, expected.cmj_mean, tolerance, 'mean');
    expectClose(ref.sd, expected.cmj_sd, tolerance, 'SD');
  });

  it('z (sprint inverted so positive = faster), T = 50 + 10z and the total score of athleticism', () => {
    const zCmj = squadZScores(cmj);
    const zSprint = squadZScores(sprint, { higherIsBetter: false });
    if (!zCmj || !zSprint) throw new Error('the squad has spread, so z-scores exist');
    ids.forEach((id, i) => {
      expectClose(zCmj[i], expected.z_cmj[id] ?? Number.NaN, tolerance, `z CMJ ${id}`);
      expectClose(zSprint[i], expected.z_sprint_inverted[id] ?? Number.NaN, tolerance, `z sprint ${id}`);
      expectClose(tScore(zCmj[i] ?? Number.NaN), expected.T_cmj[id] ?? Number.NaN, tolerance, `T CMJ ${id}`);
      const tsa = totalScoreOfAthleticism([zCmj[i] ?? null, zSprint[i] ?? null]);
      expectClose(tsa.score, expected.TSA_mean_z[id] ?? Number.NaN, tolerance, `TSA ${id}`);
      expect(tsa.testsUsed).toBe(2);
    });
  });
});

describe('frozen references and undefined cases (no vector: worked by hand)', () => {
  it('scores against a frozen reference, inverted for lower-is-better tests', () => {
    // (36 − 30)/4 = 1.5 → T = 65; sprint (4.4 − 4.6)/0.2 = −1 → inverted +1 (faster than the reference).
    expect(zScore(36, { mean: 30, sd: 4 })).toBe(1.5);
    expect(tScore(1.5)).toBe(65);
    expectClose(zScore(4.4, { mean: 4.6, sd: 0.2 }, false), 1, 1e-12, 'inverted z');
    expect(squadZScores([30, 38], { reference: { mean: 30, sd: 4 } })).toEqual([0, 2]);
  });

  it('returns null, not Infinity, when everyone scored the same', () => {
    expect(zScore(30, { mean: 30, sd: 0 })).toBeNull();
    expect(squadZScores([30, 30, 30])).toBeNull();
  });

  it('leaves missing tests out of the total score instead of counting them as 0', () => {
    // mean of 1 and −0.5 = 0.25 from 2 tests.
    expect(totalScoreOfAthleticism([1, null, -0.5])).toEqual({ score: 0.25, testsUsed: 2 });
    expect(totalScoreOfAthleticism([null, null])).toEqual({ score: null, testsUsed: 0 });
  });

  it('refuses a negative SD and a squad of one', () => {
    expect(() => zScore(1, { mean: 0, sd: -1 })).toThrow('Reference SD cannot be negative');
    expect(() => squadReference([30])).toThrow('at least 2 values are needed (got 1)');
  });
});
