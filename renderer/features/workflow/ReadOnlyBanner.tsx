import { useTranslation } from 'react-i18next';
import type { Article } from '../../../shared/domain/article';
import { currentLanguage } from '../../i18n';
import { formatWhen } from '../desk/formatWhen';
import { readOnlyReason } from './readOnlyReason';

/** Says why the article cannot be edited here, above the read-only text. */
export function ReadOnlyBanner({ article }: { article: Article }) {
  const { t, i18n } = useTranslation();
  const reason = readOnlyReason(article);
  if (!reason) return null;
  const when = reason.scheduledAt ? formatWhen(new Date(reason.scheduledAt), currentLanguage(i18n)) : '';
  return (
    <div className="banner banner--readonly" role="status" data-testid="readonly-banner" data-reason={reason.key}>
      <div className="banner__text">
        {t(`workflow.readOnly.${reason.key}`, { name: reason.name, when })}
      </div>
    </div>
  );
}
