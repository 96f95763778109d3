/**
 * The calendar as an ICS file, for one athlete or one group, that calendar apps (Google, Apple,
 * Outlook) import: strength sessions, runs, test days and races as all-day events, written by
 * the `ical-generator` library (never by hand), the squad and athlete or group as the
 * calendar's name. (`ics` was the first choice; its per-event schema check cost 0.5 ms an event
 * and held main for about a second on a three-season group calendar.)
 *
 * Read from a snapshot of the squad taken after withFreshCalendar (./snapshot.ts), handing
 * control back between a group's members, so a big calendar does not hold the window.
 * - An athlete's calendar is their own days from the calendar table: the session and run they do
 *   after their own changes, the exercises as they stand that week with their swaps, their note.
 * - A group's calendar is the group's plan (its blocks expanded, before anyone's own changes),
 *   and each event names the members whose day differs.
 * Test days and races: the squad's, the group's, and the athlete's own (in a group's calendar,
 * its members' own, with their name).
 */
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import fs from 'node:fs';
import type { CalendarExportResult, CalendarSubject } from '@shared/contract/exports';
import type { IsoDate } from '@shared/dates';
import { athleteFullName, type Athlete } from '@shared/domain/roster';
import { AppError } from '@shared/errors';
import {
  calendarEventUid,
  calendarSubjectKey,
  changeParagraph,
  dayEventUid,
  description,
  othersText,
  sessionExerciseLines,
  sessionHeading,
  type CalendarFileEvent,
} from '@shared/exports/calendarEvents';
import { dateParts } from '@shared/exports/columns';
import { safeFileStem } from '@shared/exports/fileNames';
import { blockWeekText, calendarEventTitle, changeSentence, eventAudience, rangeText, runText, runTitle, strengthTitle } from '@shared/exports/planWords';
import { dayNumber, isoDate, weekdayOf } from '@shared/plan/days';
import { expandAthleteDays, rhythmOn } from '@shared/plan/expand';
import type { Block, CalendarEvent, PlannedRun, RunType, SessionTemplate } from '@shared/plan/model';
import { DEFAULT_DELOAD_RULE } from '@shared/plan/defaults';
import type { MassUnit } from '@shared/units';
import type { ApiContext } from '@main/api/context';
import { listChanges, swapsOverlapping } from '@main/db/repositories/athleteChanges';
import { athleteDaysInRange, athleteDoingInRange, type AthleteDayRow } from '@main/db/repositories/athleteDays';
import { listEvents } from '@main/db/repositories/calendarEvents';
import { groupCreatedAt } from '@main/db/repositories/groups';
import type { FreshCalendarDb } from '@main/db/types';
import { getSettings } from '../settings';
import { asWriteFailure, chooseDestination } from './delivery';
import { nextTick } from './jobs';
import { buildLookup } from './scope';
import { withReadSnapshot } from './snapshot';
import type { ExportLookup } from './table';

interface Range {
  from: IsoDate;
  to: IsoDate;
}

interface BuiltCalendar {
  /** "Ana López", "Distance". */
  name: string;
  events: CalendarFileEvent[];
}

function runKey(run: PlannedRun | null): string {
  return run ? `${run.type}|${run.minutes}|${run.rpe}` : '';
}

function runFromDay(d: Pick<AthleteDayRow, 'runType' | 'runMinutes' | 'runRpe'> | undefined): PlannedRun | null {
  return d?.runType ? { type: d.runType, minutes: d.runMinutes ?? 0, rpe: d.runRpe ?? 0 } : null;
}

/** The week context of a day in its block, for the session's prescriptions. */
function weekOf(block: Block | undefined, week: number | null, isDeload: boolean) {
  return { week: week ?? 1, isDeload, weeklyProgression: block?.weeklyProgression ?? 0, deload: block?.deload ?? DEFAULT_DELOAD_RULE };
}

function testOrRace(e: CalendarEvent, subject: string, lookup: ExportLookup, withWho: boolean): CalendarFileEvent {
  const who = eventAudience(e, lookup.groupName, lookup.athleteName);
  return {
    uid: calendarEventUid(e.id, subject),
    date: e.date,
    title: withWho && e.athleteId !== null ? `${calendarEventTitle(e.kind, e.name)} (${who})` : calendarEventTitle(e.kind, e.name),
    description: description(e.notes, `For: ${who}`),
    category: e.kind === 'race' ? 'Race' : 'Test day',
  };
}

function strengthEvent(
  template: SessionTemplate,
  at: { date: IsoDate; block: Block | undefined; week: number | null; isDeload: boolean },
  subject: string,
  lookup: ExportLookup,
  unit: MassUnit,
  swapFor: (exerciseId: number) => number | null,
  extra: string[],
): CalendarFileEvent {
  return {
    uid: dayEventUid('strength', at.date, subject),
    date: at.date,
    title: strengthTitle(template, at.isDeload),
    description: description(
      [sessionHeading(template), blockWeekText(at.block ?? null, at.week, at.isDeload)],
      sessionExerciseLines(template.prescriptions, weekOf(at.block, at.week, at.isDeload), swapFor, lookup.exerciseName, unit),
      template.notes,
      extra,
    ),
    category: 'Strength',
  };
}

function runEvent(run: PlannedRun, at: { date: IsoDate; block: Block | undefined; week: number | null; isDeload: boolean }, subject: string, extra: string[]): CalendarFileEvent {
  return {
    uid: dayEventUid('run', at.date, subject),
    date: at.date,
    title: runTitle(run),
    description: description(
      [run.type === 'rest' ? 'Rest day: no run.' : `${runText(run)} (target session RPE on the CR-10 scale)`, blockWeekText(at.block ?? null, at.week, at.isDeload)],
      extra,
    ),
    category: 'Run',
  };
}

function athleteCalendar(db: FreshCalendarDb, lookup: ExportLookup, athlete: Athlete, range: Range, unit: MassUnit): BuiltCalendar {
  const subject = calendarSubjectKey('athlete', athlete.id, athlete.createdAt);
  const changes = new Map(listChanges(db, athlete.id, range.from, range.to).map((c) => [c.date, c]));
  const swaps = swapsOverlapping(db, athlete.id, range.from, range.to);
  const events: CalendarFileEvent[] = [];
  for (const d of athleteDaysInRange(db, athlete.id, dayNumber(range.from), dayNumber(range.to))) {
    const block = d.blockId === null ? undefined : lookup.blocks.get(d.blockId);
    const at = { date: d.date, block, week: d.week, isDeload: d.isDeload };
    const change = changes.get(d.date);
    const plannedRun = block ? (rhythmOn(block.rhythm, weekdayOf(d.day))?.run ?? null) : null;
    const own = change ? changeParagraph(changeSentence(change, { templateId: d.plannedTemplateId, run: plannedRun }, lookup.templateName), change.note) : [];
    const template = d.templateId === null ? undefined : lookup.templates.get(d.templateId);
    if (template) {
      const swapFor = (exerciseId: number) =>
        swaps.find((s) => s.exerciseId === exerciseId && s.fromDate <= d.date && (s.toDate === null || s.toDate >= d.date))?.replacementId ?? null;
      events.push(strengthEvent(template, at, subject, lookup, unit, swapFor, own));
    }
    const run = runFromDay(d);
    // The change and note go with the session; on a day without one, with the run.
    if (run) events.push(runEvent(run, at, subject, template ? [] : own));
  }
  for (const e of listEvents(db, range.from, range.to)) {
    const mine = e.athleteId === athlete.id || (e.athleteId === null && (e.groupId === null || e.groupId === athlete.groupId));
    if (mine) events.push(testOrRace(e, subject, lookup, false));
  }
  return { name: athleteFullName(athlete), events: sortEvents(events) };
}

async function groupCalendar(db: FreshCalendarDb, lookup: ExportLookup, groupId: number, createdAt: string, range: Range, unit: MassUnit): Promise<BuiltCalendar> {
  const group = lookup.groups.get(groupId);
  const subject = calendarSubjectKey('group', groupId, createdAt);
  const fromDay = dayNumber(range.from);
  const toDay = dayNumber(range.to);
  const blocks = [...lookup.blocks.values()].filter((b) => b.groupIds.includes(groupId) && b.startDate <= range.to && b.endDate >= range.from);
  const plan = expandAthleteDays({
    blocks: blocks.map((b) => ({ id: b.id, phase: b.phase, startDay: dayNumber(b.startDate), weeks: b.weeks, deloadWeek: b.deloadWeek, rhythm: b.rhythm, individual: false })),
    changes: [],
    swaps: [],
    templateExercises: () => undefined,
    fromDay,
    toDay,
  });
  const members = [...lookup.athletes.values()].filter((a) => a.groupId === groupId && a.archivedAt === null);
  const memberDays: { name: string; days: Map<number, { templateId: number | null; runType: RunType | null; runMinutes: number | null; runRpe: number | null }> }[] = [];
  for (const a of members) {
    const days = new Map<number, { templateId: number | null; runType: RunType | null; runMinutes: number | null; runRpe: number | null }>();
    for (const [day, templateId, runType, runMinutes, runRpe] of athleteDoingInRange(db, a.id, fromDay, toDay)) days.set(day, { templateId, runType, runMinutes, runRpe });
    memberDays.push({ name: athleteFullName(a), days });
    // A season of days per member: let the window (and other calls) in between.
    if (memberDays.length % 10 === 0) await nextTick();
  }

  const events: CalendarFileEvent[] = [];
  for (const [index, day] of plan.entries()) {
    if (index > 0 && index % 60 === 0) await nextTick();
    const block = day.blockId === null ? undefined : lookup.blocks.get(day.blockId);
    const date = isoDate(day.day);
    const at = { date, block, week: day.week, isDeload: day.isDeload };
    const template = day.plannedTemplateId === null ? undefined : lookup.templates.get(day.plannedTemplateId);
    if (template) {
      const others = memberDays
        .map((m) => ({ name: m.name, templateId: m.days.get(day.day)?.templateId ?? null }))
        .filter((m) => m.templateId !== day.plannedTemplateId)
        .map((m) => ({ name: m.name, doing: m.templateId === null ? 'no session' : lookup.templateName(m.templateId) }));
      events.push(strengthEvent(template, at, subject, lookup, unit, () => null, [othersText(others)]));
    }
    if (day.plannedRun) {
      const planned = runKey(day.plannedRun);
      const others = memberDays
        .map((m) => ({ name: m.name, run: runFromDay(m.days.get(day.day)) }))
        .filter((m) => runKey(m.run) !== planned)
        .map((m) => ({ name: m.name, doing: m.run ? runText(m.run) : 'no run' }));
      events.push(runEvent(day.plannedRun, at, subject, [othersText(others)]));
    }
  }
  const memberIds = new Set(members.map((m) => m.id));
  for (const e of listEvents(db, range.from, range.to)) {
    const ours = e.athleteId !== null ? memberIds.has(e.athleteId) : e.groupId === null || e.groupId === groupId;
    if (ours) events.push(testOrRace(e, subject, lookup, true));
  }
  return { name: group?.name ?? `Group ${groupId}`, events: sortEvents(events) };
}

const CATEGORY_ORDER: Record<CalendarFileEvent['category'], number> = { Race: 0, 'Test day': 1, Strength: 2, Run: 3 };

function sortEvents(events: CalendarFileEvent[]): CalendarFileEvent[] {
  return events.sort((a, b) => a.date.localeCompare(b.date) || CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] || a.uid.localeCompare(b.uid));
}

/** Read the subject's calendar (checks that it exists and has something in the range). */
export function buildCalendar(ctx: ApiContext, subject: CalendarSubject, range: Range, unit: MassUnit): Promise<BuiltCalendar> {
  return withReadSnapshot(ctx, async (db) => {
    const lookup = buildLookup(db);
    let built: BuiltCalendar;
    if (subject.kind === 'athlete') {
      const athlete = lookup.athletes.get(subject.athleteId);
      if (!athlete) throw new AppError('not_found', `There is no athlete with record number ${subject.athleteId}; they may have been removed.`, { 'subject.athleteId': 'Choose an athlete from the list' });
      if (athlete.archivedAt !== null) {
        throw new AppError('invalid_input', `${athleteFullName(athlete)} is archived, so the calendar no longer plans their days. Restore them on the Roster first.`, {
          'subject.athleteId': 'Choose an active athlete',
        });
      }
      built = athleteCalendar(db, lookup, athlete, range, unit);
    } else {
      const createdAt = groupCreatedAt(db, subject.groupId);
      if (createdAt === null) throw new AppError('not_found', `There is no group with record number ${subject.groupId} (it may have been deleted). Choose a group from the list.`, { 'subject.groupId': 'Choose a group from the list' });
      built = await groupCalendar(db, lookup, subject.groupId, createdAt, range, unit);
    }
    if (built.events.length === 0) {
      throw new AppError('invalid_input', `Nothing is planned for ${built.name} from ${rangeText(range.from, range.to)}: no strength sessions, runs, test days or races. Choose other dates, or plan some first.`, {
        to: 'Nothing planned in these dates',
      });
    }
    return built;
  });
}

/** The calendar file's text, by the ical-generator library; DTSTAMP is when it was made. */
export function calendarText(events: readonly CalendarFileEvent[], calendarName: string, madeAt: Date): string {
  const calendar = ical({ name: calendarName, prodId: { company: 'Backchain', product: 'Season plan', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  for (const e of events) {
    const [y, m, d] = dateParts(e.date);
    // An all-day event: the date in UTC (the library writes it as a DATE), ending the next day.
    const start = new Date(Date.UTC(y, m - 1, d));
    calendar.createEvent({
      id: e.uid,
      start,
      end: new Date(Date.UTC(y, m - 1, d + 1)),
      allDay: true,
      summary: e.title,
      description: e.description,
      categories: [{ name: e.category }],
      transparency: ICalEventTransparency.TRANSPARENT,
      stamp: madeAt,
    });
  }
  return calendar.toString();
}

export async function exportCalendar(ctx: ApiContext, input: { subject: CalendarSubject; from: IsoDate; to: IsoDate }): Promise<CalendarExportResult> {
  const db = ctx.db;
  const now = ctx.now();
  const settings = getSettings(db, now);
  const built = await buildCalendar(ctx, input.subject, input, settings.unit);
  const calendarName = `${settings.squadName} · ${built.name}`;
  await nextTick();
  const text = calendarText(built.events, calendarName, now);
  const fileName = `${safeFileStem(settings.squadName, 'Backchain')} - ${safeFileStem(built.name, 'calendar')}.ics`;
  const destination = await chooseDestination(ctx, { title: 'Save the calendar file', fileName, filter: { name: 'Calendar file', extensions: ['ics'] } });
  const result = { calendarName, events: built.events.length, from: input.from, to: input.to };
  if (!destination) return { file: { outcome: 'canceled' }, ...result };
  try {
    await fs.promises.writeFile(destination.writePath, text, 'utf8');
    return { file: destination.complete(), ...result };
  } catch (error) {
    destination.discard();
    throw asWriteFailure(error, fileName);
  }
}
