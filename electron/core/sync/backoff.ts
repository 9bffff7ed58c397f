/** First retry waits up to 2 s; the ceiling doubles per attempt up to 15 minutes. */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 15 * 60_000;
/**
 * While the site cannot be reached at all (offline laptop, Wi-Fi gone), retries never wait more
 * than a minute: when the network comes back, the outbox resumes within a minute rather than
 * after a 15-minute backoff built up while the laptop was offline.
 */
export const OFFLINE_CAP_MS = 60_000;

/** The most a retry after `attempt` failed attempts may wait (before jitter). */
export function backoffCeilingMs(attempt: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(30, attempt - 1)));
}

/**
 * When to try again: exponential backoff with full jitter (a uniform draw below the ceiling, so
 * a newsroom's laptops coming back online together do not hit the site in step), unless the
 * server said how long to wait (Retry-After), which is honoured as given, capped like the rest.
 */
export function retryDelayMs(attempt: number, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(BACKOFF_CAP_MS, retryAfterMs);
  return Math.floor(random() * backoffCeilingMs(attempt));
}
