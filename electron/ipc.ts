import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannel, methodNames } from '@shared/contract';
import type { ApiContext } from './api/context';
import { dispatch } from './api/dispatch';

/**
 * Register one `ipcMain.handle` per contract method, and nothing else. Each call is checked to
 * come from our own window's page before its input is validated and dispatched.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  ctx: ApiContext,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), async (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the Backchain window.' } };
      }
      return dispatch(ctx, method, input);
    });
  }
  return () => methodNames.forEach((method) => ipcMain.removeHandler(ipcChannel(method)));
}
