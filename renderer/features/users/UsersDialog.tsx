import { Fragment, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleSchema, type Role, type UserSummary } from '../../../shared/domain/user';
import { accountsApi, ApiError } from '../../api';
import { countText, currentLanguage } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { ScreenDialog } from '../auth/ScreenDialog';
import { useSession } from '../auth/SessionContext';
import { PasswordResetForm } from './PasswordResetForm';
import { UserCreateForm } from './UserCreateForm';

type Notice = { kind: 'ok'; text: string } | { kind: 'error'; error: ApiError };

/**
 * The admin's accounts screen: every user with role, state and creation date; add a user,
 * change a role, disable or enable, set a new password. The core refuses all of it to anyone
 * but an admin, and refuses to leave the newsroom without an enabled admin (LAST_ADMIN).
 */
export function UsersDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const session = useSession();
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers(await accountsApi.listUsers());
      setLoadError(null);
    } catch (caught) {
      setLoadError(ApiError.from(caught));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const changed = async (user: UserSummary, text: string) => {
    setNotice({ kind: 'ok', text });
    await load();
    if (user.id === session?.user.id) await session.refresh();
  };

  const update = async (user: UserSummary, changes: { role?: Role; disabled?: boolean }) => {
    setBusyId(user.id);
    setNotice(null);
    try {
      const next = await accountsApi.updateUser({ id: user.id, ...changes });
      await changed(next, t('users.updatedNotice', { name: next.name }));
    } catch (caught) {
      setNotice({ kind: 'error', error: ApiError.from(caught) });
      await load(); // The select shows the stored role again.
    } finally {
      setBusyId(null);
    }
  };

  const newUserButton = (
    <button
      type="button"
      className="button button--primary"
      data-testid="users-new"
      data-autofocus
      aria-expanded={creating}
      onClick={() => {
        setCreating(true);
        setResetting(null);
        setNotice(null);
      }}
    >
      {t('users.newUser')}
    </button>
  );

  return (
    <ScreenDialog title={t('users.title')} testId="users-dialog" closeLabel={t('users.close')} onClose={onClose} headerExtra={newUserButton}>
      <div className="users-notices" aria-live="polite">
        {notice?.kind === 'ok' && <p className="notice-ok" role="status" data-testid="users-notice">{notice.text}</p>}
        {notice?.kind === 'error' && (
          <p className="form-error notice-error" role="alert" data-testid="users-error" data-error-code={notice.error.code}>
            {notice.error.localized(language)}
          </p>
        )}
      </div>
      {creating && (
        <UserCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            void changed(user, t('users.createdNotice', { name: user.name, role: t(`roles.${user.role}`) }));
          }}
        />
      )}
      {loadError && <p className="form-error" role="alert">{t('users.loadError', { message: loadError.localized(language) })}</p>}
      {!users && !loadError && <p className="muted" aria-busy="true">{t('users.loading')}</p>}
      {users && (
        <>
          <p className="muted" data-testid="users-count">{countText(t, 'users.count', users.length, language)}</p>
          <table className="data-table users-table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.state')}</th>
                <th scope="col">{t('users.created')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const isMe = user.id === session?.user.id;
                const busy = busyId === user.id;
                return (
                  <Fragment key={user.id}>
                    <tr data-testid="user-row" data-user-name={user.name} className={user.disabled ? 'is-disabled' : undefined}>
                      <th scope="row" className="users-table__name">
                        {user.name} {isMe && <span className="muted">{t('users.you')}</span>}
                      </th>
                      <td>
                        <select
                          className="users-table__role"
                          aria-label={t('users.roleOf', { name: user.name })}
                          data-testid="user-role"
                          value={user.role}
                          disabled={busy}
                          onChange={(event) => void update(user, { role: event.target.value as Role })}
                        >
                          {roleSchema.options.map((option) => (
                            <option key={option} value={option}>{t(`roles.${option}`)}</option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <span className={`state-badge${user.disabled ? ' state-badge--off' : ''}`} data-testid="user-state">
                          {user.disabled ? t('users.disabled') : t('users.enabled')}
                        </span>
                      </td>
                      <td>
                        <time dateTime={user.createdAt}>{formatDate(new Date(user.createdAt), language)}</time>
                      </td>
                      <td>
                        <div className="users-table__actions">
                          <button type="button" className="button" data-testid="user-toggle" disabled={busy} onClick={() => void update(user, { disabled: !user.disabled })}>
                            {user.disabled ? t('users.enable') : t('users.disable')}
                            <span className="visually-hidden"> {user.name}</span>
                          </button>
                          <button
                            type="button"
                            className="button"
                            data-testid="user-reset"
                            aria-expanded={resetting === user.id}
                            onClick={() => {
                              setResetting(resetting === user.id ? null : user.id);
                              setCreating(false);
                              setNotice(null);
                            }}
                          >
                            {t('users.resetPassword')}
                            <span className="visually-hidden"> {user.name}</span>
                          </button>
                        </div>
                      </td>
                    </tr>
                    {resetting === user.id && (
                      <tr className="users-table__form-row">
                        <td colSpan={5}>
                          <PasswordResetForm
                            user={user}
                            onCancel={() => setResetting(null)}
                            onDone={(next) => {
                              setResetting(null);
                              void changed(next, t('users.resetNotice', { name: next.name }));
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </ScreenDialog>
  );
}
