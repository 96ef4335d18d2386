import type { ChannelName } from '../../shared/ipc/channel-names';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { contract } from '../../shared/ipc/contract';
import { BreachdeskError, type ErrorCode } from '../../shared/ipc/errors';
import { createDispatcher, type Dispatch } from '../ipc/dispatcher';
import { silentEvents, type EventSink } from '../ipc/host-deps';
import { CaseSession } from '../services/case-session';
import { ownerOnlyFileProtector } from '../services/bundles/signing/key-protector';
import { SigningKeys } from '../services/bundles/signing/signing-keys';
import { defaultActor, userConfigDir } from '../services/user-config';

/** A failure that ends the command with this exit code and one line on stderr. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code?: ErrorCode,
  ) {
    super(message);
  }
}

/** The CLI's host over the one dispatcher: no dialogs, no window, no recent list. */
export class CliHost {
  readonly session = new CaseSession();
  readonly dispatch: Dispatch;

  constructor(events: EventSink = silentEvents) {
    this.dispatch = createDispatcher({
      session: this.session,
      ctx: { actor: defaultActor(), now: () => new Date() },
      recent: null,
      dialogs: null,
      signing: new SigningKeys(userConfigDir(), ownerOnlyFileProtector()),
      events,
      // The command line has no keychain: it never remembers a passphrase.
      passphrases: null,
      logError: (error) => {
        if (process.env.BREACHDESK_DEBUG)
          process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
      },
    });
  }

  /** Calls a channel and returns its value, or throws the failure as a BreachdeskError. */
  async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const envelope = await this.dispatch(channel, input);
    if (!envelope.ok) throw new BreachdeskError(envelope.code, envelope.message);
    return contract[channel].output.parse(envelope.value) as ChannelOutput<C>;
  }

  close(): void {
    this.session.close();
  }
}
