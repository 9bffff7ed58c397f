import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

/** Full-text search. */
export function searchHandlers(open: () => OpenServices): HandlersFor<'search'> {
  return {
    'search.query': (request, ctx) => open().search.query(ctx, request),
  };
}
