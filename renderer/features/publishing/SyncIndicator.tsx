import '../../styles/publishing.css';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { syncApi } from '../../api/sync';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useSyncChanges } from './syncChanges';
import { usePoll } from './usePoll';

/** The status bar re-reads the outbox counts this often. */
export const STATUS_POLL_MS = 10_000;

type Status = ResponseOf<'sync.status'>;

/**
 * In the status bar: online or offline, and how many items wait, failed or are in conflict.
 * Says nothing until the core has answered once (and nothing if publishing is unavailable).
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [status, setStatus] = useState<Status | null>(null);
  const changes = useSyncChanges();
  const load = useCallback(async () => {
    try {
      setStatus(await syncApi.status());
    } catch {
      setStatus(null);
    }
  }, []);
  usePoll(load, STATUS_POLL_MS, true, changes);
  if (!status) return null;
  const waiting = status.queued + status.sending;
  return (
    <span className="sync-indicator" data-testid="sync-status" data-online={status.online} data-queued={waiting} data-failed={status.failed} data-conflicts={status.conflicts}
      role="group" aria-label={t('publishing.status.label')}>
      <span className={`sync-indicator__net sync-indicator__net--${status.online ? 'online' : 'offline'}`} data-testid="sync-online">
        <span aria-hidden="true" className="sync-indicator__dot" />
        {status.online ? t('publishing.status.online') : t('publishing.status.offline')}
      </span>
      <span data-testid="sync-queued">{t('publishing.status.queued', { n: formatNumber(waiting, language) })}</span>
      {status.failed > 0 && <span className="sync-indicator__failed" data-testid="sync-failed">{t('publishing.status.failed', { n: formatNumber(status.failed, language) })}</span>}
      {status.conflicts > 0 && <span className="sync-indicator__conflicts" data-testid="sync-conflicts">{t('publishing.status.conflicts', { n: formatNumber(status.conflicts, language) })}</span>}
    </span>
  );
}
