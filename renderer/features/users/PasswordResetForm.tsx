import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/domain/user';
import { accountsApi, ApiError } from '../../api';
import { currentLanguage } from '../../i18n';
import { passwordProblem } from '../auth/passwordProblem';

/** The admin sets a new password for one account (twice); Escape cancels. */
export function PasswordResetForm({ user, onDone, onCancel }: { user: UserSummary; onDone: (user: UserSummary) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const ids = { title: useId(), password: useId(), confirm: useId() };
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => passwordRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = passwordProblem(t, password, confirm, language);
    setProblem(local);
    if (local) return;
    setBusy(true);
    try {
      onDone(await accountsApi.resetPassword(user.id, password));
    } catch (caught) {
      setProblem(ApiError.from(caught).localized(language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="user-form user-form--inline"
      data-testid="user-reset-form"
      aria-labelledby={ids.title}
      onSubmit={submit}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id={ids.title} className="user-form__title">{t('users.resetTitle', { name: user.name })}</h3>
      <div className="user-form__grid">
        <div className="field">
          <label htmlFor={ids.password}>{t('auth.passwordLabel')}</label>
          <input id={ids.password} ref={passwordRef} type="password" data-testid="reset-password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.confirm}>{t('auth.confirmLabel')}</label>
          <input id={ids.confirm} type="password" data-testid="reset-confirm" autoComplete="new-password" value={confirm} onChange={(event) => setConfirm(event.target.value)} />
        </div>
      </div>
      {problem && <p className="form-error" role="alert" data-testid="user-reset-error">{problem}</p>}
      <div className="user-form__actions">
        <button type="submit" className="button button--primary" data-testid="reset-submit" disabled={busy}>{t('users.resetSave')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('users.cancel')}</button>
      </div>
    </form>
  );
}
