/**
 * The plan in words for exports: event titles for a calendar app ("Strength A: posterior
 * chain", "Easy run 40 min (RPE 3)", "Race: County XC"), an athlete's own changes in a sentence
 * ("Session skipped; run changed (planned: Easy run 30 min)"), a block's weekly rhythm day, and
 * who a test day or race is for. Pure: the export services feed it names and ids.
 */
import { formatDateLong, type IsoDate } from '../dates';
import { formatLoad, formatVolume, type WeekPrescription } from '../plan/progression';
import type { DayChangeFields, EventKind, PlannedRun, RhythmDay, RunType, SessionType } from '../plan/model';
import { RUN_TYPE_LABELS } from '../plan/model';
import type { MassUnit } from '../units';

/** What each lettered session trains (DOMAIN.md: A posterior chain, B core, C single-leg power). */
export const SESSION_FOCUS: Record<Exclude<SessionType, 'custom'>, string> = {
  A: 'posterior chain',
  B: 'core & hip stability',
  C: 'single-leg power',
};

/** A run as an event title calls it. */
export const RUN_TITLES: Record<RunType, string> = {
  easy: 'Easy run',
  tempo: 'Tempo run',
  intervals: 'Intervals',
  long: 'Long run',
  sprint: 'Sprint session',
  race: 'Race',
  rest: 'Rest day',
  cross_training: 'Cross-training',
};

export interface SessionName {
  name: string;
  sessionType: SessionType;
}

/** "Strength A: posterior chain", "Strength: Hill circuit" (the coach's own), "… (deload)" in a deload week. */
export function strengthTitle(session: SessionName, isDeload: boolean): string {
  const base = session.sessionType === 'custom' ? `Strength: ${session.name}` : `Strength ${session.sessionType}: ${SESSION_FOCUS[session.sessionType]}`;
  return isDeload ? `${base} (deload)` : base;
}

/** "Easy run 40 min (RPE 3)", "Rest day". */
export function runTitle(run: PlannedRun): string {
  if (run.type === 'rest') return RUN_TITLES.rest;
  return `${RUN_TITLES[run.type]} ${run.minutes} min (RPE ${run.rpe})`;
}

/** "Easy run 30 min, RPE 3" for a table cell or a sentence; "Rest" for a rest day. */
export function runText(run: PlannedRun): string {
  if (run.type === 'rest') return RUN_TYPE_LABELS.rest;
  return `${RUN_TYPE_LABELS[run.type]} ${run.minutes} min, RPE ${run.rpe}`;
}

/**
 * "Race: County XC"; "Re-test day: End of block 2". A test day whose name already says it is a
 * test ("Block re-test", "Baseline testing") keeps its name alone.
 */
export function calendarEventTitle(kind: EventKind, name: string): string {
  if (kind === 'race') return `Race: ${name}`;
  return /test/i.test(name) ? name : `Re-test day: ${name}`;
}

/** Who a test day or race is for, in words. */
export function eventAudience(event: { groupId: number | null; athleteId: number | null }, groupName: (id: number) => string, athleteName: (id: number) => string): string {
  if (event.athleteId !== null) return athleteName(event.athleteId);
  if (event.groupId !== null) return groupName(event.groupId);
  return 'Whole squad';
}

/**
 * An athlete's own change on a day, in one sentence: what happened to the session and the run,
 * the deload status. The note is left out (exports give it its own column or line).
 * `templateName` names a session template; `planned` is what the group plan had that day.
 */
export function changeSentence(
  change: DayChangeFields,
  planned: { templateId: number | null; run: PlannedRun | null },
  templateName: (id: number) => string,
): string {
  const parts: string[] = [];
  const s = change.strength;
  if (s) {
    if (s.kind === 'skip') {
      if (planned.templateId !== null) parts.push(`session skipped (planned: ${templateName(planned.templateId)})`);
    } else if (s.kind === 'replace') {
      if (s.templateId !== planned.templateId) {
        parts.push(planned.templateId === null ? `session added: ${templateName(s.templateId)}` : `session replaced (planned: ${templateName(planned.templateId)})`);
      }
    } else if (s.kind === 'moved_out') {
      parts.push(`session moved to ${formatDateLong(s.to)}`);
    } else {
      parts.push(`session moved here from ${formatDateLong(s.from)}`);
    }
  }
  const r = change.run;
  if (r) {
    if (r.kind === 'skip') {
      if (planned.run) parts.push(`run skipped (planned: ${runText(planned.run)})`);
    } else {
      parts.push(planned.run ? `run changed (planned: ${runText(planned.run)})` : 'run added');
    }
  }
  if (change.deload === true) parts.push('deload day');
  if (change.deload === false) parts.push('not a deload day');
  const sentence = parts.join('; ');
  return sentence ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : '';
}

/** "Nordic curl → Glute bridge" for each swap that changes the day's session. */
export function swapText(swaps: readonly { from: string; to: string }[]): string {
  return swaps.map((s) => `${s.from} → ${s.to}`).join('; ');
}

/** A block's weekday in a cell: "Foundational A posterior chain (from week 5) + Easy run 30 min, RPE 3". */
export function rhythmDayText(day: RhythmDay, templateName: (id: number) => string): string {
  const parts: string[] = [];
  if (day.templateId !== null) parts.push(`${templateName(day.templateId)}${day.strengthFromWeek > 1 ? ` (from week ${day.strengthFromWeek})` : ''}`);
  if (day.run) parts.push(runText(day.run));
  return parts.join(' + ');
}

/** One exercise of a session for a calendar description: "Romanian deadlift: 3 x 8 @ 71.8% of max, tempo 3-1-1, rest 90 s". */
export function exerciseLine(line: { exerciseName: string; swappedFrom: string | null; prescription: WeekPrescription }, unit: MassUnit): string {
  const p = line.prescription;
  const load = formatLoad(p, unit);
  // "3 x 8 @ 70% of max", but "3 x 12 each, RIR 2 (RPE 8)".
  const details = [load === '' ? formatVolume(p) : load.startsWith('@') ? `${formatVolume(p)} ${load}` : `${formatVolume(p)}, ${load}`];
  if (p.tempo) details.push(`tempo ${p.tempo}`);
  if (p.restSeconds > 0) details.push(`rest ${p.restSeconds} s`);
  if (p.notes) details.push(p.notes);
  const name = line.swappedFrom ? `${line.exerciseName} (instead of ${line.swappedFrom})` : line.exerciseName;
  return `${name}: ${details.join(', ')}`;
}

/** "Foundational 1, week 2 of 4 (deload week)". */
export function blockWeekText(block: { name: string; weeks: number } | null, week: number | null, isDeload: boolean): string {
  if (!block || week === null) return isDeload ? 'Deload day' : '';
  return `${block.name}, week ${week} of ${block.weeks}${isDeload ? ' (deload week)' : ''}`;
}

/** "Mon 7 Sep 2026 to Sun 4 Oct 2026". */
export function rangeText(from: IsoDate, to: IsoDate): string {
  return `${formatDateLong(from)} to ${formatDateLong(to)}`;
}
