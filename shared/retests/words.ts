/**
 * What a change means, in words (REFERENCE.md §1.5: the verdict is written, colour only adds
 * to it). Short labels for tables, sentences for an athlete's or a parent's report.
 */
import { describeChance, type ChangeClassification } from '../science';
import { formatSigned, type TestDefinition } from '../domain/retests';
import type { ChangeView, SwcInfo } from './compare';

export const CLASSIFICATION_LABELS: Record<ChangeClassification, string> = {
  'clear improvement': 'Clear improvement',
  'clear decline': 'Clear decline',
  trivial: 'Trivial change',
  unclear: 'Unclear \u2013 retest',
};

/** What each verdict means, for the legend beside the table (REFERENCE.md §1.5 rule D). */
export const CLASSIFICATION_HELP: Record<ChangeClassification, string> = {
  'clear improvement': 'Even the low end of the 90% range of the change is better than the smallest worthwhile change.',
  'clear decline': 'Even the high end of the 90% range of the change is worse than the smallest worthwhile change.',
  trivial: 'The whole 90% range of the change lies within \u00b1 the smallest worthwhile change: no change that matters.',
  unclear: 'The 90% range of the change is too wide to tell: the test\u2019s noise is as large as the change. Retest.',
};

/** Plain-language meaning for an athlete or a parent (no jargon). */
export const CLASSIFICATION_PLAIN: Record<ChangeClassification, string> = {
  'clear improvement': 'a real improvement, bigger than the test\u2019s usual ups and downs',
  'clear decline': 'a real drop, bigger than the test\u2019s usual ups and downs',
  trivial: 'about the same: any difference is too small to matter',
  unclear: 'too close to call: the test varies from day to day by about this much, so we will look again next time',
};

export function classificationLabel(view: Pick<ChangeView, 'classification' | 'noVerdictReason'>): string {
  if (view.classification) return CLASSIFICATION_LABELS[view.classification];
  return 'No verdict';
}

/** "+2.6 cm (+8.3%)": the change in the test's unit and as improvement %. */
export function changeText(test: Pick<TestDefinition, 'decimals' | 'unit'>, view: Pick<ChangeView, 'change' | 'improvementPercent'>): string {
  const pct = view.improvementPercent === null ? '' : ` (${formatSigned(view.improvementPercent, 1)}% ${view.improvementPercent >= 0 ? 'better' : 'worse'})`;
  return `${formatSigned(view.change, test.decimals, test.unit)}${pct}`;
}

/** "90% range +1.1 to +4.1 cm; chances better 98%, trivial 2%, worse 0% (very likely better)". */
export function uncertaintyText(test: Pick<TestDefinition, 'decimals' | 'unit' | 'higherIsBetter'>, view: ChangeView): string {
  if (!view.interval || !view.chances) return view.noVerdictReason ?? '';
  const pct = (p: number) => `${(100 * p).toFixed(p < 0.01 && p > 0 ? 1 : 0)}%`;
  const { benefit, trivial, harm } = view.chances;
  const likeliest = benefit >= trivial && benefit >= harm ? ['better', benefit] : harm >= trivial ? ['worse', harm] : ['trivial', trivial];
  return (
    `90% range ${formatSigned(view.interval.low, test.decimals)} to ${formatSigned(view.interval.high, test.decimals, test.unit)}; ` +
    `chances better ${pct(benefit)}, trivial ${pct(trivial)}, worse ${pct(harm)} (${describeChance(likeliest[1] as number)} ${likeliest[0]})`
  );
}

/** One sentence for a report: what changed and whether it is more than noise. */
export function changeSentence(test: Pick<TestDefinition, 'name' | 'decimals' | 'unit' | 'higherIsBetter'>, view: ChangeView, swc: Pick<SwcInfo, 'value'>): string {
  const change = changeText(test, view);
  if (!view.classification) return `${test.name}: ${change}. ${view.noVerdictReason ?? ''}`.trim();
  const threshold = swc.value === null ? '' : ` (the smallest change that matters here is ${swc.value.toFixed(test.decimals + 1)} ${test.unit})`;
  return `${test.name}: ${change}, ${CLASSIFICATION_PLAIN[view.classification]}${threshold}.`;
}
