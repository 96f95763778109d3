/**
 * Block-level checks that are not planning rules: whether a block's length suits its phase,
 * where it ends, and whether two blocks for the same group or athlete overlap.
 */
import { addDays, type IsoDate } from '../dates';
import type { Block, BlockTargets, Phase } from './model';
import { PHASE_INFO } from './model';

export function blockEndDate(startDate: IsoDate, weeks: number): IsoDate {
  return addDays(startDate, weeks * 7 - 1);
}

/**
 * Warnings about the block's shape (never a refusal): a length outside the phase's usual range
 * (DOMAIN.md phase table: acclimation 2 weeks, foundational 4-6, max strength, power and
 * sprint-specific 3-4), a heavy block without a deload.
 */
export function blockShapeWarnings(block: { phase: Phase; weeks: number; deloadWeek: number | null }): string[] {
  const warnings: string[] = [];
  const info = PHASE_INFO[block.phase];
  const [min, max] = info.typicalWeeks;
  if (block.weeks < min || block.weeks > max) {
    const usual = min === max ? `${min} weeks` : `${min}-${max} weeks`;
    warnings.push(`${info.label} blocks usually last ${usual}; this one has ${block.weeks}.`);
  }
  if (block.deloadWeek === null && block.phase === 'max_strength') {
    warnings.push('Heavy blocks end with a deload: this max-strength block has none.');
  }
  return warnings;
}

export interface BlockSpan extends BlockTargets {
  id: number;
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

/** Blocks (other than `exceptId`) that share a group or an athlete with `candidate` and overlap its dates. */
export function overlappingBlocks<T extends BlockSpan>(candidate: Omit<BlockSpan, 'id' | 'name'>, blocks: readonly T[], exceptId: number | null): T[] {
  const groups = new Set(candidate.groupIds);
  const athletes = new Set(candidate.athleteIds);
  return blocks.filter(
    (b) =>
      b.id !== exceptId &&
      b.startDate <= candidate.endDate &&
      b.endDate >= candidate.startDate &&
      (b.groupIds.some((g) => groups.has(g)) || b.athleteIds.some((a) => athletes.has(a))),
  );
}

/** Short description of who a block is for: "Sprints, Distance + 2 athletes". */
export function describeTargets(block: BlockTargets, groupName: (id: number) => string, athleteName: (id: number) => string): string {
  const parts = block.groupIds.map(groupName);
  if (block.athleteIds.length > 0) {
    if (parts.length === 0 && block.athleteIds.length <= 2) parts.push(...block.athleteIds.map(athleteName));
    else parts.push(`${block.athleteIds.length} athlete${block.athleteIds.length === 1 ? '' : 's'}`);
  }
  return parts.join(', ') || 'nobody';
}

export type { Block };
