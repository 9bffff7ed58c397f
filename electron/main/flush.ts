/** The part of `webContents` the flush needs (a fake in tests). */
export interface FlushTarget {
  isDestroyed(): boolean;
  executeJavaScript(code: string, userGesture?: boolean): Promise<unknown>;
}

export type FlushOutcome = 'flushed' | 'no-renderer' | 'timeout' | 'failed';

/** Asks the renderer to write its pending saves; the renderer defines `window.__midadFlush`. */
const FLUSH_SCRIPT = "typeof window.__midadFlush === 'function' ? window.__midadFlush().then(() => true) : false";

/**
 * Runs the renderer's flush and waits for it at most `timeoutMs`, so a hung or crashed renderer
 * can delay quitting but never block it. Never rejects.
 */
export async function flushRenderer(target: FlushTarget | null | undefined, timeoutMs: number): Promise<FlushOutcome> {
  if (!target || target.isDestroyed()) return 'no-renderer';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<FlushOutcome>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const flush = target
    .executeJavaScript(FLUSH_SCRIPT, true)
    .then((ran): FlushOutcome => (ran === true ? 'flushed' : 'no-renderer'))
    .catch((): FlushOutcome => 'failed');
  try {
    return await Promise.race([flush, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
