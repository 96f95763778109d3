/**
 * The scales printed on a session sheet and used when results are keyed back: Foster's modified
 * CR-10 session RPE (REFERENCE.md §4.1) and McLean's five wellness items, 1-5 with 5 the best
 * (REFERENCE.md §6.3).
 */

/** Foster et al. (2001) modified CR-10: the words beside each rating (6, 8 and 9 have none). */
export const CR10_WORDS: readonly { rating: number; words: string }[] = [
  { rating: 0, words: 'Rest' },
  { rating: 1, words: 'Very, very easy' },
  { rating: 2, words: 'Easy' },
  { rating: 3, words: 'Moderate' },
  { rating: 4, words: 'Somewhat hard' },
  { rating: 5, words: 'Hard' },
  { rating: 6, words: '' },
  { rating: 7, words: 'Very hard' },
  { rating: 8, words: '' },
  { rating: 9, words: '' },
  { rating: 10, words: 'Maximal' },
];

/** "How was your workout?", asked about 30 minutes after the session (REFERENCE.md §4.1). */
export const SESSION_RPE_QUESTION = 'How was your workout? (about 30 min after)';

export const WELLNESS_ITEMS = ['fatigue', 'sleepQuality', 'muscleSoreness', 'stress', 'mood'] as const;
export type WellnessItemKey = (typeof WELLNESS_ITEMS)[number];

/** McLean et al. (2010): each item 1-5, 5 the best; the words for 1 and 5. */
export const WELLNESS_WORDS: Record<WellnessItemKey, { label: string; short: string; worst: string; best: string }> = {
  fatigue: { label: 'Fatigue', short: 'Fatigue', worst: 'always tired', best: 'very fresh' },
  sleepQuality: { label: 'Sleep quality', short: 'Sleep', worst: 'could not sleep', best: 'very restful' },
  muscleSoreness: { label: 'General muscle soreness', short: 'Soreness', worst: 'very sore', best: 'feeling great' },
  stress: { label: 'Stress', short: 'Stress', worst: 'highly stressed', best: 'very relaxed' },
  mood: { label: 'Mood', short: 'Mood', worst: 'down, irritable', best: 'very positive' },
};
