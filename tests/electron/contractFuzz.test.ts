/**
 * Every contract method, fuzzed through the real dispatcher on a real squad database. Inputs are
 * built from each method's own schema (so they are mostly the right shape and reach the
 * handlers) with hostile values mixed in at every level: huge strings, wrong types, negative
 * and fractional numbers, NaN and Infinity, impossible dates, SQL-ish text, prototype-pollution
 * keys. Each answer must be a result or a clear refusal, never an internal error, and a refusal
 * must leave the database exactly as it was. Methods added to the contract later are fuzzed
 * automatically (the list comes from `methodNames`).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiContext } from '@main/api/context';
import { dispatch } from '@main/api/dispatch';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import { contract, methodNames, type MethodName } from '@shared/contract';
import { databaseFingerprint, openTempSquad, tempDir, type TempSquad } from '../support/tempSquad';

const RUNS_PER_METHOD = Number(process.env.BACKCHAIN_FUZZ_RUNS ?? 150);

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Values no form would send: wrong types, extremes, text that looks like code. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    '',
    ' ',
    '\u0000',
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    "Robert'); DROP TABLE athlete;--",
    '" OR 1=1 --',
    '../../../etc/passwd',
    '%00',
    '<script>alert(1)</script>',
    '__proto__',
    'x'.repeat(100_000),
    '🏃‍♀️'.repeat(50),
    [],
    {},
    [null],
  ),
  // An own "__proto__" key, exactly as JSON.parse makes one from a hostile request body.
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown),
  fc.date({ noInvalidDate: false }),
  fc.bigInt(),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true }),
);

/** Plausible text for fields without an enum or a pattern: names, real and impossible dates, colours. */
const plausibleText = fc.constantFrom('Ana', 'López', 'Sprints', 'Riverside XC', '2026-09-07', '2027-06-27', '2026-02-30', '#1c7ed6', 'kg', 'lb', 'roster.csv', 'QW5hLEzDs3Bleg==');

/**
 * An arbitrary for a JSON schema: the right shape, with hostile values mixed in at every level
 * (`hostileWeight` in 6 leaves; 0 for inputs that are only random, so that many get past
 * validation and reach the handlers and the database).
 */
function arbitraryFor(schema: JsonSchema, hostileWeight: number, depth = 0, key = ''): fc.Arbitrary<unknown> {
  const typed = typedFor(schema, hostileWeight, depth, key);
  return hostileWeight === 0 ? typed : fc.oneof({ weight: 6 - hostileWeight, arbitrary: typed }, { weight: hostileWeight, arbitrary: hostile });
}

/** Text fields named like dates (seasonStart, date, ...) get dates, real and impossible. */
const datesText = fc.constantFrom('2026-09-07', '2026-09-14', '2027-06-27', '2026-02-30', '2026-9-7');
const DATE_KEY = /(date|start|end|day|on)$/i;

function typedFor(schema: JsonSchema, hostileWeight: number, depth: number, key = ''): fc.Arbitrary<unknown> {
  const arbitraryFor_ = (s: JsonSchema, childKey = '') => arbitraryFor(s, hostileWeight, depth + 1, childKey);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryFor_(s, key)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const record = fc.record(Object.fromEntries(properties.map(([name, value]) => [name, arbitraryFor_(value, name)])), {
        requiredKeys: properties.map(([key]) => key).filter((key) => schema.required?.includes(key)),
      });
      // Sometimes an extra key (a typo, or an attempt at prototype pollution).
      if (hostileWeight === 0) return record;
      return fc.tuple(record, fc.option(fc.tuple(fc.constantFrom(...prototypeKeys, 'isAdmin', 'extra'), hostile), { freq: 4 })).map(([value, extra]) => {
        const out = { ...(value as object) } as Record<string, unknown>;
        if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
        return out;
      });
    }
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(arbitraryFor_(schema.items ?? {}), { minLength: hostileWeight === 0 ? 1 : 0, maxLength: Math.min(schema.maxItems ?? 6, 6) });
    case 'string': {
      if (schema.pattern) {
        let matching: fc.Arbitrary<string> | null;
        try {
          matching = fc.stringMatching(new RegExp(schema.pattern));
        } catch {
          matching = null;
        }
        return matching ? fc.oneof(matching, fc.string()) : fc.string();
      }
      if (DATE_KEY.test(key)) return hostileWeight === 0 ? datesText : fc.oneof(datesText, fc.string({ maxLength: 12 }));
      return hostileWeight === 0 ? plausibleText : fc.oneof(plausibleText, fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
    }
    case 'integer': {
      if (hostileWeight === 0) {
        const min = schema.minimum ?? 1;
        return fc.integer({ min, max: Math.max(min, Math.min(schema.maximum ?? min + 40, min + 60)) });
      }
      return fc.oneof(fc.integer({ min: -3, max: 40 }), fc.integer({ min: schema.minimum ?? -1_000_000, max: Math.min(schema.maximum ?? 1_000_000, 2 ** 31) }));
    }
    case 'number':
      if (hostileWeight === 0) return fc.oneof(fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 300, noNaN: true }), fc.constantFrom(2.5, 5, 20, 45, 54.5));
      return fc.oneof(fc.double({ noNaN: false }), fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true }), fc.integer({ min: 0, max: 500 }));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

function inputArbitrary(method: MethodName): fc.Arbitrary<unknown> {
  const schema = z.toJSONSchema(contract[method].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return fc.oneof(
    { weight: 3, arbitrary: typedFor(schema, 0, 0) },
    { weight: 3, arbitrary: typedFor(schema, 1, 0) },
    { weight: 2, arbitrary: typedFor(schema, 3, 0) },
    { weight: 1, arbitrary: hostile },
  );
}

/** Checks one answer: a value, or a refusal with a sentence and a known code; never "internal". */
function expectCleanAnswer(method: string, input: unknown, response: Awaited<ReturnType<typeof dispatch>>, internalErrors: unknown[]) {
  const shown = () => `${method} ${JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}...` : v))?.slice(0, 600)}`;
  expect(internalErrors, shown()).toEqual([]);
  expect(typeof response.ok, shown()).toBe('boolean');
  if (!response.ok) {
    expect(response.error.code, `${shown()} → ${response.error.message}`).not.toBe('internal');
    expect(response.error.message.length, shown()).toBeGreaterThan(0);
    expect(response.error.message.length, shown()).toBeLessThan(2000);
    expect(response.error.message, shown()).not.toMatch(/\[object Object\]|received undefined|Invalid input|TypeError|SQLITE_|Cannot read/);
  }
}

let squad: TempSquad;
beforeAll(async () => {
  squad = await openTempSquad({ now: () => new Date('2026-09-07T06:00:00Z') });
  loadGeneratedSquad(squad.db, { seed: 9, size: 'sample' }, new Date('2026-09-07T06:00:00Z'));
});
afterAll(() => squad.close());

/**
 * The squad's fingerprint (every row of every table; about 10 ms on the sample squad, so taken
 * only when something may have changed). It is reused while none of these has moved:
 * `total_changes()` counts every row this connection inserted, updated or deleted (triggers
 * included, whether or not it was later rolled back), `data_version` moves when another
 * connection commits, `schema_version` when a table or index is created or dropped, and
 * `user_version` when a migration runs. All four unchanged means every row is as it was.
 */
let lastFingerprint: { state: string; text: string } | null = null;
function fingerprintNow(): string {
  const db = squad.db;
  const state = [
    db.prepare('SELECT total_changes()').pluck().get(),
    db.pragma('data_version', { simple: true }),
    db.pragma('schema_version', { simple: true }),
    db.pragma('user_version', { simple: true }),
  ].join('|');
  if (lastFingerprint === null || lastFingerprint.state !== state) lastFingerprint = { state, text: databaseFingerprint(db) };
  return lastFingerprint.text;
}

describe('every contract method, fuzzed through the dispatcher on a real squad', () => {
  it('covers every method of the contract', () => {
    expect(methodNames.length).toBeGreaterThan(20);
    for (const method of methodNames) expect(() => inputArbitrary(method), method).not.toThrow();
  });

  for (const method of methodNames) {
    it(`${method}: random and hostile inputs get a result or a clear refusal, and a refusal changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(inputArbitrary(method), async (input) => {
          const internalErrors: unknown[] = [];
          const before = fingerprintNow();
          const response = await dispatch(squad.ctx, method, input, (error) => internalErrors.push(error));
          expectCleanAnswer(method, input, response, internalErrors);
          if (!response.ok) expect(fingerprintNow(), `${method} was refused but changed the database`).toBe(before);
          // Nothing leaked onto Object.prototype.
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS_PER_METHOD },
      );
    });
  }

  it('unknown method names are refused clearly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom(...prototypeKeys, 'athletes.drop', 'athletes', '', 'app.status.x'), hostile), async (method) => {
        fc.pre(typeof method !== 'string' || !methodNames.includes(method as MethodName));
        const response = await dispatch(squad.ctx, method, {});
        expect(response).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      }),
      { numRuns: 200 },
    );
  });

  it('with the squad file unavailable (damaged), every method still answers cleanly', async () => {
    const folder = tempDir();
    const ctx = createApiContext({
      db: null,
      status: { appVersion: 'test', mode: 'browser', dataDir: folder.dir, databasePath: `${folder.dir}/squad.db`, schemaVersion: null, problem: { kind: 'damaged', message: 'The squad file is damaged.' } },
    });
    try {
      expect(await dispatch(ctx, 'athletes.list', {})).toMatchObject({ ok: false, error: { code: 'database_unavailable', message: 'The squad file is damaged.' } });
      // backups.startEmpty would (rightly) open a fresh squad and end the "unavailable" state;
      // it is tested on its own in backups.test.ts.
      for (const method of methodNames.filter((m) => m !== 'backups.startEmpty')) {
        await fc.assert(
          fc.asyncProperty(inputArbitrary(method), async (input) => {
            const internalErrors: unknown[] = [];
            const response = await dispatch(ctx, method, input, (error) => internalErrors.push(error));
            expectCleanAnswer(method, input, response, internalErrors);
          }),
          { numRuns: 25 },
        );
      }
      expect(ctx.hasDatabase).toBe(false);
    } finally {
      folder.cleanup();
    }
  });
});
