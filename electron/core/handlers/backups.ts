import { ErrorCode, MidadError } from '../../../shared/errors';
import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

function notYet(): never {
  throw new MidadError(ErrorCode.INTERNAL, 'Backups are being built.', 'النسخ الاحتياطية قيد البناء.');
}

/** Backups (admin channels: dispatch checks the role). */
export function backupHandlers(open: () => OpenServices): HandlersFor<'backups'> {
  void open;
  return {
    'backups.list': notYet,
    'backups.create': notYet,
    'backups.restore': notYet,
  };
}
