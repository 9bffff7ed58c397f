import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticlePatch, SaveReason } from '../../../../../shared/domain/article';
import type { DocNode } from '../../../../../shared/editor/docSchema';
import { ApiError } from '../../../../../renderer/api/ApiError';
import { SaveQueue, type SaveResponse, type SaveState } from '../../../../../renderer/features/save/SaveQueue';

interface Sent {
  patch: ArticlePatch;
  baseVersion: number;
  reason: SaveReason;
  at: number;
  resolve: (response: SaveResponse) => void;
  reject: (error: unknown) => void;
}

function body(text: string): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

function setup(options: { autoAnswer?: boolean } = {}) {
  const sent: Sent[] = [];
  const states: SaveState[] = [];
  let version = 1;
  let currentBody = body('');
  const readBody = vi.fn(() => currentBody);
  const start = Date.now();
  const queue = new SaveQueue({
    baseVersion: 1,
    readBody,
    onState: (state) => states.push(state),
    send: (patch, baseVersion, reason) =>
      new Promise<SaveResponse>((resolve, reject) => {
        const entry: Sent = { patch, baseVersion, reason, at: Date.now() - start, resolve, reject };
        sent.push(entry);
        if (options.autoAnswer) {
          version += 1;
          resolve({ version, updatedAt: new Date().toISOString(), wordCount: 0, charCount: 0 });
        }
      }),
  });
  return {
    queue,
    sent,
    states,
    readBody,
    type(text: string) {
      currentBody = body(text);
      queue.changeBody();
    },
  };
}

const diskFull = () => new ApiError({ code: 'DISK_FULL', message: 'The disk is full.', messageAr: 'القرص ممتلئ.' });
const conflict = () => new ApiError({ code: 'VERSION_CONFLICT', message: 'Changed elsewhere.', messageAr: 'تغيّر في مكان آخر.' });
const answer = (version: number): SaveResponse => ({ version, updatedAt: '2026-01-01T10:32:00.000Z', wordCount: 1, charCount: 1 });

describe('SaveQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does save a change within one second when the user keeps typing without a pause', async () => {
    const { sent, type } = setup({ autoAnswer: true });
    for (let step = 0; step < 30; step += 1) {
      type(`كلمة ${step}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent[0]!.at).toBeLessThanOrEqual(1000);
    for (let index = 1; index < sent.length; index += 1) expect(sent[index]!.at - sent[index - 1]!.at).toBeLessThanOrEqual(1100);
  });

  it('does wait for a short pause before saving when the user types one word', async () => {
    const { sent, type } = setup({ autoAnswer: true });
    type('خبر');
    await vi.advanceTimersByTimeAsync(300);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.patch.body).toEqual(body('خبر'));
  });

  it('does read the body from the editor only when a save goes out, not per keystroke', async () => {
    const { type, readBody } = setup({ autoAnswer: true });
    for (let step = 0; step < 50; step += 1) type(`ح${step}`);
    expect(readBody).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(readBody).toHaveBeenCalledTimes(1);
  });

  it('does keep one save in flight and send the latest state from the returned version when saves overlap', async () => {
    const { queue, sent } = setup();
    queue.change({ title: 'أ' });
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toHaveLength(1);
    queue.change({ title: 'أب' });
    queue.change({ title: 'أبت', section: 'سياسة' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(1);
    sent[0]!.resolve(answer(7));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.patch).toEqual({ title: 'أبت', section: 'سياسة' });
    expect(sent[1]!.baseVersion).toBe(7);
  });

  it('does keep the text and retry after 1 s, 2 s and 4 s when the disk is full, then report it saved', async () => {
    const { queue, sent, states, type } = setup();
    type('نص لا يضيع');
    await vi.advanceTimersByTimeAsync(500);
    sent[0]!.reject(diskFull());
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.current).toMatchObject({ kind: 'error', attempt: 1 });
    expect((queue.current as { error: ApiError }).error.messageAr).toBe('القرص ممتلئ.');
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.patch.body).toEqual(body('نص لا يضيع'));
    sent[1]!.reject(diskFull());
    await vi.advanceTimersByTimeAsync(1999);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(3);
    sent[2]!.reject(diskFull());
    await vi.advanceTimersByTimeAsync(4000);
    expect(sent).toHaveLength(4);
    sent[3]!.resolve(answer(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)?.kind).toBe('saved');
    expect(queue.hasUnsavedChanges()).toBe(false);
  });

  it('does send text typed during a failure together with the retry when the save fails', async () => {
    const { queue, sent, type } = setup();
    queue.change({ title: 'قديم' });
    type('الجملة الأولى');
    await vi.advanceTimersByTimeAsync(500);
    sent[0]!.reject(diskFull());
    await vi.advanceTimersByTimeAsync(0);
    type('الجملة الأولى والثانية');
    queue.change({ byline: 'مراسلنا' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent[1]!.patch).toEqual({ title: 'قديم', byline: 'مراسلنا', body: body('الجملة الأولى والثانية') });
  });

  it('does stop saving and keep the stored article untouched when it changed elsewhere', async () => {
    const { queue, sent, type } = setup();
    type('نسختي');
    await vi.advanceTimersByTimeAsync(500);
    sent[0]!.reject(conflict());
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.current.kind).toBe('conflict');
    type('نسختي المعدلة');
    queue.saveNow();
    await queue.flush();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent).toHaveLength(1);
  });

  it('does ask the core for a revision when the user presses Ctrl+S, even with nothing new typed', async () => {
    const { queue, sent } = setup({ autoAnswer: true });
    queue.saveNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.reason).toBe('manual');
    expect(sent[0]!.patch).toEqual({});
  });

  it('does store pending changes at once when the window is closing', async () => {
    const { queue, sent, type } = setup({ autoAnswer: true });
    type('آخر كلمة قبل الإغلاق');
    await queue.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.patch.body).toEqual(body('آخر كلمة قبل الإغلاق'));
    expect(queue.hasUnsavedChanges()).toBe(false);
  });

  it('does keep retrying the last save of a closed article until the disk has room again', async () => {
    const { queue, sent, type } = setup();
    type('آخر سطر قبل إغلاق المقال');
    queue.captureBody();
    let settled = false;
    const settling = queue.settle().then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    sent[0]!.reject(diskFull());
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(2);
    sent[1]!.reject(diskFull());
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(3);
    expect(settled).toBe(false);
    expect(sent[2]!.patch.body).toEqual(body('آخر سطر قبل إغلاق المقال'));
    sent[2]!.resolve(answer(2));
    await settling;
    expect(settled).toBe(true);
    expect(queue.hasUnsavedChanges()).toBe(false);
  });
});
