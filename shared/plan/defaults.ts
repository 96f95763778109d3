/**
 * What a new block starts with: DOMAIN.md's default week for the group's event focus, the
 * phase's usual length and deload, +2.5% a week, and the deload rule of REFERENCE.md §6.2.
 */
import { DELOAD_DEFAULTS, WEEKLY_PROGRESSION_DEFAULT } from '../science';
import type { EventFocus } from '../domain/roster';
import type { DeloadRule, Phase, PlannedRun, RhythmDay, RunType } from './model';
import { PHASE_INFO } from './model';

export const DEFAULT_DELOAD_RULE: DeloadRule = { ...DELOAD_DEFAULTS };
export const DEFAULT_WEEKLY_PROGRESSION = WEEKLY_PROGRESSION_DEFAULT;

/** Typical target RPE (CR-10) for a run type, for a new rhythm line. */
export const DEFAULT_RUN_RPE: Record<RunType, number> = {
  easy: 3,
  tempo: 6,
  intervals: 8,
  long: 5,
  sprint: 8,
  race: 9,
  rest: 0,
  cross_training: 4,
};

export const DEFAULT_RUN_MINUTES: Record<RunType, number> = {
  easy: 35,
  tempo: 40,
  intervals: 50,
  long: 75,
  sprint: 45,
  race: 30,
  rest: 0,
  cross_training: 30,
};

const run = (type: RunType, minutes: number): PlannedRun => ({ type, minutes, rpe: DEFAULT_RUN_RPE[type] });

type Slot = { session?: 'A' | 'B' | 'C'; run?: PlannedRun };

/** The week of each kind of group, Sunday first (index = weekday). */
function weekFor(focus: EventFocus | null): Slot[] {
  switch (focus) {
    case 'sprints':
    case 'hurdles_jumps':
    case 'throws':
    case 'multi':
      // Speed groups: A with the first sprint day, C (explosive single-leg) later in the week.
      return [
        { run: run('rest', 0) },
        { session: 'A', run: run('sprint', 45) },
        { run: run('tempo', 30) },
        { session: 'B', run: run('easy', 25) },
        { run: run('sprint', 40) },
        { session: 'C', run: run('easy', 20) },
        { run: run('cross_training', 30) },
      ];
    case 'middle_distance':
      return [
        { session: 'C', run: run('rest', 0) },
        { session: 'A', run: run('easy', 30) },
        { run: run('intervals', 45) },
        { run: run('easy', 35) },
        { session: 'B', run: run('easy', 30) },
        { run: run('rest', 0) },
        { run: run('long', 55) },
      ];
    default:
      // DOMAIN.md's default week for a distance group: Mon A + easy, Tue intervals, Wed easy,
      // Thu B + easy, Fri rest, Sat long, Sun C (after week 4) or rest.
      return [
        { session: 'C', run: run('rest', 0) },
        { session: 'A', run: run('easy', 30) },
        { run: run('intervals', 50) },
        { run: run('easy', 40) },
        { session: 'B', run: run('easy', 30) },
        { run: run('rest', 0) },
        { run: run('long', 75) },
      ];
  }
}

/**
 * The week from which session C is on: after week 4 in a foundational block (DOMAIN.md: a
 * third session after 4-6 weeks), from the start once strength is established, never in
 * acclimation and maintenance (two sessions, and 1-2 in season).
 */
export function sessionCFromWeek(phase: Phase): number | null {
  if (phase === 'acclimation' || phase === 'maintenance') return null;
  if (phase === 'foundational') return 5;
  return 1;
}

/**
 * A default rhythm: DOMAIN.md's week for the event focus, with the phase's built-in A/B/C
 * templates (`templateFor` resolves them to ids; null leaves the day without a session).
 */
export function defaultRhythm(focus: EventFocus | null, phase: Phase, templateFor: (type: 'A' | 'B' | 'C') => number | null): RhythmDay[] {
  const cFrom = sessionCFromWeek(phase);
  const week = weekFor(focus);
  // From week 1, a Sunday C would sit right before Monday's A every week (planning rule 1):
  // put it on Saturday instead. DOMAIN.md's "Sun C after week 4" stays for foundational blocks.
  const sunday = week[0];
  const saturday = week[6];
  if (cFrom === 1 && sunday?.session === 'C' && saturday && !saturday.session) {
    week[6] = { ...saturday, session: 'C' };
    week[0] = { run: sunday.run };
  }
  return week.map((slot, weekday) => {
    let templateId: number | null = null;
    let strengthFromWeek = 1;
    if (slot.session && (slot.session !== 'C' || cFrom !== null)) {
      templateId = templateFor(slot.session);
      if (slot.session === 'C') strengthFromWeek = cFrom ?? 1;
    }
    return { weekday, templateId, strengthFromWeek, run: slot.run ? { ...slot.run } : null };
  });
}

/** Length and deload of a new block of `phase`. */
export function defaultBlockShape(phase: Phase): { weeks: number; deloadWeek: number | null } {
  const info = PHASE_INFO[phase];
  return { weeks: info.defaultWeeks, deloadWeek: info.defaultDeload ? info.defaultWeeks : null };
}

/** The most common event focus among a group's athletes (null when none is set). */
export function groupEventFocus(focuses: readonly (EventFocus | null)[]): EventFocus | null {
  const counts = new Map<EventFocus, number>();
  for (const f of focuses) if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
  let best: EventFocus | null = null;
  let bestCount = 0;
  for (const [f, n] of counts) {
    if (n > bestCount) {
      best = f;
      bestCount = n;
    }
  }
  return best;
}
