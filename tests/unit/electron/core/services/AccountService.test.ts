import { describe, expect, it } from 'vitest';
import { Core } from '../../../../../electron/core/Core';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import { cliContext } from '../../../../../electron/core/CallContext';
import { signInDelaySeconds } from '../../../../../electron/core/services/AccountService';
import { TEST_PASSWORD, signInAs, tempCore } from '../../../../support/tempCore';

describe('AccountService sign-in', () => {
  it('does refuse a wrong password and let the right one in', async () => {
    const { core } = tempCore();
    const { user } = await signInAs(core, 'مديرة التحرير', 'admin');
    core.open.session.signOut();
    const wrong = await dispatch(core, 'auth.signIn', { userId: user.id, password: 'ليست-كلمة-السر' }, core.sessionContext());
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('INVALID_CREDENTIALS');
    const right = await dispatch(core, 'auth.signIn', { userId: user.id, password: TEST_PASSWORD }, core.sessionContext());
    expect(right.ok && (right.value as { state: string }).state).toBe('signedIn');
    const actions = core.open.db.prepare("SELECT action FROM audit WHERE action LIKE 'auth.%' ORDER BY id").pluck().all();
    expect(actions).toEqual(['auth.sign-in.failed', 'auth.sign-in']);
    core.close();
  });

  it('does make each attempt after the fifth wrong one wait longer', () => {
    expect([0, 4, 5, 6, 7, 20].map(signInDelaySeconds)).toEqual([0, 0, 2, 4, 8, 300]);
  });

  it('does count fifty wrong passwords sent at once one by one, so most must wait', async () => {
    const { core } = tempCore();
    const { user } = await signInAs(core, 'مديرة التحرير', 'admin');
    core.open.session.signOut();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => dispatch(core, 'auth.signIn', { userId: user.id, password: 'تخمين-خاطئ-123' }, core.sessionContext())),
    );
    const codes = results.map((result) => (result.ok ? 'ok' : result.error.code));
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(45);
    core.close();
  });

  it('does refuse a disabled account even with the right password', async () => {
    const { core } = tempCore();
    await signInAs(core, 'مديرة التحرير', 'admin');
    const { user } = await signInAs(core, 'محرر متعاون', 'editor');
    core.open.accounts.update(cliContext('tester'), user.id, { disabled: true });
    const result = await dispatch(core, 'auth.signIn', { userId: user.id, password: TEST_PASSWORD }, core.sessionContext());
    expect(result.ok ? 'ok' : result.error.code).toBe('USER_DISABLED');
    core.close();
  });

  it('does refuse to disable or demote the last admin', async () => {
    const { core } = tempCore();
    const { user } = await signInAs(core, 'مديرة التحرير', 'admin');
    const result = await dispatch(core, 'users.update', { id: user.id, role: 'editor' }, core.sessionContext());
    expect(result.ok ? 'ok' : result.error.code).toBe('LAST_ADMIN');
    core.close();
  });

  it('does lock the session after the idle time and unlock it with the password', async () => {
    const { core, clock } = tempCore();
    await signInAs(core, 'مديرة التحرير', 'admin');
    clock.advance(16 * 60_000);
    const locked = await dispatch(core, 'articles.list', {}, core.sessionContext());
    expect(locked.ok ? 'ok' : locked.error.code).toBe('SESSION_LOCKED');
    const unlocked = await dispatch(core, 'auth.unlock', { password: TEST_PASSWORD }, core.sessionContext());
    expect(unlocked.ok && (unlocked.value as { state: string }).state).toBe('signedIn');
    expect((await dispatch(core, 'articles.list', {}, core.sessionContext())).ok).toBe(true);
    expect(core.open.db.prepare("SELECT count(*) FROM audit WHERE action = 'auth.lock'").pluck().get()).toBe(1);
    core.close();
  });

  it('does take away the rights of a user disabled from another process at once', async () => {
    const { core, dataDir } = tempCore();
    await signInAs(core, 'مديرة التحرير', 'admin');
    const { user } = await signInAs(core, 'مدقق الليل', 'reviewer');
    expect((await dispatch(core, 'articles.list', {}, core.sessionContext())).ok).toBe(true);
    // The CLI, in its own process, disables the account.
    const cli = new Core({ dataDir });
    cli.open.accounts.update(cliContext('root'), user.id, { disabled: true });
    cli.close();
    const after = await dispatch(core, 'articles.list', {}, core.sessionContext());
    expect(after.ok ? 'ok' : after.error.code).toBe('NOT_SIGNED_IN');
    core.close();
  });
});
