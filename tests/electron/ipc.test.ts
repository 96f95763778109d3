import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerIpcHandlers } from '@main/ipc';
import { ipcChannel, methodNames, type ApiResponse } from '@shared/contract';
import { openTempSquad, tableCounts, type TempSquad } from '../support/tempSquad';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** The part of ipcMain the wiring uses, recording what is registered. */
class FakeIpcMain implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(channel: string, input: unknown, senderUrl = 'app://backchain/index.html'): Promise<ApiResponse<unknown>> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    const event = { senderFrame: { url: senderUrl } } as unknown as IpcMainInvokeEvent;
    return (await listener(event, input)) as ApiResponse<unknown>;
  }
}

let squad: TempSquad;
let ipc: FakeIpcMain;
let unregister: () => void;
beforeEach(async () => {
  squad = await openTempSquad();
  ipc = new FakeIpcMain();
  unregister = registerIpcHandlers(ipc, squad.ctx, (event) => event.senderFrame?.url.startsWith('app://backchain/') ?? false);
});
afterEach(() => squad.close());

describe('IPC wiring', () => {
  it('registers exactly one handler per contract method, and nothing else', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('runs a valid call against the real database', async () => {
    const response = await ipc.invoke(ipcChannel('athletes.create'), { givenName: 'Ana', familyName: 'López' });
    expect(response).toMatchObject({ ok: true, value: { givenName: 'Ana', familyName: 'López' } });
  });

  it('rejects invalid input with a message per field and writes nothing', async () => {
    const before = tableCounts(squad.db);
    const response = await ipc.invoke(ipcChannel('athletes.create'), { givenName: '', familyName: 42, bodyMassKg: 'heavy' });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('invalid_input');
    expect(response.error.fields).toMatchObject({ givenName: 'Enter a first name', familyName: 'Enter a last name', bodyMassKg: 'Enter body mass as a number' });
    expect(tableCounts(squad.db)).toEqual(before);
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const response = await ipc.invoke(ipcChannel('athletes.create'), { givenName: 'Ana', familyName: 'López', isAdmin: true });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses calls that do not come from the app page', async () => {
    const response = await ipc.invoke(ipcChannel('athletes.list'), {}, 'https://example.com/');
    expect(response).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
