import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../renderer/api/ApiError';
import { SessionGate } from '../../../../renderer/api/sessionGate';

const locked = () => new ApiError({ code: 'SESSION_LOCKED', message: 'locked', messageAr: 'مقفلة' });

describe('SessionGate', () => {
  it('does hold a locked call until the session is released, and tell the shell at once', async () => {
    const gate = new SessionGate();
    const onLocked = vi.fn();
    gate.onLocked(onLocked);
    let released = false;
    const waiting = gate.waitForUnlock('articles.save', locked()).then(() => {
      released = true;
    });
    expect(onLocked).toHaveBeenCalledTimes(1);
    expect(gate.heldCount()).toBe(1);
    expect(gate.heldCount('articles.save')).toBe(1);
    expect(gate.heldCount('view.set')).toBe(0);
    await Promise.resolve();
    expect(released).toBe(false);
    gate.release();
    await waiting;
    expect(released).toBe(true);
    expect(gate.heldCount()).toBe(0);
  });

  it('does fail the held calls with their own error when the session ends instead', async () => {
    const gate = new SessionGate();
    const error = locked();
    const waiting = gate.waitForUnlock('articles.save', error);
    gate.end();
    await expect(waiting).rejects.toBe(error);
    expect(gate.heldCount()).toBe(0);
  });

  it('does tell listeners when the held calls change, and stop after unsubscribing', () => {
    const gate = new SessionGate();
    const onHeld = vi.fn();
    const off = gate.onHeldChange(onHeld);
    void gate.waitForUnlock('articles.save', locked());
    expect(onHeld).toHaveBeenCalledTimes(1);
    gate.release();
    expect(onHeld).toHaveBeenCalledTimes(2);
    off();
    void gate.waitForUnlock('articles.save', locked());
    expect(onHeld).toHaveBeenCalledTimes(2);
  });

  it('does ask the shell to re-read the session when a call finds nobody signed in', () => {
    const gate = new SessionGate();
    const onSignedOut = vi.fn();
    gate.onSignedOut(onSignedOut);
    gate.reportSignedOut();
    expect(onSignedOut).toHaveBeenCalledTimes(1);
  });
});
