import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { articleStatusSchema, type ArticleStatus } from '../../../shared/domain/article';
import type { SearchFilters, SearchHit } from '../../../shared/ipc/channels/search';
import { TOTAL_CAP } from '../../../shared/ipc/channels/search';
import { ApiError } from '../../api';
import { searchApi } from '../../api/search';
import { countText, currentLanguage } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { snippetParts } from './snippetParts';
import './search.css';

/** Milliseconds of quiet typing before a query is sent. */
export const SEARCH_DEBOUNCE_MS = 180;
const PAGE = 30;

interface FilterForm {
  status: ArticleStatus | '';
  section: string;
  author: string;
  from: string;
  to: string;
}

const NO_FILTERS: FilterForm = { status: '', section: '', author: '', from: '', to: '' };

/** The form's filters as the channel takes them (dates are whole local days). */
function toFilters(form: FilterForm): SearchFilters {
  const filters: SearchFilters = {};
  if (form.status) filters.status = [form.status];
  if (form.section.trim()) filters.section = form.section.trim();
  if (form.author.trim()) filters.author = form.author.trim();
  if (form.from) filters.from = new Date(`${form.from}T00:00:00`).toISOString();
  if (form.to) filters.to = new Date(`${form.to}T23:59:59.999`).toISOString();
  return filters;
}

interface Results {
  total: number;
  hits: SearchHit[];
}

/**
 * Ctrl+K: search as you type (debounced), with filters; each result shows its passage with the
 * matches in <mark> (the passage is in the article's own direction: dir="auto"). ↑/↓ move,
 * Enter opens the article at the match, Escape closes.
 */
export function SearchDialog({ open, onClose, onOpenHit }: { open: boolean; onClose: () => void; onOpenHit: (hit: SearchHit) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState('');
  const [form, setForm] = useState<FilterForm>(NO_FILTERS);
  const [results, setResults] = useState<Results | null>(null);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { title: useId(), input: useId(), help: useId(), list: useId(), status: useId(), section: useId(), author: useId(), from: useId(), to: useId() };
  const optionId = (index: number) => `${ids.list}-option-${index}`;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      inputRef.current?.focus();
      inputRef.current?.select();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  // Type-ahead: the latest query and filters, after a pause; an answer to an older request is dropped.
  useEffect(() => {
    if (!open) return;
    if (!query.trim()) {
      setResults(null);
      setBusy(false);
      setError(null);
      return;
    }
    let stale = false;
    setBusy(true);
    const timer = setTimeout(() => {
      searchApi.query({ query, filters: toFilters(form), limit: PAGE }).then(
        (value) => {
          if (stale) return;
          setResults(value);
          setActive(0);
          setError(null);
          setBusy(false);
        },
        (failure: unknown) => {
          if (stale) return;
          setError(t('search.error', { message: ApiError.from(failure).localized(language) }));
          setBusy(false);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [open, query, form, t, language]);

  useEffect(() => {
    listRef.current?.querySelector(`#${CSS.escape(optionId(active))}`)?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, results]);

  const hits = results?.hits ?? [];
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onOpenHit(hit);
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // One press closes, even from the search field (which would first clear itself).
      event.preventDefault();
      onClose();
    } else if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((index) => (index - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      const target = event.target as HTMLElement;
      if (target.tagName === 'SELECT' || (target instanceof HTMLInputElement && target.type === 'date')) return;
      event.preventDefault();
      choose(hits[active]);
    }
  };

  const update = (key: keyof FilterForm, value: string) => setForm((current) => ({ ...current, [key]: value }));
  const countLine =
    results === null
      ? null
      : results.total >= TOTAL_CAP
        ? t('search.countMore', { n: formatNumber(TOTAL_CAP, language) })
        : countText(t, 'search.count.count', results.total, language);

  return (
    <dialog
      ref={dialogRef}
      className="dialog search-dialog"
      aria-labelledby={ids.title}
      onClose={onClose}
      onKeyDown={onKeyDown}
      data-testid="search-dialog"
    >
      <div className="search-dialog__body">
        <div className="search-dialog__head">
          <h2 id={ids.title} className="dialog__title">{t('search.title')}</h2>
          <button type="button" className="button button--quiet" onClick={onClose}>{t('search.close')}</button>
        </div>
        <label htmlFor={ids.input} className="visually-hidden">{t('search.label')}</label>
        <input
          ref={inputRef}
          id={ids.input}
          className="search-dialog__input"
          type="search"
          dir="auto"
          value={query}
          placeholder={t('search.placeholder')}
          onChange={(event) => setQuery(event.target.value)}
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={ids.list}
          aria-activedescendant={hits.length > 0 ? optionId(active) : undefined}
          aria-describedby={ids.help}
          autoComplete="off"
          spellCheck={false}
          data-testid="search-input"
        />
        <p id={ids.help} className="search-dialog__help muted">{t('search.help')}</p>
        <fieldset className="search-dialog__filters">
          <legend className="visually-hidden">{t('search.filters')}</legend>
          <label htmlFor={ids.status}>{t('search.status')}</label>
          <select id={ids.status} value={form.status} onChange={(event) => update('status', event.target.value)} data-testid="search-status">
            <option value="">{t('search.anyStatus')}</option>
            {articleStatusSchema.options.map((status) => (
              <option key={status} value={status}>{t(`articleStatus.${status}`)}</option>
            ))}
          </select>
          <label htmlFor={ids.section}>{t('search.section')}</label>
          <input id={ids.section} dir="auto" value={form.section} onChange={(event) => update('section', event.target.value)} data-testid="search-section" />
          <label htmlFor={ids.author}>{t('search.author')}</label>
          <input id={ids.author} dir="auto" value={form.author} onChange={(event) => update('author', event.target.value)} data-testid="search-author" />
          <label htmlFor={ids.from}>{t('search.from')}</label>
          <input id={ids.from} type="date" value={form.from} onChange={(event) => update('from', event.target.value)} />
          <label htmlFor={ids.to}>{t('search.to')}</label>
          <input id={ids.to} type="date" value={form.to} onChange={(event) => update('to', event.target.value)} />
        </fieldset>
        <p className="search-dialog__status muted" role="status" aria-live="polite" data-testid="search-count">
          {busy ? t('search.searching') : query.trim() ? countLine : t('search.empty')}
        </p>
        {error && <p className="form-error" role="alert">{error}</p>}
        {results && results.hits.length === 0 && !busy && <p className="search-dialog__none">{t('search.none')}</p>}
        <ul ref={listRef} id={ids.list} className="search-results" role="listbox" aria-label={t('search.results')} data-testid="search-results">
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={`search-hit${index === active ? ' search-hit--active' : ''}`}
              onMouseMove={() => setActive(index)}
              onClick={() => choose(hit)}
              data-testid="search-hit"
              data-article-id={hit.id}
            >
              <div className="search-hit__title" dir="auto">{hit.title || t('search.untitled')}</div>
              <div className="search-hit__meta muted">
                <span>{t(`articleStatus.${hit.status}`)}</span>
                {hit.section && <span dir="auto">{hit.section}</span>}
                <span>{formatDate(new Date(hit.updatedAt), language)}</span>
                {hit.field !== 'body' && <span>{t(`search.inField.${hit.field}`)}</span>}
              </div>
              <p className="search-hit__snippet" dir="auto" data-testid="search-snippet">
                {snippetParts(hit.snippet, hit.highlights).map((part, partIndex) =>
                  part.match ? <mark key={partIndex}>{part.text}</mark> : <span key={partIndex}>{part.text}</span>,
                )}
              </p>
            </li>
          ))}
        </ul>
      </div>
    </dialog>
  );
}
