import type { Role } from '../../shared/domain/user';
import type { RequestOf } from '../../shared/ipc/contract';
import { call } from './midad';

/** Sign-in, lock and the admin's accounts and audit log: one line per channel, like `api`. */
export const accountsApi = {
  status: () => call('auth.status', {}),
  setup: (name: string, password: string) => call('auth.setup', { name, password }),
  signInUsers: () => call('auth.users', {}),
  signIn: (userId: string, password: string) => call('auth.signIn', { userId, password }),
  unlock: (password: string) => call('auth.unlock', { password }),
  lock: () => call('auth.lock', {}),
  signOut: () => call('auth.signOut', {}),
  /**
   * Local activity (keys, clicks) tells the core the person is still there: the idle clock runs
   * on calls, and reading or moving around an article makes none. Any signed-in read restarts
   * it; this one is the cheapest. Not held when locked: it only reports the lock.
   */
  keepAlive: () => call('view.last', {}, { holdWhileLocked: false }),
  listUsers: () => call('users.list', {}),
  createUser: (name: string, role: Role, password: string) => call('users.create', { name, role, password }),
  updateUser: (request: RequestOf<'users.update'>) => call('users.update', request),
  resetPassword: (id: string, password: string) => call('users.resetPassword', { id, password }),
  listAudit: (request: RequestOf<'audit.list'>) => call('audit.list', request),
};
