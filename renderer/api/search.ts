import type { RequestOf } from '../../shared/ipc/contract';
import { call } from './midad';

/** Full-text search (one line per channel, like `api`). */
export const searchApi = {
  query: (request: RequestOf<'search.query'>) => call('search.query', request),
};
