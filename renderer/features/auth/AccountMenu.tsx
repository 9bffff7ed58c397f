import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { currentLanguage } from '../../i18n';
import { AdminMenu, type AdminScreen } from './AdminMenu';
import { useSession } from './SessionContext';

// The admin screens load when first opened: most people who sign in never see them.
const UsersDialog = lazy(() => import('../users/UsersDialog').then((module) => ({ default: module.UsersDialog })));
const AuditDialog = lazy(() => import('../audit/AuditDialog').then((module) => ({ default: module.AuditDialog })));
const EndpointsDialog = lazy(() => import('../publishing/EndpointsDialog').then((module) => ({ default: module.EndpointsDialog })));
const ArchiveDialog = lazy(() => import('../archive/ArchiveDialog').then((module) => ({ default: module.ArchiveDialog })));
const BackupsDialog = lazy(() => import('../archive/BackupsDialog').then((module) => ({ default: module.BackupsDialog })));
const OutboxDialog = lazy(() => import('../publishing/OutboxDialog').then((module) => ({ default: module.OutboxDialog })));

/** The header's account area: who is signed in, lock now, sign out, and for admins their screens. */
export function AccountMenu() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [screen, setScreen] = useState<AdminScreen | null>(null);
  const [outboxOpen, setOutboxOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!session) return null;
  const { user } = session;
  const roleName = t(`roles.${user.role}`);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(ApiError.from(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="account-area" data-testid="account-area">
      <p className="account-area__who" data-testid="account-user" aria-label={t('account.signedInAs', { name: user.name, role: roleName })}>
        <span className="account-area__name">{user.name}</span>
        <span className={`role-badge role-badge--${user.role}`} data-testid="account-role">{roleName}</span>
      </p>
      {(user.role === 'reviewer' || user.role === 'admin') && (
        <button type="button" className="button" data-testid="open-outbox" aria-haspopup="dialog" onClick={() => setOutboxOpen(true)}>
          {t('publishing.outbox.button')}
        </button>
      )}
      {user.role === 'admin' && <AdminMenu onOpen={setScreen} />}
      <button type="button" className="button" data-testid="lock-now" disabled={busy} onClick={() => void act(session.lockNow)}>
        {t('account.lockNow')}
      </button>
      <button type="button" className="button" data-testid="sign-out" disabled={busy} onClick={() => void act(session.signOut)}>
        {t('account.signOut')}
      </button>
      {error && (
        <p className="form-error account-area__error" role="alert">{t('account.actionError', { message: error.localized(currentLanguage(i18n)) })}</p>
      )}
      {user.role === 'admin' && screen && (
        <Suspense fallback={null}>
          {screen === 'users' && <UsersDialog onClose={() => setScreen(null)} />}
          {screen === 'audit' && <AuditDialog onClose={() => setScreen(null)} />}
          {screen === 'endpoints' && <EndpointsDialog onClose={() => setScreen(null)} />}
          {screen === 'archive' && <ArchiveDialog onClose={() => setScreen(null)} />}
          {screen === 'backups' && <BackupsDialog onClose={() => setScreen(null)} />}
        </Suspense>
      )}
      {(user.role === 'reviewer' || user.role === 'admin') && outboxOpen && (
        <Suspense fallback={null}>
          <OutboxDialog onClose={() => setOutboxOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
