import type { RequestOf } from '../../shared/ipc/contract';
import { call } from './midad';

/** Spell checking and the newsroom dictionary (one line per channel, like `api`). */
export const spellingApi = {
  check: (request: RequestOf<'spell.check'>) => call('spell.check', request),
  suggest: (request: RequestOf<'spell.suggest'>) => call('spell.suggest', request),
  addWord: (request: RequestOf<'spell.addWord'>) => call('spell.addWord', request),
  removeWord: (request: RequestOf<'spell.removeWord'>) => call('spell.removeWord', request),
  dictionary: () => call('spell.dictionary', {}),
};
