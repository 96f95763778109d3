import { IconActivity, IconAlertTriangle, IconCalendarEvent, IconClipboardData, IconDatabase, IconLayoutGrid, IconPrinter, IconSettings, IconUsersGroup, type Icon } from '@tabler/icons-react';
import { Suspense, lazy, type ComponentType, type ReactElement } from 'react';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { RosterPage } from '../features/roster/RosterPage';
import { SettingsPage } from '../features/settings/SettingsPage';

/**
 * The screens the app opens on (Roster, Calendar) and Settings are in the first bundle; the others
 * load when first visited, so the charts library and the sheets' print code do not delay the
 * calendar's first paint (bench: gridFirstPaintMs).
 */
function later(load: () => Promise<ComponentType>): ReactElement {
  const Screen = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={null}>
      <Screen />
    </Suspense>
  );
}

/** The app's sections, in navigation order. A capability adds its screen here when it exists. */
export interface Section {
  path: string;
  label: string;
  icon: Icon;
  /** Shown in the navigation and the shortcuts list. */
  shortcut: string;
  element: ReactElement;
}

export const SECTIONS: Section[] = [
  { path: '/roster', label: 'Roster', icon: IconUsersGroup, shortcut: 'mod+1', element: <RosterPage /> },
  { path: '/calendar', label: 'Calendar', icon: IconLayoutGrid, shortcut: 'mod+2', element: <CalendarPage /> },
  { path: '/plan', label: 'Plan', icon: IconCalendarEvent, shortcut: 'mod+3', element: later(async () => (await import('../features/plan/PlanPage')).PlanPage) },
  { path: '/sheets', label: 'Sheets', icon: IconPrinter, shortcut: 'mod+4', element: later(async () => (await import('../features/sheets/SheetsPage')).SheetsPage) },
  { path: '/retests', label: 'Re-tests', icon: IconClipboardData, shortcut: 'mod+5', element: later(async () => (await import('../features/retests/RetestsPage')).RetestsPage) },
  { path: '/warnings', label: 'Warnings', icon: IconAlertTriangle, shortcut: 'mod+6', element: later(async () => (await import('../features/warnings/WarningsPage')).WarningsPage) },
  { path: '/load', label: 'Load', icon: IconActivity, shortcut: 'mod+7', element: later(async () => (await import('../features/load/LoadPage')).LoadPage) },
  { path: '/data', label: 'Data', icon: IconDatabase, shortcut: 'mod+9', element: later(async () => (await import('../features/data/DataPage')).DataPage) },
  { path: '/settings', label: 'Settings', icon: IconSettings, shortcut: 'mod+,', element: <SettingsPage /> },
];
