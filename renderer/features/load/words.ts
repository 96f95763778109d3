/** Short words the Load screens share. */
import type { AcwrMethod } from '@shared/load/series';
import type { LoadUnavailableReason } from '@shared/science';

/** The ratio methods on a chooser; the full label (ACWR_METHOD_LABELS) goes beside the number. */
export const METHOD_SHORT: Readonly<Record<AcwrMethod, string>> = {
  ewma: 'EWMA',
  'rolling-uncoupled': 'Rolling, uncoupled',
  'rolling-coupled': 'Rolling, coupled',
};

/** Why a day has no ratio, in a tooltip's few words (LOAD_UNAVAILABLE_MESSAGES has the sentences). */
export const RATIO_GAP_WORDS: Readonly<Record<LoadUnavailableReason, string>> = {
  'insufficient-history': 'not 28 days of history yet',
  'too-many-missing-days': 'more than 10% of its window not logged',
  'zero-chronic-load': 'no load in its window',
  'no-variation': 'no variation',
};

/** sessionStorage: the athlete whose chart was open last in this window, so the tab goes back to them. */
export const LAST_ATHLETE_KEY = 'backchain.load.athlete';
