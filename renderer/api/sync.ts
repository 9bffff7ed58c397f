import type { RequestOf } from '../../shared/ipc/contract';
import { call } from './midad';

/** Publishing: endpoints (admin) and the outbox; one line per channel, like `api`. */
export const syncApi = {
  endpoints: () => call('endpoints.list', {}),
  saveEndpoint: (request: RequestOf<'endpoints.save'>) => call('endpoints.save', request),
  removeEndpoint: (id: string) => call('endpoints.remove', { id }),
  testEndpoint: (id: string) => call('endpoints.test', { id }),
  status: () => call('sync.status', {}),
  article: (articleId: string) => call('sync.article', { articleId }),
  outbox: (request: RequestOf<'sync.outbox'>) => call('sync.outbox', request),
  retry: (articleId: string, endpointId: string) => call('sync.retry', { articleId, endpointId }),
  cancel: (articleId: string, endpointId: string) => call('sync.cancel', { articleId, endpointId }),
  conflict: (articleId: string, endpointId: string) => call('sync.conflict', { articleId, endpointId }),
  resolve: (request: RequestOf<'sync.resolve'>) => call('sync.resolve', request),
};
