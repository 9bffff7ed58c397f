import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

/** Revisions (read-only views, diffs, restore) and the audit log. */
export function historyHandlers(open: () => OpenServices): HandlersFor<'revisions'> & HandlersFor<'audit'> {
  return {
    'revisions.list': (request) => open().articles.revisions(request.articleId),
    'revisions.get': (request, ctx) => open().revisions.get(ctx, request.id),
    'revisions.diff': (request, ctx) => open().revisions.diff(ctx, request.articleId, request.from, request.to),
    'revisions.restore': (request, ctx) => open().revisions.restore(ctx, request.id, request.baseVersion),
    'audit.list': (request) => open().auditLog.list(request),
  };
}
