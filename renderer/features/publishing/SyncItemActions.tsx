import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncItem } from '../../../shared/ipc/channels/sync';
import { ApiError } from '../../api';
import { syncApi } from '../../api/sync';
import { currentLanguage } from '../../i18n';
import { ActionDialog } from '../workflow/ActionDialog';
import { canCancel, canRetry } from './syncText';
import { notifySyncChanged } from './syncChanges';

export interface SyncItemActionsProps {
  item: SyncItem;
  /** Called with the item as the core left it after a retry or a cancel. */
  onChanged: (item: SyncItem) => void;
  onConflict: (item: SyncItem) => void;
}

/** Retry now, cancel (after a confirmation) and the way into a conflict, for one outbox item. */
export function SyncItemActions({ item, onChanged, onConflict }: SyncItemActionsProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);

  const run = async (action: () => Promise<SyncItem>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
      notifySyncChanged();
      return true;
    } catch (caught) {
      setError(t('publishing.actions.error', { message: ApiError.from(caught).localized(language) }));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sync-actions">
      {item.state === 'conflict' && (
        <button type="button" className="button button--primary" data-testid="sync-conflict-open" onClick={() => onConflict(item)}>
          {t('publishing.actions.conflict')}
        </button>
      )}
      {canRetry(item) && (
        <button type="button" className="button" data-testid="sync-retry" disabled={busy} onClick={() => void run(() => syncApi.retry(item.articleId, item.endpointId))}>
          {t('publishing.actions.retry')}
        </button>
      )}
      {canCancel(item.state) && (
        <button type="button" className="button button--danger-outline" data-testid="sync-cancel" disabled={busy} onClick={() => setConfirmCancel(true)}>
          {t('publishing.actions.cancel')}
        </button>
      )}
      {error && <p className="form-error sync-actions__error" role="alert" data-testid="sync-action-error">{error}</p>}
      {confirmCancel && (
        <ActionDialog
          testId="sync-cancel-dialog"
          title={t('publishing.actions.cancelTitle')}
          confirmLabel={t('publishing.actions.cancelConfirm')}
          danger
          busy={busy}
          error={error}
          onCancel={() => setConfirmCancel(false)}
          onConfirm={() => {
            void run(() => syncApi.cancel(item.articleId, item.endpointId)).then((ok) => {
              if (ok) setConfirmCancel(false);
            });
          }}
        >
          <p>{t('publishing.actions.cancelBody', { title: item.articleTitle || t('publishing.outbox.untitled'), endpoint: item.endpointName })}</p>
        </ActionDialog>
      )}
    </div>
  );
}
