/**
 * Runs in the page before any of its scripts (page.addInitScript serialises this function, so it
 * may use nothing from outside its own body). It builds the same frozen `window.breachdesk` the
 * Electron preload exposes, over the `__breachdeskInvoke` binding to the real dispatcher, and a
 * `__breachdeskEmit` the test host calls to deliver main → renderer events.
 */
export function installTestBridge(): void {
  type Listener = (payload: unknown) => void;
  type Invoke = (channel: unknown, input: unknown) => Promise<unknown>;
  const listeners = new Map<string, Set<Listener>>();
  const host = window as unknown as { __breachdeskInvoke?: Invoke };

  const bridge = Object.freeze({
    invoke(channel: unknown, input: unknown): Promise<unknown> {
      const invoke = host.__breachdeskInvoke;
      if (invoke === undefined) {
        return Promise.resolve({ ok: false, code: 'INTERNAL', message: 'The test host binding is missing.' });
      }
      return invoke(channel, input);
    },
    on(event: string, listener: Listener): () => void {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    // Files made in the page have no path; a test names the path each dropped file stands for.
    pathForFile(file: unknown): string {
      const paths = (window as unknown as { __breachdeskDropPaths?: Record<string, string> })
        .__breachdeskDropPaths;
      return file instanceof File && paths !== undefined ? (paths[file.name] ?? '') : '';
    },
  });

  function emit(event: string, payload: unknown): void {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  }

  Object.defineProperty(window, 'breachdesk', { value: bridge, enumerable: true });
  Object.defineProperty(window, '__breachdeskEmit', { value: emit });
}
