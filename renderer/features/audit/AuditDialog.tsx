import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/domain/user';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { accountsApi, ApiError } from '../../api';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ScreenDialog } from '../auth/ScreenDialog';
import { dayEndIso, dayStartIso } from './auditQuery';
import { AUDIT_ACTION_GROUPS, auditActionLabel, auditActorLabel, auditDetailText, formatAuditTime, statusLabel } from './auditText';

export const AUDIT_PAGE_SIZE = 50;

interface Filters {
  actor: string;
  action: string;
  from: string;
  to: string;
  article: { id: string; title: string } | null;
}

const NO_FILTERS: Filters = { actor: '', action: '', from: '', to: '', article: null };

type Page = ResponseOf<'audit.list'>;

/**
 * The admin's audit log: newest first, with filters (actor, action or family, date range,
 * article) and paging. Read-only: nothing in the app edits or deletes an entry.
 */
export function AuditDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const ids = { actor: useId(), action: useId(), from: useId(), to: useId(), filters: useId(), intro: useId() };
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [users, setUsers] = useState<UserSummary[]>([]);
  const request = useRef(0);

  useEffect(() => {
    accountsApi.listUsers().then(setUsers, () => undefined);
  }, []);

  useEffect(() => {
    const mine = (request.current += 1);
    setLoading(true);
    accountsApi
      .listAudit({
        ...(filters.actor ? { actor: filters.actor } : {}),
        ...(filters.action ? { action: filters.action } : {}),
        ...(filters.article ? { articleId: filters.article.id } : {}),
        ...(dayStartIso(filters.from) ? { from: dayStartIso(filters.from) } : {}),
        ...(dayEndIso(filters.to) ? { to: dayEndIso(filters.to) } : {}),
        limit: AUDIT_PAGE_SIZE,
        offset,
      })
      .then(
        (result) => {
          if (mine !== request.current) return;
          setPage(result);
          setError(null);
        },
        (caught: unknown) => {
          if (mine !== request.current) return;
          setError(ApiError.from(caught));
        },
      )
      .finally(() => {
        if (mine === request.current) setLoading(false);
      });
  }, [filters, offset]);

  const names = useMemo(() => new Map(users.map((user) => [user.id, user.name])), [users]);
  const change = (patch: Partial<Filters>) => {
    setFilters((previous) => ({ ...previous, ...patch }));
    setOffset(0);
  };
  const filtered = filters.actor || filters.action || filters.from || filters.to || filters.article;
  const total = page?.total ?? 0;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + (page?.items.length ?? 0));
  const arrow = language === 'ar' ? '←' : '→';

  return (
    <ScreenDialog title={t('auditLog.title')} testId="audit-dialog" closeLabel={t('auditLog.close')} onClose={onClose}>
      <p id={ids.intro} className="muted audit-intro">{t('auditLog.intro')}</p>
      <form className="audit-filters" aria-labelledby={ids.filters} onSubmit={(event) => event.preventDefault()} data-testid="audit-filters">
        <h3 id={ids.filters} className="visually-hidden">{t('auditLog.filters')}</h3>
        <div className="field">
          <label htmlFor={ids.actor}>{t('auditLog.actor')}</label>
          <select id={ids.actor} data-testid="audit-actor" data-autofocus value={filters.actor} onChange={(event) => change({ actor: event.target.value })}>
            <option value="">{t('auditLog.anyActor')}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>{user.name}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.action}>{t('auditLog.action')}</label>
          <select id={ids.action} data-testid="audit-action" value={filters.action} onChange={(event) => change({ action: event.target.value })}>
            <option value="">{t('auditLog.anyAction')}</option>
            {AUDIT_ACTION_GROUPS.map((group) => {
              const familyName = t(`auditLog.families.${group.family}`);
              if (group.actions.length === 0) return <option key={group.family} value={group.family}>{familyName}</option>;
              return (
                <optgroup key={group.family} label={familyName}>
                  <option value={group.family}>{t('auditLog.families.all', { family: familyName })}</option>
                  {group.actions.map((action) => (
                    <option key={action} value={action}>{auditActionLabel(t, action)}</option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t('auditLog.from')}</label>
          <input id={ids.from} type="date" data-testid="audit-from" value={filters.from} max={filters.to || undefined} onChange={(event) => change({ from: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('auditLog.to')}</label>
          <input id={ids.to} type="date" data-testid="audit-to" value={filters.to} min={filters.from || undefined} onChange={(event) => change({ to: event.target.value })} />
        </div>
        <div className="audit-filters__end">
          {filters.article && (
            <span className="filter-chip" data-testid="audit-article-filter">
              {t('auditLog.articleFilter', { title: filters.article.title || t('auditLog.untitled') })}
              <button type="button" className="filter-chip__remove" aria-label={t('auditLog.clearArticle')} onClick={() => change({ article: null })}>×</button>
            </span>
          )}
          <button type="button" className="button" data-testid="audit-reset" disabled={!filtered} onClick={() => change(NO_FILTERS)}>
            {t('auditLog.reset')}
          </button>
        </div>
      </form>
      {error && <p className="form-error" role="alert" data-testid="audit-error">{t('auditLog.loadError', { message: error.localized(language) })}</p>}
      <div className="audit-table-wrap" aria-busy={loading}>
        <table className="data-table audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('auditLog.time')}</th>
              <th scope="col">{t('auditLog.actor')}</th>
              <th scope="col">{t('auditLog.action')}</th>
              <th scope="col">{t('auditLog.article')}</th>
              <th scope="col">{t('auditLog.statusChange')}</th>
              <th scope="col">{t('auditLog.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {page?.items.map((entry) => (
              <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                <td className="audit-table__time">
                  <time dateTime={entry.at}>{formatAuditTime(entry.at, language)}</time>
                </td>
                <td data-testid="audit-actor-cell">{auditActorLabel(t, entry)}</td>
                <td data-testid="audit-action-cell">{auditActionLabel(t, entry.action)}</td>
                <td>
                  {entry.articleId && (
                    <button
                      type="button"
                      className="link-button"
                      title={t('auditLog.filterByArticle')}
                      data-testid="audit-article"
                      onClick={() => change({ article: { id: entry.articleId!, title: entry.articleTitle ?? '' } })}
                    >
                      {entry.articleTitle || t('auditLog.untitled')}
                    </button>
                  )}
                </td>
                <td className="audit-table__status">
                  {(entry.fromStatus || entry.toStatus) && (
                    <>
                      {entry.fromStatus && statusLabel(t, entry.fromStatus)}
                      {entry.fromStatus && entry.toStatus && <span aria-hidden="true"> {arrow} </span>}
                      {entry.fromStatus && entry.toStatus && <span className="visually-hidden"> {language === 'ar' ? 'إلى' : 'to'} </span>}
                      {entry.toStatus && statusLabel(t, entry.toStatus)}
                    </>
                  )}
                </td>
                <td className="audit-table__detail">{auditDetailText(t, entry, language, names)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page && page.items.length === 0 && !loading && <p className="muted audit-empty" data-testid="audit-empty">{t('auditLog.empty')}</p>}
        {!page && loading && <p className="muted">{t('auditLog.loading')}</p>}
      </div>
      <nav className="audit-pager" aria-label={t('auditLog.pages')}>
        <span data-testid="audit-range" aria-live="polite">
          {t('auditLog.range', { from: formatNumber(first, language), to: formatNumber(last, language), total: formatNumber(total, language) })}
        </span>
        <button type="button" className="button" data-testid="audit-newer" disabled={offset === 0 || loading} onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE_SIZE))}>
          {t('auditLog.previous')}
        </button>
        <button type="button" className="button" data-testid="audit-older" disabled={last >= total || loading} onClick={() => setOffset(offset + AUDIT_PAGE_SIZE)}>
          {t('auditLog.next')}
        </button>
      </nav>
    </ScreenDialog>
  );
}
