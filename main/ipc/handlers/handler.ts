import type { ChannelName } from '../../../shared/ipc/channel-names';
import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { HostDeps } from '../host-deps';

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  deps: HostDeps,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type HandlerMap<C extends ChannelName> = { [K in C]: Handler<K> };
