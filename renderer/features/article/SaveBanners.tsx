import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import type { SaveState } from '../save/SaveQueue';

/** The save failure and version conflict banners above the editor. */
export function SaveBanners({ state, onRetry, onReload }: { state: SaveState; onRetry: () => void; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (state.kind === 'error') {
    const seconds = Math.max(1, Math.round((state.retryAt - Date.now()) / 1000));
    return (
      <div className="banner banner--error" role="alert" data-testid="save-error-banner" data-error-code={state.error.code}>
        <div className="banner__text">
          <strong>{t('banner.saveErrorTitle')}</strong> <span>{state.error.localized(language)}</span>{' '}
          <span>{t('banner.saveErrorKept', { seconds: formatNumber(seconds, language) })}</span>
        </div>
        <button type="button" className="button" data-testid="save-retry" onClick={onRetry}>{t('banner.retryNow')}</button>
      </div>
    );
  }
  if (state.kind === 'conflict') {
    return (
      <div className="banner banner--warning" role="alert" data-testid="conflict-banner">
        <div className="banner__text">
          <strong>{t('banner.conflictTitle')}</strong> <span>{t('banner.conflictBody')}</span>
        </div>
        <button type="button" className="button button--primary" data-testid="conflict-reload" onClick={onReload}>{t('banner.reload')}</button>
      </div>
    );
  }
  return null;
}
