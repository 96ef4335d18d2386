import { describe, expect, it, vi } from 'vitest';
import { createBridge, type BridgeIpc, type IpcListener } from '../../main/shell/guards/bridge';
import { EVENT_IPC_CHANNEL, INVOKE_IPC_CHANNEL } from '../../shared/ipc/bridge';
import type { ChannelName, EventName } from '../../shared/ipc/channel-names';

/** An ipcRenderer as far as the bridge uses it, recording calls and delivering events. */
class FakeIpc implements BridgeIpc {
  readonly invoked: unknown[][] = [];
  readonly listeners = new Map<string, Set<IpcListener>>();
  answer: () => Promise<unknown> = () => Promise.resolve({ ok: true, value: 'answer' });

  invoke(ipcChannel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([ipcChannel, ...args]);
    return this.answer();
  }

  on(ipcChannel: string, listener: IpcListener): this {
    const set = this.listeners.get(ipcChannel) ?? new Set();
    set.add(listener);
    this.listeners.set(ipcChannel, set);
    return this;
  }

  removeListener(ipcChannel: string, listener: IpcListener): this {
    this.listeners.get(ipcChannel)?.delete(listener);
    return this;
  }

  /** Like webContents.send: the transport's event (which leads back to ipcRenderer) comes first. */
  send(name: string, payload: unknown): void {
    const ipcEvent = { sender: this, ports: [] };
    for (const listener of [...(this.listeners.get(EVENT_IPC_CHANNEL) ?? [])]) {
      listener(ipcEvent, name, payload);
    }
  }
}

function setup(pathOf: (file: File) => string = () => '/dropped/file.txt') {
  const ipc = new FakeIpc();
  return { ipc, bridge: createBridge(ipc, pathOf) };
}

describe('the preload bridge', () => {
  it('is frozen and holds nothing but its three functions', () => {
    const { ipc, bridge } = setup();
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'pathForFile']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.values(bridge)).not.toContain(ipc);

    const writable = bridge as unknown as Record<string, unknown>;
    expect(() => {
      writable.invoke = () => undefined;
    }).toThrow(TypeError);
    expect(() => {
      writable.ipcRenderer = ipc;
    }).toThrow(TypeError);
    expect(() => Object.defineProperty(bridge, 'invoke', { value: () => undefined })).toThrow(TypeError);
    expect(Reflect.setPrototypeOf(bridge, null)).toBe(false);
    expect(writable.ipcRenderer).toBeUndefined();
  });

  it('invokes a known channel over the one IPC channel and returns its envelope', async () => {
    const { ipc, bridge } = setup();
    await expect(bridge.invoke('case.current', { x: 1 })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(ipc.invoked).toEqual([[INVOKE_IPC_CHANNEL, 'case.current', { x: 1 }]]);
  });

  it.each([['no.such.channel'], ['__proto__'], ['constructor'], [42], [null], [undefined], [{}]])(
    'answers UNKNOWN_CHANNEL for %j without calling IPC',
    async (channel) => {
      const { ipc, bridge } = setup();
      const answer = await bridge.invoke(channel as ChannelName, {});
      expect(answer).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
      expect(ipc.invoked).toEqual([]);
    },
  );

  it('answers INTERNAL instead of throwing when IPC fails', async () => {
    const { ipc, bridge } = setup();
    ipc.answer = () => Promise.reject(new Error('main process gone: /secret/path'));
    const answer = await bridge.invoke('case.current', {});
    expect(answer).toMatchObject({ ok: false, code: 'INTERNAL' });
    // The thrown error's text does not cross into the page.
    expect(JSON.stringify(answer)).not.toContain('/secret/path');
  });

  it('refuses unknown events and listeners that are not functions', () => {
    const { ipc, bridge } = setup();
    expect(() => bridge.on('no.such.event' as EventName, () => undefined)).toThrow(/no event called/);
    expect(() => bridge.on(EVENT_IPC_CHANNEL as EventName, () => undefined)).toThrow(/no event called/);
    const notAFunction = 'alert(1)' as unknown as (payload: unknown) => void;
    expect(() => bridge.on('case.changed', notAFunction)).toThrow(TypeError);
    expect(ipc.listeners.get(EVENT_IPC_CHANNEL)?.size ?? 0).toBe(0);
  });

  it('hands the listener only the payload of its own event', () => {
    const { ipc, bridge } = setup();
    const listener = vi.fn();
    bridge.on('case.changed', listener);
    ipc.send('menu.command', { command: 'search' });
    ipc.send('case.changed', { reason: 'opened' });
    expect(listener).toHaveBeenCalledTimes(1);
    // Exactly one argument: never the IPC event, which would lead back to ipcRenderer.
    expect(listener.mock.calls[0]).toEqual([{ reason: 'opened' }]);
  });

  it('stops delivering once unsubscribed', () => {
    const { ipc, bridge } = setup();
    const listener = vi.fn();
    const unsubscribe = bridge.on('job.progress', listener);
    unsubscribe();
    ipc.send('job.progress', { done: 1 });
    expect(listener).not.toHaveBeenCalled();
    expect(ipc.listeners.get(EVENT_IPC_CHANNEL)?.size).toBe(0);
  });

  it('asks for the path of a real File only', () => {
    const pathOf = vi.fn(() => '/home/user/evidence.pdf');
    const { bridge } = setup(pathOf);
    const file = new File(['x'], 'evidence.pdf');
    expect(bridge.pathForFile(file)).toBe('/home/user/evidence.pdf');
    expect(pathOf).toHaveBeenCalledWith(file);
    expect(bridge.pathForFile({ name: 'evidence.pdf' })).toBe('');
    expect(bridge.pathForFile('evidence.pdf')).toBe('');
    expect(pathOf).toHaveBeenCalledTimes(1);
  });
});
