/**
 * The deterministic sample squad: a seed number in, the same squad out (same names, groups,
 * numbers) on every machine. Two sizes: the 24-athlete sample a coach can explore on first
 * open, and the 300-athlete large squad the benchmark measures. Later capabilities extend
 * what is generated (plans, logs, tests); each extension draws from its own seeded stream so
 * adding one never reshuffles the others.
 */
import type { EventFocus, RaceGoal, Sex } from '../domain/roster';
import { athleteNameKey } from '../domain/roster';
import { FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, INJURY_NOTES } from './names';
import { SeededRandom } from './random';

export type SquadSize = 'sample' | 'large';

export interface SampleGroup {
  name: string;
  color: string;
  eventFocus: EventFocus;
  raceGoals: readonly RaceGoal[];
}

export interface SampleAthlete {
  groupIndex: number;
  givenName: string;
  familyName: string;
  sex: Sex;
  grade: number | null;
  birthYear: number | null;
  eventFocus: EventFocus;
  raceGoal: RaceGoal;
  bodyMassKg: number;
  trainingAgeYears: number;
  injured: boolean;
  injuryNotes: string;
}

export interface SampleSquad {
  squadName: string;
  groups: SampleGroup[];
  athletes: SampleAthlete[];
}

const GROUPS: readonly SampleGroup[] = [
  { name: 'Sprints', color: '#e8590c', eventFocus: 'sprints', raceGoals: ['100m', '200m', '400m'] },
  { name: 'Hurdles & jumps', color: '#ae3ec9', eventFocus: 'hurdles_jumps', raceGoals: ['100mh_110mh', '300mh_400mh'] },
  { name: 'Middle distance', color: '#1c7ed6', eventFocus: 'middle_distance', raceGoals: ['800m', '1500m', 'mile'] },
  { name: 'Distance', color: '#2f9e44', eventFocus: 'distance', raceGoals: ['3200m', '5k', '5k_xc', '10k', 'half_marathon'] },
];

/** How many athletes each group gets, in GROUPS order. */
const GROUP_SIZES: Record<SquadSize, readonly number[]> = {
  sample: [6, 4, 6, 8],
  large: [70, 40, 80, 110],
};

export function generateSquad(options: { seed: number; size: SquadSize; referenceYear?: number }): SampleSquad {
  const random = new SeededRandom(options.seed);
  const referenceYear = options.referenceYear ?? 2026;
  const sizes = GROUP_SIZES[options.size];
  const usedNames = new Set<string>();
  const athletes: SampleAthlete[] = [];

  GROUPS.forEach((group, groupIndex) => {
    const count = sizes[groupIndex] ?? 0;
    for (let i = 0; i < count; i += 1) {
      const sex: Sex = random.chance(0.5) ? 'female' : 'male';
      let givenName: string;
      let familyName: string;
      do {
        givenName = random.pick(sex === 'female' ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE);
        familyName = random.pick(FAMILY_NAMES);
      } while (usedNames.has(athleteNameKey(givenName, familyName)));
      usedNames.add(athleteNameKey(givenName, familyName));

      const grade = random.int(9, 12);
      // High-school squads know the grade; a club roster (every fourth athlete here) the birth year.
      const clubMember = random.chance(0.25);
      const injured = random.chance(0.08);
      const massMean = sex === 'female' ? 54 : 64;
      athletes.push({
        groupIndex,
        givenName,
        familyName,
        sex,
        grade: clubMember ? null : grade,
        birthYear: clubMember ? referenceYear - (grade + 5) : null,
        eventFocus: group.eventFocus,
        raceGoal: random.pick(group.raceGoals),
        bodyMassKg: Math.round(random.normal(massMean, 7, 40, 95) * 10) / 10,
        trainingAgeYears: random.int(0, 4),
        injured,
        injuryNotes: injured ? random.pick(INJURY_NOTES) : '',
      });
    }
  });

  return {
    squadName: options.size === 'sample' ? 'Riverside HS Track & XC (sample)' : 'Large benchmark squad',
    groups: GROUPS.map((g) => ({ ...g })),
    athletes,
  };
}
