import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, UserSummary } from '../../shared/domain/user';
import type { CallContext } from '../../electron/core/CallContext';
import { Core } from '../../electron/core/Core';

export function tempDir(prefix = 'midad-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const TEST_PASSWORD = 'كلمة-سر-طويلة-2026';

/**
 * Creates an account (the first one becomes the admin through first-run setup) and signs the
 * core's session in as that user; returns the context the window would call with.
 */
export async function signInAs(core: Core, name: string, role: Role = 'admin', password = TEST_PASSWORD): Promise<{ user: UserSummary; ctx: CallContext }> {
  const { accounts, session } = core.open;
  let user: UserSummary;
  if (!accounts.hasUsers()) {
    const admin = await accounts.setupAdmin(role === 'admin' ? name : 'مديرة التحرير', password);
    user = role === 'admin' ? admin : await accounts.create({ actor: admin.id, user: { id: admin.id, name: admin.name, role: 'admin' } }, name, role, password);
  } else {
    user = accounts.findByName(name) ?? (await accounts.create({ actor: 'cli:test', user: { id: null, name: 'test', role: 'admin' } }, name, role, password));
  }
  session.signIn(user);
  return { user, ctx: core.sessionContext() };
}

/** A real core on a real SQLite file in a fresh temporary data directory, with a settable clock. */
export function tempCore(startAt = new Date('2026-11-30T10:00:00Z')): { core: Core; dataDir: string; clock: { now: Date; advance(ms: number): void } } {
  const dataDir = tempDir();
  const clock = {
    now: startAt,
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const core = new Core({ dataDir, clock: () => clock.now });
  return { core, dataDir, clock };
}

/** tempCore with an admin signed in: the context to call with. */
export async function tempCoreSignedIn(startAt?: Date): Promise<ReturnType<typeof tempCore> & { ctx: CallContext; user: UserSummary }> {
  const made = tempCore(startAt);
  const { user, ctx } = await signInAs(made.core, 'مديرة التحرير', 'admin');
  return { ...made, user, ctx };
}

/** The context of the core's signed-in user, signing in the default admin first if nobody is. */
export async function signedInContext(core: Core): Promise<CallContext> {
  if (!core.open.session.current()) await signInAs(core, 'مديرة التحرير', 'admin');
  return core.sessionContext();
}
