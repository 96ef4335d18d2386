import { expect, test } from './host/test-host';

/**
 * The page's `window.breachdesk` is the preload's own bridge (main/shell/guards/bridge.ts,
 * bundled by the test host), not an imitation: the same freezing and the same refusals.
 */
test("the page's bridge is the preload's: frozen, refusing unknown names, passing payloads only", async ({
  page,
  host,
}) => {
  await host.start();
  const seen = await page.evaluate(async () => {
    const bridge = (
      window as unknown as {
        breachdesk: {
          invoke(channel: string, input: unknown): Promise<unknown>;
          on(event: string, listener: unknown): () => void;
        };
      }
    ).breachdesk;
    const errorOf = (act: () => void): string => {
      try {
        act();
        return 'no error';
      } catch (error) {
        return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    };
    const received: unknown[][] = [];
    const unsubscribe = bridge.on('menu.command', (...args: unknown[]) => received.push(args));
    window.__breachdeskEmit?.('menu.command', { command: 'noSuchCommand' });
    unsubscribe();
    window.__breachdeskEmit?.('menu.command', { command: 'afterUnsubscribe' });
    return {
      frozen: Object.isFrozen(bridge),
      keys: Object.keys(bridge).sort(),
      unknownChannel: await bridge.invoke('fs.readFile', { path: '/etc/passwd' }),
      unknownEvent: errorOf(() => bridge.on('ipc.raw', () => undefined)),
      notAFunction: errorOf(() => bridge.on('case.changed', 'alert(1)')),
      received,
    };
  });
  expect(seen.frozen).toBe(true);
  expect(seen.keys).toEqual(['invoke', 'on', 'pathForFile']);
  expect(seen.unknownChannel).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
  expect(seen.unknownEvent).toBe('Error: There is no event called "ipc.raw".');
  expect(seen.notAFunction).toBe('TypeError: The listener must be a function.');
  expect(seen.received).toEqual([[{ command: 'noSuchCommand' }]]);
});
