import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { countText, currentLanguage } from '../../i18n';

/** The refusal of the last attempt, and the countdown while the core makes the user wait. */
export function AuthMessages({ error, waitSeconds, local }: { error: ApiError | null; waitSeconds: number; local?: string | null }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <div className="auth-messages">
      {local && <p className="form-error" role="alert" data-testid="auth-error">{local}</p>}
      {!local && error && (
        <p className="form-error" role="alert" data-testid="auth-error" data-error-code={error.code}>{error.localized(language)}</p>
      )}
      {waitSeconds > 0 && (
        // Announced once; the ticking seconds are not read out each time.
        <p className="auth-wait" data-testid="auth-wait">
          <strong role="alert">{t('auth.tooManyTitle')}</strong> <span aria-live="off">{countText(t, 'auth.wait', waitSeconds, language)}</span>
        </p>
      )}
    </div>
  );
}
