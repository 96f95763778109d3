/**
 * The Tests section (issue 5): sessions and fast entry, the squad comparison, an athlete's
 * history, the battery's settings, and the printable reports. One route per view so a coach can
 * come back to where they were.
 */
import { Stack, Tabs } from '@mantine/core';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { AthleteReport } from './AthleteReport';
import { AthleteView } from './AthleteView';
import { SessionList } from './SessionList';
import { SessionPage } from './SessionPage';
import { SquadComparisonPage } from './SquadComparisonPage';
import { SquadReport } from './SquadReport';
import { TestSettingsPage } from './TestSettingsPage';

const VIEWS = [
  { value: 'sessions', label: 'Sessions', path: '/retests' },
  { value: 'compare', label: 'Squad comparison', path: '/retests/compare' },
  { value: 'athlete', label: 'Athletes', path: '/retests/athlete' },
  { value: 'settings', label: 'Test settings', path: '/retests/settings' },
] as const;

function currentView(pathname: string): string {
  if (pathname.startsWith('/retests/compare')) return 'compare';
  if (pathname.startsWith('/retests/athlete')) return 'athlete';
  if (pathname.startsWith('/retests/settings')) return 'settings';
  return 'sessions';
}

export function RetestsPage() {
  const location = useLocation();
  const navigate = useNavigate();
  if (location.pathname.startsWith('/retests/print/')) {
    return (
      <Routes>
        <Route path="print/athlete/:athleteId" element={<AthleteReport />} />
        <Route path="print/squad" element={<SquadReport />} />
      </Routes>
    );
  }
  return (
    <Stack gap="md">
      <Tabs value={currentView(location.pathname)} onChange={(value) => void navigate(VIEWS.find((v) => v.value === value)?.path ?? '/retests')} className="no-print">
        <Tabs.List>
          {VIEWS.map((v) => (
            <Tabs.Tab key={v.value} value={v.value}>
              {v.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<SessionList />} />
        <Route path="session/:sessionId" element={<SessionPage />} />
        <Route path="compare" element={<SquadComparisonPage />} />
        <Route path="athlete" element={<AthleteView />} />
        <Route path="athlete/:athleteId" element={<AthleteView />} />
        <Route path="settings" element={<TestSettingsPage />} />
      </Routes>
    </Stack>
  );
}
