import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../../shared/ipc/channels/desk';
import { stripBidiControls } from '../../../shared/text/arabic';
import { countText, currentLanguage } from '../../i18n';
import { formatDateTime, formatRelative } from '../../i18n/format';
import { ArticleBadges } from '../desk/ArticleBadges';
import { activeFilterCount, NO_FILTERS, type DeskFilters } from '../desk/deskFilters';
import { useDeskChanges } from '../desk/deskChanges';
import { DeskFiltersPanel } from '../desk/DeskFiltersPanel';
import { DeskViews } from '../desk/DeskViews';
import { useDeskCounts, useDeskList, useDeskPeople } from '../desk/useDesk';

export interface ArticleListProps {
  selectedId: string | null;
  refreshToken: number;
  onOpen: (id: string) => void;
  /** The pointer went down on an article: it is probably about to be opened. */
  onPrefetch?: (id: string) => void;
  onCreate: () => void;
  creating: boolean;
}

/** Re-renders relative times ("قبل ٣ دقائق") once a minute. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const handle = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(handle);
  }, []);
  return now;
}

export function ArticleList({ selectedId, refreshToken, onOpen, onPrefetch, onCreate, creating }: ArticleListProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [view, setView] = useState<ArticleView>('all');
  const [filters, setFilters] = useState<DeskFilters>(NO_FILTERS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const deskToken = useDeskChanges();
  const { items, total, error, loading } = useDeskList(view, filters, refreshToken + deskToken);
  const counts = useDeskCounts(refreshToken + deskToken);
  const people = useDeskPeople(filtersOpen);
  const now = useMinuteClock();
  const filterId = useId();
  const headingId = useId();
  const filtersId = useId();
  const query = filters.query;
  const setQuery = (value: string) => setFilters((previous) => ({ ...previous, query: value }));
  const changeFilters = useCallback((patch: Partial<DeskFilters>) => setFilters((previous) => ({ ...previous, ...patch })), []);
  const clearFilters = useCallback(() => setFilters((previous) => ({ ...NO_FILTERS, query: previous.query })), []);
  const activeFilters = activeFilterCount(filters);
  // Sections offered by the filter: every one seen in this window so far.
  const [seenSections, setSeenSections] = useState<string[]>([]);
  useEffect(() => {
    setSeenSections((previous) => {
      const next = new Set(previous);
      for (const item of items) if (item.section) next.add(item.section);
      return next.size === previous.length ? previous : [...next].sort((a, b) => a.localeCompare(b, language));
    });
  }, [items, language]);
  const filtered = Boolean(query.trim()) || activeFilters > 0;

  return (
    <nav className="sidebar" aria-labelledby={headingId}>
      <div className="sidebar__head">
        <h2 id={headingId} className="sidebar__title">{t('list.label')}</h2>
        <button type="button" className="button button--primary" data-testid="new-article" onClick={onCreate} disabled={creating}>
          <span aria-hidden="true">+ </span>
          {t('list.newArticle')}
        </button>
      </div>
      <DeskViews view={view} counts={counts} onChange={setView} />
      <div className="sidebar__filter">
        <label htmlFor={filterId} className="visually-hidden">{t('list.filterLabel')}</label>
        <input
          id={filterId}
          type="search"
          value={query}
          placeholder={t('list.filterPlaceholder')}
          data-testid="filter-input"
          maxLength={500}
          onChange={(event) => setQuery(stripBidiControls(event.target.value))}
        />
        <button type="button" className={`button button--quiet desk-filters__toggle${activeFilters ? ' is-active' : ''}`} aria-expanded={filtersOpen} aria-controls={filtersId}
          data-testid="filters-toggle" onClick={() => setFiltersOpen((open) => !open)}>
          {activeFilters ? t('desk.filtersActive', { n: activeFilters }) : t('desk.filters')}
        </button>
      </div>
      <div id={filtersId} hidden={!filtersOpen}>
        {filtersOpen && <DeskFiltersPanel filters={filters} people={people} sections={seenSections} onChange={changeFilters} onClear={clearFilters} />}
      </div>
      {view === 'queue' && <p className="sidebar__hint">{t('desk.queueHint')}</p>}
      <p className="sidebar__count" data-testid="article-count" aria-live="polite">
        {countText(t, 'list.count', total, language)}
      </p>
      {error && <p className="sidebar__error" role="alert">{t('list.loadError', { message: error.localized(language) })}</p>}
      {!loading && !error && items.length === 0 && (
        <p className="sidebar__empty">{query.trim() ? t('list.noMatches', { query: query.trim() }) : filtered || view !== 'all' ? t('desk.noneInView') : t('list.empty')}</p>
      )}
      <ul className="article-list" data-testid="article-list">
        {items.map((item) => {
          const updated = new Date(item.updatedAt);
          const selected = item.id === selectedId;
          return (
            <li key={item.id}>
              <button
                type="button"
                className={`article-list__item${selected ? ' is-selected' : ''}`}
                data-testid="article-list-item"
                data-article-id={item.id}
                aria-current={selected ? 'page' : undefined}
                onPointerDown={(event) => {
                  if (event.button === 0) onPrefetch?.(item.id);
                }}
                onClick={() => onOpen(item.id)}
              >
                <span className={`article-list__title${item.title ? '' : ' is-untitled'}`} dir="auto">
                  {item.title || t('list.untitled')}
                </span>
                <span className="article-list__meta">
                  <span className={`status-pill status-pill--${item.status}`} data-testid="article-status" data-status={item.status}>{t(`articleStatus.${item.status}`)}</span>
                  <span data-testid="article-words">{countText(t, 'words.count', item.wordCount, language)}</span>
                  <time dateTime={item.updatedAt} title={formatDateTime(updated, language)}>
                    {formatRelative(updated, now, language)}
                  </time>
                </span>
                <ArticleBadges item={item} now={now} />
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
