import { ErrorCode, MidadError } from '../../../shared/errors';
import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

const notYet = (): never => {
  throw new MidadError(ErrorCode.INTERNAL, 'Not available yet.', 'غير متاح بعد.');
};

/** Revisions (read-only views, diffs, restore) and the audit log. */
export function historyHandlers(open: () => OpenServices): HandlersFor<'revisions'> & HandlersFor<'audit'> {
  return {
    'revisions.list': (request) => open().articles.revisions(request.articleId),
    'revisions.get': notYet,
    'revisions.diff': notYet,
    'revisions.restore': notYet,
    'audit.list': notYet,
  };
}
