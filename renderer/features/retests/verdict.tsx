/**
 * A change's verdict on screen and on paper: always in words, with a symbol that survives black
 * and white printing; colour only when the verdict is decisive (REFERENCE.md §1.5 "App default").
 */
import type { TestDefinition } from '@shared/domain/retests';
import type { ChangeView } from '@shared/retests/compare';
import { CLASSIFICATION_HELP, CLASSIFICATION_LABELS, changeText, uncertaintyText } from '@shared/retests/words';
import type { ChangeClassification } from '@shared/science';

export const VERDICT_SYMBOL: Record<ChangeClassification, string> = {
  'clear improvement': '\u25b2',
  'clear decline': '\u25bc',
  trivial: '=',
  unclear: '?',
};

/**
 * Fills for charts: colour for the decisive verdicts only; unclear and no verdict stay pale grey
 * (the symbol beside each bar tells them apart, also in black and white).
 */
export const VERDICT_FILL: Record<ChangeClassification | 'none', string> = {
  'clear improvement': '#0ca678',
  'clear decline': '#c92a2a',
  trivial: '#868e96',
  unclear: '#ced4da',
  none: '#f1f3f5',
};

export function verdictText(view: Pick<ChangeView, 'classification'>): string {
  return view.classification ? `${VERDICT_SYMBOL[view.classification]} ${CLASSIFICATION_LABELS[view.classification]}` : 'No verdict';
}

/**
 * "+2.6 cm (+8.3% better)" and the verdict below it. Plain elements with a title for the detail:
 * the squad table shows thousands of these.
 */
export function ChangeCell({ view, test }: { view: ChangeView | null; test: TestDefinition }) {
  if (!view) return null;
  const c = view.classification;
  const detail = c ? `${CLASSIFICATION_HELP[c]} ${uncertaintyText(test, view)}` : (view.noVerdictReason ?? '');
  return (
    <>
      <div className="cmp-small cmp-dim">{changeText(test, view)}</div>
      <span className={`verdict verdict-${c ? c.replace(' ', '-') : 'none'}`} title={detail}>
        {verdictText(view)}
      </span>
    </>
  );
}
