import { ErrorCode, MidadError } from '../../../shared/errors';
import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

function notYet(): never {
  throw new MidadError(ErrorCode.INTERNAL, 'Archives are being built.', 'الأرشيف قيد البناء.');
}

/** Archives (admin channels: dispatch checks the role). */
export function archiveHandlers(open: () => OpenServices): HandlersFor<'archive'> {
  void open;
  return {
    'archive.exportStart': notYet,
    'archive.exportProgress': notYet,
    'archive.exportCancel': notYet,
    'archive.exports': notYet,
    'archive.stageBegin': notYet,
    'archive.stageChunk': notYet,
    'archive.stageEnd': notYet,
    'archive.stageDiscard': notYet,
    'archive.verify': notYet,
    'archive.import': notYet,
  };
}
