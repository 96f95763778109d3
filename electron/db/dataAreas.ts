/**
 * Which data area (shared/contract/define.ts) each table belongs to. `derived` tables are kept
 * by Backchain itself from the others (the calendar table and its rebuild marks, the change
 * counters) and are never a method's declared effect. Every table of the schema is listed: a
 * table added by a migration and not here fails tests/electron/freshness.test.ts.
 */
import type { DataArea } from '@shared/contract/define';

export const TABLE_AREAS: Readonly<Record<string, DataArea | 'derived'>> = {
  squad_settings: 'settings',
  squad_group: 'roster',
  athlete: 'roster',
  plan_meta: 'plan',
  exercise: 'plan',
  session_template: 'plan',
  template_prescription: 'plan',
  block: 'plan',
  block_target: 'plan',
  block_day: 'plan',
  calendar_event: 'plan',
  athlete_day_change: 'plan',
  exercise_swap: 'plan',
  athlete_day: 'derived',
  athlete_day_pending: 'derived',
  data_version: 'derived',
  test_definition: 'retests',
  retest_settings: 'retests',
  test_session: 'retests',
  test_session_test: 'retests',
  test_entry: 'retests',
  test_trial: 'retests',
  working_max: 'maxes',
  strength_log: 'logs',
  strength_set: 'logs',
  run_log: 'logs',
  wellness_entry: 'logs',
  warning_settings: 'warnings',
  warning_action: 'warnings',
};
