/** The season plan: blocks, session templates, the exercise library, test days and races. */
import { Stack, Tabs, Title } from '@mantine/core';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { BlockEditorRoute } from './BlockEditor';
import { BlocksTab } from './BlocksTab';
import { EventsTab } from './EventsTab';
import { ExercisesTab } from './ExercisesTab';
import { TemplatesTab } from './TemplatesTab';

const TABS = [
  { value: 'blocks', label: 'Blocks', path: '/plan' },
  { value: 'templates', label: 'Session templates', path: '/plan/templates' },
  { value: 'exercises', label: 'Exercises', path: '/plan/exercises' },
  { value: 'events', label: 'Test days & races', path: '/plan/events' },
] as const;

function PlanTabs() {
  const location = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((t) => t.path !== '/plan' && location.pathname.startsWith(t.path))?.value ?? 'blocks';
  return (
    <Stack gap="sm">
      <Title order={2}>Plan</Title>
      <Tabs value={current} onChange={(v) => void navigate(TABS.find((t) => t.value === v)?.path ?? '/plan')} keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="blocks" pt="sm">
          <BlocksTab />
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="sm">
          <TemplatesTab />
        </Tabs.Panel>
        <Tabs.Panel value="exercises" pt="sm">
          <ExercisesTab />
        </Tabs.Panel>
        <Tabs.Panel value="events" pt="sm">
          <EventsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function PlanPage() {
  return (
    <Routes>
      <Route path="blocks/:blockId" element={<BlockEditorRoute />} />
      <Route path="*" element={<PlanTabs />} />
    </Routes>
  );
}
