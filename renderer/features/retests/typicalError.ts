/** A test's typical error as a choice that sets it again (for undo), and in words. */
import type { TypicalErrorChoice } from '@shared/contract/retests';
import type { TestDefinition } from '@shared/domain/retests';

export function currentChoice(test: TestDefinition): TypicalErrorChoice {
  const te = test.typicalError;
  if (te.source === 'coach' && te.value !== null) return { id: test.id, source: 'coach', value: te.value };
  if (te.source === 'reliability' && te.sessionId !== null) return { id: test.id, source: 'reliability', sessionId: te.sessionId };
  if (te.source === 'reliability' && te.value !== null) return { id: test.id, source: 'coach', value: te.value };
  if (te.source === 'default') return { id: test.id, source: 'default' };
  return { id: test.id, source: 'none' };
}

/** "0.86 cm · reliability session, n 24, 2026-05-15". */
export function typicalErrorSummary(test: TestDefinition): string {
  const te = test.typicalError;
  if (te.value === null) return 'not set';
  const value = `${te.value.toFixed(test.decimals + 1)} ${test.unit}`;
  switch (te.source) {
    case 'default':
      return `${value} · default`;
    case 'coach':
      return `${value} · entered by you${te.date ? ` on ${te.date}` : ''}`;
    case 'reliability':
      return `${value} · reliability session of ${te.date ?? '?'}, n ${te.n ?? '?'}`;
    default:
      return value;
  }
}
