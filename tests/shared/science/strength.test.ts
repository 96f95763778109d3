import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { E1rmFormula } from '@shared/science';
import { kgToUnit, LB_PER_KG, unitToKg } from '@shared/units';
import {
  BARBELL_KG,
  BARBELL_LB,
  DUMBBELL_KG,
  E1RM_FORMULA_DEFAULT,
  NSCA_ONE_RM_FRACTION_BY_REPS,
  RTS_STYLE_RPE_CHART,
  e1rmByFormula,
  e1rmFromRpeSet,
  estimateOneRepMax,
  loadForRpe,
  nscaOneRmFraction,
  oneRmFractionFromRpe,
  plannedLoad,
  progressionPlan,
  rirFromRpe,
  roundLoad,
  roundToIncrement,
} from '@shared/science';
import { expectAllClose, expectClose, loadVector, numberRecord, numbers } from './vectors';

const FORMULAS: readonly E1rmFormula[] = ['epley', 'brzycki', 'lander', 'lombardi', 'mayhew', 'oconner', 'wathan'];
const e1rmExpected = z.object({
  epley: z.number(),
  brzycki: z.number(),
  lander: z.number(),
  lombardi: z.number(),
  mayhew: z.number(),
  oconner: z.number(),
  wathan: z.number(),
});

describe.each(['e1rm_100kg_x5', 'e1rm_100kg_x10', 'e1rm_60kg_x3', 'e1rm_100kg_x1'])('vector %s', (name) => {
  const { inputs, expected, tolerance } = loadVector(name, z.object({ load: z.number(), reps: z.number() }), e1rmExpected);
  it.each(FORMULAS)('%s', (formula) => {
    expectClose(e1rmByFormula(inputs.load, inputs.reps, formula), expected[formula], tolerance, formula);
  });
});

describe('e1RM app conventions (REFERENCE.md §5.1)', () => {
  it('a single rep is the 1RM itself, whatever the formula (the x1 vector shows the raw formulas differ)', () => {
    for (const formula of FORMULAS) expect(estimateOneRepMax(100, 1, formula).e1rm).toBe(100);
    expect(E1RM_FORMULA_DEFAULT).toBe('epley');
    // Epley 100 × (1 + 5/30) = 116.666667.
    expectClose(estimateOneRepMax(100, 5).e1rm, 116.666667, 1e-6, 'default Epley');
  });

  it('warns above 10 reps: 10 no, 11 yes', () => {
    expect(estimateOneRepMax(60, 9).highRepWarning).toBe(false);
    expect(estimateOneRepMax(60, 10).highRepWarning).toBe(false);
    expect(estimateOneRepMax(60, 11).highRepWarning).toBe(true);
  });

  it('refuses reps outside 1–30, fractions of reps and a zero load', () => {
    expect(() => estimateOneRepMax(100, 0)).toThrow('Reps for an estimated 1RM must be between 1 and 30 (got 0).');
    expect(() => estimateOneRepMax(100, 31)).toThrow(RangeError);
    expect(() => estimateOneRepMax(100, 2.5)).toThrow('must be a whole number');
    expect(() => estimateOneRepMax(0, 5)).toThrow('Load must be greater than zero');
  });

  it('every formula rises with reps, and never estimates below the load lifted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMULAS), fc.double({ min: 1, max: 400, noNaN: true }), fc.integer({ min: 1, max: 29 }), (formula, load, reps) => {
        const lower = estimateOneRepMax(load, reps, formula).e1rm;
        const higher = estimateOneRepMax(load, reps + 1, formula).e1rm;
        expect(higher).toBeGreaterThan(lower);
        expect(lower).toBeGreaterThanOrEqual(load);
      }),
    );
  });
});

describe('vector rpe_rir_load_lookup (150 kg 1RM, 5 reps @ RPE 8)', () => {
  const { inputs, expected, tolerance } = loadVector(
    'rpe_rir_load_lookup',
    z.object({ one_rm_kg: z.number(), reps: z.number(), rpe: z.number(), plate_increment_kg: z.number(), chart_pct_by_reps_plus_rir: numberRecord }),
    z.object({ rir: z.number(), pct_1rm: z.number(), raw_load_kg: z.number(), 'load_nearest_2.5': z.number(), 'load_down_2.5': z.number() }),
  );

  it('ships the same RTS-style chart as the vector', () => {
    expect(RTS_STYLE_RPE_CHART).toEqual(inputs.chart_pct_by_reps_plus_rir);
  });

  it('RIR 2 → chart[7] = 81.1% → 121.65 kg → 122.5 kg nearest or 120 kg down', () => {
    expect(rirFromRpe(inputs.rpe)).toBe(expected.rir);
    expectClose(oneRmFractionFromRpe(inputs.reps, inputs.rpe), expected.pct_1rm, tolerance, '%1RM');
    const raw = loadForRpe(inputs.one_rm_kg, inputs.reps, inputs.rpe);
    expectClose(raw, expected.raw_load_kg, tolerance, 'raw load');
    const load = raw ?? Number.NaN;
    expect(roundToIncrement(load, inputs.plate_increment_kg)).toBe(expected['load_nearest_2.5']);
    expect(roundToIncrement(load, inputs.plate_increment_kg, 'down')).toBe(expected['load_down_2.5']);
    expect(roundLoad(load, BARBELL_KG).load).toBe(expected['load_nearest_2.5']);
  });
});

describe('vector e1rm_from_rpe_set (100 kg × 5 @ 8)', () => {
  const { inputs, expected, tolerance } = loadVector(
    'e1rm_from_rpe_set',
    z.object({ load_kg: z.number(), reps: z.number(), rpe: z.number() }),
    z.object({ pct_1rm: z.number(), e1rm_kg: z.number() }),
  );
  it('e1RM = load / %1RM = 123.3 kg', () => {
    expectClose(oneRmFractionFromRpe(inputs.reps, inputs.rpe), expected.pct_1rm, tolerance, '%1RM');
    expectClose(e1rmFromRpeSet(inputs.load_kg, inputs.reps, inputs.rpe), expected.e1rm_kg, tolerance, 'e1RM');
  });
});

describe('RPE chart edges (no vector: worked by hand)', () => {
  it('returns null off the chart and refuses RPE that is not a whole or half point', () => {
    expect(oneRmFractionFromRpe(16, 10)).toBe(0.572); // 16 + 0 = 16, the last column
    expect(oneRmFractionFromRpe(12, 5)).toBeNull(); // 12 + 5 = 17: off the chart
    expect(loadForRpe(100, 12, 5)).toBeNull();
    expect(oneRmFractionFromRpe(5, 8.5)).toBe(0.824); // 5 + 1.5 = 6.5
    expect(() => oneRmFractionFromRpe(5, 8.3)).toThrow('RPE is rated in whole or half points (got 8.3).');
    expect(() => oneRmFractionFromRpe(5, 11)).toThrow('RPE must be between 0 and 10 (got 11).');
  });

  it('uses a coach-edited chart when given one', () => {
    const chart = { '7': 0.8 };
    expect(loadForRpe(100, 5, 8, chart)).toBe(80); // 100 × 0.8
    expect(loadForRpe(100, 6, 8, chart)).toBeNull();
    expect(() => loadForRpe(100, 5, 8, { '7': 1.2 })).toThrow('must be a fraction of 1RM');
  });
});

describe('vector nsca_percent_1rm_reps_table (1RM 80 kg)', () => {
  const { inputs, expected, tolerance } = loadVector(
    'nsca_percent_1rm_reps_table',
    z.object({ one_rm_kg: z.number() }),
    z.object({ pct_by_reps: numberRecord, 'load_for_5RM_nearest_2.5': z.number(), 'load_for_10RM_nearest_2.5': z.number() }),
  );
  it('has every row of the table', () => {
    expect(Object.keys(NSCA_ONE_RM_FRACTION_BY_REPS).sort()).toEqual(Object.keys(expected.pct_by_reps).sort());
    for (const [reps, pct] of Object.entries(expected.pct_by_reps)) {
      expectClose(100 * (nscaOneRmFraction(Number(reps)) ?? Number.NaN), pct, tolerance, `${reps} reps`);
    }
    expect(nscaOneRmFraction(13)).toBeNull();
  });
  it('5RM load 80 × 0.87 = 69.6 → 70 kg; 10RM 80 × 0.75 = 60 kg', () => {
    const load = (reps: number) => roundToIncrement(inputs.one_rm_kg * (nscaOneRmFraction(reps) ?? Number.NaN), 2.5);
    expect(load(5)).toBe(expected['load_for_5RM_nearest_2.5']);
    expect(load(10)).toBe(expected['load_for_10RM_nearest_2.5']);
  });
});

describe.each(['weekly_progression_2.5pct', 'weekly_progression_stall_case'])('vector %s', (name) => {
  const { inputs, expected, tolerance } = loadVector(
    name,
    z.object({ start_kg: z.number(), rate_per_week: z.number(), weeks: z.number(), increment_kg: z.number() }),
    z.object({ unrounded: numbers, round_each_week_from_unrounded_plan: numbers, compound_on_rounded_previous: numbers }),
  );
  // "weeks": 4 in the vector means four increases, i.e. five planned weeks (week 1 = the start load).
  const plan = progressionPlan(inputs.start_kg, inputs.rate_per_week, inputs.weeks + 1, { increment: inputs.increment_kg, minimum: BARBELL_KG.minimum });

  it('plans from the unrounded series and rounds each week', () => {
    expectAllClose(
      plan.map((w) => w.unroundedLoad),
      expected.unrounded,
      tolerance,
      'unrounded',
    );
    expect(plan.map((w) => w.load)).toEqual(expected.round_each_week_from_unrounded_plan);
    expect(plan.map((w) => w.week)).toEqual([1, 2, 3, 4, 5]);
  });

  it('compounding on last week\u2019s rounded load (what the app does not do) gives the vector\u2019s other column', () => {
    const compounded = [inputs.start_kg];
    for (let w = 1; w <= inputs.weeks; w++) compounded.push(roundToIncrement((compounded[w - 1] ?? Number.NaN) * (1 + inputs.rate_per_week), inputs.increment_kg));
    expect(compounded).toEqual(expected.compound_on_rounded_previous);
  });
});

describe('progression (no vector: worked by hand)', () => {
  it('load(w) = base × (1 + p)^(w − 1)', () => {
    expect(plannedLoad(100, 0.025, 1)).toBe(100);
    expectClose(plannedLoad(100, 0.025, 3), 105.0625, 1e-12, 'week 3'); // 100 × 1.025²
    expect(() => plannedLoad(100, 0.025, 0)).toThrow('Week must be between 1 and 104');
  });

  it('each rounded week stays within half a step of the unrounded plan, which never falls', () => {
    fc.assert(
      fc.property(fc.double({ min: 20, max: 250, noNaN: true }), fc.double({ min: 0, max: 0.1, noNaN: true }), (base, rate) => {
        const plan = progressionPlan(base, rate, 8, BARBELL_KG);
        plan.forEach((w, i) => {
          expect(Math.abs(w.load - w.unroundedLoad)).toBeLessThanOrEqual(1.25 + 1e-9);
          if (i > 0) expect(w.unroundedLoad).toBeGreaterThanOrEqual(plan[i - 1]?.unroundedLoad ?? Number.NaN);
        });
      }),
    );
  });
});

describe('vector plate_rounding', () => {
  const { inputs, expected, tolerance } = loadVector(
    'plate_rounding',
    z.object({ values_kg: numbers, kg_increment: z.number(), values_lb: numbers, lb_increment: z.number() }),
    z.object({ kg_nearest: numbers, kg_down: numbers, lb_nearest: numbers, lb_down: numbers, kg_to_lb_factor: z.number() }),
  );
  it('87.3 → 87.5/85, 88.75 → 90/87.5, 192.5 lb → 195/190', () => {
    expect(inputs.values_kg.map((x) => roundToIncrement(x, inputs.kg_increment))).toEqual(expected.kg_nearest);
    expect(inputs.values_kg.map((x) => roundToIncrement(x, inputs.kg_increment, 'down'))).toEqual(expected.kg_down);
    expect(inputs.values_lb.map((x) => roundToIncrement(x, inputs.lb_increment))).toEqual(expected.lb_nearest);
    expect(inputs.values_lb.map((x) => roundToIncrement(x, inputs.lb_increment, 'down'))).toEqual(expected.lb_down);
    // With the bars (20 kg, 45 lb) the loads are the same: all are above the bar and on its grid.
    expect(inputs.values_kg.map((x) => roundLoad(x, BARBELL_KG).load)).toEqual(expected.kg_nearest);
    expect(inputs.values_lb.map((x) => roundLoad(x, BARBELL_LB, 'down').load)).toEqual(expected.lb_down);
  });
  it('kg ↔ lb with 1 kg = 2.2046226 lb', () => {
    expectClose(LB_PER_KG, expected.kg_to_lb_factor, tolerance, 'factor');
    expectClose(kgToUnit(100, 'lb'), 220.46226, 1e-9, '100 kg'); // 100 × 2.2046226
    expectClose(unitToKg(45, 'lb'), 20.411656852, 1e-9, '45 lb'); // 45 / 2.2046226
  });
});

describe('rounding rules (no vector: worked by hand)', () => {
  it('rounds exact halves up, never to even', () => {
    // 86.25 / 2.5 = 34.5 → floor(35.0) = 35 → 87.5 (round-half-even would give 34 → 85).
    expect(roundToIncrement(86.25, 2.5)).toBe(87.5);
    expect(roundToIncrement(86.25, 2.5, 'down')).toBe(85);
    expect(roundToIncrement(0, 2.5)).toBe(0);
  });

  it('treats a load a float hair under a step as on it: 175 kg × 70% rounded down is 122.5 kg', () => {
    // 175 × 0.7 evaluates to 122.49999999999999 in floating point; 122.5 / 2.5 = 49 steps exactly,
    // so 'down' must give 122.5, not 120.
    expect(175 * 0.7).toBeLessThan(122.5);
    expect(roundToIncrement(175 * 0.7, 2.5, 'down')).toBe(122.5);
    expect(roundLoad(175 * 0.7, BARBELL_KG, 'down').load).toBe(122.5);
    expect(roundToIncrement(0.3, 0.1, 'down')).toBeCloseTo(0.3, 12); // 0.3 / 0.1 = 2.9999999999999996
  });

  it('never goes below the bar, and says so', () => {
    expect(roundLoad(15, BARBELL_KG)).toEqual({ load: 20, raisedToMinimum: true });
    expect(roundLoad(19.99, BARBELL_KG)).toEqual({ load: 20, raisedToMinimum: true });
    expect(roundLoad(20, BARBELL_KG)).toEqual({ load: 20, raisedToMinimum: false });
    expect(roundLoad(21.24, BARBELL_KG)).toEqual({ load: 20, raisedToMinimum: false }); // 1.24/2.5 = 0.496 → 0 steps
    expect(roundLoad(21.25, BARBELL_KG)).toEqual({ load: 22.5, raisedToMinimum: false }); // 0.5 steps → 1
    expect(roundLoad(30, BARBELL_LB)).toEqual({ load: 45, raisedToMinimum: true });
  });

  it('uses the equipment\u2019s own steps: 2 kg dumbbells, a 7 kg technique bar', () => {
    // Dumbbells from 2 kg in 2 kg steps: 7 is (7 − 2)/2 = 2.5 steps → 3 → 8 kg nearest, 2 → 6 kg down.
    expect(roundLoad(7, DUMBBELL_KG).load).toBe(8);
    expect(roundLoad(7, DUMBBELL_KG, 'down').load).toBe(6);
    // 7 kg bar with 2.5 kg pairs: 13 → 6/2.5 = 2.4 steps → 2 → 12 kg; 13.25 → 2.5 steps → 3 → 14.5 kg.
    const technique = { increment: 2.5, minimum: 7 };
    expect(roundLoad(13, technique).load).toBe(12);
    expect(roundLoad(13.25, technique).load).toBe(14.5);
  });

  it('refuses negative loads and a zero increment', () => {
    expect(() => roundToIncrement(-5, 2.5)).toThrow('Load cannot be negative (got -5).');
    expect(() => roundToIncrement(50, 0)).toThrow('Rounding increment must be greater than zero');
  });

  const increment = fc.oneof(fc.constantFrom(0.5, 1, 1.25, 2, 2.5, 5, 10), fc.double({ min: 0.1, max: 25, noNaN: true }));
  const load = fc.double({ min: 0, max: 500, noNaN: true });

  it('is idempotent and lands on a multiple of the increment within half a step', () => {
    fc.assert(
      fc.property(load, increment, fc.constantFrom('nearest' as const, 'down' as const), (x, inc, mode) => {
        const once = roundToIncrement(x, inc, mode);
        expect(roundToIncrement(once, inc, mode)).toBe(once);
        const steps = once / inc;
        expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-9);
        if (mode === 'nearest') expect(Math.abs(once - x)).toBeLessThanOrEqual(inc / 2 + 1e-9 * inc);
      }),
    );
  });

  it('down never exceeds the load and is at most one step below; nearest is down or one step above it', () => {
    fc.assert(
      fc.property(load, increment, (x, inc) => {
        const down = roundToIncrement(x, inc, 'down');
        const nearest = roundToIncrement(x, inc, 'nearest');
        expect(down).toBeLessThanOrEqual(x + 1e-9 * inc);
        expect(x - down).toBeLessThan(inc * (1 + 1e-9));
        const gap = (nearest - down) / inc;
        expect(Math.abs(gap) < 1e-9 || Math.abs(gap - 1) < 1e-9).toBe(true);
      }),
    );
  });

  it('rounding to equipment never goes below its minimum and is idempotent', () => {
    fc.assert(
      fc.property(load, fc.constantFrom(BARBELL_KG, BARBELL_LB, DUMBBELL_KG, { increment: 2.5, minimum: 7 }), fc.constantFrom('nearest' as const, 'down' as const), (x, equipment, mode) => {
        const { load: once } = roundLoad(x, equipment, mode);
        expect(once).toBeGreaterThanOrEqual(equipment.minimum);
        expect(roundLoad(once, equipment, mode)).toEqual({ load: once, raisedToMinimum: false });
      }),
    );
  });
});
