/**
 * Access to the worked examples in tests/fixtures/science-vectors.json (a copy of the team's
 * science/vectors.json, built and cross-checked by build_vectors.py). Each vector's inputs and
 * expected values are parsed with a zod schema so that a changed fixture fails loudly here
 * instead of silently comparing against `undefined`.
 */
import { expect } from 'vitest';
import { z } from 'zod';
import raw from '../../fixtures/science-vectors.json';

const vectorSchema = z.object({
  section: z.string(),
  name: z.string(),
  inputs: z.unknown(),
  expected: z.unknown(),
  tolerance: z.number().positive(),
});

/** Every vector in the fixture. */
export const allVectors = z.object({ vectors: z.array(vectorSchema) }).parse(raw).vectors;

/** One vector by name, with its inputs and expected values parsed by the given schemas. */
export function loadVector<I extends z.ZodType, E extends z.ZodType>(
  name: string,
  inputs: I,
  expected: E,
): { inputs: z.infer<I>; expected: z.infer<E>; tolerance: number } {
  const found = allVectors.find((v) => v.name === name);
  if (!found) throw new Error(`Vector "${name}" is not in tests/fixtures/science-vectors.json`);
  return { inputs: inputs.parse(found.inputs), expected: expected.parse(found.expected), tolerance: found.tolerance };
}

/** |actual − expected| ≤ tolerance, with a message naming the quantity. */
export function expectClose(actual: number | null | undefined, expected: number, tolerance: number, label = 'value'): void {
  if (typeof actual !== 'number') throw new Error(`${label}: expected a number close to ${expected}, got ${String(actual)}`);
  expect(Math.abs(actual - expected), `${label}: ${actual} vs expected ${expected} (tolerance ${tolerance})`).toBeLessThanOrEqual(tolerance);
}

/** Element-wise expectClose for two lists of the same length. */
export function expectAllClose(actual: readonly number[], expected: readonly number[], tolerance: number, label = 'values'): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  expected.forEach((e, i) => expectClose(actual[i], e, tolerance, `${label}[${i}]`));
}

export const numbers = z.array(z.number());
export const numberRecord = z.record(z.string(), z.number());
