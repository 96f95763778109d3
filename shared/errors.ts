/**
 * The one error shape that crosses the process boundary. Every failure a coach can cause
 * (bad input, a duplicate, something that no longer exists) becomes an `AppError` with a
 * sentence that says what is wrong, and, when it belongs to one field of a form, which field.
 */
export type AppErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unknown_method'
  | 'forbidden'
  | 'database_unavailable'
  | 'internal';

export interface AppErrorBody {
  code: AppErrorCode;
  message: string;
  /** Field path (dot-separated, as in the method's input) → message to show next to that field. */
  fields?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(code: AppErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  toBody(): AppErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export function isAppErrorBody(value: unknown): value is AppErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.code === 'string' && typeof body.message === 'string';
}

export interface ValidationIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** First message per field path, e.g. `{ "givenName": "Enter a first name" }`. */
export function fieldErrorsFromIssues(issues: ReadonlyArray<ValidationIssue>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

/** One readable sentence for a list of issues: "First name: Enter a first name (and 2 more problems)". */
export function summarizeIssues(issues: ReadonlyArray<ValidationIssue>, fieldLabel: (path: string) => string = (p) => p): string {
  const first = issues[0];
  if (!first) return 'The request was not valid.';
  const path = first.path.map(String).join('.');
  const head = path ? `${fieldLabel(path)}: ${first.message}` : first.message;
  const rest = issues.length - 1;
  return rest > 0 ? `${head} (and ${rest} more problem${rest === 1 ? '' : 's'})` : head;
}
