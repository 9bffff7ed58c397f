import '../../styles/publishing.css';
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { SyncItem, SyncState } from '../../../shared/ipc/channels/sync';
import { ApiError } from '../../api';
import { syncApi } from '../../api/sync';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ScreenDialog } from '../auth/ScreenDialog';
import { ConflictDialog } from './ConflictDialog';
import { RemoteLink } from './RemoteLink';
import { SyncItemActions } from './SyncItemActions';
import { SyncStateBadge } from './SyncStateBadge';
import { useSyncChanges } from './syncChanges';
import { errorText, nextProgress, showProgress, SYNC_STATES, whenText, type BatchProgress } from './syncText';
import { usePoll } from './usePoll';

export const OUTBOX_PAGE_SIZE = 50;
/** The outbox re-reads this often while it is open. */
export const OUTBOX_POLL_MS = 2000;

type Page = ResponseOf<'sync.outbox'>;
type Status = ResponseOf<'sync.status'>;

/**
 * The outbox for reviewers and admins: every item with its state, filtered by state and paged,
 * with retry now and cancel, and a progress bar while a batch is being sent.
 */
export function OutboxDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const filterId = useId();
  const [state, setState] = useState<SyncState | ''>('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<SyncItem | null>(null);
  const changes = useSyncChanges();
  const request = useRef(0);

  const load = useCallback(async () => {
    const mine = (request.current += 1);
    try {
      const [nextPage, nextStatus] = await Promise.all([
        syncApi.outbox({ ...(state ? { state } : {}), limit: OUTBOX_PAGE_SIZE, offset }),
        syncApi.status(),
      ]);
      if (mine !== request.current) return;
      setPage(nextPage);
      setStatus(nextStatus);
      setProgress((previous) => nextProgress(previous, nextStatus.queued + nextStatus.sending));
      setError(null);
    } catch (caught) {
      if (mine === request.current) setError(ApiError.from(caught));
    }
  }, [state, offset]);
  usePoll(load, OUTBOX_POLL_MS, true, `${state}:${offset}:${changes}`);

  const replace = (changed: SyncItem) =>
    setPage((previous) => previous && {
      ...previous,
      items: previous.items.map((item) => (item.articleId === changed.articleId && item.endpointId === changed.endpointId ? changed : item)),
    });

  const total = page?.total ?? 0;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + (page?.items.length ?? 0));
  const done = progress ? progress.total - progress.remaining : 0;

  return (
    <ScreenDialog title={t('publishing.outbox.title')} testId="outbox-dialog" closeLabel={t('publishing.outbox.close')} onClose={onClose}>
      <p className="muted outbox__intro">{t('publishing.outbox.intro')}</p>
      <div className="outbox__bar">
        <div className="field outbox__filter">
          <label htmlFor={filterId}>{t('publishing.outbox.filter')}</label>
          <select id={filterId} data-testid="outbox-state" data-autofocus value={state} onChange={(event) => {
            setState(event.target.value as SyncState | '');
            setOffset(0);
          }}>
            <option value="">{t('publishing.outbox.anyState')}</option>
            {SYNC_STATES.map((name) => (
              <option key={name} value={name}>{t(`publishing.states.${name}`)}</option>
            ))}
          </select>
        </div>
        {status && !status.online && <p className="outbox__offline" role="status" data-testid="outbox-offline">{t('publishing.outbox.offline')}</p>}
        {showProgress(progress) && (
          <div className="outbox__progress" data-testid="outbox-progress">
            <label htmlFor={`${filterId}-progress`}>{t('publishing.outbox.progress', { done: formatNumber(done, language), total: formatNumber(progress.total, language) })}</label>
            <progress id={`${filterId}-progress`} max={progress.total} value={done} />
          </div>
        )}
      </div>
      {error && <p className="form-error" role="alert" data-testid="outbox-error">{t('publishing.outbox.loadError', { message: error.localized(language) })}</p>}
      <div className="outbox__table-wrap" aria-busy={page === null && !error}>
        <table className="data-table outbox__table" data-testid="outbox-table">
          <thead>
            <tr>
              <th scope="col">{t('publishing.outbox.article')}</th>
              <th scope="col">{t('publishing.outbox.endpoint')}</th>
              <th scope="col">{t('publishing.outbox.state')}</th>
              <th scope="col">{t('publishing.outbox.lastAttempt')}</th>
              <th scope="col">{t('publishing.outbox.error')}</th>
              <th scope="col">{t('publishing.outbox.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {page?.items.map((item) => {
              const when = whenText(item.lastAttemptAt, language);
              const reason = errorText(item.lastError, language);
              return (
                <tr key={`${item.articleId}:${item.endpointId}`} data-testid="outbox-row" data-state={item.state} data-article={item.articleId}>
                  <td className="outbox__article"><bdi>{item.articleTitle || t('publishing.outbox.untitled')}</bdi></td>
                  <td>
                    <div><bdi>{item.endpointName}</bdi></div>
                    <div className="muted outbox__op">{t(`publishing.kinds.${item.endpointKind}`)} · {t(`publishing.operations.${item.operation}`)}</div>
                  </td>
                  <td className="outbox__state">
                    <SyncStateBadge item={item} />
                    <RemoteLink url={item.remoteUrl} endpoint={item.endpointName} />
                  </td>
                  <td className="outbox__when">
                    {when && <div>{when}</div>}
                    {item.attempts > 0 && <div className="muted">{t('publishing.panel.attempts', { n: formatNumber(item.attempts, language) })}</div>}
                  </td>
                  <td className="outbox__reason" data-testid="outbox-reason">{reason}</td>
                  <td className="outbox__actions">
                    <SyncItemActions item={item} onChanged={replace} onConflict={setConflict} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {page && page.items.length === 0 && (
          <p className="muted outbox__empty" data-testid="outbox-empty">{state ? t('publishing.outbox.emptyFiltered') : t('publishing.outbox.empty')}</p>
        )}
        {!page && !error && <p className="muted">{t('publishing.outbox.loading')}</p>}
      </div>
      <nav className="audit-pager" aria-label={t('publishing.outbox.pages')}>
        <span data-testid="outbox-range" aria-live="polite">
          {t('publishing.outbox.range', { from: formatNumber(first, language), to: formatNumber(last, language), total: formatNumber(total, language) })}
        </span>
        <button type="button" className="button" data-testid="outbox-previous" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - OUTBOX_PAGE_SIZE))}>
          {t('publishing.outbox.previous')}
        </button>
        <button type="button" className="button" data-testid="outbox-next" disabled={last >= total} onClick={() => setOffset(offset + OUTBOX_PAGE_SIZE)}>
          {t('publishing.outbox.next')}
        </button>
      </nav>
      {conflict && (
        <ConflictDialog item={conflict} onClose={() => setConflict(null)} onResolved={(resolved) => {
          replace(resolved);
          setConflict(null);
        }} />
      )}
    </ScreenDialog>
  );
}
