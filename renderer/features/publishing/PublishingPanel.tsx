import '../../styles/publishing.css';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncItem } from '../../../shared/ipc/channels/sync';
import { ApiError } from '../../api';
import { syncApi } from '../../api/sync';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useSession } from '../auth/SessionContext';
import { ConflictDialog } from './ConflictDialog';
import { RemoteLink } from './RemoteLink';
import { SyncItemActions } from './SyncItemActions';
import { SyncStateBadge } from './SyncStateBadge';
import { useSyncChanges } from './syncChanges';
import { errorText, whenText } from './syncText';
import { usePoll } from './usePoll';

/** How often the tab re-reads while it is shown. */
export const PANEL_POLL_MS = 3000;

/**
 * The "Publishing" tab beside an article: one card per endpoint with its state, the remote
 * link, the last attempt and the stored reason in the UI language. Reviewers and admins also
 * get retry now, cancel and the way into a conflict.
 */
export function PublishingPanel({ articleId, visible, onArticleChanged }: {
  articleId: string;
  visible: boolean;
  /** A conflict resolved by taking the remote text or reopening for edits changed the article itself. */
  onArticleChanged?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const session = useSession();
  const mayAct = session?.user.role === 'reviewer' || session?.user.role === 'admin';
  const [items, setItems] = useState<SyncItem[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<SyncItem | null>(null);
  const [token, setToken] = useState(0);
  const changes = useSyncChanges();

  const load = useCallback(async () => {
    try {
      const next = await syncApi.article(articleId);
      setItems(next);
      setError(null);
    } catch (caught) {
      setError(ApiError.from(caught));
    }
  }, [articleId]);
  usePoll(load, PANEL_POLL_MS, visible, `${articleId}:${token}:${changes}`);

  const replace = (changed: SyncItem) =>
    setItems((previous) => previous?.map((item) => (item.endpointId === changed.endpointId && item.articleId === changed.articleId ? changed : item)) ?? previous);

  return (
    <section className="publishing-panel" data-testid="publishing-panel" aria-busy={items === null && !error}>
      <div className="publishing-panel__head">
        <p className="muted publishing-panel__intro">{t('publishing.panel.intro')}</p>
        <button type="button" className="button button--quiet" data-testid="publishing-refresh" onClick={() => setToken((value) => value + 1)}>
          {t('publishing.panel.refresh')}
        </button>
      </div>
      {error && <p className="form-error" role="alert" data-testid="publishing-error">{t('publishing.panel.loadError', { message: error.localized(language) })}</p>}
      {items === null && !error && <p className="placeholder-text">{t('publishing.panel.loading')}</p>}
      {items?.length === 0 && <p className="muted" data-testid="publishing-empty">{t('publishing.panel.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="publishing-panel__list">
          {items.map((item) => {
            const last = whenText(item.lastAttemptAt, language);
            const reason = errorText(item.lastError, language);
            return (
              <li key={item.endpointId} className={`sync-card sync-card--${item.state}`} data-testid="publishing-item" data-endpoint={item.endpointName} data-state={item.state}>
                <div className="sync-card__head">
                  <bdi className="sync-card__endpoint">{item.endpointName}</bdi>
                  <span className="sync-card__kind muted">{t(`publishing.kinds.${item.endpointKind}`)} · {t(`publishing.operations.${item.operation}`)}</span>
                </div>
                <div className="sync-card__state">
                  <SyncStateBadge item={item} />
                  <RemoteLink url={item.remoteUrl} endpoint={item.endpointName} />
                </div>
                {(last || item.attempts > 0) && (
                  <p className="sync-card__meta muted">
                    {last && <span data-testid="publishing-last-attempt">{t('publishing.panel.lastAttempt', { when: last })}</span>}
                    {item.attempts > 0 && <span data-testid="publishing-attempts">{t('publishing.panel.attempts', { n: formatNumber(item.attempts, language) })}</span>}
                  </p>
                )}
                {reason && (
                  <p className="sync-card__error" data-testid="publishing-item-error" data-code={item.lastError?.code}>
                    {t('publishing.panel.error', { message: reason })}
                  </p>
                )}
                {mayAct && <SyncItemActions item={item} onChanged={replace} onConflict={setConflict} />}
              </li>
            );
          })}
        </ul>
      )}
      {conflict && (
        <ConflictDialog
          item={conflict}
          onClose={() => setConflict(null)}
          onResolved={(resolved, resolution) => {
            replace(resolved);
            setConflict(null);
            if (resolution !== 'overwrite') onArticleChanged?.();
          }}
        />
      )}
    </section>
  );
}
