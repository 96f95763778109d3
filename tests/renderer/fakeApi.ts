/**
 * An in-memory stand-in for main, for component tests: it keeps a roster, validates every
 * input with the real contract schemas (so a form that sends something main would refuse
 * fails here too), and records the calls the screen made.
 */
import { contract, type MethodName } from '@shared/contract';
import type { Athlete, Group } from '@shared/domain/roster';
import { athleteNameKey } from '@shared/domain/roster';
import type { SquadSettings } from '@shared/domain/settings';
import { fieldErrorsFromIssues } from '@shared/errors';

export interface FakeCall {
  method: string;
  input: unknown;
}

export function createFakeApi(initial: { athletes?: Athlete[]; groups?: Group[]; settings?: Partial<SquadSettings> } = {}) {
  const athletes: Athlete[] = [...(initial.athletes ?? [])];
  const groups: Group[] = [...(initial.groups ?? [])];
  let settings: SquadSettings = {
    squadName: 'Test squad',
    seasonStart: '2026-09-07',
    seasonEnd: '2027-06-27',
    unit: 'kg',
    plateIncrement: 2.5,
    barWeight: 20,
    dumbbellStep: 2,
    firstDayOfWeek: 1,
    ...initial.settings,
  };
  const calls: FakeCall[] = [];
  let nextId = 1000;

  const withCounts = () => groups.map((g) => ({ ...g, athleteCount: athletes.filter((a) => a.groupId === g.id && a.archivedAt === null).length }));

  function handle(method: MethodName, input: Record<string, unknown>): unknown {
    switch (method) {
      case 'app.status':
        return { appVersion: 'test', mode: 'browser', dataDir: '/tmp', databasePath: '/tmp/squad.db', schemaVersion: 1, problem: null };
      case 'settings.get':
        return settings;
      case 'settings.update':
        settings = input as unknown as SquadSettings;
        return settings;
      case 'athletes.list':
        return athletes.filter((a) => input.status === 'all' || (input.status === 'archived') === (a.archivedAt !== null));
      case 'groups.list':
        return withCounts();
      case 'athletes.create': {
        const fields = input as Omit<Athlete, 'id' | 'archivedAt' | 'createdAt' | 'updatedAt'>;
        if (athletes.some((a) => athleteNameKey(a.givenName, a.familyName) === athleteNameKey(fields.givenName, fields.familyName))) {
          throw Object.assign(new Error('dup'), { body: { code: 'conflict', message: 'Already in the squad.', fields: { familyName: `${fields.givenName} ${fields.familyName} is already in the squad.` } } });
        }
        const athlete: Athlete = { ...fields, id: nextId++, archivedAt: null, createdAt: 'now', updatedAt: 'now' };
        athletes.push(athlete);
        return athlete;
      }
      case 'athletes.update': {
        const index = athletes.findIndex((a) => a.id === input.id);
        const current = athletes[index] as Athlete;
        athletes[index] = { ...current, ...(input.fields as object) };
        return athletes[index];
      }
      case 'athletes.archive':
      case 'athletes.restore': {
        const ids = input.ids as number[];
        const archive = method === 'athletes.archive';
        const changed = athletes.filter((a) => ids.includes(a.id) && (a.archivedAt === null) === archive);
        changed.forEach((a) => (a.archivedAt = archive ? '2026-09-07T06:00:00Z' : null));
        return archive ? { archivedIds: changed.map((a) => a.id) } : { restoredIds: changed.map((a) => a.id) };
      }
      case 'athletes.remove': {
        const index = athletes.findIndex((a) => a.id === input.id);
        return athletes.splice(index, 1)[0];
      }
      case 'athletes.moveToGroup': {
        const moved = (input.ids as number[]).map((id) => {
          const a = athletes.find((x) => x.id === id) as Athlete;
          const from = a.groupId;
          a.groupId = input.groupId as number | null;
          return { id, fromGroupId: from };
        });
        return { moved };
      }
      default:
        throw Object.assign(new Error('not faked'), { body: { code: 'internal', message: `${method} is not faked` } });
    }
  }

  async function transport(method: string, input: unknown): Promise<unknown> {
    calls.push({ method, input });
    const schema = contract[method as MethodName]?.input;
    if (!schema) return { ok: false, error: { code: 'unknown_method', message: method } };
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'invalid', fields: fieldErrorsFromIssues(parsed.error.issues) } };
    try {
      // A copy, as over IPC: the screen must never hold the fake's own objects.
      return { ok: true, value: structuredClone(handle(method as MethodName, parsed.data as Record<string, unknown>)) };
    } catch (error) {
      return { ok: false, error: (error as { body: unknown }).body };
    }
  }

  return { transport, calls, athletes, groups, getSettings: () => settings };
}

export function makeAthlete(id: number, fields: Partial<Athlete> = {}): Athlete {
  return {
    id,
    givenName: `Given${id}`,
    familyName: `Family${id}`,
    groupId: null,
    sex: 'unspecified',
    grade: null,
    birthYear: null,
    eventFocus: null,
    raceGoal: null,
    bodyMassKg: null,
    trainingAgeYears: null,
    injured: false,
    injuryNotes: '',
    archivedAt: null,
    createdAt: '2026-09-01T00:00:00Z',
    updatedAt: '2026-09-01T00:00:00Z',
    ...fields,
  };
}
