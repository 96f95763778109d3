import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { WellnessItems } from '@shared/science';
import { assessWellness, assessWellnessSeries, consecutiveFlaggedDays, wellnessTotal } from '@shared/science';
import { expectClose, loadVector, numbers } from './vectors';

const itemsSchema = z.object({ fatigue: z.number(), sleep_quality: z.number(), muscle_soreness: z.number(), stress: z.number(), mood: z.number() });
const caseSchema = z.object({ total: z.number(), z: z.number(), flag_z: z.boolean(), flag_item: z.boolean(), pct_of_baseline: z.number() });

function items(all: number, changes: Partial<WellnessItems> = {}): WellnessItems {
  return { fatigue: all, sleepQuality: all, muscleSoreness: all, stress: all, mood: all, ...changes };
}

describe('vector mclean_wellness_z_flag', () => {
  const { inputs, expected, tolerance } = loadVector(
    'mclean_wellness_z_flag',
    z.object({ baseline_totals_last_14_days: numbers, today_items_1to5: z.record(z.string(), itemsSchema) }),
    z.object({ baseline_mean: z.number(), baseline_sd: z.number(), low_total: caseSchema, normal: caseSchema, single_item_low: caseSchema }),
  );
  const cases = ['low_total', 'normal', 'single_item_low'] as const;

  it.each(cases)('case %s', (name) => {
    const raw = inputs.today_items_1to5[name];
    if (!raw) throw new Error(`case ${name} missing`);
    const today: WellnessItems = { fatigue: raw.fatigue, sleepQuality: raw.sleep_quality, muscleSoreness: raw.muscle_soreness, stress: raw.stress, mood: raw.mood };
    const want = expected[name];
    const a = assessWellness(today, inputs.baseline_totals_last_14_days);
    expectClose(a.baselineMean, expected.baseline_mean, tolerance, 'baseline mean');
    expectClose(a.baselineSd, expected.baseline_sd, tolerance, 'baseline SD');
    expect(a.total).toBe(want.total);
    expectClose(a.z, want.z, tolerance, 'z');
    expect(a.flagZ).toBe(want.flag_z);
    expect(a.flagItem).toBe(want.flag_item);
    expect(a.flagged).toBe(want.flag_z || want.flag_item);
    expectClose(a.percentOfBaseline, want.pct_of_baseline, tolerance, '% of baseline');
  });

  it('names the low item', () => {
    const a = assessWellness(items(4, { fatigue: 5, sleepQuality: 5, muscleSoreness: 2 }), inputs.baseline_totals_last_14_days);
    expect(a.lowItems).toEqual(['muscleSoreness']);
  });
});

describe('the z ≤ −1.0 threshold (no vector: baseline built by hand)', () => {
  // 14 totals around 20 with deviations 4, −2, −2, 2, −2, 2, −2, 2, −2, 1, −1, 1, −1, 0:
  // sum of deviations 0 → mean exactly 20; sum of squares 16 + 4×8 + 1×4 = 52; sample variance
  // 52/13 = 4 → SD exactly 2. So total 18 gives z = (18 − 20)/2 = −1.0 exactly.
  const baseline = [24, 18, 18, 22, 18, 22, 18, 22, 18, 21, 19, 21, 19, 20];
  // Totals 18, 19, 17 with every item ≥ 3 (so only the z rule can flag): 4+4+4+3+3 = 18, etc.
  const total18 = items(4, { stress: 3, mood: 3 });
  const total19 = items(4, { mood: 3 });
  const total17 = items(3, { fatigue: 4, sleepQuality: 4 });

  it('flags at exactly −1.0 and below, not above', () => {
    const at = assessWellness(total18, baseline);
    expect(at.baselineMean).toBe(20);
    expect(at.baselineSd).toBe(2);
    expect(at.total).toBe(18);
    expect(at.z).toBe(-1);
    expect(at.flagZ).toBe(true);
    const above = assessWellness(total19, baseline); // z = −0.5
    expect(above.z).toBe(-0.5);
    expect(above.flagZ).toBe(false);
    expect(above.flagged).toBe(false);
    const below = assessWellness(total17, baseline); // z = −1.5
    expect(below.z).toBe(-1.5);
    expect(below.flagZ).toBe(true);
  });

  it('the threshold is a setting (an option left undefined keeps its default)', () => {
    expect(assessWellness(total18, baseline, { zThreshold: undefined }).flagZ).toBe(true);
    expect(assessWellness(total18, baseline, { zThreshold: -1.5 }).flagZ).toBe(false);
    expect(assessWellness(total17, baseline, { zThreshold: -1.5 }).flagZ).toBe(true);
  });
});

describe('the item ≤ 2 threshold', () => {
  const baseline = [24, 18, 18, 22, 18, 22, 18, 22, 18, 21, 19, 21, 19, 20];
  it('an item of 2 or 1 flags, 3 does not', () => {
    expect(assessWellness(items(5, { stress: 3 }), baseline).flagItem).toBe(false);
    expect(assessWellness(items(5, { stress: 2 }), baseline).flagItem).toBe(true);
    expect(assessWellness(items(5, { stress: 1 }), baseline).lowItems).toEqual(['stress']);
    expect(assessWellness(items(5, { stress: 3 }), baseline, { itemThreshold: 3 }).flagItem).toBe(true);
  });
});

describe('baseline window (no vector: worked by hand)', () => {
  const fourteen = [24, 18, 18, 22, 18, 22, 18, 22, 18, 21, 19, 21, 19, 20];

  it('needs 14 recorded days; missing days do not count', () => {
    const short = assessWellness(items(4), fourteen.slice(1));
    expect(short.z).toBeNull();
    expect(short.zReason).toBe('insufficient-baseline');
    expect(short.baselineDays).toBe(13);
    expect(short.flagged).toBe(false);
    expect(assessWellness(items(4), [...fourteen.slice(1), null]).zReason).toBe('insufficient-baseline');
    expect(assessWellness(items(4), fourteen).zReason).toBeNull();
    // A short baseline still flags a low item.
    expect(assessWellness(items(4, { mood: 2 }), []).flagged).toBe(true);
  });

  it('uses only the last 28 days', () => {
    // Two very old days (5 and 25) followed by 28 days alternating 19 and 21: the window holds only
    // the alternating days, mean 20, sample SD √(28 × 1 / 27) = 1.0183501.
    const old = [5, 25];
    const recent = Array.from({ length: 28 }, (_, i) => (i % 2 === 0 ? 19 : 21));
    const a = assessWellness(items(4), [...old, ...recent]);
    expect(a.baselineDays).toBe(28);
    expect(a.baselineMean).toBe(20);
    expectClose(a.baselineSd, 1.0183501, 1e-7, 'SD');
    expect(assessWellness(items(4), [...old, ...recent], { baselineWindowDays: 30 }).baselineDays).toBe(30);
  });

  it('a perfectly flat baseline gives no z (never Infinity)', () => {
    const flat = assessWellness(items(3), Array.from({ length: 14 }, () => 20));
    expect(flat.z).toBeNull();
    expect(flat.zReason).toBe('no-variation');
    expect(flat.percentOfBaseline).toBe(75); // 15 / 20
  });
});

describe('consecutive flagged days', () => {
  // Questionnaires with the totals of the hand-built baseline, every item ≥ 3 (no item flags):
  // start from all 3s (15) and add one point at a time to items below 5.
  const withTotal = (total: number): WellnessItems => {
    const v = [3, 3, 3, 3, 3];
    for (let extra = total - 15, i = 0; extra > 0; i = (i + 1) % 5) {
      if ((v[i] ?? 5) < 5) {
        v[i] = (v[i] ?? 0) + 1;
        extra--;
      }
    }
    const [fatigue = 3, sleepQuality = 3, muscleSoreness = 3, stress = 3, mood = 3] = v;
    return { fatigue, sleepQuality, muscleSoreness, stress, mood };
  };
  const baseline = [24, 18, 18, 22, 18, 22, 18, 22, 18, 21, 19, 21, 19, 20].map(withTotal);
  const low = items(3, { muscleSoreness: 2 });

  it('counts the run ending each day; a missing day breaks it; a signal from 2 days', () => {
    expect(baseline.map(wellnessTotal)).toEqual([24, 18, 18, 22, 18, 22, 18, 22, 18, 21, 19, 21, 19, 20]);
    const days = assessWellnessSeries([...baseline, low, low, low, null, low]);
    const tail = days.slice(14).map((d) => [d.consecutiveFlaggedDays, d.signal]);
    expect(tail).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [0, false],
      [1, false],
    ]);
    expect(days[14]?.assessment?.flagItem).toBe(true);
    expect(days[17]?.assessment).toBeNull();
  });

  it('counts trailing flags in a plain list', () => {
    expect(consecutiveFlaggedDays([true, false, true, true])).toBe(2);
    expect(consecutiveFlaggedDays([true, true, false])).toBe(0);
    expect(consecutiveFlaggedDays([])).toBe(0);
  });
});

describe('questionnaire input checks', () => {
  it('items are whole numbers 1–5', () => {
    expect(wellnessTotal(items(5))).toBe(25);
    expect(wellnessTotal(items(1))).toBe(5);
    expect(() => wellnessTotal(items(4, { mood: 6 }))).toThrow('Mood must be between 1 and 5 (got 6).');
    expect(() => wellnessTotal(items(4, { sleepQuality: 2.5 }))).toThrow('Sleep quality must be a whole number (got 2.5).');
    expect(() => assessWellness(items(4), [30])).toThrow('Baseline wellness total 1 must be between 5 and 25');
  });
});
