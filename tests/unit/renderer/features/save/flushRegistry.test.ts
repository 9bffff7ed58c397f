import { describe, expect, it } from 'vitest';
import { flushAll, registerFlusher, savesSettled, trackPending } from '../../../../../renderer/features/save/flushRegistry';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('flushRegistry', () => {
  it('does wait for the closed article\'s last save before it is reopened, and only for its own', async () => {
    const a = deferred();
    const b = deferred();
    trackPending(a.promise, 'a');
    trackPending(b.promise, 'b');
    let aSettled = false;
    const waitingForA = savesSettled('a').then(() => (aSettled = true));
    b.resolve();
    await savesSettled('b');
    await savesSettled('c'); // nothing tracked: resolves at once
    expect(aSettled).toBe(false);
    a.resolve();
    await waitingForA;
    expect(aSettled).toBe(true);
  });

  it('does flush every registered flusher and tracked save on flushAll', async () => {
    const order: string[] = [];
    const unregister = registerFlusher(async () => {
      order.push('flusher');
    });
    const save = deferred();
    trackPending(save.promise.then(() => order.push('tracked')), 'x');
    const all = flushAll();
    save.resolve();
    await all;
    unregister();
    expect(order.sort()).toEqual(['flusher', 'tracked']);
  });

  it('does forget a failed tracked save once it settles', async () => {
    trackPending(Promise.reject(new Error('disk full')), 'y');
    await expect(savesSettled('y')).resolves.toBeUndefined();
  });
});
