import { ErrorCode, MidadError } from '../../../shared/errors';
import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

const notYet = (): never => {
  throw new MidadError(ErrorCode.INTERNAL, 'Not available yet.', 'غير متاح بعد.');
};

/** Workflow transitions, the desk's views and comments. */
export function workflowHandlers(_open: () => OpenServices): HandlersFor<'workflow'> & HandlersFor<'desk'> & HandlersFor<'comments'> {
  return {
    'workflow.act': notYet,
    'desk.list': notYet,
    'desk.counts': notYet,
    'desk.people': notYet,
    'comments.list': notYet,
    'comments.add': notYet,
    'comments.resolve': notYet,
  };
}
