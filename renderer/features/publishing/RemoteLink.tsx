import { useTranslation } from 'react-i18next';
import { safeRemoteUrl } from './syncText';

/** The published post: a plain link the Electron main opens in the system browser. */
export function RemoteLink({ url, endpoint, label }: { url: string | null; endpoint: string; label?: string }) {
  const { t } = useTranslation();
  const href = safeRemoteUrl(url);
  if (!href) return null;
  return (
    <a className="sync-remote-link" href={href} target="_blank" rel="noopener noreferrer" data-testid="sync-remote-link"
      aria-label={`${t('publishing.panel.openRemoteLabel', { endpoint })} ${t('publishing.panel.opensInBrowser')}`}>
      {label ?? t('publishing.panel.openRemote')}
      <span aria-hidden="true" className="sync-remote-link__icon"> ↗</span>
    </a>
  );
}
