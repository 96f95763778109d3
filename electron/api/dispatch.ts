import { contract, isMethodName, type ApiResponse, type MethodName } from '@shared/contract';
import { AppError, fieldErrorsFromIssues, summarizeIssues } from '@shared/errors';
import type { ApiContext } from './context';
import { handlers } from './handlers';

type UntypedHandler = (ctx: ApiContext, input: unknown) => unknown;

/** What the coach reads when something failed that Backchain did not foresee. */
export const UNEXPECTED_ERROR_MESSAGE = 'Backchain could not finish this because of an unexpected problem; nothing was changed. Try again; if it happens again, the details are in Backchain\'s log.';

/**
 * The one entry point for every call, from IPC and from the browser-mode server alike:
 * check the method exists, validate the input with its schema, run the handler, and turn any
 * failure into `{ ok: false, error }` with a sentence a coach can read. Handlers run their
 * writes in transactions, so a failure changes nothing.
 */
export async function dispatch(ctx: ApiContext, method: unknown, input: unknown, log: (error: unknown) => void = console.error): Promise<ApiResponse<unknown>> {
  if (!isMethodName(method)) {
    // Never String() an unknown value: an object without a prototype cannot be converted.
    const name = typeof method === 'string' ? `"${method.slice(0, 80)}"` : `of type ${method === null ? 'null' : typeof method}`;
    return { ok: false, error: { code: 'unknown_method', message: `Backchain has no action called ${name}.` } };
  }
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues;
    return {
      ok: false,
      error: { code: 'invalid_input', message: summarizeIssues(issues), fields: fieldErrorsFromIssues(issues) },
    };
  }
  try {
    // The handler map is keyed by method; indexing it with a union loses the pairing of each
    // method with its own input type, which the schema above has already enforced.
    const handler = handlers[method as MethodName] as UntypedHandler;
    const value = await handler(ctx, parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    // The details (SQLite's or Node's own words, a stack) go to the log, never to the page.
    log(new Error(`${method} failed`, { cause: error }));
    return { ok: false, error: { code: 'internal', message: UNEXPECTED_ERROR_MESSAGE } };
  }
}
