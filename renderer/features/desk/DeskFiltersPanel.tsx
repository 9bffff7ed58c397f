import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanSingleLine } from '../../../shared/text/arabic';
import type { DeskFilters } from './deskFilters';
import type { Person } from './useDesk';

export interface DeskFiltersPanelProps {
  filters: DeskFilters;
  people: Person[];
  /** Sections seen so far, offered as suggestions. */
  sections: string[];
  onChange: (patch: Partial<DeskFilters>) => void;
  onClear: () => void;
}

/** Section, author and date filters (last change between two days), under the search box. */
export const DeskFiltersPanel = memo(function DeskFiltersPanel({ filters, people, sections, onChange, onClear }: DeskFiltersPanelProps) {
  const { t } = useTranslation();
  const ids = { section: useId(), sections: useId(), author: useId(), from: useId(), to: useId() };
  return (
    <div className="desk-filters" data-testid="desk-filters">
      <div className="desk-filters__field">
        <label htmlFor={ids.section}>{t('desk.section')}</label>
        <input id={ids.section} type="text" list={ids.sections} dir="auto" maxLength={200} value={filters.section}
          placeholder={t('desk.sectionPlaceholder')} data-testid="filter-section"
          onChange={(event) => onChange({ section: cleanSingleLine(event.target.value) })} />
        <datalist id={ids.sections}>
          {sections.map((section) => <option key={section} value={section} />)}
        </datalist>
      </div>
      <div className="desk-filters__field">
        <label htmlFor={ids.author}>{t('desk.author')}</label>
        <select id={ids.author} value={filters.authorId} data-testid="filter-author" onChange={(event) => onChange({ authorId: event.target.value })}>
          <option value="">{t('desk.authorAll')}</option>
          {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
        </select>
      </div>
      <div className="desk-filters__dates">
        <div className="desk-filters__field">
          <label htmlFor={ids.from}>{t('desk.from')}</label>
          <input id={ids.from} type="date" value={filters.from} max={filters.to || undefined} data-testid="filter-from" onChange={(event) => onChange({ from: event.target.value })} />
        </div>
        <div className="desk-filters__field">
          <label htmlFor={ids.to}>{t('desk.to')}</label>
          <input id={ids.to} type="date" value={filters.to} min={filters.from || undefined} data-testid="filter-to" onChange={(event) => onChange({ to: event.target.value })} />
        </div>
      </div>
      <button type="button" className="button button--quiet" data-testid="filter-clear" onClick={onClear}>{t('desk.clear')}</button>
    </div>
  );
});
