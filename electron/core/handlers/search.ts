import { ErrorCode, MidadError } from '../../../shared/errors';
import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

/** Full-text search. */
export function searchHandlers(open: () => OpenServices): HandlersFor<'search'> {
  void open;
  return {
    'search.query': () => {
      throw new MidadError(ErrorCode.INTERNAL, 'Search is being built.', 'البحث قيد البناء.');
    },
  };
}
