import { memo, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, RevisionSummary } from '../../../shared/domain/article';
import { ApiError } from '../../api';
import { deskApi } from '../../api/desk';
import { countText, currentLanguage } from '../../i18n';
import { ActionDialog } from '../workflow/ActionDialog';
import { formatWhen } from '../desk/formatWhen';
import { reasonKey, type HistoryView } from './historyView';

export interface HistoryPanelProps {
  article: Article;
  /** Re-read the list when this changes (after saves, transitions, restores). */
  refreshToken: number;
  /** Which view is open in the main column, to mark it. */
  shown: HistoryView | null;
  onShow: (view: HistoryView) => void;
  /** Restores a revision (the caller stores pending edits, calls the core and reloads). */
  onRestore: (revision: RevisionSummary) => Promise<void>;
}

/**
 * The article's revisions, newest first: who, when, why. Open one read-only, compare any two
 * (or a revision with the current text), the two desk presets, and restore (which adds a new
 * revision; nothing is removed).
 */
export const HistoryPanel = memo(function HistoryPanel({ article, refreshToken, shown, onShow, onRestore }: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('current');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<RevisionSummary | null>(null);
  const ids = { heading: useId(), from: useId(), to: useId(), presets: useId() };

  const load = useCallback(async () => {
    try {
      const list = await deskApi.revisions(article.id);
      setRevisions([...list].sort((a, b) => b.id - a.id));
      setError(null);
    } catch (caught) {
      setError(t('history.loadError', { message: ApiError.from(caught).localized(currentLanguage(i18n)) }));
    }
  }, [article.id, t, i18n]);

  useEffect(() => {
    void load();
  }, [load, refreshToken]);

  // Default comparison: the one before the newest, against the current text.
  const fromValue = from || (revisions[1] ?? revisions[0])?.id.toString() || '';
  const label = (revision: RevisionSummary) => {
    const key = reasonKey(revision.reason);
    return `${formatWhen(new Date(revision.createdAt), language)} — ${key ? t(key) : revision.reason}`;
  };
  const hasSubmit = revisions.some((revision) => revision.reason === 'submit');
  const hasApprove = revisions.some((revision) => revision.reason === 'approve');

  const restore = async (revision: RevisionSummary) => {
    setBusy(true);
    setError(null);
    try {
      await onRestore(revision);
      setConfirming(null);
    } catch (caught) {
      setError(t('history.actionError', { message: ApiError.from(caught).localized(language) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="history" aria-labelledby={ids.heading} data-testid="history-panel">
      <h2 id={ids.heading} className="meta__title">{t('history.label')}</h2>

      <div className="history__presets" role="group" aria-labelledby={ids.presets}>
        <p id={ids.presets} className="history__subtitle">{t('history.presets')}</p>
        <button type="button" className="button" data-testid="history-preset-desk" disabled={!hasSubmit || !hasApprove} title={t('history.presetDeskHelp')}
          onClick={() => onShow({ kind: 'diff', from: 'lastSubmit', to: 'lastApprove' })}>
          {t('history.presetDesk')}
        </button>
        <button type="button" className="button" data-testid="history-preset-since" disabled={!hasSubmit} title={t('history.presetSinceHelp')}
          onClick={() => onShow({ kind: 'diff', from: 'lastSubmit', to: 'current' })}>
          {t('history.presetSince')}
        </button>
      </div>

      {revisions.length > 0 && (
        <form className="history__compare" data-testid="history-compare-form" onSubmit={(event) => {
          event.preventDefault();
          const fromId = Number(fromValue);
          if (!fromId) return;
          onShow({ kind: 'diff', from: fromId, to: to === 'current' ? 'current' : Number(to) });
        }}>
          <div className="field">
            <label htmlFor={ids.from}>{t('history.compareFrom')}</label>
            <select id={ids.from} value={fromValue} data-testid="history-compare-from" onChange={(event) => setFrom(event.target.value)}>
              {revisions.map((revision) => <option key={revision.id} value={revision.id}>{label(revision)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.to}>{t('history.compareTo')}</label>
            <select id={ids.to} value={to} data-testid="history-compare-to" onChange={(event) => setTo(event.target.value)}>
              <option value="current">{t('history.current')}</option>
              {revisions.map((revision) => <option key={revision.id} value={revision.id}>{label(revision)}</option>)}
            </select>
          </div>
          <button type="submit" className="button button--primary" data-testid="history-compare">{t('history.compare')}</button>
        </form>
      )}

      {error && <p className="form-error" role="alert" data-testid="history-error">{error}</p>}
      {revisions.length === 0 && !error && <p className="comments__empty">{t('history.empty')}</p>}
      <ol className="history__list" data-testid="history-list">
        {revisions.map((revision) => {
          const key = reasonKey(revision.reason);
          const when = formatWhen(new Date(revision.createdAt), language);
          const isShown = shown?.kind === 'revision' && shown.id === revision.id;
          return (
            <li key={revision.id} className={`history__item${isShown ? ' is-shown' : ''}`} data-testid="history-item" data-revision-id={revision.id} data-reason={revision.reason}>
              <p className="history__why">
                <span className={`badge badge--reason badge--reason-${key ? revision.reason : 'other'}`}>{key ? t(key) : revision.reason}</span>
              </p>
              <p className="history__who">
                <span dir="auto">{t('history.by', { name: revision.actorName })}</span>{' · '}
                <time dateTime={revision.createdAt}>{when}</time>{' · '}
                <span>{countText(t, 'words.count', revision.wordCount, language)}</span>
              </p>
              {revision.title && <p className="history__title" dir="auto">{revision.title}</p>}
              <div className="history__actions">
                <button type="button" className="button button--quiet" data-testid="history-open" aria-label={t('history.openLabel', { when })}
                  onClick={() => onShow({ kind: 'revision', id: revision.id })}>
                  {t('history.open')}
                </button>
                {article.permissions.canEdit && (
                  <button type="button" className="button button--quiet" data-testid="history-restore" aria-label={t('history.restoreLabel', { when })} disabled={busy}
                    onClick={() => setConfirming(revision)}>
                    {t('history.restore')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {confirming && (
        <ActionDialog title={t('history.restoreLabel', { when: formatWhen(new Date(confirming.createdAt), language) })} confirmLabel={t('history.restore')}
          testId="restore-dialog" busy={busy} error={error} onConfirm={() => void restore(confirming)} onCancel={() => setConfirming(null)}>
          <p>{t('history.restoreConfirm')}</p>
        </ActionDialog>
      )}
    </section>
  );
});
