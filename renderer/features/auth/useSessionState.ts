import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionState } from '../../../shared/domain/user';
import { accountsApi, sessionGate } from '../../api';

/** How often the window asks whether the core has locked the session (auth.status is not activity). */
export const STATUS_POLL_MS = 30_000;
/** Local activity (keys, clicks, scrolling) is reported to the core at most this often. */
export const KEEP_ALIVE_MS = 60_000;

export interface SessionControl {
  session: SessionState;
  /** Takes a state the core returned (sign-in, unlock, lock, sign-out). */
  apply: (next: SessionState) => void;
  /** Asks the core for the state now; concurrent requests share one call. */
  refresh: () => Promise<void>;
}

/**
 * The session as the core holds it, kept current: polled every 30 s while signed in and when
 * the window comes back into view, re-read whenever a call is refused as locked or signed out,
 * and told about local activity so reading without saving does not count as idle. Opening the
 * session again releases the calls that waited for the unlock; ending it fails them.
 */
export function useSessionState(initial: SessionState): SessionControl {
  const [session, setSession] = useState<SessionState>(initial);
  const inFlight = useRef<Promise<void> | null>(null);

  const apply = useCallback((next: SessionState) => {
    setSession(next);
    if (next.state === 'signedIn') sessionGate.release();
    else if (next.state === 'signedOut' || next.state === 'setup') sessionGate.end();
  }, []);

  const refresh = useCallback((): Promise<void> => {
    inFlight.current ??= accountsApi
      .status()
      .then(apply, () => undefined) // The data store itself failing shows up in the calls that need it.
      .finally(() => {
        inFlight.current = null;
      });
    return inFlight.current;
  }, [apply]);

  useEffect(() => {
    const offLocked = sessionGate.onLocked(() => void refresh());
    const offSignedOut = sessionGate.onSignedOut(() => void refresh());
    return () => {
      offLocked();
      offSignedOut();
    };
  }, [refresh]);

  const signedIn = session.state === 'signedIn';

  useEffect(() => {
    if (!signedIn) return;
    const timer = window.setInterval(() => void refresh(), STATUS_POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [signedIn, refresh]);

  useEffect(() => {
    if (!signedIn) return;
    let last = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - last < KEEP_ALIVE_MS) return;
      last = now;
      accountsApi.keepAlive().catch(() => undefined); // A lock it meets is reported through the gate.
    };
    const options = { capture: true, passive: true } as const;
    for (const type of ['keydown', 'pointerdown', 'wheel'] as const) window.addEventListener(type, onActivity, options);
    return () => {
      for (const type of ['keydown', 'pointerdown', 'wheel'] as const) window.removeEventListener(type, onActivity, options);
    };
  }, [signedIn]);

  return { session, apply, refresh };
}
