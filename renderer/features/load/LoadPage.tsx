/**
 * The Load section (issue 7): the squad heat map and one athlete's load chart, one route each so
 * a coach can come back to where they were. The numbers come from load.squadWeeks and
 * load.athlete (docs/LOAD_CONTRACT.md).
 */
import { Stack, Tabs } from '@mantine/core';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { AthleteLoadPage } from './AthleteLoadPage';
import { SquadHeatmapPage } from './SquadHeatmapPage';
import { LAST_ATHLETE_KEY } from './words';

const VIEWS = [
  { value: 'squad', label: 'Squad heat map', path: '/load' },
  { value: 'athlete', label: 'Athlete chart', path: '/load/athlete' },
] as const;

export function LoadPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const view = location.pathname.startsWith('/load/athlete') ? 'athlete' : 'squad';
  return (
    <Stack gap="md">
      <Tabs
        value={view}
        onChange={(value) => {
          const last = sessionStorage.getItem(LAST_ATHLETE_KEY);
          void navigate(value === 'athlete' && last ? `/load/athlete/${last}` : (VIEWS.find((v) => v.value === value)?.path ?? '/load'));
        }}
      >
        <Tabs.List>
          {VIEWS.map((v) => (
            <Tabs.Tab key={v.value} value={v.value}>
              {v.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<SquadHeatmapPage />} />
        <Route path="athlete" element={<AthleteLoadPage />} />
        <Route path="athlete/:athleteId" element={<AthleteLoadPage />} />
      </Routes>
    </Stack>
  );
}
