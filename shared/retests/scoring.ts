/**
 * An athlete's score for a test in a session: the best or the mean of the trials, by the
 * test's rule (DOMAIN.md "Re-tests": trials and rule per test). "Best" means the highest value
 * for higher-is-better tests and the lowest for times.
 */
import { mean } from '../science';
import type { ScoreRule } from '../domain/retests';

export function scoreOfTrials(values: readonly number[], rule: ScoreRule, higherIsBetter: boolean): number | null {
  if (values.length === 0) return null;
  if (rule === 'mean') return mean(values);
  return higherIsBetter ? Math.max(...values) : Math.min(...values);
}

/** Competition ranking, best first: equal scores share a rank (1, 2, 2, 4). */
export function ranksOf(values: readonly number[], higherIsBetter: boolean): number[] {
  const order = values.map((_, i) => i).sort((a, b) => ((values[b] as number) - (values[a] as number)) * (higherIsBetter ? 1 : -1));
  const ranks = new Array<number>(values.length);
  order.forEach((index, position) => {
    const previous = order[position - 1];
    ranks[index] = previous !== undefined && values[previous] === values[index] ? (ranks[previous] as number) : position + 1;
  });
  return ranks;
}
