import { describe, expect, it } from 'vitest';
import { athleteFieldsSchema } from '@shared/contract/roster';
import { athleteNameKey } from '@shared/domain/roster';
import { generateSquad } from '@shared/sample/generator';

describe('sample squad generator', () => {
  it('gives the same squad for the same seed, and a different one for another seed', () => {
    const a = generateSquad({ seed: 42, size: 'sample', referenceYear: 2026 });
    const b = generateSquad({ seed: 42, size: 'sample', referenceYear: 2026 });
    const c = generateSquad({ seed: 43, size: 'sample', referenceYear: 2026 });
    expect(b).toEqual(a);
    expect(c.athletes.map((x) => x.familyName)).not.toEqual(a.athletes.map((x) => x.familyName));
  });

  it('makes 24 athletes in 4 groups for the sample and 300 for the benchmark squad, all with unique names', () => {
    for (const [size, count] of [
      ['sample', 24],
      ['large', 300],
    ] as const) {
      const squad = generateSquad({ seed: 1, size, referenceYear: 2026 });
      expect(squad.athletes).toHaveLength(count);
      expect(squad.groups).toHaveLength(4);
      expect(new Set(squad.athletes.map((x) => athleteNameKey(x.givenName, x.familyName))).size).toBe(count);
      expect(new Set(squad.athletes.map((x) => x.groupIndex))).toEqual(new Set([0, 1, 2, 3]));
    }
  });

  it('only produces athletes the contract accepts', () => {
    const squad = generateSquad({ seed: 9, size: 'large', referenceYear: 2026 });
    for (const { groupIndex: _g, ...fields } of squad.athletes) {
      const parsed = athleteFieldsSchema.safeParse({ ...fields, groupId: 1 });
      expect(parsed.success, JSON.stringify(fields)).toBe(true);
    }
    expect(squad.athletes.some((x) => x.injured && x.injuryNotes.length > 0)).toBe(true);
  });
});
