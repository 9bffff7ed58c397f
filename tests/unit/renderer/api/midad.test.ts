import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../../shared/errors';
import { call } from '../../../../renderer/api/midad';
import { sessionGate } from '../../../../renderer/api/sessionGate';

const lockedResult: Result<unknown> = { ok: false, error: { code: 'SESSION_LOCKED', message: 'locked', messageAr: 'مقفلة' } };

function fakeBridge(results: Result<unknown>[]) {
  const save = vi.fn(async () => results.shift() ?? { ok: true, value: 'extra' });
  (globalThis as unknown as { window: unknown }).window = { midad: { articles: { save }, view: { last: save } } };
  return save;
}

const request = { id: '00000000-0000-4000-8000-000000000000', baseVersion: 1, patch: { title: 'عنوان' }, reason: 'autosave' as const };

describe('call', () => {
  afterEach(() => {
    sessionGate.end();
    delete (globalThis as { window?: unknown }).window;
  });

  it('does wait for the unlock and send a call refused as locked again, with the same request', async () => {
    const save = fakeBridge([lockedResult, { ok: true, value: { version: 2 } }]);
    const onLocked = vi.fn();
    const off = sessionGate.onLocked(onLocked);
    const pending = call('articles.save', request);
    await vi.waitFor(() => expect(sessionGate.heldCount('articles.save')).toBe(1));
    expect(onLocked).toHaveBeenCalled();
    sessionGate.release();
    await expect(pending).resolves.toEqual({ version: 2 });
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]).toEqual([request]);
    off();
  });

  it('does fail with SESSION_LOCKED when the session is signed out instead of unlocked', async () => {
    fakeBridge([lockedResult]);
    const pending = call('articles.save', request);
    await vi.waitFor(() => expect(sessionGate.heldCount()).toBe(1));
    sessionGate.end();
    await expect(pending).rejects.toMatchObject({ code: 'SESSION_LOCKED' });
  });

  it('does not hold a call that asked not to be held, but still reports the lock', async () => {
    fakeBridge([lockedResult]);
    const onLocked = vi.fn();
    const off = sessionGate.onLocked(onLocked);
    await expect(call('view.last', {}, { holdWhileLocked: false })).rejects.toMatchObject({ code: 'SESSION_LOCKED' });
    expect(sessionGate.heldCount()).toBe(0);
    expect(onLocked).toHaveBeenCalledTimes(1);
    off();
  });
});
