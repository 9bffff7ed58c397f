import type { Article } from '../../../shared/domain/article';

export interface ReadOnlyReason {
  /** The i18n key under workflow.readOnly. */
  key: 'in_review' | 'in_reviewNobody' | 'submitted' | 'approved' | 'approvedScheduled' | 'published' | 'killed' | 'spiked' | 'notOwner';
  name?: string;
  scheduledAt?: string;
}

/**
 * Why the signed-in user cannot edit this article (the core said so in `permissions.canEdit`),
 * in words the banner can show; null when they can.
 */
export function readOnlyReason(article: Pick<Article, 'permissions' | 'status' | 'assigneeName' | 'authorName' | 'scheduledAt'>): ReadOnlyReason | null {
  if (article.permissions.canEdit) return null;
  switch (article.status) {
    case 'in_review':
      return article.assigneeName ? { key: 'in_review', name: article.assigneeName } : { key: 'in_reviewNobody' };
    case 'approved':
      return article.scheduledAt ? { key: 'approvedScheduled', scheduledAt: article.scheduledAt } : { key: 'approved' };
    case 'submitted':
    case 'published':
    case 'killed':
    case 'spiked':
      return { key: article.status };
    case 'draft':
    case 'changes_requested':
      return { key: 'notOwner', name: article.authorName ?? '—' };
  }
}
