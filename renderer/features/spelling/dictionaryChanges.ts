import { createStore } from '../../lib/store';

/**
 * Bumped when a word leaves the newsroom dictionary (Settings): the body editor forgets what it
 * knew about words and checks again, so a removed word is underlined once more.
 */
export const dictionaryChanges = createStore(0);

export function notifyDictionaryChanged(): void {
  dictionaryChanges.update((token) => token + 1);
}

/**
 * The last word added to the newsroom dictionary from a spelling menu (with a count, so adding
 * the same word twice still tells): the plain fields' lists drop it as the body does.
 */
export const acceptedWords = createStore<{ word: string; count: number } | null>(null);

export function notifyWordAccepted(word: string): void {
  acceptedWords.update((previous) => ({ word, count: (previous?.count ?? 0) + 1 }));
}
