import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

/** Endpoints (admin channels: dispatch checks the role) and the outbox. */
export function syncHandlers(open: () => OpenServices): HandlersFor<'endpoints'> & HandlersFor<'sync'> {
  return {
    'endpoints.list': () => open().endpoints.list(),
    'endpoints.save': (request, ctx) => {
      const summary = open().endpoints.save(ctx, request);
      open().outbox.engine.poke();
      return summary;
    },
    'endpoints.remove': (request, ctx) => {
      open().endpoints.remove(ctx, request.id);
      return null;
    },
    'endpoints.test': (request, ctx) => open().endpoints.test(ctx, request.id),
    'sync.status': () => open().outbox.status(),
    'sync.article': (request) => open().outbox.article(request.articleId),
    'sync.outbox': (request, ctx) => open().outbox.outbox(ctx, request),
    'sync.retry': (request, ctx) => open().outbox.retry(ctx, request.articleId, request.endpointId),
    'sync.cancel': (request, ctx) => open().outbox.cancel(ctx, request.articleId, request.endpointId),
    'sync.conflict': (request, ctx) => open().outbox.conflict(ctx, request.articleId, request.endpointId),
    'sync.resolve': (request, ctx) => open().outbox.resolve(ctx, request.articleId, request.endpointId, request.resolution),
  };
}
