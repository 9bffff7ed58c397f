import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../shared/domain/article';
import { currentLanguage } from '../../i18n';
import { formatWhen } from './formatWhen';

/** Who has the article and how pressing it is: author, assignee, urgency, deadline, schedule. */
export function ArticleBadges({ item, now }: { item: ArticleSummary; now: Date }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const deadline = item.deadline ? new Date(item.deadline) : null;
  const overdue = deadline !== null && deadline.getTime() < now.getTime() && ['draft', 'submitted', 'in_review', 'changes_requested'].includes(item.status);
  return (
    <>
      {(item.authorName || item.assigneeName) && (
        <span className="article-list__people">
          {item.authorName && <span data-testid="article-author" dir="auto">{t('desk.by', { name: item.authorName })}</span>}
          {item.assigneeName && <span data-testid="article-assignee" dir="auto">{t('desk.assignee', { name: item.assigneeName })}</span>}
        </span>
      )}
      {(item.priority === 'urgent' || deadline || item.scheduledAt) && (
        <span className="article-list__badges">
          {item.priority === 'urgent' && <span className="badge badge--urgent" data-testid="article-urgent">{t('desk.urgent')}</span>}
          {deadline && (
            <time className={`badge ${overdue ? 'badge--overdue' : 'badge--deadline'}`} dateTime={item.deadline!} data-testid="article-deadline">
              {t(overdue ? 'desk.overdue' : 'desk.deadline', { when: formatWhen(deadline, language) })}
            </time>
          )}
          {item.scheduledAt && (
            <time className="badge badge--scheduled" dateTime={item.scheduledAt} data-testid="article-scheduled">
              {t('desk.scheduled', { when: formatWhen(new Date(item.scheduledAt), language) })}
            </time>
          )}
        </span>
      )}
    </>
  );
}
