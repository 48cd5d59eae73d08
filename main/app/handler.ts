import type { Channel, Output, ParsedInput } from '../../shared/contract';
import type { HandlerContext } from './state';

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  context: HandlerContext,
) => Promise<Output<C>>;

/** The handlers of one domain: `HandlersOf<'users'>` must cover every "users.*" channel. */
export type HandlersOf<D extends string> = {
  [C in Extract<Channel, `${D}.${string}`>]: Handler<C>;
};

export type Handlers = { [C in Channel]: Handler<C> };
