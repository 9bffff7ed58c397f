import { createContext, useContext } from 'react';
import type { UserSummary } from '../../../shared/domain/user';

export interface SessionValue {
  /** The signed-in user (also while the session is locked). */
  user: UserSummary;
  /** Sends pending saves, then locks the session (the lock screen appears over the workspace). */
  lockNow: () => Promise<void>;
  /** Sends pending saves, then signs out (back to the sign-in screen). */
  signOut: () => Promise<void>;
  /** Asks the core for the session again (after the admin changed the signed-in account). */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in session, or null outside it (the sign-in screens). */
export function useSession(): SessionValue | null {
  return useContext(SessionContext);
}
