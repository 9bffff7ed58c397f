import { useEffect, useRef } from 'react';

/**
 * Calls `run` now and then every `intervalMs` after the previous call settled (never two at
 * once), while `enabled`. `token` changes call it again at once.
 */
export function usePoll(run: () => Promise<unknown>, intervalMs: number, enabled = true, token: unknown = 0): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      try {
        await latest.current();
      } catch {
        // The caller shows its own errors; the poll keeps going.
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [enabled, intervalMs, token]);
}
