import type { Channel, ParsedRequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { CallContext } from '../CallContext';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>, ctx: CallContext) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
/** The handlers of one area (one module under handlers/), merged by the Core. */
export type HandlersFor<Prefix extends string> = { [C in Channel as C extends `${Prefix}.${string}` ? C : never]: Handler<C> };
