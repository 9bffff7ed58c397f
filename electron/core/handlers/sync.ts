import { ErrorCode, MidadError } from '../../../shared/errors';
import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

const notYet = (): never => {
  throw new MidadError(ErrorCode.INTERNAL, 'Publishing is not available yet.', 'النشر غير متاح بعد.');
};

/** Endpoints and the outbox. */
export function syncHandlers(_open: () => OpenServices): HandlersFor<'endpoints'> & HandlersFor<'sync'> {
  return {
    'endpoints.list': notYet,
    'endpoints.save': notYet,
    'endpoints.remove': notYet,
    'endpoints.test': notYet,
    'sync.status': notYet,
    'sync.article': notYet,
    'sync.outbox': notYet,
    'sync.retry': notYet,
    'sync.cancel': notYet,
    'sync.conflict': notYet,
    'sync.resolve': notYet,
  };
}
