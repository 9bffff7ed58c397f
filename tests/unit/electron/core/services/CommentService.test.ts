import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../../electron/core/Core';
import { commentAnchorIds } from '../../../../../electron/core/services/CommentService';
import type { Article } from '../../../../../shared/domain/article';
import type { DocNode } from '../../../../../shared/editor/docSchema';
import { docToHtml } from '../../../../../shared/editor/docToHtml';
import { mediaPath } from '../../../../../shared/ipc/contract';
import { auditRows, call, callError, commentedParagraph, deskCore, paragraphs } from './DeskFixture';

const OPENING = 'انطلقت صباح اليوم حملة التلقيح في المدارس الابتدائية بالإقليم. ';
const CLAIM = 'وتستهدف الحملة أكثر من ٨٠ ألف تلميذ';
const CLOSING = '، حسب المندوبية الإقليمية للصحة.';

function bodyWithComment(commentId: string): DocNode {
  return { type: 'doc', content: [commentedParagraph(OPENING, CLAIM, CLOSING, commentId)] };
}

/** An editor's article, submitted and claimed by the reviewer, who is signed in on return. */
async function articleUnderReview(): Promise<Awaited<ReturnType<typeof deskCore>> & { article: Article }> {
  const desk = await deskCore();
  const { core, users, as } = desk;
  as(users.editor);
  const draft = await call(core, 'articles.create', { fields: { title: 'حملة تلقيح في المدارس', body: paragraphs(OPENING + CLAIM + CLOSING) } });
  await call(core, 'workflow.act', { id: draft.id, action: 'submit' });
  as(users.reviewer);
  const article = await call(core, 'workflow.act', { id: draft.id, action: 'claim' });
  return { ...desk, article };
}

async function anchor(core: Core, article: Article, commentId: string): Promise<Article> {
  const saved = await call(core, 'articles.save', { id: article.id, baseVersion: article.version, patch: { body: bodyWithComment(commentId) }, reason: 'autosave' });
  return { ...(await call(core, 'articles.get', { id: article.id })), version: saved.version };
}

describe('CommentService', () => {
  it('does keep threads in order with author names, replies after their comment', async () => {
    const { core, clock, users, as, article } = await articleUnderReview();
    const first = randomUUID();
    await anchor(core, article, first);
    await call(core, 'comments.add', { id: first, articleId: article.id, body: 'ما مصدر هذا الرقم؟', quote: CLAIM, anchored: true });
    clock.advance(1000);
    const general = randomUUID();
    await call(core, 'comments.add', { id: general, articleId: article.id, body: 'العنوان طويل قليلًا.' });
    clock.advance(1000);
    as(users.editor);
    await call(core, 'comments.add', { id: randomUUID(), articleId: article.id, parentId: first, body: 'بلاغ المندوبية الصادر أمس.' });
    clock.advance(1000);
    as(users.admin);
    await call(core, 'comments.add', { id: randomUUID(), articleId: article.id, parentId: general, body: 'موافقة على الاختصار.' });
    as(users.editor);
    const comments = await call(core, 'comments.list', { articleId: article.id });
    expect(comments.map((comment) => [comment.parentId === null ? 'thread' : 'reply', comment.authorName, comment.body])).toEqual([
      ['thread', 'يوسف المدقق', 'ما مصدر هذا الرقم؟'],
      ['reply', 'سلمى الكاتبة', 'بلاغ المندوبية الصادر أمس.'],
      ['thread', 'يوسف المدقق', 'العنوان طويل قليلًا.'],
      ['reply', 'مديرة التحرير', 'موافقة على الاختصار.'],
    ]);
    expect(comments[0]).toMatchObject({ id: first, quote: CLAIM, anchored: true, detached: false, resolvedAt: null, resolvedByName: null });
    expect(comments[2]).toMatchObject({ quote: '', anchored: false, detached: false });
    expect(auditRows(core, "action = 'comment.add'").map((row) => row.actor)).toEqual([users.reviewer.id, users.reviewer.id, users.editor.id, users.admin.id]);
    core.close();
  });

  it('does mark an anchored comment detached once its text is deleted, and keep it in the list', async () => {
    const { core, article } = await articleUnderReview();
    const id = randomUUID();
    const anchored = await anchor(core, article, id);
    await call(core, 'comments.add', { id, articleId: article.id, body: 'تحقق من الرقم.', quote: CLAIM, anchored: true });
    // Typing around the anchor keeps it.
    const around = { type: 'doc' as const, content: [commentedParagraph(`عاجل: ${OPENING}`, CLAIM, `${CLOSING} وتستمر أسبوعين.`, id)] };
    const saved = await call(core, 'articles.save', { id: article.id, baseVersion: anchored.version, patch: { body: around }, reason: 'autosave' });
    expect((await call(core, 'comments.list', { articleId: article.id }))[0]!.detached).toBe(false);
    // Deleting the commented sentence removes the mark: the comment stays, detached.
    await call(core, 'articles.save', { id: article.id, baseVersion: saved.version, patch: { body: paragraphs(`عاجل: ${OPENING}`) }, reason: 'autosave' });
    const [comment] = await call(core, 'comments.list', { articleId: article.id });
    expect(comment).toMatchObject({ id, body: 'تحقق من الرقم.', quote: CLAIM, anchored: true, detached: true });
    core.close();
  });

  it('does refuse a duplicate id, a parent from another article, a reply to a reply and an anchored reply', async () => {
    const { core, users, as, article } = await articleUnderReview();
    const thread = randomUUID();
    await call(core, 'comments.add', { id: thread, articleId: article.id, body: 'ملاحظة أولى' });
    expect((await callError(core, 'comments.add', { id: thread, articleId: article.id, body: 'نسخة ثانية' })).code).toBe('ALREADY_EXISTS');
    const reply = randomUUID();
    await call(core, 'comments.add', { id: reply, articleId: article.id, parentId: thread, body: 'رد' });
    expect((await callError(core, 'comments.add', { id: randomUUID(), articleId: article.id, parentId: reply, body: 'رد على رد' })).code).toBe('VALIDATION');
    expect((await callError(core, 'comments.add', { id: randomUUID(), articleId: article.id, parentId: thread, body: 'رد مربوط', anchored: true, quote: 'x' })).code).toBe('VALIDATION');
    expect((await callError(core, 'comments.add', { id: randomUUID(), articleId: article.id, parentId: randomUUID(), body: 'رد على لا شيء' })).code).toBe('VALIDATION');
    as(users.admin);
    const other = await call(core, 'articles.create', { fields: { title: 'مقال آخر' } });
    const elsewhere = await callError(core, 'comments.add', { id: randomUUID(), articleId: other.id, parentId: thread, body: 'رد في غير موضعه' });
    expect(elsewhere.code).toBe('VALIDATION');
    expect((await callError(core, 'comments.add', { id: randomUUID(), articleId: article.id, body: '   ' })).code).toBe('VALIDATION');
    expect((await callError(core, 'comments.add', { id: randomUUID(), articleId: randomUUID(), body: 'على مقال غير موجود' })).code).toBe('NOT_FOUND');
    expect(await call(core, 'comments.list', { articleId: article.id })).toHaveLength(2);
    core.close();
  });

  it('does let editors comment on their own articles only, and reviewers and admins on any', async () => {
    const { core, users, as, article } = await articleUnderReview();
    as(users.otherEditor);
    const refused = await callError(core, 'comments.add', { id: randomUUID(), articleId: article.id, body: 'تعليق من محرر آخر' });
    expect(refused.code).toBe('FORBIDDEN');
    expect(auditRows(core, "action = 'denied'").at(-1)).toMatchObject({ actor: users.otherEditor.id, article_id: article.id });
    expect((await callError(core, 'comments.list', { articleId: article.id })).code).toBe('FORBIDDEN');
    as(users.otherReviewer);
    await call(core, 'comments.add', { id: randomUUID(), articleId: article.id, body: 'من مدقق غير مكلف' });
    as(users.editor);
    expect(await call(core, 'comments.list', { articleId: article.id })).toHaveLength(1);
    core.close();
  });

  it('does resolve and reopen a thread with who and when, and audit both', async () => {
    const { core, clock, users, as, article } = await articleUnderReview();
    const thread = randomUUID();
    await call(core, 'comments.add', { id: thread, articleId: article.id, body: 'اختصر الفقرة الأولى' });
    const reply = randomUUID();
    await call(core, 'comments.add', { id: reply, articleId: article.id, parentId: thread, body: 'تم' });
    as(users.editor);
    clock.advance(60_000);
    const resolved = await call(core, 'comments.resolve', { id: thread, resolved: true });
    expect(resolved).toMatchObject({ resolvedAt: clock.now.toISOString(), resolvedByName: 'سلمى الكاتبة' });
    expect((await callError(core, 'comments.resolve', { id: reply, resolved: true })).code).toBe('VALIDATION');
    // Resolving again changes nothing and writes nothing.
    await call(core, 'comments.resolve', { id: thread, resolved: true });
    as(users.reviewer);
    const reopened = await call(core, 'comments.resolve', { id: thread, resolved: false });
    expect(reopened).toMatchObject({ resolvedAt: null, resolvedByName: null });
    expect(auditRows(core, "action LIKE 'comment.re%'").map((row) => [row.action, row.actor])).toEqual([
      ['comment.resolve', users.editor.id],
      ['comment.reopen', users.reviewer.id],
    ]);
    expect((await callError(core, 'comments.resolve', { id: randomUUID(), resolved: true })).code).toBe('NOT_FOUND');
    core.close();
  });

  it('does store the change-request note as a general comment by the reviewer', async () => {
    const { core, users, as, article } = await articleUnderReview();
    await call(core, 'workflow.act', { id: article.id, action: 'requestChanges', note: '  أضف مصدرًا للرقم.  ' });
    as(users.editor);
    const [note] = await call(core, 'comments.list', { articleId: article.id });
    expect(note).toMatchObject({ body: 'أضف مصدرًا للرقم.', authorId: users.reviewer.id, authorName: 'يوسف المدقق', anchored: false, parentId: null });
    core.close();
  });

  it('does never export comment marks: the stored HTML keeps the text and drops the mark', async () => {
    const { core, article } = await articleUnderReview();
    const id = randomUUID();
    const body = bodyWithComment(id);
    const html = docToHtml(body, { mediaUrl: mediaPath });
    expect(html).toContain(CLAIM);
    expect(html).not.toContain(id);
    expect(html).not.toMatch(/comment/i);
    expect(html).toBe(docToHtml(paragraphs(OPENING + CLAIM + CLOSING), { mediaUrl: mediaPath }));
    const stored = await anchor(core, article, id);
    expect(stored.bodyHtml).toBe(html);
    expect(commentAnchorIds(JSON.stringify(stored.body))).toEqual(new Set([id]));
    core.close();
  });
});
