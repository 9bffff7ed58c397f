export interface TrailingDebounce {
  /** Note a call; cheap enough for every keystroke (no timer churn). */
  call(): void;
  /** Run now if a call is waiting. */
  flush(): void;
  cancel(): void;
}

/**
 * Runs `fn` once `waitMs` have passed since the last `call()`. A single timer re-checks the last
 * call time when it fires instead of being reset per call, because this sits on the typing path.
 */
export function trailingDebounce(fn: () => void, waitMs: number, now: () => number = () => performance.now()): TrailingDebounce {
  let lastCall = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let waiting = false;

  const fire = () => {
    timer = null;
    const remaining = lastCall + waitMs - now();
    if (remaining > 1) {
      timer = setTimeout(fire, remaining);
      return;
    }
    waiting = false;
    fn();
  };

  return {
    call() {
      lastCall = now();
      waiting = true;
      if (timer === null) timer = setTimeout(fire, waitMs);
    },
    flush() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (waiting) {
        waiting = false;
        fn();
      }
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      waiting = false;
    },
  };
}

/** Runs `fn` when the browser is idle (or after `timeoutMs` at the latest). */
export function whenIdle(fn: () => void, timeoutMs = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, 0);
  return () => clearTimeout(handle);
}
