import { IconActivity, IconAlertTriangle, IconCalendarEvent, IconClipboardData, IconDatabase, IconLayoutGrid, IconPrinter, IconSettings, IconUsersGroup, type Icon } from '@tabler/icons-react';
import type { ReactElement } from 'react';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { DataPage } from '../features/data/DataPage';
import { LoadPage } from '../features/load/LoadPage';
import { PlanPage } from '../features/plan/PlanPage';
import { TestsPage } from '../features/retests/TestsPage';
import { SheetsPage } from '../features/sheets/SheetsPage';
import { RosterPage } from '../features/roster/RosterPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { WarningsPage } from '../features/warnings/WarningsPage';

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
  { path: '/plan', label: 'Plan', icon: IconCalendarEvent, shortcut: 'mod+3', element: <PlanPage /> },
  { path: '/sheets', label: 'Sheets', icon: IconPrinter, shortcut: 'mod+4', element: <SheetsPage /> },
  { path: '/tests', label: 'Tests', icon: IconClipboardData, shortcut: 'mod+5', element: <TestsPage /> },
  { path: '/warnings', label: 'Warnings', icon: IconAlertTriangle, shortcut: 'mod+6', element: <WarningsPage /> },
  { path: '/load', label: 'Load', icon: IconActivity, shortcut: 'mod+7', element: <LoadPage /> },
  { path: '/data', label: 'Data', icon: IconDatabase, shortcut: 'mod+9', element: <DataPage /> },
  { path: '/settings', label: 'Settings', icon: IconSettings, shortcut: 'mod+,', element: <SettingsPage /> },
];
