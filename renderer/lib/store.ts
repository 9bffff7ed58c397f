import { useSyncExternalStore } from 'react';

/**
 * A value outside React that only its readers re-render for. Save state and body counts change
 * while the user types; keeping them here means a save cycle re-renders the status bar, not the
 * whole article screen.
 */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  update(fn: (previous: T) => T): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const store: Store<T> = {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    update(fn) {
      store.set(fn(value));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
