/**
 * Pieces of a deload warning shown on several screens: the level badge, the reasons as a list,
 * the criticisms of the acute:chronic ratio, and a compact summary with a link to the Warnings
 * screen (the day drawer on the calendar, the athlete drawer on the roster).
 */
import { Alert, Anchor, Badge, Group, List, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { LoadCaveat } from '@shared/contract/load';
import { formatDateShort } from '@shared/dates';
import { WARNING_LEVEL_LABELS, type AthleteWarning, type WarningLevel } from '@shared/load/warnings';
import { useApiQuery } from '@renderer/api/hooks';

export const LEVEL_COLOR: Record<WarningLevel, string> = { act: 'red', watch: 'yellow' };

export function LevelBadge({ level }: { level: WarningLevel }) {
  return (
    <Badge
      color={LEVEL_COLOR[level]}
      variant={level === 'act' ? 'filled' : 'light'}
      radius="sm"
      size="sm"
      style={{ flexShrink: 0, ...(level === 'watch' ? { color: 'var(--mantine-color-yellow-9)' } : {}) }}
    >
      {WARNING_LEVEL_LABELS[level]}
    </Badge>
  );
}

/** The signals, one line each: what (bold) and its numbers. */
export function SignalList({ warning }: { warning: AthleteWarning }) {
  return (
    <List size="sm" spacing={2} withPadding={false} listStyleType="none">
      {warning.signals.map((s) => (
        <List.Item key={s.key}>
          <Text span size="sm" fw={600}>
            {s.label}:
          </Text>{' '}
          <Text span size="sm">
            {s.reason}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** "About the ratio": REFERENCE.md §4.4's criticisms, behind a small button. */
export function AcwrCaveats({ caveats, label = 'About the ratio' }: { caveats: readonly LoadCaveat[]; label?: string }) {
  if (caveats.length === 0) return null;
  return (
    <Popover width={420} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton aria-label={`${label}: its limits`}>
          <Group gap={4} wrap="nowrap">
            <IconInfoCircle size={14} color="var(--mantine-color-blue-6)" />
            <Text size="xs" c="blue.7" td="underline">
              {label}
            </Text>
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            The acute:chronic ratio has known limits
          </Text>
          {caveats.map((c) => (
            <Text key={c.title} size="xs">
              <b>{c.title}.</b> {c.text}
            </Text>
          ))}
          <Text size="xs" c="dimmed">
            It never counts alone here: a deload is recommended only with another signal or when a deload is overdue.
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A compact warning with a link to the Warnings screen. */
export function WarningSummary({ warning, caveats }: { warning: AthleteWarning; caveats: readonly LoadCaveat[] }) {
  const status =
    warning.status === 'dismissed'
      ? `Dismissed${warning.dismissal?.note ? `: \u201c${warning.dismissal.note}\u201d` : ''}`
      : warning.status === 'deload-planned' && warning.nextDeload
        ? `Deload planned from ${formatDateShort(warning.nextDeload)}`
        : null;
  return (
    <Alert
      color={warning.status === 'active' ? LEVEL_COLOR[warning.level] : 'gray'}
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={
        <Group gap={6}>
          <LevelBadge level={warning.level} />
          <Text size="sm" fw={600}>
            Deload warning since {formatDateShort(warning.since)}
          </Text>
        </Group>
      }
      data-testid="warning-summary"
    >
      <Stack gap={6}>
        <SignalList warning={warning} />
        {warning.status === 'active' && (
          <Text size="sm" fs="italic">
            {warning.action}
          </Text>
        )}
        {status && (
          <Text size="xs" c="dimmed">
            {status}
          </Text>
        )}
        <Group gap="md">
          <Anchor component={Link} to={`/warnings?athlete=${warning.athleteId}`} size="sm">
            Open on the Warnings screen
          </Anchor>
          {warning.showAcwrCaveats && <AcwrCaveats caveats={caveats} />}
        </Group>
      </Stack>
    </Alert>
  );
}

/** An athlete's current warning (the roster's athlete drawer), or one quiet line when there is none. */
export function AthleteWarningPanel({ athleteId }: { athleteId: number }) {
  const query = useApiQuery('warnings.forAthlete', { athleteId });
  if (!query.data) return null;
  const { warning, history } = query.data;
  if (!warning) {
    return (
      <Text size="xs" c="dimmed" data-testid="warning-summary-none">
        No deload warning today.{history.length > 0 ? ` Last action: ${history[0]?.kind === 'dismissed' ? 'dismissed' : 'deload scheduled'} on ${formatDateShort((history[0]?.createdAt ?? '').slice(0, 10))}.` : ''}{' '}
        <Anchor component={Link} to="/warnings" size="xs">
          Warnings
        </Anchor>
      </Text>
    );
  }
  return <WarningSummary warning={warning} caveats={query.data.acwrCaveats} />;
}
