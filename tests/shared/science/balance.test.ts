import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Sex } from '@shared/science';
import { storkStandRating, yBalanceLimb, yBalanceScreen } from '@shared/science';
import { expectClose, loadVector } from './vectors';

describe('vector stork_stand_classification_16_19y', () => {
  const { inputs, expected } = loadVector(
    'stork_stand_classification_16_19y',
    z.object({ cases_seconds_sex: z.array(z.tuple([z.number(), z.enum(['M', 'F'])])) }),
    z.object({ classes: z.array(z.string()) }),
  );
  it('classifies every case', () => {
    const sex = (s: 'M' | 'F'): Sex => (s === 'M' ? 'male' : 'female');
    expect(inputs.cases_seconds_sex.map(([seconds, s]) => storkStandRating(seconds, sex(s)))).toEqual(expected.classes);
  });
});

describe('stork-stand band edges (REFERENCE.md §7.1 table)', () => {
  it.each([
    [50.1, 'male', 'excellent'],
    [50, 'male', 'above average'],
    [41, 'male', 'above average'],
    [40.9, 'male', 'average'],
    [31, 'male', 'average'],
    [30.9, 'male', 'below average'],
    [20, 'male', 'below average'],
    [19.9, 'male', 'poor'],
    [30.1, 'female', 'excellent'],
    [30, 'female', 'above average'],
    [23, 'female', 'above average'],
    [22.9, 'female', 'average'],
    [16, 'female', 'average'],
    [15.9, 'female', 'below average'],
    [10, 'female', 'below average'],
    [9.9, 'female', 'poor'],
  ] as const)('%d s (%s) → %s', (seconds, sex, band) => {
    expect(storkStandRating(seconds, sex)).toBe(band);
  });
  it('refuses negative times', () => {
    expect(() => storkStandRating(-1, 'male')).toThrow('Stork stand time cannot be negative (got -1).');
  });
});

describe('vector y_balance_composite_and_flags', () => {
  const limb = z.object({ LL: z.number(), a: z.number(), pm: z.number(), pl: z.number() });
  const { inputs, expected, tolerance } = loadVector(
    'y_balance_composite_and_flags',
    z.object({ right: limb, left: limb }),
    z.object({
      composite_right_pct: z.number(),
      composite_left_pct: z.number(),
      normalized_anterior_right_pct: z.number(),
      normalized_anterior_left_pct: z.number(),
      anterior_diff_cm: z.number(),
      flag_anterior_gt_4cm: z.boolean(),
      flag_composite_lt_94_right: z.boolean(),
      flag_composite_lt_94_left: z.boolean(),
      composite_diff_pct_points: z.number(),
    }),
  );
  const reaches = (l: z.infer<typeof limb>) => ({ limbLengthCm: l.LL, anteriorCm: l.a, posteromedialCm: l.pm, posterolateralCm: l.pl });

  it('composites 97.78% / 95.00%, anterior difference 4.5 cm flagged, no low composite', () => {
    const s = yBalanceScreen({ left: reaches(inputs.left), right: reaches(inputs.right) });
    expectClose(s.right.compositePercent, expected.composite_right_pct, tolerance, 'composite right');
    expectClose(s.left.compositePercent, expected.composite_left_pct, tolerance, 'composite left');
    expectClose(s.right.anteriorPercent, expected.normalized_anterior_right_pct, tolerance, 'anterior right');
    expectClose(s.left.anteriorPercent, expected.normalized_anterior_left_pct, tolerance, 'anterior left');
    expectClose(s.anteriorDifferenceCm, expected.anterior_diff_cm, tolerance, 'anterior diff');
    expectClose(s.compositeDifferencePoints, expected.composite_diff_pct_points, tolerance, 'composite diff');
    expect(s.flagAnteriorDifference).toBe(expected.flag_anterior_gt_4cm);
    expect(s.flagLowCompositeRight).toBe(expected.flag_composite_lt_94_right);
    expect(s.flagLowCompositeLeft).toBe(expected.flag_composite_lt_94_left);
  });
});

describe('Y-balance thresholds (no vector: worked by hand)', () => {
  // Limb length 100 cm; reaches summing to 282 give 100 × 282 / 300 = 94.0% exactly.
  const limb = (anteriorCm: number, posteromedialCm = 110, posterolateralCm = 106) => ({ limbLengthCm: 100, anteriorCm, posteromedialCm, posterolateralCm });

  it('anterior difference is flagged strictly above 4 cm', () => {
    const diff = (d: number) => yBalanceScreen({ left: limb(66), right: limb(66 + d) }).flagAnteriorDifference;
    expect(diff(4)).toBe(false);
    expect(diff(3.9)).toBe(false);
    expect(diff(4.1)).toBe(true);
    expect(yBalanceScreen({ left: limb(70.5), right: limb(66) }).flagAnteriorDifference).toBe(true); // |66 − 70.5|
  });

  it('composite is flagged strictly below 94%', () => {
    expect(yBalanceLimb(limb(66)).compositePercent).toBe(94); // (66 + 110 + 106)/300
    const flags = (anterior: number) => yBalanceScreen({ left: limb(anterior), right: limb(66) }).flagLowCompositeLeft;
    expect(flags(66)).toBe(false); // 94.0
    expect(flags(65.9)).toBe(true); // 93.97
    expect(flags(66.1)).toBe(false); // 94.03
    expect(yBalanceScreen({ left: limb(66), right: limb(66) }, { compositePercent: 95 }).flagLowCompositeRight).toBe(true);
  });

  it('refuses a zero limb length and negative reaches', () => {
    expect(() => yBalanceLimb({ limbLengthCm: 0, anteriorCm: 60, posteromedialCm: 90, posterolateralCm: 90 })).toThrow('Limb length must be greater than zero');
    expect(() => yBalanceLimb({ limbLengthCm: 90, anteriorCm: -1, posteromedialCm: 90, posterolateralCm: 90 })).toThrow('Anterior reach cannot be negative');
  });
});
