/**
 * Input checks shared by the science modules (internal: not re-exported from index.ts).
 *
 * Every check throws a RangeError whose message is a sentence a coach-facing layer can show
 * as it is, e.g. "Minutes cannot be negative (got -5)." The `what` argument names the input in
 * the coach's words ("Minutes", "Session RPE", "Limb length").
 */

function shown(value: number): string {
  return Number.isNaN(value) ? 'not a number' : String(value);
}

/** A finite number (no NaN, no ±Infinity). */
export function requireFinite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a number (got ${shown(value)}).`);
  return value;
}

/** A finite number ≥ 0. */
export function requireNonNegative(value: number, what: string): number {
  requireFinite(value, what);
  if (value < 0) throw new RangeError(`${what} cannot be negative (got ${shown(value)}).`);
  return value;
}

/** A finite number > 0. */
export function requirePositive(value: number, what: string): number {
  requireFinite(value, what);
  if (value <= 0) throw new RangeError(`${what} must be greater than zero (got ${shown(value)}).`);
  return value;
}

/** A finite number within [min, max] (inclusive). */
export function requireInRange(value: number, min: number, max: number, what: string): number {
  requireFinite(value, what);
  if (value < min || value > max) {
    throw new RangeError(`${what} must be between ${min} and ${max} (got ${shown(value)}).`);
  }
  return value;
}

/** A whole number within [min, max] (inclusive). */
export function requireIntegerInRange(value: number, min: number, max: number, what: string): number {
  requireInRange(value, min, max, what);
  if (!Number.isInteger(value)) throw new RangeError(`${what} must be a whole number (got ${shown(value)}).`);
  return value;
}

/** A fraction in [0, 1) such as a 50% set reduction (0.5) or a 10% missing-day allowance. */
export function requireFraction(value: number, what: string): number {
  requireFinite(value, what);
  if (value < 0 || value >= 1) {
    throw new RangeError(`${what} must be a fraction from 0 up to (not including) 1 (got ${shown(value)}).`);
  }
  return value;
}

/** At least `min` values, every one finite. */
export function requireValues(values: readonly number[], min: number, what: string): readonly number[] {
  if (values.length < min) {
    throw new RangeError(
      min === 1
        ? `${what}: at least one value is needed (got none).`
        : `${what}: at least ${min} values are needed (got ${values.length}).`,
    );
  }
  values.forEach((v, i) => requireFinite(v, `${what} (value ${i + 1})`));
  return values;
}

/** Two lists that pair up one to one (e.g. trial 1 and trial 2 for the same athletes). */
export function requireSameLength(a: readonly unknown[], b: readonly unknown[], what: string): void {
  if (a.length !== b.length) {
    throw new RangeError(`${what}: both lists must have one value per athlete (got ${a.length} and ${b.length}).`);
  }
}
