import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

/** Workflow transitions, the desk's views and comments. */
export function workflowHandlers(open: () => OpenServices): HandlersFor<'workflow'> & HandlersFor<'desk'> & HandlersFor<'comments'> {
  return {
    'workflow.act': (request, ctx) => open().workflow.act(ctx, request),
    'desk.list': (request, ctx) => open().desk.list(ctx, request),
    'desk.counts': (_request, ctx) => open().desk.counts(ctx),
    'desk.people': () => open().desk.people(),
    'comments.list': (request, ctx) => open().comments.list(ctx, request.articleId),
    'comments.add': (request, ctx) => open().comments.add(ctx, request),
    'comments.resolve': (request, ctx) => open().comments.resolve(ctx, request.id, request.resolved),
  };
}
