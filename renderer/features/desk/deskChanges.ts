import { createStore, useStore } from '../../lib/store';

/**
 * Bumped whenever an article moved through the workflow, was restored or got a comment: the
 * sidebar's views and counts re-read at once (saves refresh them lazily, see Workspace).
 */
const deskChanges = createStore(0);

export function notifyDeskChanged(): void {
  deskChanges.update((token) => token + 1);
}

export function useDeskChanges(): number {
  return useStore(deskChanges);
}
