/**
 * One calendar cell (an athlete's day) packed into one integer, so the grid for 300 athletes x
 * a season travels as plain number arrays and the screen decodes a cell with a few bit tests.
 *
 *   bits 0-3    run type (0 = none; RUN_CODES); the planned run when it was skipped
 *   bit  4      the run was changed by the athlete's own change
 *   bit  5      the planned run was skipped
 *   bits 6-7    strength: 0 as planned, 1 replaced, 2 moved here, 3 skipped or moved away
 *   bit  8      deload day
 *   bit  9      the day has a note
 *   bit  10     an exercise swap (e.g. a regression) changes this day's session
 *   bit  11     the day is inside a block
 *   bits 12-17  planning rules broken on this day (rule n sets bit 11 + n)
 *   bits 18-20  phase (PHASES index + 1; 0 = none)
 *   bit  21     first day of a block
 *   bit  22     the deload status is the athlete's own change
 *   bit  23     reserved
 *   × 2^24      planned run minutes (0-1023)
 *
 * The strength session's template id travels beside the code (a second array).
 */
import type { ExpandedDay } from './expand';
import type { Phase, RunType } from './model';
import { PHASES, RUN_TYPES } from './model';

export const RUN_CODES: Record<RunType, number> = Object.fromEntries(RUN_TYPES.map((t, i) => [t, i + 1])) as Record<RunType, number>;

export const GRID = {
  RUN_MASK: 0xf,
  RUN_CHANGED: 1 << 4,
  RUN_SKIPPED: 1 << 5,
  STRENGTH_SHIFT: 6,
  STRENGTH_MASK: 3 << 6,
  DELOAD: 1 << 8,
  NOTE: 1 << 9,
  SWAP: 1 << 10,
  IN_BLOCK: 1 << 11,
  RULE_SHIFT: 12,
  RULES_MASK: 0x3f << 12,
  PHASE_SHIFT: 18,
  PHASE_MASK: 7 << 18,
  BLOCK_START: 1 << 21,
  DELOAD_CHANGED: 1 << 22,
  MINUTES_FACTOR: 2 ** 24,
} as const;

export const STRENGTH_CODES = { plan: 0, replaced: 1, moved_in: 2, skipped: 3, moved_out: 3 } as const;

/** Pack an expanded day and its broken rules (bit n − 1 for rule n) into a cell code. */
export function encodeGridCell(day: ExpandedDay, ruleBits: number): number {
  const shownRun = day.run ?? (day.runState === 'skipped' ? day.plannedRun : null);
  let code = shownRun ? RUN_CODES[shownRun.type] : 0;
  if (day.runState === 'changed') code |= GRID.RUN_CHANGED;
  if (day.runState === 'skipped') code |= GRID.RUN_SKIPPED;
  code |= STRENGTH_CODES[day.strength] << GRID.STRENGTH_SHIFT;
  if (day.isDeload) code |= GRID.DELOAD;
  if (day.hasNote) code |= GRID.NOTE;
  if (day.hasSwap) code |= GRID.SWAP;
  if (day.blockId !== null) code |= GRID.IN_BLOCK;
  code |= (ruleBits & 0x3f) << GRID.RULE_SHIFT;
  if (day.phase) code |= (PHASES.indexOf(day.phase) + 1) << GRID.PHASE_SHIFT;
  if (day.blockStart) code |= GRID.BLOCK_START;
  if (day.deloadChanged) code |= GRID.DELOAD_CHANGED;
  const minutes = shownRun ? Math.min(1023, Math.max(0, Math.round(shownRun.minutes))) : 0;
  return code + minutes * GRID.MINUTES_FACTOR;
}

/** The low 24 bits (everything but the minutes). */
export function cellFlags(code: number): number {
  return code % GRID.MINUTES_FACTOR;
}

/** Replace the rule bits of a code. */
export function withRuleBits(code: number, ruleBits: number): number {
  const minutes = Math.floor(code / GRID.MINUTES_FACTOR);
  const flags = (cellFlags(code) & ~GRID.RULES_MASK) | ((ruleBits & 0x3f) << GRID.RULE_SHIFT);
  return flags + minutes * GRID.MINUTES_FACTOR;
}

export interface DecodedCell {
  runType: RunType | null;
  runMinutes: number;
  runChanged: boolean;
  runSkipped: boolean;
  strength: 'plan' | 'replaced' | 'moved_in' | 'skipped';
  isDeload: boolean;
  hasNote: boolean;
  hasSwap: boolean;
  inBlock: boolean;
  /** Broken planning rules (1-6). */
  rules: number[];
  phase: Phase | null;
  blockStart: boolean;
  deloadChanged: boolean;
}

const STRENGTH_BY_CODE = ['plan', 'replaced', 'moved_in', 'skipped'] as const;

export function decodeGridCell(code: number): DecodedCell {
  const flags = cellFlags(code);
  const run = flags & GRID.RUN_MASK;
  const ruleBits = (flags & GRID.RULES_MASK) >> GRID.RULE_SHIFT;
  const phase = (flags & GRID.PHASE_MASK) >> GRID.PHASE_SHIFT;
  const rules: number[] = [];
  for (let n = 1; n <= 6; n += 1) if (ruleBits & (1 << (n - 1))) rules.push(n);
  return {
    runType: run > 0 ? (RUN_TYPES[run - 1] ?? null) : null,
    runMinutes: Math.floor(code / GRID.MINUTES_FACTOR),
    runChanged: (flags & GRID.RUN_CHANGED) !== 0,
    runSkipped: (flags & GRID.RUN_SKIPPED) !== 0,
    strength: STRENGTH_BY_CODE[(flags & GRID.STRENGTH_MASK) >> GRID.STRENGTH_SHIFT] ?? 'plan',
    isDeload: (flags & GRID.DELOAD) !== 0,
    hasNote: (flags & GRID.NOTE) !== 0,
    hasSwap: (flags & GRID.SWAP) !== 0,
    inBlock: (flags & GRID.IN_BLOCK) !== 0,
    rules,
    phase: phase > 0 ? (PHASES[phase - 1] ?? null) : null,
    blockStart: (flags & GRID.BLOCK_START) !== 0,
    deloadChanged: (flags & GRID.DELOAD_CHANGED) !== 0,
  };
}
