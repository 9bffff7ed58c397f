import { createStore, useStore } from '../../lib/store';

/** Bumped after a retry, cancel or resolution: the status bar and open views re-read at once. */
const syncChanges = createStore(0);

export function notifySyncChanged(): void {
  syncChanges.update((token) => token + 1);
}

export function useSyncChanges(): number {
  return useStore(syncChanges);
}
