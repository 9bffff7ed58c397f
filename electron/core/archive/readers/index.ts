import { ErrorCode, MidadError } from '../../../../shared/errors';
import type { ForeignReader } from '../types';

const notYet: ForeignReader = () => {
  throw new MidadError(ErrorCode.ARCHIVE_INVALID, 'This import format is being built.', 'صيغة الاستيراد هذه قيد البناء.');
};

/** Readers of foreign formats: the simple JSON Lines migration format and WordPress WXR. */
export const foreignReaders: Record<'jsonl' | 'wxr', ForeignReader> = {
  jsonl: notYet,
  wxr: notYet,
};
