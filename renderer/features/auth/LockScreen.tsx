import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState, UserSummary } from '../../../shared/domain/user';
import { accountsApi, ApiError, sessionGate } from '../../api';
import { AuthCard } from './AuthCard';
import { AuthMessages } from './AuthMessages';
import { useAuthAttempt } from './useAuthAttempt';

const heldSaves = () => sessionGate.heldCount('articles.save');
const subscribeHeld = (listener: () => void) => sessionGate.onHeldChange(listener);

/** The same user's password again, or sign out (warning when saves are still waiting). */
function LockForm({ user, titleId, onDone }: { user: UserSummary; titleId: string; onDone: (state: SessionState) => void }) {
  const { t } = useTranslation();
  const passwordId = useId();
  const [password, setPassword] = useState('');
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const [signOutError, setSignOutError] = useState<ApiError | null>(null);
  const attempt = useAuthAttempt();
  const passwordRef = useRef<HTMLInputElement>(null);
  const waitingSaves = useSyncExternalStore(subscribeHeld, heldSaves);

  useEffect(() => passwordRef.current?.focus(), []);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    const state = await attempt.run(() => accountsApi.unlock(password));
    if (state) {
      onDone(state);
      return;
    }
    setPassword('');
    passwordRef.current?.focus();
  };

  const signOut = async () => {
    if (waitingSaves > 0 && !confirmSignOut) {
      setConfirmSignOut(true);
      return;
    }
    try {
      onDone(await accountsApi.signOut());
    } catch (caught) {
      setSignOutError(ApiError.from(caught));
    }
  };

  return (
    <>
      <p className="auth-card__intro">{t('auth.lockIntro')}</p>
      <p className="lock-user" data-testid="lock-user">
        <span className="user-choice__avatar" aria-hidden="true">{Array.from(user.name.trim())[0] ?? '?'}</span>
        <span>{t('auth.lockedAs', { name: user.name, role: t(`roles.${user.role}`) })}</span>
      </p>
      <form className="auth-form" onSubmit={unlock} noValidate aria-labelledby={titleId}>
        <div className="field">
          <label htmlFor={passwordId}>{t('auth.passwordLabel')}</label>
          <input
            id={passwordId}
            ref={passwordRef}
            type="password"
            data-testid="lock-password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <AuthMessages error={attempt.error ?? signOutError} waitSeconds={attempt.waitSeconds} />
        {confirmSignOut && waitingSaves > 0 && (
          <p className="auth-wait" role="alert" data-testid="lock-held-saves">{t('auth.heldSaves')}</p>
        )}
        <div className="auth-form__actions">
          <button type="submit" className="button button--primary" data-testid="lock-submit" disabled={attempt.busy || attempt.waitSeconds > 0}>
            {attempt.busy ? t('auth.working') : t('auth.unlockSubmit')}
          </button>
          <button type="button" className="button" data-testid="lock-sign-out" onClick={() => void signOut()}>
            {confirmSignOut && waitingSaves > 0 ? t('auth.signOutAnyway') : t('auth.signOutInstead')}
          </button>
        </div>
      </form>
    </>
  );
}

/**
 * The lock screen. Over the workspace it is a modal dialog: the open article stays mounted
 * underneath (blurred and inert), so nothing typed is lost and saves that waited for the
 * password go out after the unlock. Escape does not close it. Without a workspace (the window
 * was reloaded while locked) it is a page of its own.
 */
export function LockScreen({ user, overWorkspace, onDone }: { user: UserSummary; overWorkspace: boolean; onDone: (state: SessionState) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (overWorkspace && dialog && !dialog.open) dialog.showModal();
  }, [overWorkspace]);

  if (!overWorkspace) {
    return (
      <AuthCard titleId={titleId} title={t('auth.lockTitle')} testId="lock-screen">
        <LockForm user={user} titleId={titleId} onDone={onDone} />
      </AuthCard>
    );
  }
  return (
    <dialog
      ref={dialogRef}
      className="lock-dialog"
      aria-labelledby={titleId}
      data-testid="lock-screen"
      onCancel={(event) => event.preventDefault()}
      // Closed some other way while still locked: show it again.
      onClose={(event) => {
        const dialog = event.currentTarget;
        queueMicrotask(() => {
          if (dialog.isConnected && !dialog.open) dialog.showModal();
        });
      }}
    >
      <div className="auth-card lock-dialog__card">
        <p className="auth-card__brand">
          <span className="auth-card__name">{t('app.name')}</span>
          <span className="auth-card__line">{t('auth.brandLine')}</span>
        </p>
        <h1 id={titleId} className="auth-card__title">{t('auth.lockTitle')}</h1>
        <LockForm user={user} titleId={titleId} onDone={onDone} />
      </div>
    </dialog>
  );
}
