import { useCallback, useState } from 'react';
import { ApiError } from '../../api';
import { retryAfterSeconds } from './retryAfter';
import { useCountdown } from './useCountdown';

export interface AuthAttempt {
  busy: boolean;
  /** The last refusal other than "too many attempts" (shown in the UI language). */
  error: ApiError | null;
  /** Seconds before the core accepts another attempt; counts down to 0. */
  waitSeconds: number;
  /** Runs a sign-in, unlock or setup call; returns its value, or undefined when it was refused. */
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  /** Forgets the error and the wait (another account was picked). */
  reset: () => void;
}

/** The shared state of the password forms: busy, the refusal, and the countdown after too many attempts. */
export function useAuthAttempt(): AuthAttempt {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitSeconds = useCountdown(retryAt);

  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      const value = await action();
      setRetryAt(null);
      return value;
    } catch (caught) {
      const apiError = ApiError.from(caught);
      const wait = retryAfterSeconds(apiError);
      if (wait !== null) setRetryAt(Date.now() + wait * 1000);
      else setError(apiError);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  const reset = useCallback(() => {
    setError(null);
    setRetryAt(null);
  }, []);

  return { busy, error, waitSeconds, run, reset };
}
