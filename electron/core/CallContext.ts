import { userInfo } from 'node:os';
import type { Role } from '../../shared/domain/user';

export interface ContextUser {
  /** The users row; null for the CLI, which acts with admin rights but is no account. */
  id: string | null;
  name: string;
  role: Role;
}

/**
 * Who is calling the core. The Electron main and the harness take it from the core's session
 * (the signed-in user); the CLI acts as an admin named after the operating-system user.
 */
export interface CallContext {
  /** What the audit log records as the actor: a user id, or `cli:<os user>`. */
  actor: string;
  /** The user the call acts as; null when nobody is signed in or the session is locked. */
  user: ContextUser | null;
}

export const ANONYMOUS: CallContext = { actor: 'anonymous', user: null };

/** The operating-system user running the CLI, for the audit log. */
export function currentOsUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export function cliContext(osUser: string = currentOsUser()): CallContext {
  return { actor: `cli:${osUser}`, user: { id: null, name: `CLI (${osUser})`, role: 'admin' } };
}
