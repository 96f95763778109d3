/**
 * Writes the generated season plan (shared/sample/plan.ts) into the squad the sample-squad
 * loader just filled, inside its transaction: blocks, test days and races, athlete changes and
 * exercise swaps, then the calendar for everyone in one pass.
 */
import { localToday } from '@shared/dates';
import { DEFAULT_DELOAD_RULE, DEFAULT_WEEKLY_PROGRESSION } from '@shared/plan/defaults';
import { blockEndDate } from '@shared/plan/blocks';
import type { DayChangeFields } from '@shared/plan/model';
import { generatePlan } from '@shared/sample/plan';
import type { SampleSquad, SquadSize } from '@shared/sample/generator';
import { insertSwap, writeChange } from '@main/db/repositories/athleteChanges';
import { insertBlock } from '@main/db/repositories/blocks';
import { insertEvent } from '@main/db/repositories/calendarEvents';
import { findExerciseIdByCode } from '@main/db/repositories/exercises';
import { readSettings, writeSettings } from '@main/db/repositories/settings';
import { findTemplateIdByCode } from '@main/db/repositories/templates';
import type { SquadDb } from '@main/db/types';
import { flushPendingCalendar } from '../plan/calendarStore';

export function loadGeneratedPlan(
  db: SquadDb,
  options: { seed: number; size: SquadSize },
  squad: SampleSquad,
  ids: { groups: readonly number[]; athletes: readonly number[] },
  now: Date,
): { blocks: number; changes: number } {
  const settings = readSettings(db);
  const plan = generatePlan({
    seed: options.seed,
    size: options.size,
    today: localToday(now),
    firstDayOfWeek: settings?.firstDayOfWeek ?? 1,
    groups: squad.groups,
    athletes: squad.athletes,
  });
  const stamp = now.toISOString();
  const templateIds = new Map<string, number>();
  const template = (code: string): number => {
    let id = templateIds.get(code);
    if (id === undefined) {
      const found = findTemplateIdByCode(db, code);
      if (found === null) throw new Error(`The sample plan needs the built-in template ${code}`);
      templateIds.set(code, (id = found));
    }
    return id;
  };
  const exercise = (code: string): number => {
    const id = findExerciseIdByCode(db, code);
    if (id === null) throw new Error(`The sample plan needs the built-in exercise ${code}`);
    return id;
  };
  const group = (index: number | null) => (index === null ? null : (ids.groups[index] ?? null));
  const athlete = (index: number | null) => (index === null ? null : (ids.athletes[index] ?? null));

  if (plan.season && settings) writeSettings(db, { ...settings, seasonStart: plan.season.start, seasonEnd: plan.season.end }, stamp);

  for (const b of plan.blocks) {
    const groupId = group(b.groupIndex);
    insertBlock(
      db,
      {
        name: b.name,
        phase: b.phase,
        startDate: b.startDate,
        weeks: b.weeks,
        deloadWeek: b.deloadWeek,
        weeklyProgression: DEFAULT_WEEKLY_PROGRESSION,
        deload: DEFAULT_DELOAD_RULE,
        groupIds: groupId === null ? [] : [groupId],
        athleteIds: [],
        rhythm: b.rhythm.map(({ template: code, ...day }) => ({ ...day, templateId: code === null ? null : template(code) })),
        notes: '',
      },
      blockEndDate(b.startDate, b.weeks),
      stamp,
    );
  }
  for (const e of plan.events) {
    insertEvent(db, { date: e.date, kind: e.kind, name: e.name, groupId: group(e.groupIndex), athleteId: athlete(e.athleteIndex), notes: '' }, stamp);
  }
  for (const c of plan.changes) {
    const athleteId = athlete(c.athleteIndex);
    if (athleteId === null) continue;
    const s = c.strength;
    const strength: DayChangeFields['strength'] =
      s === null ? null : s.kind === 'replace' ? { kind: 'replace', templateId: template(s.template) } : s.kind === 'moved_in' ? { kind: 'moved_in', templateId: template(s.template), from: s.from } : s;
    writeChange(db, athleteId, c.date, { strength, run: c.run, deload: null, note: c.note }, stamp);
  }
  for (const s of plan.swaps) {
    const athleteId = athlete(s.athleteIndex);
    if (athleteId === null) continue;
    insertSwap(db, { athleteId, exerciseId: exercise(s.exercise), replacementId: exercise(s.replacement), fromDate: s.fromDate, toDate: s.toDate, reason: 'injury', note: 'Sample: regression while injured' }, stamp);
  }
  // Every athlete was just added (so marked for the calendar): build them all once, with the plan in place.
  flushPendingCalendar(db);
  return { blocks: plan.blocks.length, changes: plan.changes.length };
}
