import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, roleSchema, type Role, type UserSummary } from '../../../shared/domain/user';
import { accountsApi, ApiError } from '../../api';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { passwordProblem } from '../auth/passwordProblem';

/** Name, role, password twice. Escape cancels the form (not the whole dialog). */
export function UserCreateForm({ onCreated, onCancel }: { onCreated: (user: UserSummary) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const ids = { title: useId(), name: useId(), role: useId(), password: useId(), confirm: useId(), help: useId() };
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => nameRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = !name.trim() ? t('auth.nameRequired') : passwordProblem(t, password, confirm, language);
    setProblem(local);
    setError(null);
    if (local) return;
    setBusy(true);
    try {
      onCreated(await accountsApi.createUser(name.trim(), role, password));
    } catch (caught) {
      setError(ApiError.from(caught));
      nameRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="user-form"
      data-testid="user-create-form"
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
      <h3 id={ids.title} className="user-form__title">{t('users.createTitle')}</h3>
      <div className="user-form__grid">
        <div className="field">
          <label htmlFor={ids.name}>{t('users.name')}</label>
          <input id={ids.name} ref={nameRef} data-testid="new-user-name" maxLength={100} autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('users.role')}</label>
          <select id={ids.role} data-testid="new-user-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {roleSchema.options.map((option) => (
              <option key={option} value={option}>{t(`roles.${option}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('auth.passwordLabel')}</label>
          <input id={ids.password} type="password" data-testid="new-user-password" autoComplete="new-password" aria-describedby={ids.help} value={password} onChange={(event) => setPassword(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.confirm}>{t('auth.confirmLabel')}</label>
          <input id={ids.confirm} type="password" data-testid="new-user-confirm" autoComplete="new-password" value={confirm} onChange={(event) => setConfirm(event.target.value)} />
        </div>
      </div>
      <p id={ids.help} className="field__help">{t('auth.passwordHelp', { n: formatNumber(MIN_PASSWORD_LENGTH, language) })}</p>
      {(problem || error) && (
        <p className="form-error" role="alert" data-testid="user-create-error" data-error-code={error?.code}>
          {problem ?? error?.localized(language)}
        </p>
      )}
      <div className="user-form__actions">
        <button type="submit" className="button button--primary" data-testid="new-user-submit" disabled={busy}>{t('users.create')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('users.cancel')}</button>
      </div>
    </form>
  );
}
