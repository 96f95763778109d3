/** A built-in test as tests.list returns it (default typical error), for tests that need definitions without a database. */
import { BUILTIN_TESTS, builtinTest, type TestDefinition } from '@shared/domain/retests';

export function builtinDefinition(key: (typeof BUILTIN_TESTS)[number]['key'], id: number): TestDefinition {
  const b = builtinTest(key);
  return {
    id,
    builtinKey: b.key,
    name: b.name,
    shortName: b.shortName,
    unit: b.unit,
    higherIsBetter: b.higherIsBetter,
    decimals: b.decimals,
    rangeMin: b.rangeMin,
    rangeMax: b.rangeMax,
    trials: b.trials,
    scoreRule: b.scoreRule,
    sided: b.sided,
    kind: b.kind,
    sprintDistanceM: b.sprintDistanceM,
    defaultTypicalError: b.defaultTypicalError,
    defaultTypicalErrorNote: b.defaultTypicalErrorNote,
    typicalError: { value: b.defaultTypicalError, source: 'default', n: null, date: null, sessionId: null },
    swcFixed: null,
    hidden: false,
    sortOrder: id,
    entryCount: 0,
  };
}

/** The whole built-in battery with ids 1..7 in DOMAIN.md's order. */
export const builtinBattery: TestDefinition[] = BUILTIN_TESTS.map((b, i) => builtinDefinition(b.key, i + 1));
