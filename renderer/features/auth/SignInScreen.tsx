import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings';
import type { SessionState, UserSummary } from '../../../shared/domain/user';
import { accountsApi, ApiError } from '../../api';
import { currentLanguage } from '../../i18n';
import { AuthCard } from './AuthCard';
import { AuthMessages } from './AuthMessages';
import { useAuthAttempt } from './useAuthAttempt';

/** Remembered on this computer so the next sign-in starts on the same account (an id, never a secret). */
const LAST_USER_KEY = 'midad.lastSignedInUser';

function rememberedUser(): string | null {
  try {
    return window.localStorage.getItem(LAST_USER_KEY);
  } catch {
    return null;
  }
}

export function rememberUser(id: string): void {
  try {
    window.localStorage.setItem(LAST_USER_KEY, id);
  } catch {
    // Storage unavailable: the list just starts unselected.
  }
}

/** Pick an account from the list (names and roles), enter its password. */
export function SignInScreen({ onDone }: { onDone: (state: SessionState, language: Language | null) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const ids = { title: useId(), password: useId(), legend: useId() };
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(null);
  const attempt = useAuthAttempt();
  const passwordRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    accountsApi.signInUsers().then(
      (list) => {
        setUsers(list);
        const remembered = rememberedUser();
        const initial = list.length === 1 ? list[0]!.id : list.find((user) => user.id === remembered)?.id ?? null;
        setUserId(initial);
      },
      (error: unknown) => setLoadError(ApiError.from(error)),
    );
  }, []);

  // Focus where the person starts: the password when the account is known, else the list.
  useEffect(() => {
    if (!users) return;
    if (userId) passwordRef.current?.focus();
    else listRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
    // Only when the list arrives: picking an account later is the person's own move.
  }, [users]);

  const pick = (id: string) => {
    setUserId(id);
    setProblem(null);
    attempt.reset();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!userId) {
      setProblem(t('auth.pickUser'));
      return;
    }
    setProblem(null);
    const state = await attempt.run(() => accountsApi.signIn(userId, password));
    if (state) {
      rememberUser(userId);
      onDone(state, chosenLanguage);
      return;
    }
    setPassword('');
    passwordRef.current?.focus();
  };

  const waiting = attempt.waitSeconds > 0;
  return (
    <AuthCard titleId={ids.title} title={t('auth.signInTitle')} testId="signin-screen" onLanguage={setChosenLanguage}>
      <p className="auth-card__intro">{t('auth.signInIntro')}</p>
      {loadError && <p className="form-error" role="alert">{t('auth.statusError', { message: loadError.localized(language) })}</p>}
      <form className="auth-form" onSubmit={submit} noValidate>
        <fieldset className="user-picker" ref={listRef} aria-busy={users === null}>
          <legend className="user-picker__legend">{t('auth.whoLabel')}</legend>
          {users?.length === 0 && <p className="auth-card__note">{t('auth.noUsers')}</p>}
          <div className="user-picker__list" data-testid="signin-users">
            {users?.map((user) => (
              <label key={user.id} className={`user-choice${user.id === userId ? ' user-choice--selected' : ''}`} data-testid="signin-user">
                <input type="radio" name="signin-user" value={user.id} checked={user.id === userId} onChange={() => pick(user.id)} />
                <span className="user-choice__avatar" aria-hidden="true">{Array.from(user.name.trim())[0] ?? '?'}</span>
                <span className="user-choice__name">{user.name}</span>
                <span className={`role-badge role-badge--${user.role}`}>{t(`roles.${user.role}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={ids.password}>{t('auth.passwordLabel')}</label>
          <input
            id={ids.password}
            ref={passwordRef}
            type="password"
            data-testid="signin-password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <AuthMessages error={attempt.error} waitSeconds={attempt.waitSeconds} local={problem} />
        <button type="submit" className="button button--primary auth-form__submit" data-testid="signin-submit" disabled={attempt.busy || waiting || users?.length === 0}>
          {attempt.busy ? t('auth.working') : t('auth.signInSubmit')}
        </button>
      </form>
    </AuthCard>
  );
}
