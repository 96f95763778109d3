/**
 * The squad heat map's pure parts: the colour scale and its legend, the rows (group headers and
 * athletes), the week headers, and the words for each cell. No React here, so each is tested on
 * its own (tests/renderer/loadHeatmap.test.ts).
 *
 * The scale is one hue (ColorBrewer "Blues", 7 classes) from light to dark: it reads the same for
 * a colour-blind coach, on a grey-scale printout and on a washed-out projector. Nothing on it means
 * "good" or "bad" (no red/green): it says "more" or "less", and every cell also prints its number.
 */
import type { LoadMatrixMeasure, SquadLoadAthlete, SquadLoadGroup, SquadLoadWeeks } from '@shared/contract/load';
import { addDays, daysBetween, formatDateLong, formatDateShort, startOfWeek, type IsoDate } from '@shared/dates';

/** ColorBrewer Blues, 7 classes (Cynthia Brewer, colorbrewer2.org): light = less, dark = more. */
export const HEAT_COLOURS = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'] as const;
/**
 * Text on each class, whichever contrasts more (WCAG relative luminance): dark on the first five
 * (#4292c6: 5.0:1 dark against 3.4:1 white), white on the two darkest (#2171b5: 5.1:1).
 */
export const HEAT_TEXT = ['#1a1b1e', '#1a1b1e', '#1a1b1e', '#1a1b1e', '#1a1b1e', '#ffffff', '#ffffff'] as const;

/** The ratio's class boundaries: even steps of 0.2, fixed, so a colour means the same number every week. */
export const ACWR_THRESHOLDS: readonly number[] = [0.6, 0.8, 1.0, 1.2, 1.4, 1.6];

export interface HeatScale {
  measure: LoadMatrixMeasure;
  /** Six ascending boundaries: class 0 is under the first, class 6 at or over the last. */
  thresholds: readonly number[];
}

/** The smallest "round" number (1, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or above x. */
export function niceStep(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    // The tolerance keeps 300 as 300 when log10 and the powers of ten round a hair off.
    if (m * power >= x * (1 - 1e-9)) return m * power;
  }
  return 10 * power;
}

/** The value at the given share (0-1) of the sorted values, nearest rank. */
function nearestRank(sorted: readonly number[], share: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index] as number;
}

/**
 * The scale for a matrix. The ratio's is fixed (ACWR_THRESHOLDS). Weekly load varies between
 * squads (sprinters and distance runners differ several-fold), so its six steps are a round
 * number chosen so the 95th percentile of the weeks shown falls in the top class: one outlier
 * does not wash every other week out to the lightest blue.
 */
export function heatScale(measure: LoadMatrixMeasure, values: readonly (number | null)[]): HeatScale {
  if (measure === 'acwr') return { measure, thresholds: ACWR_THRESHOLDS };
  const positive = values.filter((v): v is number => v !== null && v > 0).sort((a, b) => a - b);
  const top = positive.length === 0 ? 1200 : nearestRank(positive, 0.95);
  const step = Math.max(50, niceStep(top / 6));
  return { measure, thresholds: [1, 2, 3, 4, 5, 6].map((k) => k * step) };
}

/** The class (0-6) of a value: under the first boundary is 0; at or over boundary k is k + 1. */
export function heatClass(scale: HeatScale, value: number): number {
  let k = 0;
  while (k < scale.thresholds.length && value >= (scale.thresholds[k] as number)) k += 1;
  return k;
}

/** A number as the heat map prints it: whole AU with thousands separators, or the ratio to 2 decimals. */
export function formatHeatValue(measure: LoadMatrixMeasure, value: number): string {
  return measure === 'acwr' ? value.toFixed(2) : Math.round(value).toLocaleString('en-US');
}

export interface LegendEntry {
  colour: string;
  text: string;
  label: string;
}

/** The legend: one swatch per class with the numbers it covers ("300-600 AU", "1.60 and over"). */
export function heatLegend(scale: HeatScale): LegendEntry[] {
  const t = scale.thresholds;
  const f = (v: number) => formatHeatValue(scale.measure, v);
  const unit = scale.measure === 'acwr' ? '' : ' AU';
  return HEAT_COLOURS.map((colour, k) => ({
    colour,
    text: HEAT_TEXT[k] as string,
    label: k === 0 ? `under ${f(t[0] as number)}${unit}` : k === t.length ? `${f(t[k - 1] as number)}${unit} and over` : `${f(t[k - 1] as number)}\u2013${f(t[k] as number)}${unit}`,
  }));
}

export type HeatRow =
  | { kind: 'group'; key: string; group: SquadLoadGroup; count: number }
  | { kind: 'athlete'; key: string; athlete: SquadLoadAthlete; group: SquadLoadGroup | null };

/** 'all', a group id, or 'none' (athletes without a group). */
export type GroupFilter = 'all' | 'none' | number;

/** Group header rows, each followed by its athletes, in the matrix's order; filtered by group. */
export function heatRows(matrix: Pick<SquadLoadWeeks, 'groups' | 'athletes'>, filter: GroupFilter): HeatRow[] {
  const rows: HeatRow[] = [];
  for (const group of matrix.groups) {
    if (filter !== 'all' && (filter === 'none' ? group.id !== null : group.id !== filter)) continue;
    const members = matrix.athletes.filter((a) => a.groupId === group.id);
    if (members.length === 0) continue;
    rows.push({ kind: 'group', key: `g${group.id ?? 'none'}`, group, count: members.length });
    for (const athlete of members) rows.push({ kind: 'athlete', key: `a${athlete.id}`, athlete, group });
  }
  return rows;
}

/** "16 Nov" over a column; the year is in the cell's description. */
export function weekLabel(weekStart: IsoDate): string {
  return formatDateShort(weekStart);
}

export type WeekState = 'complete' | 'current' | 'future';

/** Over (every day on or before today), this week (today inside it), or still to come. */
export function weekState(weekStart: IsoDate, complete: boolean, today: IsoDate): WeekState {
  if (complete) return 'complete';
  return daysBetween(weekStart, today) >= 0 ? 'current' : 'future';
}

/** What a cell says when hovered or read aloud: who, which week, the number with its unit and what it means. */
export function cellDescription(args: {
  athlete: string;
  weekStart: IsoDate;
  state: WeekState;
  value: number | null;
  measure: LoadMatrixMeasure;
  deload: boolean;
  methodLabel: string;
}): string {
  const { athlete, weekStart, state, value, measure, deload, methodLabel } = args;
  const week = `week of ${formatDateLong(weekStart)}`;
  let what: string;
  if (state === 'future') what = 'still to come';
  else if (value === null)
    what =
      measure === 'weeklyLoad'
        ? 'no data: nothing logged that week'
        : state === 'current'
          ? 'no ratio yet (a day of the last seven not logged, or too little history)'
          : 'no ratio (more than 10% of its window not logged, too little history, or no load)';
  else if (measure === 'acwr') what = `acute:chronic ratio ${formatHeatValue(measure, value)} (${methodLabel})${state === 'current' ? ', the latest day logged' : `, on ${formatDateShort(addDays(weekStart, 6))}`}`;
  else what = `${formatHeatValue(measure, value)} AU${state === 'current' ? ' so far (the week is not over)' : ''}`;
  return `${athlete}, ${week}: ${what}${deload ? '; deload week in the plan' : ''}`;
}

/**
 * What is wrong with a chosen range, or null. The matrix shows whole squad weeks, so the range is
 * counted as the weeks it touches: at most `maxWeeks` (main refuses more than 53 weeks of days).
 */
export function rangeProblem(from: IsoDate, to: IsoDate, firstDayOfWeek: number, maxWeeks: number): string | null {
  if (daysBetween(from, to) < 0) return 'The last day must not be before the first';
  const weeks = Math.floor((daysBetween(startOfWeek(from, firstDayOfWeek), to) + 7) / 7);
  return weeks > maxWeeks ? `At most ${maxWeeks} weeks at once (this range touches ${weeks}): choose a later first day` : null;
}

/** The ISO date range of the last `weeks` squad weeks, ending today. */
export function lastWeeksRange(today: IsoDate, weekStart: IsoDate, weeks: number): { from: IsoDate; to: IsoDate } {
  return { from: addDays(weekStart, -7 * (weeks - 1)), to: today };
}
