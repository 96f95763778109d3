import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { constantAccelerationEstimate, fastestSplit, flyingSprint, meanVelocity, sprintSplits } from '@shared/science';
import { expectClose, loadVector, numbers } from './vectors';

describe('vector flying_and_average_acceleration', () => {
  const { inputs, expected, tolerance } = loadVector(
    'flying_and_average_acceleration',
    z.object({
      t10_s: z.number(),
      t20_s: z.number(),
      t30_s: z.number(),
      flying30_gate_times_s: z.object({ gate_30m: z.number(), gate_60m: z.number() }),
    }),
    z.object({
      split_0_10_s: z.number(),
      split_10_20_s: z.number(),
      split_20_30_s: z.number(),
      v_10_20_m_s: z.number(),
      v_20_30_m_s: z.number(),
      flying30_time_s: z.number(),
      flying30_velocity_m_s: z.number(),
      avg_accel_0_10_const_accel_m_s2: z.number(),
      mean_velocity_0_10_m_s: z.number(),
    }),
  );

  it('splits and mean split velocities from 10/20/30 m gates', () => {
    const [s1, s2, s3] = sprintSplits([
      { distanceM: 10, timeS: inputs.t10_s },
      { distanceM: 20, timeS: inputs.t20_s },
      { distanceM: 30, timeS: inputs.t30_s },
    ]);
    expectClose(s1?.splitS, expected.split_0_10_s, tolerance, '0–10 split');
    expectClose(s2?.splitS, expected.split_10_20_s, tolerance, '10–20 split');
    expectClose(s3?.splitS, expected.split_20_30_s, tolerance, '20–30 split');
    expectClose(s1?.meanVelocityMS, expected.mean_velocity_0_10_m_s, tolerance, '0–10 velocity');
    expectClose(s2?.meanVelocityMS, expected.v_10_20_m_s, tolerance, '10–20 velocity');
    expectClose(s3?.meanVelocityMS, expected.v_20_30_m_s, tolerance, '20–30 velocity');
    expectClose(meanVelocity(10, inputs.t10_s), expected.mean_velocity_0_10_m_s, tolerance, 'meanVelocity');
  });

  it('flying 30 m and the crude constant-acceleration estimate', () => {
    const flying = flyingSprint(30, inputs.flying30_gate_times_s.gate_30m, inputs.flying30_gate_times_s.gate_60m);
    expectClose(flying.timeS, expected.flying30_time_s, tolerance, 'flying time');
    expectClose(flying.velocityMS, expected.flying30_velocity_m_s, tolerance, 'flying velocity');
    expectClose(constantAccelerationEstimate(10, inputs.t10_s), expected.avg_accel_0_10_const_accel_m_s2, tolerance, 'a = 2d/t²');
  });
});

// The mono-exponential fit part of this vector (MSS, TAU, MAC, PMAX, with and without the 0.3 s
// time correction) is deliberately not covered: sprint.ts does not implement the fit (it needs a
// non-linear least-squares solver with the Lambert W function; REFERENCE.md §8 lists it as
// optional). Only the split times and mean split velocities are checked here.
describe('vector kimberley_split_times_monoexponential_fit (splits only)', () => {
  const { inputs, expected, tolerance } = loadVector(
    'kimberley_split_times_monoexponential_fit',
    z.object({ distance_m: numbers, time_s: numbers }),
    z.object({
      splits: z.array(z.object({ from_m: z.number(), to_m: z.number(), split_s: z.number(), mean_velocity_m_s: z.number() })),
    }),
  );
  const splits = sprintSplits(inputs.distance_m.map((d, i) => ({ distanceM: d, timeS: inputs.time_s[i] ?? Number.NaN })));

  it('split times and mean velocities, e.g. 20–30 m = 8.591 m/s', () => {
    expect(splits).toHaveLength(expected.splits.length);
    expected.splits.forEach((want, i) => {
      const got = splits[i];
      expect(got?.fromM).toBe(want.from_m);
      expect(got?.toM).toBe(want.to_m);
      expectClose(got?.splitS, want.split_s, tolerance, `split ${want.from_m}–${want.to_m}`);
      expectClose(got?.meanVelocityMS, want.mean_velocity_m_s, tolerance, `velocity ${want.from_m}–${want.to_m}`);
    });
  });

  it('the fastest split is the max-velocity estimate (30–40 m here)', () => {
    const best = fastestSplit(splits);
    expect([best.fromM, best.toM]).toEqual([30, 40]);
    expectClose(best.meanVelocityMS, expected.splits[5]?.mean_velocity_m_s ?? Number.NaN, tolerance, 'max velocity');
  });
});

describe('sprint input checks', () => {
  it('refuses gates out of order, times that go backwards and empty input', () => {
    expect(() => sprintSplits([{ distanceM: 20, timeS: 3 }, { distanceM: 10, timeS: 4 }])).toThrow('must be further than the gate before it');
    expect(() => sprintSplits([{ distanceM: 10, timeS: 2 }, { distanceM: 20, timeS: 2 }])).toThrow('must be later than at the gate before it');
    expect(() => sprintSplits([])).toThrow('at least one gate time');
    expect(() => flyingSprint(30, 7.9, 4.3)).toThrow('must be later than the entry gate time');
    expect(() => constantAccelerationEstimate(10, 0)).toThrow('Time must be greater than zero');
    expect(() => fastestSplit([])).toThrow(RangeError);
  });
});
