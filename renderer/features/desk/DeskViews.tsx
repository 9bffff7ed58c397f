import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../../shared/ipc/channels/desk';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { DESK_VIEWS } from './deskFilters';
import type { DeskCounts } from './useDesk';

export interface DeskViewsProps {
  view: ArticleView;
  counts: DeskCounts;
  onChange: (view: ArticleView) => void;
}

/** The desk's views with their counts: a short list of buttons, the current one marked. */
export const DeskViews = memo(function DeskViews({ view, counts, onChange }: DeskViewsProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <ul className="desk-views" aria-label={t('desk.viewsLabel')} data-testid="desk-views">
      {DESK_VIEWS.map((name) => {
        const count = counts[name];
        const label = t(`desk.views.${name}`);
        return (
          <li key={name}>
            <button
              type="button"
              className={`desk-views__item${name === view ? ' is-current' : ''}`}
              aria-current={name === view ? 'true' : undefined}
              aria-label={count === undefined ? label : t('desk.viewCount', { view: label, n: formatNumber(count, language) })}
              data-testid={`desk-view-${name}`}
              onClick={() => onChange(name)}
            >
              <span className="desk-views__label">{label}</span>
              <span className={`desk-views__count${count ? ' has-items' : ''}`} data-testid={`desk-count-${name}`} data-count={count ?? ''} aria-hidden="true">
                {count === undefined ? '' : formatNumber(count, language)}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
});
