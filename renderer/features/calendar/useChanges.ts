/**
 * Writes of an athlete's own changes, each recorded for undo: the server returns every touched
 * day as it was, and undo writes those back (changes.restore).
 */
import { notifications } from '@mantine/notifications';
import type { ChangeResult } from '@shared/plan/views';
import { call } from '@renderer/api/client';
import { useApiMutation } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';

export function useChanges() {
  const apply = useApiMutation('changes.apply');
  const clear = useApiMutation('changes.clear');
  const move = useApiMutation('changes.move');
  const undo = useUndo();

  async function record(label: string, write: Promise<ChangeResult>): Promise<boolean> {
    try {
      const result = await write;
      if (result.changed === 0) {
        notifications.show({ color: 'gray', message: 'Nothing to change there: those days already look like that.' });
        return false;
      }
      undo.record(label, () => call('changes.restore', { rows: result.previous }));
      return true;
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not changed', message: (error as Error).message, autoClose: 10_000 });
      return false;
    }
  }

  return {
    busy: apply.isPending || clear.isPending || move.isPending,
    apply: (label: string, input: Parameters<typeof apply.mutateAsync>[0]) => record(label, apply.mutateAsync(input)),
    clear: (label: string, input: Parameters<typeof clear.mutateAsync>[0]) => record(label, clear.mutateAsync(input)),
    move: (label: string, input: Parameters<typeof move.mutateAsync>[0]) => record(label, move.mutateAsync(input)),
  };
}
