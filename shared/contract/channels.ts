/**
 * IPC channel names are derived from method names here and nowhere else. Kept free of zod so
 * the preload script stays tiny.
 */
export const IPC_CHANNEL_PREFIX = 'backchain:';

export function ipcChannel(method: string): string {
  return `${IPC_CHANNEL_PREFIX}${method}`;
}
