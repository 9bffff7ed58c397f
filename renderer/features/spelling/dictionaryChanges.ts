import { createStore } from '../../lib/store';

/**
 * Bumped when a word leaves the newsroom dictionary (Settings): the body editor forgets what it
 * knew about words and checks again, so a removed word is underlined once more.
 */
export const dictionaryChanges = createStore(0);

export function notifyDictionaryChanged(): void {
  dictionaryChanges.update((token) => token + 1);
}
