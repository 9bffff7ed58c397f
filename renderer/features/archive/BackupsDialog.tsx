import '../../styles/archive.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/ipc/channels/archive';
import { ApiError } from '../../api';
import { archiveApi } from '../../api/archive';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ScreenDialog } from '../auth/ScreenDialog';
import { formatWhen } from '../desk/formatWhen';
import { ActionDialog } from '../workflow/ActionDialog';
import { formatBytes } from './archiveText';

/** After a restore everything the window holds is stale: the simplest sure way to show the restored data is a reload. */
function reloadApp(): void {
  window.location.reload();
}

/** The admin's backups: the list (kind, date, size), back up now, and restore with a confirmation. */
export function BackupsDialog({ onClose, onRestored = reloadApp }: { onClose: () => void; onRestored?: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'create' | 'restore' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);

  const load = useCallback(() => {
    archiveApi.backups().then(
      (list) => {
        setBackups(list);
      },
      (caught: unknown) => setError(ApiError.from(caught)),
    );
  }, []);
  useEffect(load, [load]);

  const create = async () => {
    setBusy('create');
    setError(null);
    setNotice(null);
    try {
      const entry = await archiveApi.createBackup();
      setNotice(t('archive.backups.created', { name: entry.name }));
      load();
    } catch (caught) {
      setError(ApiError.from(caught));
    } finally {
      setBusy(null);
    }
  };

  const restore = async (entry: BackupEntry) => {
    setBusy('restore');
    setRestoreError(null);
    try {
      await archiveApi.restoreBackup(entry.name);
      setRestoring(null);
      setNotice(t('archive.backups.restored'));
      onRestored();
    } catch (caught) {
      setRestoreError(t('archive.backups.error', { message: ApiError.from(caught).localized(language) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <ScreenDialog title={t('archive.backups.title')} testId="backups-dialog" closeLabel={t('archive.close')} onClose={onClose}>
      <p className="muted">{t('archive.backups.intro')}</p>
      <div className="archive-actions">
        <button type="button" className="button button--primary" data-testid="backup-now" data-autofocus disabled={busy !== null} onClick={() => void create()}>
          {busy === 'create' ? t('archive.backups.working') : t('archive.backups.now')}
        </button>
      </div>
      <div aria-live="polite">{notice && <p className="notice-ok" data-testid="backups-notice">{notice}</p>}</div>
      {error && <p className="form-error" role="alert" data-testid="backups-error">{t('archive.backups.error', { message: error.localized(language) })}</p>}
      {backups === null && !error && <p className="muted">{t('archive.backups.loading')}</p>}
      {backups?.length === 0 && <p className="muted" data-testid="backups-empty">{t('archive.backups.empty')}</p>}
      {backups && backups.length > 0 && (
        <table className="data-table archive-table" data-testid="backups-table">
          <thead>
            <tr>
              <th scope="col">{t('archive.backups.kind')}</th>
              <th scope="col">{t('archive.backups.when')}</th>
              <th scope="col">{t('archive.backups.size')}</th>
              <th scope="col">{t('archive.backups.schema')}</th>
              <th scope="col"><span className="visually-hidden">{t('archive.backups.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {backups.map((entry) => (
              <tr key={entry.name} data-testid="backup-row" data-kind={entry.kind} data-name={entry.name}>
                <td><span className={`state-badge archive-kind archive-kind--${entry.kind}`}>{t(`archive.backups.kinds.${entry.kind}`)}</span></td>
                <td><time dateTime={entry.createdAt} title={entry.name}>{formatWhen(new Date(entry.createdAt), language)}</time></td>
                <td>{formatBytes(t, entry.size, language)}</td>
                <td>{entry.schemaVersion === null ? '—' : formatNumber(entry.schemaVersion, language)}</td>
                <td>
                  <button type="button" className="button" data-testid="backup-restore" disabled={busy !== null} onClick={() => {
                    setRestoreError(null);
                    setRestoring(entry);
                  }}>
                    {t('archive.backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && (
        <ActionDialog
          testId="backup-restore-dialog"
          title={t('archive.backups.confirmTitle', { when: formatWhen(new Date(restoring.createdAt), language) })}
          confirmLabel={busy === 'restore' ? t('archive.backups.restoring') : t('archive.backups.confirm')}
          danger
          busy={busy === 'restore'}
          error={restoreError}
          onCancel={() => setRestoring(null)}
          onConfirm={() => void restore(restoring)}
        >
          <p>{t('archive.backups.confirmBody')}</p>
        </ActionDialog>
      )}
    </ScreenDialog>
  );
}
