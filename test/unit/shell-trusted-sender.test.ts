import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderEvent, type SenderFrame } from '../../main/shell/guards/trusted-sender';

interface FrameOptions {
  processId?: number;
  routingId?: number;
  url?: string;
  parent?: unknown;
  destroyed?: boolean;
}

/** A WebFrameMain as far as the check reads it; defaults describe our window's top frame. */
function frame({
  processId = 7,
  routingId = 1,
  url = 'app://breachdesk/index.html',
  parent = null,
  destroyed = false,
}: FrameOptions = {}): SenderFrame {
  return { processId, routingId, url, parent, isDestroyed: () => destroyed };
}

function eventFrom(senderFrame: SenderFrame | null, mainFrame: SenderFrame = frame()): SenderEvent {
  return { senderFrame, sender: { mainFrame } };
}

describe('isTrustedSender', () => {
  it('accepts the top frame of our window showing our page', () => {
    expect(isTrustedSender(eventFrom(frame()))).toBe(true);
    expect(isTrustedSender(eventFrom(frame({ url: 'app://breachdesk/' })))).toBe(true);
    expect(isTrustedSender(eventFrom(frame({ url: 'app://breachdesk/index.html#/evidence' })))).toBe(true);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender(eventFrom(null))).toBe(false);
    expect(isTrustedSender(eventFrom(frame({ destroyed: true })))).toBe(false);
  });

  it('refuses a subframe, even one showing our own page', () => {
    const top = frame();
    expect(isTrustedSender(eventFrom(frame({ routingId: 2, parent: top }), top))).toBe(false);
    // Same ids as the top frame but with a parent: never trusted.
    expect(isTrustedSender(eventFrom(frame({ parent: top }), top))).toBe(false);
  });

  it('refuses a frame of another process or another routing id', () => {
    expect(isTrustedSender(eventFrom(frame({ processId: 8 })))).toBe(false);
    expect(isTrustedSender(eventFrom(frame({ routingId: 9 })))).toBe(false);
  });

  it.each([
    'https://example.com/',
    'http://breachdesk/index.html',
    'file:///home/user/index.html',
    'app://evil/index.html',
    'app://breachdesk.evil/index.html',
    'about:blank',
    'data:text/html,<p>hi</p>',
    'not a url',
    '',
  ])('refuses our top frame once it shows %s', (url) => {
    const top = frame({ url });
    expect(isTrustedSender(eventFrom(top, top))).toBe(false);
  });
});
