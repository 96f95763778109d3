/** Loads are stored in kilograms and shown in the coach's unit (REFERENCE.md §0). */
export type MassUnit = 'kg' | 'lb';

export const LB_PER_KG = 2.2046226;

export function kgToUnit(kg: number, unit: MassUnit): number {
  return unit === 'kg' ? kg : kg * LB_PER_KG;
}

export function unitToKg(value: number, unit: MassUnit): number {
  return unit === 'kg' ? value : value / LB_PER_KG;
}

/** Round for display without float noise: 2.2046226 × 45.359237 shows as 100, not 99.99999. */
export function roundForDisplay(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}

export function formatMass(kg: number, unit: MassUnit, decimals = 1): string {
  return `${roundForDisplay(kgToUnit(kg, unit), decimals)} ${unit}`;
}
