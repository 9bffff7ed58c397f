import type { Result } from '../errors';
import { channels, type Channel, type RequestOf, type ResponseOf } from './contract';

/**
 * `window.midad`: one function per contract channel, grouped by the part before the dot
 * (`midad.articles.save(...)`). Built by the Electron preload over `ipcRenderer.invoke` and by
 * the test harness over a Playwright binding, so the renderer sees the same object in both.
 * Calls never throw across the bridge: they resolve to a `Result`.
 */
export type Invoke = (channel: Channel, payload: unknown) => Promise<Result<unknown>>;

type Group<C extends Channel> = C extends `${infer G}.${string}` ? G : never;
type Method<C extends Channel> = C extends `${string}.${infer M}` ? M : never;

export type MidadBridge = {
  [G in Group<Channel>]: {
    [C in Channel as Group<C> extends G ? Method<C> : never]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  };
};

export function buildBridge(invoke: Invoke): MidadBridge {
  const bridge: Record<string, Record<string, (request: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of channels) {
    const [group, method] = channel.split('.') as [string, string];
    bridge[group] ??= {};
    bridge[group][method] = (request: unknown) => invoke(channel, request ?? {});
  }
  return bridge as unknown as MidadBridge;
}
