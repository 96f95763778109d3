/**
 * A change's verdict on screen and on paper: always in words, with a symbol that survives black
 * and white printing; colour only when the verdict is decisive (REFERENCE.md §1.5 "App default").
 */
import { Badge, Text, Tooltip } from '@mantine/core';
import type { TestDefinition } from '../../../shared/domain/retests';
import type { ChangeView } from '../../../shared/retests/compare';
import { CLASSIFICATION_HELP, CLASSIFICATION_LABELS, changeText, uncertaintyText } from '../../../shared/retests/words';
import type { ChangeClassification } from '../../../shared/science';

export const VERDICT_SYMBOL: Record<ChangeClassification, string> = {
  'clear improvement': '\u25b2',
  'clear decline': '\u25bc',
  trivial: '=',
  unclear: '?',
};

export const VERDICT_COLOR: Record<ChangeClassification, string | undefined> = {
  'clear improvement': 'teal',
  'clear decline': 'red',
  trivial: 'gray',
  unclear: undefined,
};

/** Colours for charts (hex, readable in grey too: dark for declines, mid for improvements). */
export const VERDICT_FILL: Record<ChangeClassification | 'none', string> = {
  'clear improvement': '#0ca678',
  'clear decline': '#c92a2a',
  trivial: '#868e96',
  unclear: '#fab005',
  none: '#ced4da',
};

export function verdictText(view: Pick<ChangeView, 'classification'>): string {
  return view.classification ? `${VERDICT_SYMBOL[view.classification]} ${CLASSIFICATION_LABELS[view.classification]}` : 'No verdict';
}

export function VerdictBadge({ view, test, size = 'sm' }: { view: ChangeView; test: TestDefinition; size?: 'xs' | 'sm' }) {
  const c = view.classification;
  const detail = c ? `${CLASSIFICATION_HELP[c]} ${uncertaintyText(test, view)}` : (view.noVerdictReason ?? '');
  return (
    <Tooltip label={detail} multiline w={340} withArrow>
      <Badge size={size} variant={c && VERDICT_COLOR[c] ? 'light' : 'outline'} color={c ? (VERDICT_COLOR[c] ?? 'dark') : 'gray'} style={{ textTransform: 'none' }}>
        {verdictText(view)}
      </Badge>
    </Tooltip>
  );
}

/** "+2.6 cm (+8.3% better)" and the verdict below it. */
export function ChangeCell({ view, test }: { view: ChangeView | null; test: TestDefinition }) {
  if (!view) return null;
  return (
    <>
      <Text size="xs" c="dimmed" className="tabular">
        {changeText(test, view)}
      </Text>
      <VerdictBadge view={view} test={test} size="xs" />
    </>
  );
}
