import { describe, expect, it, vi } from 'vitest';
import { createStore } from '../../../../renderer/lib/store';

describe('createStore', () => {
  it('does notify readers of a new value and not of the same one', () => {
    const store = createStore({ words: 1 });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const same = store.get();
    store.set(same);
    expect(listener).not.toHaveBeenCalled();
    store.update((previous) => ({ words: previous.words + 1 }));
    expect(store.get()).toEqual({ words: 2 });
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.set({ words: 3 });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
