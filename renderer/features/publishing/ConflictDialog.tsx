import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { SyncItem } from '../../../shared/ipc/channels/sync';
import { ApiError } from '../../api';
import { syncApi } from '../../api/sync';
import { currentLanguage } from '../../i18n';
import { ScreenDialog } from '../auth/ScreenDialog';
import { notifyDeskChanged } from '../desk/deskChanges';
import { diffSegments } from '../history/diffSegments';
import { ActionDialog } from '../workflow/ActionDialog';
import { RemoteLink } from './RemoteLink';
import { notifySyncChanged } from './syncChanges';
import { whenText } from './syncText';

export type Resolution = 'overwrite' | 'takeRemote' | 'editAndResend';
const RESOLUTIONS: readonly Resolution[] = ['overwrite', 'takeRemote', 'editAndResend'];

/**
 * A conflict: the post changed on the site since it was last sent. Shows the site's version
 * against the local one (a word diff, right to left, insertions green, deletions red) and the
 * three ways out, each confirmed first.
 */
export function ConflictDialog({ item, onClose, onResolved }: { item: SyncItem; onClose: () => void; onResolved: (item: SyncItem, resolution: Resolution) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [conflict, setConflict] = useState<ResponseOf<'sync.conflict'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Resolution | null>(null);
  const [busy, setBusy] = useState(false);
  const [resolveError, setResolveError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    syncApi.conflict(item.articleId, item.endpointId).then(
      (value) => {
        if (!cancelled) setConflict(value);
      },
      (caught: unknown) => {
        if (!cancelled) setError(t('publishing.conflict.loadError', { message: ApiError.from(caught).localized(currentLanguage(i18n)) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [item.articleId, item.endpointId, t, i18n]);

  const resolve = async (resolution: Resolution) => {
    setBusy(true);
    setResolveError(null);
    try {
      const resolved = await syncApi.resolve({ articleId: item.articleId, endpointId: item.endpointId, resolution });
      notifySyncChanged();
      // Taking the remote text or reopening for edits changes the article itself.
      if (resolution !== 'overwrite') notifyDeskChanged();
      setConfirming(null);
      onResolved(resolved, resolution);
    } catch (caught) {
      setResolveError(t('publishing.conflict.resolveError', { message: ApiError.from(caught).localized(language) }));
    } finally {
      setBusy(false);
    }
  };

  const modified = whenText(conflict?.remote.modifiedGmt ?? null, language);
  const changed = conflict?.body.some((part) => part.kind !== 'equal') ?? false;

  return (
    <ScreenDialog title={t('publishing.conflict.title', { endpoint: item.endpointName })} testId="conflict-dialog" closeLabel={t('publishing.conflict.close')} onClose={onClose}>
      <p className="muted conflict__intro">{t('publishing.conflict.intro')}</p>
      {error && <p className="form-error" role="alert" data-testid="conflict-error">{error}</p>}
      {!conflict && !error && <p className="placeholder-text" aria-busy="true">{t('publishing.conflict.loading')}</p>}
      {conflict && (
        <>
          <p className="conflict__remote-meta">
            {modified && <span data-testid="conflict-modified">{t('publishing.conflict.remoteModified', { when: modified })}</span>}
            <RemoteLink url={conflict.remote.url} endpoint={item.endpointName} label={t('publishing.conflict.openRemote')} />
          </p>
          <table className="diff__fields conflict__titles" data-testid="conflict-titles">
            <caption>{t('publishing.conflict.titles')}</caption>
            <tbody>
              <tr>
                <th scope="row">{t('publishing.conflict.remote')}</th>
                <td dir="auto" data-testid="conflict-remote-title">{conflict.remote.title || <span className="muted">{t('publishing.conflict.unknown')}</span>}</td>
              </tr>
              <tr>
                <th scope="row">{t('publishing.conflict.local')}</th>
                <td dir="auto" data-testid="conflict-local-title">{conflict.local.title}</td>
              </tr>
            </tbody>
          </table>
          <div className="conflict__body-head">
            <h3 className="diff__heading">{t('publishing.conflict.body')}</h3>
            <p className="conflict__legend">
              <ins className="diff__ins">{t('publishing.conflict.legendInserted')}</ins>
              <del className="diff__del">{t('publishing.conflict.legendDeleted')}</del>
            </p>
          </div>
          {!changed && <p className="placeholder-text" data-testid="conflict-no-changes">{t('publishing.conflict.noChanges')}</p>}
          <div className="diff__text conflict__diff" dir="rtl" lang="ar" data-testid="conflict-diff">
            {diffSegments(conflict.body).map((part, index) =>
              part.kind === 'insert' ? (
                <ins key={index} className="diff__ins" data-testid="diff-ins">{part.text}</ins>
              ) : part.kind === 'delete' ? (
                <del key={index} className="diff__del" data-testid="diff-del">{part.text}</del>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </div>
          <div className="conflict__actions" role="group" aria-label={t('publishing.conflict.choose')}>
            {RESOLUTIONS.map((resolution) => (
              <button key={resolution} type="button" className={`button${resolution === 'overwrite' ? ' button--danger-outline' : ''}`} data-testid={`conflict-${resolution}`} disabled={busy} onClick={() => setConfirming(resolution)}>
                {t(`publishing.conflict.${resolution}`)}
              </button>
            ))}
          </div>
        </>
      )}
      {confirming && (
        <ActionDialog
          testId="conflict-confirm"
          title={t(`publishing.conflict.${confirming}`)}
          confirmLabel={t('publishing.conflict.confirm')}
          danger={confirming === 'overwrite'}
          busy={busy}
          error={resolveError}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void resolve(confirming)}
        >
          <p>{t(`publishing.conflict.${confirming}Body`)}</p>
        </ActionDialog>
      )}
    </ScreenDialog>
  );
}
