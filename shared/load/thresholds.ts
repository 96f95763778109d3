/**
 * The deload warnings' thresholds: defaults from DOMAIN.md and REFERENCE.md §4, §6.3 and §8, each
 * a setting with one sentence a coach reads on the Settings screen.
 */
import type { SdConvention } from '../science';
import type { AcwrMethod } from './series';

export interface WarningThresholds {
  /** A deload is due when more than this many whole weeks have passed since the last one. */
  weeksSinceDeload: number;
  /** The last 7 days' load is this many % or more above the 7 days before. */
  weeklyJumpPercent: number;
  /** The acute:chronic ratio is at or above this. */
  acwrHigh: number;
  /** Which ratio the warnings and charts use. */
  acwrMethod: AcwrMethod;
  /** Foster monotony of the last 7 days is above this. */
  monotonyHigh: number;
  monotonySd: SdConvention;
  /** A wellness total's z-score against the athlete's own 28-day baseline at or below this flags the day. */
  wellnessZ: number;
  /** Any wellness item scored at or below this flags the day. */
  wellnessItem: number;
  /** Flagged wellness days in a row that make a signal. */
  wellnessDays: number;
  /** Hamstring tightness reported at least this many times... */
  hamstringTimes: number;
  /** ...within this many days. */
  hamstringWindowDays: number;
  /** A re-test decline beyond the noise counts for this many days after the re-test. */
  retestWindowDays: number;
}

export const WARNING_THRESHOLD_DEFAULTS: WarningThresholds = {
  weeksSinceDeload: 6,
  weeklyJumpPercent: 15,
  acwrHigh: 1.5,
  acwrMethod: 'ewma',
  monotonyHigh: 2,
  monotonySd: 'sample',
  wellnessZ: -1,
  wellnessItem: 2,
  wellnessDays: 2,
  hamstringTimes: 2,
  hamstringWindowDays: 7,
  retestWindowDays: 28,
};

/** Allowed ranges (the migration's CHECKs say the same). */
export const WARNING_THRESHOLD_RANGES = {
  weeksSinceDeload: { min: 2, max: 16, step: 1 },
  weeklyJumpPercent: { min: 5, max: 100, step: 1 },
  acwrHigh: { min: 1, max: 3, step: 0.05 },
  monotonyHigh: { min: 1, max: 5, step: 0.1 },
  wellnessZ: { min: -3, max: -0.5, step: 0.1 },
  wellnessItem: { min: 1, max: 3, step: 1 },
  wellnessDays: { min: 1, max: 14, step: 1 },
  hamstringTimes: { min: 1, max: 14, step: 1 },
  hamstringWindowDays: { min: 3, max: 28, step: 1 },
  retestWindowDays: { min: 7, max: 120, step: 1 },
} as const satisfies Partial<Record<keyof WarningThresholds, { min: number; max: number; step: number }>>;

/** What each setting means and where its default comes from, in the coach's words. */
export const WARNING_THRESHOLD_HELP: Readonly<Record<keyof WarningThresholds, { label: string; help: string }>> = {
  weeksSinceDeload: {
    label: 'Weeks since the last deload',
    help: 'A deload is recommended when more whole weeks than this have passed since the athlete\u2019s last deload day. Default 6: deloads every 4-6 weeks are usual practice (DOMAIN.md; Bell 2022).',
  },
  weeklyJumpPercent: {
    label: 'Weekly load jump (%)',
    help: 'The last 7 days\u2019 load (session RPE x minutes, strength and runs) this much or more above the 7 days before, and above what the plan asked for (a planned rise, or the week after a deload week, is not flagged). Default 15%: the often-quoted week-to-week jump (Gabbett 2016).',
  },
  acwrHigh: {
    label: 'Acute:chronic ratio at or above',
    help: 'The last week\u2019s load against the last four weeks\u2019. Default 1.5, the top of the commonly quoted bands (Gabbett 2016). The ratio is criticised (see the notes beside it) and never counts alone.',
  },
  acwrMethod: {
    label: 'Ratio method',
    help: 'EWMA (7 and 28 days, seeded with the first day) by default; the rolling 7-day / 21-day (uncoupled) or 7/28-day (coupled) averages as options. The same week can read differently by method.',
  },
  monotonyHigh: {
    label: 'Monotony above',
    help: 'Foster\u2019s monotony: the mean daily load of the last 7 days over its standard deviation. Default 2.0, a rule of thumb from secondary sources; compare the athlete with their own history.',
  },
  monotonySd: {
    label: 'Monotony standard deviation',
    help: 'Sample (n \u2212 1) by default; population (n) as an option. The papers do not fix it: the same week gives 1.215 or 1.312.',
  },
  wellnessZ: {
    label: 'Wellness total z-score at or below',
    help: 'A day\u2019s total of the five items (5-25) against the athlete\u2019s own last 28 days (at least 14 complete checks). Default \u22121.0 (REFERENCE.md \u00a76.3).',
  },
  wellnessItem: {
    label: 'Any wellness item at or below',
    help: 'A single item (sleep, fatigue, soreness, stress, mood, each 1-5) this low flags the day. Default 2 (REFERENCE.md \u00a76.3).',
  },
  wellnessDays: {
    label: 'Flagged wellness days in a row',
    help: 'Flagged days in a row, ending with the latest check, that make a signal. Default 2 (REFERENCE.md \u00a76.3). A day without a check breaks the run.',
  },
  hamstringTimes: {
    label: 'Hamstring tightness reports',
    help: 'Tight hamstrings reported at least this many times within the days below make a signal. Default 2 in 7 days: the app\u2019s own choice, no published cut-off exists.',
  },
  hamstringWindowDays: {
    label: '\u2026within days',
    help: 'The window for the hamstring reports, ending today. Default 7.',
  },
  retestWindowDays: {
    label: 'Re-test decline counts for (days)',
    help: 'A re-test score below the athlete\u2019s previous one by more than the test\u2019s noise (the interval wholly below the smallest worthwhile change) counts for this many days after the re-test. Default 28.',
  },
};
