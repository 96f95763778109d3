/**
 * The renderer's only door to the data: a typed `call(method, input)`. Every call that writes
 * refreshes the cached queries its declaration says it affects (./freshness.ts), whoever makes it:
 * a form, a fast-entry row, an undo. In the desktop app it
 * goes through `window.backchain.invoke` (the preload's bridge); in browser mode, over HTTP to
 * the local server with the per-run token. Failures become `ApiError`s carrying the coach-readable
 * message and, for forms, the message per field.
 */
import type { ApiResponse, MethodInput, MethodName, MethodResult } from '@shared/contract';
import { isAppErrorBody, type AppErrorCode } from '@shared/errors';
import { refreshAfter } from './freshness';

declare global {
  interface Window {
    backchain?: { invoke(method: string, input: unknown): Promise<unknown> };
  }
}

export class ApiError extends Error {
  readonly code: AppErrorCode;
  readonly fields: Record<string, string>;
  constructor(code: AppErrorCode, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }
}

const TOKEN_KEY = 'backchain.token';

/** Browser mode hands the page its token once, in the address; keep it for this tab and hide it. */
export function browserModeToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

type Transport = (method: string, input: unknown) => Promise<unknown>;

function createTransport(): Transport {
  const bridge = window.backchain;
  if (bridge) return (method, input) => bridge.invoke(method, input);
  const token = browserModeToken();
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`./api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-backchain-token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ApiError('internal', 'Backchain is not responding. Is the browser-mode server still running?');
    }
    return (await response.json()) as unknown;
  };
}

let transport: Transport | null = null;

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  transport ??= createTransport();
  const raw = (await transport(method, input)) as ApiResponse<MethodResult<M>> | undefined;
  if (!raw || typeof raw !== 'object' || !('ok' in raw)) throw new ApiError('internal', 'Backchain sent an answer it could not read.');
  if (raw.ok) {
    // A write refreshes what it may have changed, by its declaration (./freshness.ts); the
    // screens on view fetch again while the caller goes on.
    void refreshAfter(method);
    return raw.value;
  }
  const body = isAppErrorBody(raw.error) ? raw.error : { code: 'internal' as const, message: 'Something went wrong.' };
  throw new ApiError(body.code, body.message, body.fields);
}

/** For tests: replace how calls reach the data. */
export function setTransportForTests(next: Transport | null): void {
  transport = next;
}
