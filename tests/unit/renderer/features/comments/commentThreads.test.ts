import { describe, expect, it } from 'vitest';
import type { Comment } from '../../../../../shared/ipc/channels/desk';
import { anchorStyles, commentThreads } from '../../../../../renderer/features/comments/commentThreads';
import { newCommentId } from '../../../../../renderer/features/comments/newCommentId';

const ROOT = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const comment = (patch: Partial<Comment>): Comment => ({
  id: ROOT,
  articleId: '33333333-3333-4333-8333-333333333333',
  parentId: null,
  authorId: 'u1',
  authorName: 'كريم الحسيني',
  body: 'ما مصدر هذا الرقم؟',
  quote: 'أربعين مليون دينار',
  anchored: true,
  detached: false,
  resolvedAt: null,
  resolvedByName: null,
  createdAt: '2026-11-30T10:00:00.000Z',
  ...patch,
});

describe('comment threads', () => {
  it('does group replies under their first comment in the order the core gave', () => {
    const threads = commentThreads([
      comment({}),
      comment({ id: 'r1', parentId: ROOT, body: 'أضفت المصدر.' }),
      comment({ id: OTHER, anchored: false, quote: '', body: 'يُرجى التدقيق في الأرقام.' }),
      comment({ id: 'r2', parentId: ROOT, body: 'شكرًا.' }),
    ]);
    expect(threads.map((thread) => thread.root.id)).toEqual([ROOT, OTHER]);
    expect(threads[0]!.replies.map((reply) => reply.body)).toEqual(['أضفت المصدر.', 'شكرًا.']);
    expect(threads[1]!.replies).toEqual([]);
  });

  it('does tone down resolved anchors and bring out the active one', () => {
    const threads = commentThreads([comment({ resolvedAt: '2026-11-30T11:00:00.000Z' }), comment({ id: OTHER })]);
    const css = anchorStyles(threads, OTHER);
    expect(css).toContain(`[data-comment-id="${ROOT}"]{background:none`);
    expect(css).toContain(`[data-comment-id="${OTHER}"]{background:var(--comment-active)`);
  });

  it('does keep an id that is not a uuid out of the stylesheet', () => {
    const threads = commentThreads([comment({ id: '"]{}body{display:none}', resolvedAt: '2026-11-30T11:00:00.000Z' })]);
    expect(anchorStyles(threads, 'x"]{}')).toBe('');
  });

  it('does make version 4 uuids the core accepts as comment ids', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newCommentId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
