/**
 * Everything that holds unsaved state registers a flusher here, so quitting (Electron main
 * calls `window.__midadFlush`), a reload or closing the window persists it first. A closed
 * article's last save is tracked too, so reopening it waits for that save and starts from the
 * version it produced instead of hitting a conflict with itself.
 */
type Flusher = () => Promise<void>;

const flushers = new Set<Flusher>();
const inFlight = new Set<Promise<unknown>>();

export function registerFlusher(flusher: Flusher): () => void {
  flushers.add(flusher);
  return () => flushers.delete(flusher);
}

export function trackPending(promise: Promise<unknown>): void {
  const settled = promise.catch(() => undefined).finally(() => inFlight.delete(settled));
  inFlight.add(settled);
}

export async function flushAll(): Promise<void> {
  await Promise.allSettled([...[...flushers].map((flusher) => flusher()), ...inFlight]);
}
