import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import type { ApiError } from '../../api';
import type { SaveState } from '../save/SaveQueue';

export interface SaveFailure {
  error: ApiError;
  retryAt: number;
}

/**
 * The save failure and version conflict banners above the editor. The failure banner stays up
 * through retries (`failure` is cleared only by a successful save), so it does not flicker.
 */
export function SaveBanners({ state, failure, onRetry, onReload }: { state: SaveState; failure: SaveFailure | null; onRetry: () => void; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (failure && state.kind !== 'conflict') {
    const seconds = Math.max(1, Math.round((failure.retryAt - Date.now()) / 1000));
    const retrying = state.kind === 'saving';
    return (
      <div className="banner banner--error" role="alert" data-testid="save-error-banner" data-error-code={failure.error.code}>
        <div className="banner__text">
          <strong>{t('banner.saveErrorTitle')}</strong> <span>{failure.error.localized(language)}</span>{' '}
          <span>{retrying ? t('status.saving') : t('banner.saveErrorKept', { seconds: formatNumber(seconds, language) })}</span>
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
