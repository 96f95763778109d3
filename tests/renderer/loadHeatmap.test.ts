/**
 * The squad heat map's pure parts: the scale (numbers worked out by hand below), its legend, the
 * grouped rows and the words for a cell.
 */
import { describe, expect, it } from 'vitest';
import {
  ACWR_THRESHOLDS,
  cellDescription,
  formatHeatValue,
  HEAT_COLOURS,
  HEAT_TEXT,
  heatClass,
  heatLegend,
  heatRows,
  heatScale,
  lastWeeksRange,
  niceStep,
  rangeProblem,
  weekState,
} from '@renderer/features/load/heatmap';
import { makeMatrix } from './loadFixtures';

/** WCAG 2 relative luminance of '#rrggbb'. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('the colour scale', () => {
  it('is one hue getting darker: each class darker than the one before, and the text on it readable', () => {
    for (let k = 1; k < HEAT_COLOURS.length; k += 1) expect(luminance(HEAT_COLOURS[k] as string)).toBeLessThan(luminance(HEAT_COLOURS[k - 1] as string));
    // WCAG AA for normal text: at least 4.5:1 on every class.
    HEAT_COLOURS.forEach((colour, k) => expect(contrast(colour, HEAT_TEXT[k] as string)).toBeGreaterThanOrEqual(4.5));
    // Blue throughout: the blue channel is the largest in every class (no red/green pair to tell apart).
    for (const colour of HEAT_COLOURS) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
      expect(b).toBeGreaterThanOrEqual(Math.max(r, g));
    }
  });

  it('rounds a step up to 1, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten', () => {
    expect(niceStep(283)).toBe(300);
    expect(niceStep(250)).toBe(250);
    expect(niceStep(251)).toBe(300);
    expect(niceStep(1001)).toBe(2000);
    expect(niceStep(0.7)).toBe(0.8);
    expect(niceStep(0)).toBe(1);
  });

  it('steps weekly load so the 95th percentile of the weeks falls in the top class, ignoring empty and zero weeks', () => {
    // 100, 200, ... 2000 (20 weeks): nearest rank 95% = the 19th = 1900; 1900 / 6 = 316.7 -> 400.
    const values = [...Array.from({ length: 20 }, (_, i) => (i + 1) * 100), null, 0, null];
    expect(heatScale('weeklyLoad', values).thresholds).toEqual([400, 800, 1200, 1600, 2000, 2400]);
    // Nothing logged: 1200 / 6 = 200 a step.
    expect(heatScale('weeklyLoad', [null, 0]).thresholds).toEqual([200, 400, 600, 800, 1000, 1200]);
    // Tiny loads (20 at the 95th percentile: 3.3 -> 4) still get steps of at least 50 AU.
    expect(heatScale('weeklyLoad', [10, 20]).thresholds).toEqual([50, 100, 150, 200, 250, 300]);
  });

  it('uses fixed steps of 0.2 for the ratio, whatever the values', () => {
    expect(heatScale('acwr', [5, 9]).thresholds).toEqual([0.6, 0.8, 1.0, 1.2, 1.4, 1.6]);
    expect(heatScale('acwr', []).thresholds).toBe(ACWR_THRESHOLDS);
  });

  it('puts a value at a boundary in the class above it', () => {
    const load = { measure: 'weeklyLoad' as const, thresholds: [400, 800, 1200, 1600, 2000, 2400] };
    expect([0, 399, 400, 1199, 1200, 2399, 2400, 9000].map((v) => heatClass(load, v))).toEqual([0, 0, 1, 2, 3, 5, 6, 6]);
    const ratio = heatScale('acwr', []);
    expect([0.59, 0.6, 0.99, 1.0, 1.59, 1.6].map((v) => heatClass(ratio, v))).toEqual([0, 1, 2, 3, 5, 6]);
  });

  it('writes the legend with the numbers of each class and the unit', () => {
    const load = { measure: 'weeklyLoad' as const, thresholds: [400, 800, 1200, 1600, 2000, 2400] };
    expect(heatLegend(load).map((e) => e.label)).toEqual([
      'under 400 AU',
      '400\u2013800 AU',
      '800\u20131,200 AU',
      '1,200\u20131,600 AU',
      '1,600\u20132,000 AU',
      '2,000\u20132,400 AU',
      '2,400 AU and over',
    ]);
    expect(heatLegend(heatScale('acwr', [])).map((e) => e.label)).toEqual(['under 0.60', '0.60\u20130.80', '0.80\u20131.00', '1.00\u20131.20', '1.20\u20131.40', '1.40\u20131.60', '1.60 and over']);
    expect(heatLegend(load).map((e) => e.colour)).toEqual([...HEAT_COLOURS]);
  });

  it('prints whole AU with thousands separators and the ratio to two decimals', () => {
    expect(formatHeatValue('weeklyLoad', 1084.6)).toBe('1,085');
    expect(formatHeatValue('weeklyLoad', 0)).toBe('0');
    expect(formatHeatValue('acwr', 1.2345)).toBe('1.23');
  });
});

describe('the rows', () => {
  it('put a header before each group, in the matrix order, with athletes without a group last', () => {
    const rows = heatRows(makeMatrix(), 'all');
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.group.name} ${r.count}]` : r.athlete.name))).toEqual([
      '[Distance 2]',
      'Ana López',
      'Ben Okafor',
      '[Sprints 1]',
      'Cara Nguyen',
      '[No group 1]',
      'Dan Ito',
    ]);
  });

  it('filter by a group, or to the athletes without one, and leave out groups with nobody in them', () => {
    const name = (r: ReturnType<typeof heatRows>[number]) => (r.kind === 'group' ? `[${r.group.name}]` : r.athlete.name);
    expect(heatRows(makeMatrix(), 1).map(name)).toEqual(['[Sprints]', 'Cara Nguyen']);
    expect(heatRows(makeMatrix(), 'none').map(name)).toEqual(['[No group]', 'Dan Ito']);
    const matrix = makeMatrix();
    expect(heatRows({ groups: matrix.groups, athletes: matrix.athletes.filter((a) => a.groupId !== 1) }, 'all').map(name)).not.toContain('[Sprints]');
  });
});

describe('weeks and cells', () => {
  it('tell a week that is over from this week and from one to come', () => {
    // Today Wednesday 18 Nov 2026: the week of Mon 16 Nov is this week, 23 Nov is to come.
    expect(weekState('2026-11-09', true, '2026-11-18')).toBe('complete');
    expect(weekState('2026-11-16', false, '2026-11-18')).toBe('current');
    expect(weekState('2026-11-23', false, '2026-11-18')).toBe('future');
  });

  it('describe a cell with the athlete, the week and the value with its unit, or say there is no data', () => {
    const base = { athlete: 'Ana López', weekStart: '2026-11-16', deload: false, methodLabel: 'EWMA 7/28 days (seed: first day)' };
    expect(cellDescription({ ...base, state: 'current', value: 1429.4, measure: 'weeklyLoad' })).toBe(
      'Ana López, week of Mon 16 Nov 2026: 1,429 AU so far (the week is not over)',
    );
    expect(cellDescription({ ...base, weekStart: '2026-11-09', state: 'complete', value: null, measure: 'weeklyLoad', deload: true })).toBe(
      'Ana López, week of Mon 9 Nov 2026: no data: nothing logged that week; deload week in the plan',
    );
    // The ratio is read on the week's last day: Sunday 15 Nov for the week of 9 Nov.
    expect(cellDescription({ ...base, weekStart: '2026-11-09', state: 'complete', value: 1.234, measure: 'acwr' })).toBe(
      'Ana López, week of Mon 9 Nov 2026: acute:chronic ratio 1.23 (EWMA 7/28 days (seed: first day)), on 15 Nov',
    );
    expect(cellDescription({ ...base, weekStart: '2026-11-23', state: 'future', value: null, measure: 'acwr' })).toMatch(/still to come$/);
  });

  it('takes the last 12 squad weeks up to today', () => {
    // This week starts Mon 16 Nov 2026; 11 weeks (77 days) before it is Mon 31 Aug.
    expect(lastWeeksRange('2026-11-21', '2026-11-16', 12)).toEqual({ from: '2026-08-31', to: '2026-11-21' });
  });

  it('refuses a backwards range, and one touching more than 53 squad weeks', () => {
    expect(rangeProblem('2026-11-21', '2026-11-20', 1, 53)).toBe('The last day must not be before the first');
    // Mon 1 Dec 2025 to Sun 29 Nov 2026: 364 days counting both, exactly 52 weeks.
    expect(rangeProblem('2025-12-01', '2026-11-29', 1, 53)).toBeNull();
    // Wed 26 Nov 2025 to Mon 30 Nov 2026: 370 days counting both (under 371), but from the Monday of 24 Nov 2025
    // to 30 Nov 2026 is 372 days counting both: 53 weeks and a day, so 54 weeks are touched.
    expect(rangeProblem('2025-11-26', '2026-11-30', 1, 53)).toBe('At most 53 weeks at once (this range touches 54): choose a later first day');
  });
});
