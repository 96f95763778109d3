import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Z_90, Z_95, inverseNormalCdf, mean, normalCdf, populationSd, sampleSd, standardDeviation, twoSidedZ } from '@shared/science';

// No vector covers stats.ts directly (every vector that uses a mean or SD goes through a module
// that calls these); the values below are worked by hand or are published reference values.

describe('mean and standard deviation', () => {
  // 2, 4, 4, 4, 5, 5, 7, 9: sum 40, mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
  // population SD = √(32/8) = 2; sample SD = √(32/7) = 2.1380899352993950.
  const values = [2, 4, 4, 4, 5, 5, 7, 9];

  it('computes the mean, the sample SD (n − 1) and the population SD (n)', () => {
    expect(mean(values)).toBe(5);
    expect(populationSd(values)).toBe(2);
    expect(sampleSd(values)).toBeCloseTo(2.138089935299395, 14);
    expect(standardDeviation(values)).toBe(sampleSd(values));
    expect(standardDeviation(values, 'population')).toBe(2);
  });

  it('refuses empty input, a single value for the sample SD, and non-numbers', () => {
    expect(() => mean([])).toThrow(RangeError);
    expect(() => mean([])).toThrow('at least one value is needed');
    expect(() => sampleSd([3])).toThrow('at least 2 values are needed (got 1)');
    expect(populationSd([3])).toBe(0);
    expect(() => mean([1, Number.NaN])).toThrow('must be a number (got not a number)');
    expect(() => sampleSd([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('normal CDF Φ', () => {
  // Reference values of Φ(x) = erfc(−x/√2)/2 (Python math.erfc, correctly rounded to double).
  const reference: readonly [number, number][] = [
    [-1, 0.15865525393145707],
    [0.5, 0.6914624612740131],
    [1.96, 0.9750021048517795],
    [-3, 0.0013498980316300957],
  ];

  it.each(reference)('Φ(%d) matches the reference to 1e-15', (x, p) => {
    expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-15);
  });

  it('keeps relative precision far in the lower tail', () => {
    // Φ(−6) = 9.865876450377012e-10 and Φ(−9) = 1.1285884059538422e-19 (Python math.erfc).
    expect(Math.abs(normalCdf(-6) / 9.865876450377012e-10 - 1)).toBeLessThan(1e-8);
    expect(Math.abs(normalCdf(-9) / 1.1285884059538422e-19 - 1)).toBeLessThan(1e-7);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
  });

  it('is symmetric, Φ(x) + Φ(−x) = 1, and non-decreasing', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (x, step) => {
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-15);
        expect(normalCdf(x + step)).toBeGreaterThanOrEqual(normalCdf(x));
      }),
    );
  });
});

describe('inverse normal CDF Φ⁻¹', () => {
  it('gives the interval z-values (reference quantiles from Python statistics.NormalDist)', () => {
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.9599639845400536, 14);
    expect(inverseNormalCdf(0.95)).toBeCloseTo(1.6448536269514715, 14);
    expect(inverseNormalCdf(0.5)).toBe(0);
    expect(Math.abs(inverseNormalCdf(1e-12) / -7.034483825301132 - 1)).toBeLessThan(1e-9);
    expect(twoSidedZ(0.9)).toBeCloseTo(1.6448536269514715, 14);
    expect(twoSidedZ(0.95)).toBeCloseTo(1.9599639845400536, 14);
  });

  it('has the REFERENCE.md z constants as the exact quantiles rounded to 3 and 2 decimals', () => {
    expect(Math.round(twoSidedZ(0.9) * 1000) / 1000).toBe(Z_90);
    expect(Math.round(twoSidedZ(0.95) * 100) / 100).toBe(Z_95);
  });

  it('inverts Φ over the whole open interval', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }), (p) => {
        const back = normalCdf(inverseNormalCdf(p));
        expect(Math.abs(back - p) / Math.min(p, 1 - p)).toBeLessThan(1e-9);
      }),
    );
  });

  it('refuses probabilities of 0, 1 and outside', () => {
    expect(() => inverseNormalCdf(0)).toThrow('strictly between 0 and 1');
    expect(() => inverseNormalCdf(1)).toThrow(RangeError);
    expect(() => inverseNormalCdf(1.2)).toThrow('between 0 and 1');
    expect(() => twoSidedZ(1)).toThrow(RangeError);
  });
});
