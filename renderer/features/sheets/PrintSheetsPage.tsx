/**
 * The print route (`#/print/sheets?date=...&group=...&layout=...&paper=...`): the day's sheets
 * and nothing else, for the desktop's hidden PDF window and the benchmark's Chromium. Once the
 * data is on the page and the fonts are ready it sets `data-print-ready` on <body> (or
 * `data-print-error` with the reason), which is what the printer waits for.
 */
import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router';
import { formatDateLong } from '@shared/dates';
import { parseSheetsPrintRoute } from '@shared/sheets/printRoute';
import { useApiQuery } from '@renderer/api/hooks';
import { SheetPages } from './SheetPrint';

function markBody(state: { ready: true } | { error: string }) {
  if ('error' in state) document.body.dataset.printError = state.error;
  else document.body.dataset.printReady = 'true';
}

export function PrintSheetsPage() {
  const location = useLocation();
  const request = useMemo(() => parseSheetsPrintRoute(location.search), [location.search]);
  const day = useApiQuery('sheets.day', request ? { date: request.date, groupId: request.groupId, athleteIds: request.athleteIds } : { date: '2000-01-01', groupId: 1 }, {
    enabled: request !== null,
  });
  // A cached answer is the squad as it is now (writes refresh what they affect); one being
  // fetched again is not ready to print yet.
  const fresh = day.isSuccess && !day.isFetching;

  useEffect(() => {
    if (!request) {
      markBody({ error: 'The print address is incomplete (date, group or athletes, layout, paper).' });
      return;
    }
    if (day.isError) {
      markBody({ error: day.error.message });
      return;
    }
    if (!day.data || !fresh) return;
    if (day.data.sheets.length === 0) {
      markBody({ error: `Nothing is planned for ${day.data.title} on ${formatDateLong(day.data.date)}.` });
      return;
    }
    document.title = `${request.layout === 'clipboard' ? 'Clipboard' : 'Session sheets'}: ${day.data.title}, ${formatDateLong(day.data.date)}`;
    let cancelled = false;
    // The pages are in the DOM (this effect runs after the commit); wait for the fonts and one frame of layout.
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() => {
        if (!cancelled) markBody({ ready: true });
      }),
    );
    return () => {
      cancelled = true;
    };
  }, [request, day.data, day.isError, day.error, fresh]);

  if (!request) return <p className="print-route">This print address is incomplete.</p>;
  if (day.isError) return <p className="print-route">{day.error.message}</p>;
  if (!day.data) return null;
  return (
    <div className="print-route">
      <SheetPages day={day.data} layout={request.layout} paper={request.paper} />
    </div>
  );
}
