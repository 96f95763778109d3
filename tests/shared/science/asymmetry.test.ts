import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { asymmetryFlag, asymmetryOfMeanPercent, limbAsymmetry, limbSymmetryIndex, symmetryAnglePercent } from '@shared/science';
import { expectClose, loadVector } from './vectors';

describe('vector limb_symmetry_and_asymmetry (L 24.0, R 27.5 cm)', () => {
  const { inputs, expected, tolerance } = loadVector(
    'limb_symmetry_and_asymmetry',
    z.object({ left: z.number(), right: z.number(), involved_or_weaker: z.literal('left') }),
    z.object({
      lsi_percent: z.number(),
      asymmetry_percent_of_stronger: z.number(),
      asymmetry_percent_of_mean: z.number(),
      symmetry_angle_percent: z.number(),
    }),
  );
  it('LSI 87.27%, asymmetry 12.73% with the right leg stronger, of-mean 13.59%, angle 4.32%', () => {
    expectClose(limbSymmetryIndex(inputs.left, inputs.right), expected.lsi_percent, tolerance, 'LSI');
    const asym = limbAsymmetry(inputs.left, inputs.right);
    expectClose(asym?.asymmetryPercent, expected.asymmetry_percent_of_stronger, tolerance, 'asymmetry');
    expect(asym?.betterLimb).toBe('right');
    expectClose(asymmetryOfMeanPercent(inputs.left, inputs.right), expected.asymmetry_percent_of_mean, tolerance, 'of mean');
    expectClose(symmetryAnglePercent(inputs.left, inputs.right), expected.symmetry_angle_percent, tolerance, 'symmetry angle');
  });
});

describe('vector single_leg_balance_asymmetry (18 vs 31 s)', () => {
  const { inputs, expected, tolerance } = loadVector(
    'single_leg_balance_asymmetry',
    z.object({ left_s: z.number(), right_s: z.number() }),
    z.object({ asymmetry_pct_of_better: z.number(), lsi_pct: z.number() }),
  );
  it('41.9% asymmetry, LSI 58.1%', () => {
    expectClose(limbAsymmetry(inputs.left_s, inputs.right_s)?.asymmetryPercent, expected.asymmetry_pct_of_better, tolerance, 'asymmetry');
    expectClose(limbSymmetryIndex(inputs.left_s, inputs.right_s), expected.lsi_pct, tolerance, 'LSI');
  });
});

describe('side and orientation (no vector: worked by hand)', () => {
  it('stores the better side apart from the size, for lower-is-better tests too', () => {
    // Sway 2.0 (left) vs 3.0 (right), lower is better: size 100 × (3 − 2)/3 = 33.333%, left better.
    const sway = limbAsymmetry(2, 3, { higherIsBetter: false });
    expectClose(sway?.asymmetryPercent, 100 / 3, 1e-12, 'asymmetry');
    expect(sway?.betterLimb).toBe('left');
    expect(limbAsymmetry(5, 5)).toEqual({ asymmetryPercent: 0, betterLimb: null });
    expect(limbAsymmetry(0, 0)).toBeNull();
    expect(asymmetryOfMeanPercent(0, 0)).toBeNull();
  });

  it('symmetry angle is signed (positive = right larger) and bounded by ±50', () => {
    expect(symmetryAnglePercent(10, 10)).toBe(0);
    expectClose(symmetryAnglePercent(27.5, 24), -4.3199, 1e-4, 'swapped');
    expectClose(symmetryAnglePercent(0, 10), 50, 1e-12, 'left zero');
    expectClose(symmetryAnglePercent(10, 0), -50, 1e-12, 'right zero');
    expect(symmetryAnglePercent(0, 0)).toBeNull();
  });

  it('refuses negative scores and a zero reference limb for the LSI', () => {
    expect(() => limbAsymmetry(-1, 3)).toThrow('Left-limb score cannot be negative (got -1)');
    expect(() => limbSymmetryIndex(3, 0)).toThrow('Uninvolved-limb score must be greater than zero');
  });

  it('asymmetry is within 0–100 and does not depend on which leg is which', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0.001, max: 500, noNaN: true }), (a, b) => {
        const ab = limbAsymmetry(a, b);
        const ba = limbAsymmetry(b, a);
        if (ab === null || ba === null) throw new Error('b > 0, so both are defined');
        expect(ab.asymmetryPercent).toBeGreaterThanOrEqual(0);
        expect(ab.asymmetryPercent).toBeLessThanOrEqual(100);
        expect(ba.asymmetryPercent).toBe(ab.asymmetryPercent);
        if (a !== b) expect(ba.betterLimb).not.toBe(ab.betterLimb);
      }),
    );
  });
});

describe('asymmetry flag threshold (10% default)', () => {
  it('flags strictly above the threshold: 90 vs 100 (exactly 10%) is not flagged', () => {
    // 100 × (100 − 90)/100 = 10 exactly; 100 × (100 − 89.99)/100 = 10.01; 100 × (100 − 90.01)/100 = 9.99.
    const at = limbAsymmetry(90, 100)?.asymmetryPercent ?? Number.NaN;
    expect(at).toBe(10);
    expect(asymmetryFlag(at).flagged).toBe(false);
    expect(asymmetryFlag(limbAsymmetry(89.99, 100)?.asymmetryPercent ?? Number.NaN).flagged).toBe(true);
    expect(asymmetryFlag(limbAsymmetry(90.01, 100)?.asymmetryPercent ?? Number.NaN).flagged).toBe(false);
  });

  it('with a known test CV, an asymmetry inside the noise is not flagged', () => {
    expect(asymmetryFlag(12, { testCvPercent: 15 })).toEqual({ exceedsThreshold: true, exceedsTestNoise: false, flagged: false });
    expect(asymmetryFlag(12, { testCvPercent: 12 }).flagged).toBe(false);
    expect(asymmetryFlag(12, { testCvPercent: 11.99 })).toEqual({ exceedsThreshold: true, exceedsTestNoise: true, flagged: true });
    expect(asymmetryFlag(12)).toEqual({ exceedsThreshold: true, exceedsTestNoise: null, flagged: true });
    expect(asymmetryFlag(14.9, { thresholdPercent: 15 }).flagged).toBe(false);
  });
});
