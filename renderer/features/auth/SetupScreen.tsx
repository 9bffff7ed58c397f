import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings';
import { MIN_PASSWORD_LENGTH, type SessionState } from '../../../shared/domain/user';
import { accountsApi } from '../../api';
import { formatNumber } from '../../i18n/format';
import { currentLanguage } from '../../i18n';
import { AuthCard } from './AuthCard';
import { AuthMessages } from './AuthMessages';
import { passwordProblem } from './passwordProblem';
import { useAuthAttempt } from './useAuthAttempt';

/**
 * First run: no account exists yet. Asks for the admin's display name and password (twice),
 * explains what the admin is for, and signs the admin in.
 */
export function SetupScreen({ onDone }: { onDone: (state: SessionState, language: Language | null) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const ids = { title: useId(), name: useId(), password: useId(), confirm: useId(), help: useId(), intro: useId() };
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(null);
  const attempt = useAuthAttempt();
  const n = formatNumber(MIN_PASSWORD_LENGTH, language);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = !name.trim() ? t('auth.nameRequired') : passwordProblem(t, password, confirm, language);
    setProblem(local);
    if (local) return;
    const state = await attempt.run(() => accountsApi.setup(name.trim(), password));
    if (state) onDone(state, chosenLanguage);
  };

  return (
    <AuthCard titleId={ids.title} title={t('auth.setupTitle')} testId="setup-screen" onLanguage={setChosenLanguage}>
      <p id={ids.intro} className="auth-card__intro">{t('auth.setupIntro')}</p>
      <form className="auth-form" onSubmit={submit} noValidate aria-describedby={ids.intro}>
        <div className="field">
          <label htmlFor={ids.name}>{t('auth.nameLabel')}</label>
          <input
            id={ids.name}
            data-testid="setup-name"
            autoComplete="name"
            autoFocus
            maxLength={100}
            placeholder={t('auth.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <p id={ids.help} className="auth-card__note">{t('auth.setupPasswordNote', { n })}</p>
        <div className="field">
          <label htmlFor={ids.password}>{t('auth.passwordLabel')}</label>
          <input
            id={ids.password}
            type="password"
            data-testid="setup-password"
            autoComplete="new-password"
            aria-describedby={ids.help}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.confirm}>{t('auth.confirmLabel')}</label>
          <input
            id={ids.confirm}
            type="password"
            data-testid="setup-confirm"
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
          />
        </div>
        <AuthMessages error={attempt.error} waitSeconds={attempt.waitSeconds} local={problem} />
        <button type="submit" className="button button--primary auth-form__submit" data-testid="setup-submit" disabled={attempt.busy}>
          {attempt.busy ? t('auth.working') : t('auth.setupSubmit')}
        </button>
      </form>
    </AuthCard>
  );
}
