import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionSummary } from '../../../shared/domain/article';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { ApiError } from '../../api';
import { deskApi } from '../../api/desk';
import { countText, currentLanguage } from '../../i18n';
import { formatWhen } from '../desk/formatWhen';
import { diffSegments } from './diffSegments';
import { reasonKey, type HistoryView } from './historyView';
import { RevisionFrame } from './RevisionFrame';

type Loaded =
  | { kind: 'revision'; value: ResponseOf<'revisions.get'> }
  | { kind: 'diff'; value: ResponseOf<'revisions.diff'> };

export interface HistoryViewerProps {
  articleId: string;
  view: HistoryView;
  onClose: () => void;
}

/**
 * Shown in the main column instead of the editor: one revision, read-only, or the comparison
 * of two, right to left, insertions green and underlined, deletions red and struck through,
 * with the title and metadata changes listed above the text.
 */
export function HistoryViewer({ articleId, view, onClose }: HistoryViewerProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  useEffect(() => {
    let cancelled = false;
    setLoaded(null);
    setError(null);
    const request: Promise<Loaded> =
      view.kind === 'revision'
        ? deskApi.revision(view.id).then((value) => ({ kind: 'revision', value }))
        : deskApi.diff({ articleId, from: view.from, to: view.to }).then((value) => ({ kind: 'diff', value }));
    request.then(
      (value) => {
        if (!cancelled) setLoaded(value);
      },
      (caught: unknown) => {
        if (!cancelled) setError(ApiError.from(caught).localized(currentLanguage(i18n)));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [articleId, view, i18n]);

  const describe = (revision: RevisionSummary | null) => {
    if (!revision) return t('history.current');
    const key = reasonKey(revision.reason);
    return `${key ? t(key) : revision.reason} (${formatWhen(new Date(revision.createdAt), language)})`;
  };

  let title = t('history.diffTitle');
  let subtitle = '';
  if (loaded?.kind === 'revision') {
    const revision = loaded.value.revision;
    const key = reasonKey(revision.reason);
    title = t('history.revisionTitle', { when: formatWhen(new Date(revision.createdAt), language) });
    subtitle = t('history.readOnlyNote', { reason: key ? t(key) : revision.reason, name: revision.actorName });
  } else if (loaded?.kind === 'diff') {
    subtitle = t('history.diffRange', { from: describe(loaded.value.from), to: describe(loaded.value.to) });
  }

  return (
    <section className="history-viewer" aria-labelledby={headingId} data-testid="history-viewer" data-kind={view.kind}>
      <header className="history-viewer__head">
        <div>
          <h2 id={headingId} className="history-viewer__title">{title}</h2>
          {subtitle && <p className="history-viewer__subtitle" data-testid="history-viewer-subtitle">{subtitle}</p>}
        </div>
        <button type="button" className="button" data-testid="history-viewer-close" onClick={onClose}>{t('history.close')}</button>
      </header>
      {error && <p className="form-error history-viewer__error" role="alert" data-testid="history-viewer-error">{error}</p>}
      {!loaded && !error && <p className="placeholder-text history-viewer__error" aria-busy="true">{t('editor.loading')}</p>}
      {loaded?.kind === 'revision' && (
        <div className="history-viewer__body" data-testid="revision-view">
          <div className="revision-view__heading">
            {loaded.value.subtitle && <p className="revision-view__subtitle" dir="auto">{loaded.value.subtitle}</p>}
            <p className="revision-view__title" dir="auto" data-testid="revision-title">{loaded.value.title}</p>
          </div>
          <RevisionFrame html={loaded.value.bodyHtml} title={title} />
        </div>
      )}
      {loaded?.kind === 'diff' && <DiffBody diff={loaded.value} />}
    </section>
  );
}

function DiffBody({ diff }: { diff: ResponseOf<'revisions.diff'> }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const changed = diff.body.some((part) => part.kind !== 'equal');
  return (
    <div className="history-viewer__body history-viewer__scroll" data-testid="diff-view">
      <p className="diff__stats" data-testid="diff-stats">
        {t('history.stats', { inserted: countText(t, 'words.count', diff.stats.inserted, language), deleted: countText(t, 'words.count', diff.stats.deleted, language) })}
        <span className="diff__legend">
          <ins className="diff__ins">{t('history.legendInserted')}</ins> <del className="diff__del">{t('history.legendDeleted')}</del>
        </span>
      </p>
      {diff.fields.length > 0 && (
        <table className="diff__fields" data-testid="diff-fields">
          <caption>{t('history.fieldChanges')}</caption>
          <thead>
            <tr>
              <th scope="col"><span className="visually-hidden">{t('meta.label')}</span></th>
              <th scope="col">{t('history.fieldFrom')}</th>
              <th scope="col">{t('history.fieldTo')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((field) => (
              <tr key={field.field} data-testid="diff-field" data-field={field.field}>
                <th scope="row">{t(`history.fields.${field.field}`, { defaultValue: field.field })}</th>
                <td dir="auto"><del className="diff__del">{field.from || t('history.emptyValue')}</del></td>
                <td dir="auto"><ins className="diff__ins">{field.to || t('history.emptyValue')}</ins></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="diff__heading">{t('history.bodyChanges')}</h3>
      {!changed && <p className="placeholder-text" data-testid="diff-no-changes">{t('history.noChanges')}</p>}
      <div className="diff__text" dir="rtl" lang="ar" data-testid="diff-body">
        {diffSegments(diff.body).map((part, index) =>
          part.kind === 'insert' ? (
            <ins key={index} className="diff__ins" data-testid="diff-ins">{part.text}</ins>
          ) : part.kind === 'delete' ? (
            <del key={index} className="diff__del" data-testid="diff-del">{part.text}</del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </div>
    </div>
  );
}
