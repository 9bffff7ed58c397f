import type { ApiError } from './ApiError';

interface HeldCall {
  channel: string;
  error: ApiError;
  resolve: () => void;
  reject: (error: ApiError) => void;
}

type Listener = () => void;

/**
 * Where calls refused because the session is locked wait for the password. The core refuses a
 * locked call before its handler runs, so replaying it after the unlock is safe for every
 * channel; the save queue just sees a slow save, and nothing typed is dropped. The app shell
 * listens here to show the lock screen, and tells the gate when the session is open again
 * (`release`) or ended (`end`: the held calls fail with their own error).
 */
export class SessionGate {
  private readonly held = new Set<HeldCall>();
  private readonly lockedListeners = new Set<Listener>();
  private readonly signedOutListeners = new Set<Listener>();
  private readonly heldListeners = new Set<Listener>();

  /** Parks a call refused with SESSION_LOCKED until the session opens again. */
  waitForUnlock(channel: string, error: ApiError): Promise<void> {
    const promise = new Promise<void>((resolve, reject) => {
      this.held.add({ channel, error, resolve, reject });
    });
    this.emit(this.heldListeners);
    this.reportLocked();
    return promise;
  }

  /** A call saw the session locked (held or not): the shell shows the lock screen. */
  reportLocked(): void {
    this.emit(this.lockedListeners);
  }

  /** A call found nobody signed in: the shell asks the core what happened. */
  reportSignedOut(): void {
    this.emit(this.signedOutListeners);
  }

  /** The session is open again: every held call is sent again. */
  release(): void {
    this.settle((call) => call.resolve());
  }

  /** The session ended while locked (signed out): held calls fail with the error they got. */
  end(): void {
    this.settle((call) => call.reject(call.error));
  }

  /** Calls waiting for the unlock, optionally only those of one channel. */
  heldCount(channel?: string): number {
    let count = 0;
    for (const call of this.held) if (!channel || call.channel === channel) count += 1;
    return count;
  }

  onLocked(listener: Listener): () => void {
    return this.listen(this.lockedListeners, listener);
  }

  onSignedOut(listener: Listener): () => void {
    return this.listen(this.signedOutListeners, listener);
  }

  /** Told whenever the set of held calls changes. */
  onHeldChange(listener: Listener): () => void {
    return this.listen(this.heldListeners, listener);
  }

  private settle(action: (call: HeldCall) => void): void {
    if (this.held.size === 0) return;
    const calls = [...this.held];
    this.held.clear();
    for (const call of calls) action(call);
    this.emit(this.heldListeners);
  }

  private listen(set: Set<Listener>, listener: Listener): () => void {
    set.add(listener);
    return () => set.delete(listener);
  }

  private emit(set: Set<Listener>): void {
    for (const listener of [...set]) listener();
  }
}

/** The window's one gate, used by `call` and the app shell. */
export const sessionGate = new SessionGate();
