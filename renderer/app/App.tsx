import { MantineProvider } from '@mantine/core';
import { DatesProvider, type DayOfWeek } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { LandingRedirect } from '../features/calendar/LandingRedirect';
import { PrintSheetsPage } from '../features/sheets/PrintSheetsPage';
import { PRINT_SHEETS_PATH } from '@shared/sheets/printRoute';
import { refreshThroughout } from '../api/freshness';
import { useApiQuery } from '../api/hooks';
import { SECTIONS } from './sections';
import { Shell } from './Shell';
import { StartupProblem } from './StartupProblem';
import { theme } from './theme';
import { UndoProvider } from './undo';

function createRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <Shell />,
      children: [{ index: true, element: <LandingRedirect /> }, ...SECTIONS.map((s) => ({ path: `${s.path.slice(1)}/*`, element: s.element }))],
    },
    // Pages printed on their own (no navigation around them): the desktop's PDF window opens these.
    { path: PRINT_SHEETS_PATH, element: <PrintSheetsPage /> },
  ]);
}

/** The first thing the window asks: did the squad database open? If not, say why and where. */
function StatusGate() {
  const status = useApiQuery('app.status', {});
  const [router] = useState(createRouter);
  if (status.isPending) return null;
  if (status.isError) return <StartupProblem message={status.error.message} />;
  if (status.data.problem) return <StartupProblem status={status.data} />;
  return (
    <SquadWeek>
      <RouterProvider router={router} />
    </SquadWeek>
  );
}

/** Date pickers start their weeks on the squad's first day of the week (Settings), Monday until it is read. */
function SquadWeek({ children }: { children: React.ReactNode }) {
  const settings = useApiQuery('settings.get', {});
  const firstDayOfWeek = (settings.data?.firstDayOfWeek ?? 1) as DayOfWeek; // 0-6, checked by the settings schema
  return <DatesProvider settings={{ firstDayOfWeek }}>{children}</DatesProvider>;
}

/**
 * The window's cache of answers. An answer stays until a write that affects what it reads makes
 * it stale (renderer/api/freshness.ts), so it can be kept long; the ten minutes only let what
 * depends on the clock (today's warnings, "this week") catch up when nothing is written.
 */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      // Local data: no network flakiness to retry through, and a failure should show at once.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10 * 60_000 },
      mutations: { retry: false },
    },
  });
  refreshThroughout(client);
  return client;
}

export function AppProviders({ children, queryClient }: { children: React.ReactNode; queryClient: QueryClient }) {
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <ModalsProvider>
            <Notifications position="bottom-right" limit={4} />
            <UndoProvider>{children}</UndoProvider>
          </ModalsProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProviders queryClient={queryClient}>
      <StatusGate />
    </AppProviders>
  );
}
