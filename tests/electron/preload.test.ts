/**
 * The preload, run against a fake of contextBridge and ipcRenderer: the page gets exactly one
 * object, `backchain`, with exactly one function, `invoke`, which forwards to the method's channel.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel } from '@shared/contract';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as [string, unknown][],
}));

vi.mock('electron', () => {
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        fake.invoked.push([channel, input]);
        return Promise.resolve({ ok: true, value: 'answered' });
      },
    },
  };
  return { ...electron, default: electron };
});

beforeAll(async () => {
  await import('@main/preload');
});

describe('preload bridge', () => {
  it('exposes only window.backchain.invoke', () => {
    expect([...fake.exposed.keys()]).toEqual(['backchain']);
    const api = fake.exposed.get('backchain') as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
  });

  it('forwards a call to the channel of its method', async () => {
    const api = fake.exposed.get('backchain') as { invoke(method: unknown, input: unknown): Promise<unknown> };
    await expect(api.invoke('athletes.list', { status: 'active' })).resolves.toEqual({ ok: true, value: 'answered' });
    expect(fake.invoked).toEqual([[ipcChannel('athletes.list'), { status: 'active' }]]);
    await expect(api.invoke(42, {})).rejects.toThrow(/method must be a string/);
  });
});
