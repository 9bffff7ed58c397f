import type { MidadBridge } from '../../shared/ipc/bridge';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { ErrorCode, type Result } from '../../shared/errors';
import { ApiError } from './ApiError';
import { sessionGate } from './sessionGate';

declare global {
  interface Window {
    /** Built by the Electron preload or the test harness; see shared/ipc/bridge.ts. */
    midad?: MidadBridge;
  }
}

type AnyMethod = (request: unknown) => Promise<Result<unknown>>;

export interface CallOptions {
  /**
   * A call refused because the session is locked waits for the unlock and is sent again
   * (default). `false` fails at once instead (the keep-alive, which only reports the lock).
   */
  holdWhileLocked?: boolean;
}

/**
 * The only place that touches `window.midad`. Unwraps the bridge's `Result` into the typed
 * value or throws an `ApiError`, so feature code uses plain async/await. A call the core
 * refuses because the session is locked shows the lock screen and waits there (see
 * `sessionGate`), so a save made just as the idle lock struck is stored after the unlock.
 */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>, options: CallOptions = {}): Promise<ResponseOf<C>> {
  const bridge = window.midad as unknown as Record<string, Record<string, AnyMethod>> | undefined;
  const [group, method] = channel.split('.') as [string, string];
  const fn = bridge?.[group]?.[method];
  if (!fn) {
    throw new ApiError({
      code: 'INTERNAL',
      message: 'Midad was opened outside its application window; its data store is not available.',
      messageAr: 'فُتح مداد خارج نافذة التطبيق؛ مخزن البيانات غير متاح.',
    });
  }
  for (;;) {
    let result: Result<unknown>;
    try {
      result = await fn(request);
    } catch (error) {
      // The bridge promises never to throw; a rejection means the transport itself broke.
      throw ApiError.from(error);
    }
    if (result.ok) return result.value as ResponseOf<C>;
    const error = new ApiError(result.error);
    if (error.code === ErrorCode.SESSION_LOCKED) {
      if (options.holdWhileLocked === false) {
        sessionGate.reportLocked();
        throw error;
      }
      // Rejects with `error` if the session ends instead of being unlocked.
      await sessionGate.waitForUnlock(channel, error);
      continue;
    }
    if (error.code === ErrorCode.NOT_SIGNED_IN) sessionGate.reportSignedOut();
    throw error;
  }
}
