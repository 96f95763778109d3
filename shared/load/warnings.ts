/**
 * The deload warnings (issue 7; DOMAIN.md "Monitoring and deload warnings"; REFERENCE.md §4.4,
 * §6.3). Types first; the rules follow.
 */
import type { IsoDate } from '../dates';

export type WarningLevel = 'watch' | 'act';

export const WARNING_SIGNAL_KEYS = ['weeks-since-deload', 'weekly-jump', 'acwr-high', 'monotony-high', 'wellness-low', 'hamstring', 'retest-decline'] as const;
export type WarningSignalKey = (typeof WARNING_SIGNAL_KEYS)[number];

export type WarningActionKind = 'dismissed' | 'deload_scheduled';

/** What the coach did about a warning (the warnings' history). */
export interface WarningAction {
  id: number;
  athleteId: number;
  athleteName: string;
  kind: WarningActionKind;
  /** The day the warning was computed for. */
  asOf: IsoDate;
  level: WarningLevel;
  signals: WarningSignalKey[];
  /** The reasons as the coach saw them. */
  reasons: string;
  note: string;
  deloadFrom: IsoDate | null;
  deloadTo: IsoDate | null;
  /** ISO timestamp. */
  createdAt: string;
}
