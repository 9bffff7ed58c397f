import type { SessionState, UserSummary } from '../../../shared/domain/user';
import type { CallContext } from '../CallContext';
import { ANONYMOUS } from '../CallContext';

/**
 * The signed-in user of this app instance, held in the main process (never trusted from the
 * renderer). The session locks after the configured idle time; a locked session answers only
 * the unlock, sign-out and status calls until the same user enters the password again.
 */
export class Session {
  private user: UserSummary | null = null;
  private locked = false;
  private lastActivity = 0;

  constructor(
    private readonly clock: () => Date,
    private readonly idleLockMinutes: () => number,
    /** Told when the idle time locks the session (the audit log records it). */
    private readonly onIdleLock: (user: UserSummary) => void = () => undefined,
  ) {}

  signIn(user: UserSummary): void {
    this.user = user;
    this.locked = false;
    this.lastActivity = this.clock().getTime();
  }

  signOut(): void {
    this.user = null;
    this.locked = false;
  }

  lock(): void {
    if (this.user) this.locked = true;
  }

  unlock(): void {
    this.locked = false;
    this.lastActivity = this.clock().getTime();
  }

  /** A call that reached the core on the user's behalf: the idle clock restarts. */
  touch(): void {
    if (this.user && !this.isLocked()) this.lastActivity = this.clock().getTime();
  }

  /** Locks now if the idle time has passed (checked lazily, on every call). */
  isLocked(): boolean {
    if (this.user && !this.locked && this.clock().getTime() - this.lastActivity >= this.idleLockMinutes() * 60_000) {
      this.locked = true;
      this.onIdleLock(this.user);
    }
    return this.locked;
  }

  current(): UserSummary | null {
    return this.user;
  }

  /** Updates the held user after an admin changed it (role, name) or ends it when disabled. */
  refresh(user: UserSummary): void {
    if (this.user?.id !== user.id) return;
    if (user.disabled) this.signOut();
    else this.user = user;
  }

  state(hasUsers: boolean): SessionState {
    if (!hasUsers) return { state: 'setup' };
    if (!this.user) return { state: 'signedOut' };
    if (this.isLocked()) return { state: 'locked', user: this.user };
    return { state: 'signedIn', user: this.user, idleLockMinutes: this.idleLockMinutes() };
  }

  context(): CallContext {
    if (!this.user || this.isLocked()) return ANONYMOUS;
    return { actor: this.user.id, user: { id: this.user.id, name: this.user.name, role: this.user.role } };
  }
}
