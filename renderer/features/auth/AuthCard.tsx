import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLanguage, currentLanguage } from '../../i18n';

/**
 * The frame of the screens before the workspace: the app's name, a title and a form. The
 * language switch only changes this window (settings can be saved once someone is signed in);
 * `onLanguage` lets the first-run screen keep the choice.
 */
export function AuthCard({ titleId, title, testId, children, onLanguage }: {
  titleId: string;
  title: string;
  testId: string;
  children: ReactNode;
  onLanguage?: (language: 'ar' | 'en') => void;
}) {
  const { t, i18n } = useTranslation();
  const other = currentLanguage(i18n) === 'ar' ? 'en' : 'ar';
  return (
    <main className="auth-screen" data-testid={testId}>
      <section className="auth-card" aria-labelledby={titleId}>
        <div className="auth-card__top">
          <p className="auth-card__brand">
            <span className="auth-card__name">{t('app.name')}</span>
            <span className="auth-card__line">{t('auth.brandLine')}</span>
          </p>
          <button
            type="button"
            className="button button--quiet auth-card__language"
            lang={other}
            data-testid="auth-language"
            onClick={() => {
              void applyLanguage(other);
              onLanguage?.(other);
            }}
          >
            {other === 'en' ? 'English' : 'العربية'}
          </button>
        </div>
        <h1 id={titleId} className="auth-card__title">{title}</h1>
        {children}
      </section>
    </main>
  );
}
