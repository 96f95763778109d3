/**
 * The print route: the page that shows nothing but the day's sheets, for the browser's print, the
 * desktop's hidden PDF window and the benchmark. Main builds its address; the page reads it back.
 * `#/print/sheets?date=2026-09-14&group=3&layout=individual&paper=a4` (or `athletes=4,9,12`).
 */
import { isIsoDate } from '../dates';
import type { PaperSize, SheetLayout } from '../contract/sheets';

export const PRINT_SHEETS_PATH = '/print/sheets';

export interface PrintRequest {
  date: string;
  groupId: number | null;
  athleteIds: number[];
  layout: SheetLayout;
  paper: PaperSize;
}

/** The route (for a hash router) that prints these sheets. */
export function sheetsPrintRoute(request: PrintRequest): string {
  const who = request.groupId !== null ? `group=${request.groupId}` : `athletes=${request.athleteIds.join(',')}`;
  return `${PRINT_SHEETS_PATH}?date=${request.date}&${who}&layout=${request.layout}&paper=${request.paper}`;
}

/** A query string's values (shared/ has no URLSearchParams: no DOM or Node here). */
function queryValues(search: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    const [key, value = ''] = pair.split('=');
    if (!key) continue;
    try {
      values.set(decodeURIComponent(key), decodeURIComponent(value.replace(/\+/g, ' ')));
    } catch {
      // A malformed escape: leave that value out.
    }
  }
  return values;
}

const positiveId = (text: string): number | null => (/^[1-9]\d{0,15}$/.test(text) ? Number(text) : null);

/** The request in a print route's query, or null when it is not a whole one. */
export function parseSheetsPrintRoute(search: string): PrintRequest | null {
  const params = queryValues(search);
  const date = params.get('date') ?? '';
  if (!isIsoDate(date)) return null;
  const group = params.get('group') ?? null;
  const athletes = params.get('athletes') ?? null;
  const groupId = group === null ? null : positiveId(group);
  const athleteIds = athletes === null || athletes === '' ? [] : athletes.split(',').map((id) => positiveId(id));
  if ((group !== null && groupId === null) || athleteIds.some((id) => id === null) || (groupId === null) === (athleteIds.length === 0)) return null;
  const layout = params.get('layout') === 'clipboard' ? 'clipboard' : 'individual';
  const paper = params.get('paper') === 'letter' ? 'letter' : 'a4';
  return { date, groupId, athleteIds: athleteIds as number[], layout, paper };
}
