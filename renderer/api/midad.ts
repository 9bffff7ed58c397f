import type { MidadBridge } from '../../shared/ipc/bridge';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/errors';
import { ApiError } from './ApiError';

declare global {
  interface Window {
    /** Built by the Electron preload or the test harness; see shared/ipc/bridge.ts. */
    midad?: MidadBridge;
  }
}

type AnyMethod = (request: unknown) => Promise<Result<unknown>>;

/**
 * The only place that touches `window.midad`. Unwraps the bridge's `Result` into the typed
 * value or throws an `ApiError`, so feature code uses plain async/await.
 */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
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
  let result: Result<unknown>;
  try {
    result = await fn(request);
  } catch (error) {
    // The bridge promises never to throw; a rejection means the transport itself broke.
    throw ApiError.from(error);
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.value as ResponseOf<C>;
}
