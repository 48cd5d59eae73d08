import { channelNames, type Channel } from './channels';
import type { Contract, Input, Output } from './contract';
import type { Result } from './result';

/**
 * The renderer's API, `window.api.users.create(input)`, derived from the contract's
 * channel names ("users.create"). The preload builds it over ipcRenderer.invoke; the
 * e2e bridge builds the very same object over loopback HTTP.
 */
type DomainOf<C> = C extends `${infer D}.${string}` ? D : never;
type MethodOf<C, D extends string> = C extends `${D}.${infer M}` ? M : never;

type Call<C extends Channel> = Contract[C]['input'] extends { _zod: { output: undefined } }
  ? () => Promise<Result<Output<C>>>
  : (input: Input<C>) => Promise<Result<Output<C>>>;

export type Api = {
  [D in DomainOf<Channel>]: {
    [M in MethodOf<Channel, D>]: Call<`${D}.${M}` & Channel>;
  };
};

export type Invoke = (channel: Channel, input: unknown) => Promise<Result<unknown>>;

export function createApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of channelNames) {
    const [domain, method] = channel.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][method] = (input?: unknown) => invoke(channel, input);
  }
  return api as unknown as Api;
}
