/**
 * Everything that holds unsaved state registers a flusher here, so quitting (Electron main
 * calls `window.__midadFlush`), a reload or closing the window persists it first. A closed
 * article's last save is tracked too, by article, so reopening it waits for that save and starts
 * from the version it produced instead of hitting a conflict with itself — while opening any
 * other article does not wait for it.
 */
type Flusher = () => Promise<void>;

const flushers = new Set<Flusher>();
const inFlight = new Map<Promise<unknown>, string | null>();

export function registerFlusher(flusher: Flusher): () => void {
  flushers.add(flusher);
  return () => flushers.delete(flusher);
}

/** Tracks a save still running after its article was closed (`articleId` null: not tied to one). */
export function trackPending(promise: Promise<unknown>, articleId: string | null = null): void {
  const settled: Promise<unknown> = promise.catch(() => undefined).finally(() => inFlight.delete(settled));
  inFlight.set(settled, articleId);
}

/** Resolves once every tracked save of `articleId` has settled. */
export async function savesSettled(articleId: string): Promise<void> {
  const mine = [...inFlight].filter(([, id]) => id === articleId).map(([promise]) => promise);
  if (mine.length > 0) await Promise.allSettled(mine);
}

export async function flushAll(): Promise<void> {
  await Promise.allSettled([...[...flushers].map((flusher) => flusher()), ...inFlight.keys()]);
}
