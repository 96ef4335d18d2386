import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { EventSink, HostDeps } from '../../../main/ipc/host-deps';
import type { ChannelName, EventName } from '../../../shared/ipc/channel-names';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { requireChromium } from '../support/chromium';
import { bridgeScript } from './bridge-script';
import { DialogStub } from './dialog-stub';
import { createDispatcher, type Dispatch } from '../../../main/ipc/dispatcher';
import { RememberedPassphrases } from '../../../main/services/remembered-passphrases';
import { testKeychain } from '../../helpers/test-keychain';
import { CaseSession } from '../../../main/services/case-session';
import { RecentCases } from '../../../main/services/recent-cases';
import { ownerOnlyFileProtector } from '../../../main/services/bundles/signing/key-protector';
import { SigningKeys } from '../../../main/services/bundles/signing/signing-keys';
import { APP_URL, serveRenderer } from './serve-renderer';

declare global {
  interface Window {
    __breachdeskEmit?: (event: string, payload: unknown) => void;
  }
}

/** The e2e host (DESIGN §3): the real dispatcher and services on a temp dir, bound into the page. */
export interface TestHost {
  /** A fresh temp folder for this test's case files; removed afterwards. */
  dir: string;
  dialogs: DialogStub;
  session: CaseSession;
  recent: RecentCases;
  dispatch: Dispatch;
  /** Calls a channel as the renderer would and unwraps the envelope (throws on failure). */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Loads the built renderer and waits until it has asked for the current case. */
  start(): Promise<void>;
  /** Problems the page reported: console errors (CSP violations among them) and uncaught exceptions. */
  pageProblems: string[];
}

function forwardEvents(page: Page): EventSink {
  return {
    emit(event: EventName, payload: unknown) {
      // Delivered like Electron's webContents.send: fire and forget, never blocking the dispatcher.
      page
        .evaluate(([name, value]) => window.__breachdeskEmit?.(name, value), [event, payload] as const)
        .catch(() => undefined);
    },
  };
}

export const test = base.extend<{ host: TestHost; keychain: boolean }, { chromiumAvailable: string }>({
  /** Whether the host has a (test) system keychain to remember passphrases with, as the app does. */
  keychain: [true, { option: true }],

  chromiumAvailable: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
    async ({}, use) => {
      await use(requireChromium());
    },
    { scope: 'worker', auto: true },
  ],

  host: async ({ page, keychain }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-e2e-'));
    const session = new CaseSession();
    const recent = new RecentCases(join(dir, 'config', 'recent-cases.json'));
    const dialogs = new DialogStub();
    const loggedErrors: unknown[] = [];
    const pageProblems: string[] = [];
    const deps: HostDeps = {
      session,
      ctx: { actor: 'e2e tester', now: () => new Date() },
      recent,
      dialogs,
      signing: new SigningKeys(join(dir, 'config'), ownerOnlyFileProtector('e2e tester')),
      events: forwardEvents(page),
      logError: (error) => loggedErrors.push(error),
      passphrases: keychain ? new RememberedPassphrases(join(dir, 'config'), testKeychain()) : null,
    };
    const dispatch = createDispatcher(deps);

    page.on('console', (message) => {
      if (message.type() === 'error') pageProblems.push(message.text());
    });
    page.on('pageerror', (error) => pageProblems.push(error.message));
    await serveRenderer(page);
    await page.exposeBinding('__breachdeskInvoke', (_source, channel: unknown, input: unknown) =>
      dispatch(channel, input),
    );
    await page.addInitScript({ content: await bridgeScript() });

    const host: TestHost = {
      dir,
      dialogs,
      session,
      recent,
      dispatch,
      pageProblems,
      async call(channel, input) {
        const envelope = await dispatch(channel, input);
        if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.code} ${envelope.message}`);
        return envelope.value as ChannelOutput<typeof channel>;
      },
      async start() {
        await page.goto(APP_URL);
        await expect(page.locator('#root > *').first()).toBeVisible();
      },
    };

    try {
      await use(host);
    } finally {
      session.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(loggedErrors.map(String), 'unexpected errors inside the dispatcher').toEqual([]);
    expect(pageProblems, 'errors reported by the page (console or uncaught)').toEqual([]);
  },
});

export { expect };
