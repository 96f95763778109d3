/**
 * For the entry screens' tests: a fake main whose answers can be held back, and the screen in a
 * data router (the leave guard needs one) that can be taken away at once. Each call is handled
 * the moment it arrives, as main does (a read reads, a write writes), after its input passed the
 * real contract schema; `hold(method)` keeps the next answer of that method on its way until
 * `release(method)`.
 */
import { act, fireEvent, render } from '@testing-library/react';
import { useEffect, useState, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { contract, type MethodName } from '@shared/contract';
import type { SquadSettings } from '@shared/domain/settings';
import { fieldErrorsFromIssues } from '@shared/errors';
import { setTransportForTests } from '@renderer/api/client';
import { AppProviders, createQueryClient } from '@renderer/app/App';

export const SETTINGS: SquadSettings = { squadName: 'Test squad', seasonStart: '2025-09-01', seasonEnd: '2026-06-28', unit: 'kg', plateIncrement: 2.5, barWeight: 20, dumbbellStep: 2, firstDayOfWeek: 1 };

/** Thrown by a fake handler: main refuses the call with this code and sentence. */
export class Refusal extends Error {
  constructor(
    readonly code: 'conflict' | 'not_found',
    message: string,
  ) {
    super(message);
  }
}

export function createHeldApi(handle: (method: MethodName, input: Record<string, unknown>) => unknown) {
  const toHold = new Map<string, number>();
  const held: { method: string; answer: () => void }[] = [];

  async function transport(method: string, input: unknown): Promise<unknown> {
    const parsed = contract[method as MethodName].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'invalid', fields: fieldErrorsFromIssues(parsed.error.issues) } };
    let answer: unknown;
    try {
      answer = { ok: true, value: structuredClone(handle(method as MethodName, parsed.data as Record<string, unknown>)) };
    } catch (error) {
      // A refusal as main sends it: `refuse(code, message)` below.
      if (!(error instanceof Refusal)) throw error;
      answer = { ok: false, error: { code: error.code, message: error.message } };
    }
    const holding = toHold.get(method) ?? 0;
    if (holding === 0) return answer;
    toHold.set(method, holding - 1);
    return new Promise((resolve) => held.push({ method, answer: () => resolve(answer) }));
  }

  return {
    transport,
    hold: (method: MethodName) => toHold.set(method, (toHold.get(method) ?? 0) + 1),
    waiting: (method: MethodName) => held.filter((h) => h.method === method).length,
    /** Let the oldest held answer of `method` through. */
    release(method: MethodName) {
      const index = held.findIndex((h) => h.method === method);
      if (index < 0) throw new Error(`no ${method} answer held`);
      held.splice(index, 1)[0]?.answer();
    },
  };
}

/** Take the screen away at once (as a keyed remount does), with the focus still in a row. */
export let takeAway = () => undefined as void;
function Removable({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    takeAway = () => setShown(false);
  }, []);
  return shown ? children : <p>Taken away</p>;
}

/** The screen on route `path`, opened at `url`, beside a /roster page to leave to. */
export function renderScreen(api: { transport(method: string, input: unknown): Promise<unknown> }, path: string, url: string, screen: ReactNode) {
  setTransportForTests(api.transport);
  const client = createQueryClient();
  const router = createMemoryRouter(
    [
      { path, element: <Removable>{screen}</Removable> },
      { path: '/roster', element: <p>The roster</p> },
    ],
    { initialEntries: [url] },
  );
  render(
    <AppProviders queryClient={client}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { client, router };
}

/** Let promise callbacks run without letting anything scheduled on a timer (React Query's notices) run. */
export async function microtasks(until: () => boolean = () => false, most = 200) {
  for (let i = 0; i < most && !until(); i += 1) await Promise.resolve();
}

/** Type into a box (focus moves to it first, as a click would). */
export function type(input: HTMLElement, text: string) {
  act(() => input.focus());
  fireEvent.change(input, { target: { value: text } });
}

/** Move the focus out of a row (to a box of another row, or to the page). */
export function leaveTo(next: HTMLElement | null) {
  act(() => {
    if (next) next.focus();
    else (document.activeElement as HTMLElement | null)?.blur();
  });
}
