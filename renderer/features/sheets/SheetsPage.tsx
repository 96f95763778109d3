/**
 * The Sheets section (issue 4): print a day's session sheets for a group or chosen athletes
 * (preview, the system's or the browser's print, Save as PDF in the desktop app), key the
 * results back in, and keep each athlete's working maxes.
 */
import { Button, EmptyState, Paper, Stack, Tabs } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useApiQuery } from '@renderer/api/hooks';
import { NoAthletesYet } from '@renderer/app/NoAthletesYet';
import { MaxesTab } from './MaxesTab';
import { PrintTab } from './PrintTab';
import { ResultsTab } from './ResultsTab';

const TABS = [
  { value: 'print', label: 'Print sheets', path: '/sheets' },
  { value: 'results', label: 'Enter results', path: '/sheets/results' },
  { value: 'maxes', label: 'Working maxes', path: '/sheets/maxes' },
] as const;

/** What the section needs before it can show anything: athletes and a plan. */
function Prerequisites({ children, needsPlan }: { children: ReactNode; needsPlan: boolean }) {
  const navigate = useNavigate();
  const athletes = useApiQuery('athletes.list', { status: 'active' });
  const summary = useApiQuery('calendar.summary', {});
  const groups = useApiQuery('groups.list', {});
  if (!athletes.data || !summary.data) return null;
  if (athletes.data.length === 0) {
    return <NoAthletesYet hasGroups={(groups.data ?? []).length > 0} description="Session sheets give every athlete their own loads for the day. Add your squad on the roster first, or load the sample squad (24 athletes with a plan, working maxes and a few weeks of results) to look around." />;
  }
  if (needsPlan && summary.data.blocks === 0) {
    return (
      <Paper withBorder p="xl" maw={720} mx="auto" mt="xl">
        <EmptyState
          icon={<IconCalendarEvent size={32} />}
          variant="light"
          title="No season plan yet"
          description="A session sheet is the day's session from the plan, with each athlete's own loads. Plan a block first: its weekly rhythm says which session each group does on which day."
        >
          <EmptyState.Actions>
            <Button leftSection={<IconCalendarEvent size={18} />} onClick={() => void navigate('/plan')}>
              Go to the plan
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    );
  }
  return <>{children}</>;
}

export function SheetsPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((t) => t.path !== '/sheets' && location.pathname.startsWith(t.path))?.value ?? 'print';
  return (
    <Stack gap="sm">
      <Tabs
        value={current}
        // The day and group travel with the tab (same search string).
        onChange={(v) => void navigate(`${TABS.find((t) => t.value === v)?.path ?? '/sheets'}${location.search}`)}
        keepMounted={false}
        className="no-print"
      >
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Prerequisites needsPlan={current !== 'maxes'}>
        {current === 'print' && <PrintTab />}
        {current === 'results' && <ResultsTab />}
        {current === 'maxes' && <MaxesTab />}
      </Prerequisites>
    </Stack>
  );
}
