/**
 * The only bridge between the page and the main process: `window.backchain.invoke(method,
 * input)`. No Node, no Electron object and no raw ipcRenderer reaches the page (sandboxed,
 * context-isolated). Main validates the method and its input.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel } from '@shared/contract/channels';

contextBridge.exposeInMainWorld('backchain', {
  invoke: (method: string, input: unknown): Promise<unknown> => {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
    return ipcRenderer.invoke(ipcChannel(method), input);
  },
});
