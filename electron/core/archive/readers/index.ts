import type { ForeignReader } from '../types';
import { readJsonl } from './jsonl';
import { readWxr } from './wxr';

/** Readers of foreign formats: the simple JSON Lines migration format and WordPress WXR. */
export const foreignReaders: Record<'jsonl' | 'wxr', ForeignReader> = {
  jsonl: readJsonl,
  wxr: readWxr,
};
