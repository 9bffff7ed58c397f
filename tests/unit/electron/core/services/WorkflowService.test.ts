import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../../electron/core/Core';
import type { Article } from '../../../../../shared/domain/article';
import { auditRows, call, callError, commentedParagraph, deskCore, paragraphs } from './DeskFixture';

const TITLE = 'افتتاح المكتبة البلدية بعد ترميم دام سنتين';
const FIRST = 'فتحت المكتبة البلدية أبوابها صباح السبت بعد أشغال ترميم شملت القاعة الكبرى والسطح.';
const SECOND = 'وقالت مديرة المكتبة إن عدد الكتب المتاحة بلغ ١٢ ألف عنوان، أغلبها بالعربية.';
const THIRD = 'ويفتح الفضاء من التاسعة صباحًا إلى السابعة مساءً طيلة أيام الأسبوع.';

async function draftBy(core: Core, title = TITLE): Promise<Article> {
  return call(core, 'articles.create', { fields: { title, body: paragraphs(FIRST, SECOND, THIRD) } });
}

function detailOf(row: { detail: string | null }): Record<string, unknown> {
  return row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : {};
}

describe('WorkflowService', () => {
  it('does carry an article from draft to approved through the desk, with comments, a change request and an audit of every step', async () => {
    const { core, clock, users, as } = await deskCore();

    as(users.editor);
    const draft = await draftBy(core);
    expect(draft.authorId).toBe(users.editor.id);
    expect(draft.permissions.actions).toEqual(['submit', 'spike']);
    clock.advance(60_000);
    const submitted = await call(core, 'workflow.act', { id: draft.id, action: 'submit' });
    expect(submitted.status).toBe('submitted');
    expect(submitted.submittedAt).toBe(clock.now.toISOString());
    expect(submitted.version).toBe(draft.version + 1);
    expect(submitted.permissions).toEqual({ canEdit: false, actions: ['withdraw'] });

    as(users.reviewer);
    const queue = await call(core, 'desk.list', { view: 'queue' });
    expect(queue.items.map((item) => item.id)).toEqual([draft.id]);
    clock.advance(60_000);
    const claimed = await call(core, 'workflow.act', { id: draft.id, action: 'claim' });
    expect(claimed.status).toBe('in_review');
    expect(claimed.assigneeName).toBe('يوسف المدقق');
    expect(claimed.permissions.canEdit).toBe(true);
    expect((await call(core, 'desk.counts', {})).inReview).toBe(1);

    // The reviewer corrects a word and comments on the second sentence.
    const commentId = randomUUID();
    const corrected = SECOND.replace('أغلبها', 'معظمها');
    clock.advance(60_000);
    const saved = await call(core, 'articles.save', {
      id: draft.id,
      baseVersion: claimed.version,
      patch: { body: { type: 'doc', content: [paragraphs(FIRST).content![0]!, commentedParagraph('', corrected, '', commentId), paragraphs(THIRD).content![0]!] } },
      reason: 'autosave',
    });
    await call(core, 'comments.add', { id: commentId, articleId: draft.id, body: 'هل الرقم مؤكد من مصدر ثانٍ؟', quote: corrected, anchored: true });
    clock.advance(60_000);
    const sentBack = await call(core, 'workflow.act', { id: draft.id, action: 'requestChanges', note: 'أضف تصريحًا لأحد الزوار في الفقرة الأخيرة.' });
    expect(sentBack.status).toBe('changes_requested');
    expect(sentBack.assigneeId).toBeNull();
    expect(sentBack.version).toBe(saved.version + 1);

    // The editor finds the note and the comment, edits and resubmits.
    as(users.editor);
    const comments = await call(core, 'comments.list', { articleId: draft.id });
    expect(comments.map((comment) => [comment.authorName, comment.body, comment.anchored, comment.detached])).toEqual([
      ['يوسف المدقق', 'هل الرقم مؤكد من مصدر ثانٍ؟', true, false],
      ['يوسف المدقق', 'أضف تصريحًا لأحد الزوار في الفقرة الأخيرة.', false, false],
    ]);
    const back = await call(core, 'articles.get', { id: draft.id });
    expect(back.permissions.canEdit).toBe(true);
    const visitor = 'وقال أحد الزوار: «انتظرنا هذا اليوم طويلًا».';
    const fixed = await call(core, 'articles.save', {
      id: draft.id,
      baseVersion: back.version,
      patch: { body: { type: 'doc', content: [...back.body.content!, paragraphs(visitor).content![0]!] } },
      reason: 'manual',
    });
    clock.advance(60_000);
    await call(core, 'workflow.act', { id: draft.id, action: 'submit' });

    as(users.reviewer);
    await call(core, 'workflow.act', { id: draft.id, action: 'claim' });
    clock.advance(60_000);
    const approved = await call(core, 'workflow.act', { id: draft.id, action: 'approve' });
    expect(approved.status).toBe('approved');
    expect(approved.scheduledAt).toBeNull();
    expect(approved.permissions.canEdit).toBe(false);
    const refused = await callError(core, 'articles.save', { id: draft.id, baseVersion: approved.version, patch: { title: 'عنوان آخر' }, reason: 'manual' });
    expect(refused.code).toBe('FORBIDDEN');
    as(users.editor);
    expect((await callError(core, 'articles.save', { id: draft.id, baseVersion: approved.version, patch: { title: 'عنوان آخر' }, reason: 'manual' })).code).toBe('FORBIDDEN');
    expect((await call(core, 'articles.get', { id: draft.id })).version).toBe(approved.version);
    expect(fixed.version).toBeLessThan(approved.version);

    const story = auditRows(core, 'article_id = ?', draft.id).map((row) => [row.action, row.actor, row.from_status, row.to_status]);
    expect(story).toEqual([
      ['article.create', users.editor.id, null, 'draft'],
      ['workflow.submit', users.editor.id, 'draft', 'submitted'],
      ['workflow.claim', users.reviewer.id, 'submitted', 'in_review'],
      ['comment.add', users.reviewer.id, null, null],
      ['workflow.requestChanges', users.reviewer.id, 'in_review', 'changes_requested'],
      ['workflow.submit', users.editor.id, 'changes_requested', 'submitted'],
      ['workflow.claim', users.reviewer.id, 'submitted', 'in_review'],
      ['workflow.approve', users.reviewer.id, 'in_review', 'approved'],
      ['denied', users.reviewer.id, null, null],
      ['denied', users.editor.id, null, null],
    ]);
    const requestChanges = auditRows(core, "action = 'workflow.requestChanges'")[0]!;
    expect(detailOf(requestChanges).note).toBe('أضف تصريحًا لأحد الزوار في الفقرة الأخيرة.');
    const reasons = (await call(core, 'revisions.list', { articleId: draft.id })).map((revision) => revision.reason).reverse();
    expect(reasons.filter((reason) => reason === 'submit' || reason === 'approve')).toEqual(['submit', 'submit', 'approve']);
    core.close();
  });

  it('does record a submit revision even when the text equals the last revision', async () => {
    const { core, users, as } = await deskCore();
    as(users.editor);
    const draft = await draftBy(core);
    await call(core, 'articles.save', { id: draft.id, baseVersion: draft.version, patch: { title: `${TITLE}.` }, reason: 'manual' });
    await call(core, 'workflow.act', { id: draft.id, action: 'submit' });
    await call(core, 'workflow.act', { id: draft.id, action: 'withdraw' });
    const withdrawn = await call(core, 'workflow.act', { id: draft.id, action: 'submit' });
    expect(withdrawn.status).toBe('submitted');
    const reasons = (await call(core, 'revisions.list', { articleId: draft.id })).map((revision) => revision.reason);
    expect(reasons).toEqual(['submit', 'submit', 'manual']);
    core.close();
  });

  it('does let an editor withdraw an unclaimed submission and take it back to draft, but not once a reviewer has it', async () => {
    const { core, users, as } = await deskCore();
    as(users.editor);
    const draft = await draftBy(core);
    await call(core, 'workflow.act', { id: draft.id, action: 'submit' });
    const withdrawn = await call(core, 'workflow.act', { id: draft.id, action: 'withdraw' });
    expect(withdrawn).toMatchObject({ status: 'draft', submittedAt: null });
    expect(withdrawn.permissions.canEdit).toBe(true);
    await call(core, 'workflow.act', { id: draft.id, action: 'submit' });
    as(users.reviewer);
    await call(core, 'workflow.act', { id: draft.id, action: 'claim' });
    as(users.editor);
    const refused = await callError(core, 'workflow.act', { id: draft.id, action: 'withdraw' });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.detail).toMatchObject({ reason: 'wrong_state', action: 'withdraw', status: 'in_review' });
    const editing = await callError(core, 'articles.save', { id: draft.id, baseVersion: 4, patch: { title: 'تعديل' }, reason: 'autosave' });
    expect(editing.code).toBe('FORBIDDEN');
    expect(editing.detail).toMatchObject({ reason: 'claimed' });
    expect(editing.messageAr).toMatch(/مدقق/);
    core.close();
  });

  it('does release a claim back to the queue, keeping the submission time', async () => {
    const { core, clock, users, as } = await deskCore();
    as(users.editor);
    const draft = await draftBy(core);
    const submitted = await call(core, 'workflow.act', { id: draft.id, action: 'submit' });
    as(users.reviewer);
    await call(core, 'workflow.act', { id: draft.id, action: 'claim' });
    clock.advance(5 * 60_000);
    const released = await call(core, 'workflow.act', { id: draft.id, action: 'release' });
    expect(released).toMatchObject({ status: 'submitted', assigneeId: null, submittedAt: submitted.submittedAt });
    core.close();
  });

  it('does let an admin reassign a claim to an enabled reviewer only', async () => {
    const { core, users, as } = await deskCore();
    as(users.editor);
    const draft = await draftBy(core);
    await call(core, 'workflow.act', { id: draft.id, action: 'submit' });
    as(users.reviewer);
    await call(core, 'workflow.act', { id: draft.id, action: 'claim' });
    const byReviewer = await callError(core, 'workflow.act', { id: draft.id, action: 'reassign', assigneeId: users.otherReviewer.id });
    expect(byReviewer.code).toBe('FORBIDDEN');

    as(users.admin);
    const toEditor = await callError(core, 'workflow.act', { id: draft.id, action: 'reassign', assigneeId: users.editor.id });
    expect(toEditor.code).toBe('VALIDATION');
    expect((await callError(core, 'workflow.act', { id: draft.id, action: 'reassign' })).code).toBe('VALIDATION');
    expect((await callError(core, 'workflow.act', { id: draft.id, action: 'reassign', assigneeId: randomUUID() })).code).toBe('VALIDATION');
    await call(core, 'users.update', { id: users.otherReviewer.id, disabled: true });
    expect((await callError(core, 'workflow.act', { id: draft.id, action: 'reassign', assigneeId: users.otherReviewer.id })).code).toBe('VALIDATION');
    await call(core, 'users.update', { id: users.otherReviewer.id, disabled: false });

    const reassigned = await call(core, 'workflow.act', { id: draft.id, action: 'reassign', assigneeId: users.otherReviewer.id });
    expect(reassigned).toMatchObject({ status: 'in_review', assigneeId: users.otherReviewer.id, assigneeName: 'ليلى المراجعة' });
    const row = auditRows(core, "action = 'workflow.reassign'")[0]!;
    expect(detailOf(row)).toEqual({ assigneeId: users.otherReviewer.id, fromAssigneeId: users.reviewer.id });

    // The old reviewer lost the claim, the new one has it.
    as(users.reviewer);
    expect((await callError(core, 'articles.save', { id: draft.id, baseVersion: reassigned.version, patch: { title: 'x' }, reason: 'autosave' })).code).toBe('FORBIDDEN');
    as(users.otherReviewer);
    expect((await call(core, 'articles.save', { id: draft.id, baseVersion: reassigned.version, patch: { title: 'عنوان مدقق' }, reason: 'autosave' })).version).toBe(reassigned.version + 1);
    core.close();
  });

  it('does refuse a change request without a note and change nothing', async () => {
    const { core, users, as } = await deskCore();
    as(users.editor);
    const draft = await draftBy(core);
    await call(core, 'workflow.act', { id: draft.id, action: 'submit' });
    as(users.reviewer);
    const claimed = await call(core, 'workflow.act', { id: draft.id, action: 'claim' });
    for (const note of [undefined, '', '   \n ']) {
      const refused = await callError(core, 'workflow.act', { id: draft.id, action: 'requestChanges', ...(note === undefined ? {} : { note }) });
      expect(refused.code).toBe('VALIDATION');
      expect(refused.messageAr).toMatch(/الملاحظة مطلوبة/);
    }
    const after = await call(core, 'articles.get', { id: draft.id });
    expect(after).toMatchObject({ status: 'in_review', version: claimed.version, assigneeId: users.reviewer.id });
    expect(await call(core, 'comments.list', { articleId: draft.id })).toEqual([]);
    expect(auditRows(core, "action = 'workflow.requestChanges'")).toEqual([]);
    core.close();
  });

  it('does approve at a future time as scheduled, and a past time as now', async () => {
    const { core, clock, users, as } = await deskCore();
    as(users.editor);
    const first = await draftBy(core);
    const second = await draftBy(core, 'خبر ثانٍ');
    as(users.reviewer);
    for (const article of [first, second]) {
      as(users.editor);
      await call(core, 'workflow.act', { id: article.id, action: 'submit' });
      as(users.reviewer);
      await call(core, 'workflow.act', { id: article.id, action: 'claim' });
    }
    const tomorrow = new Date(clock.now.getTime() + 86_400_000);
    const scheduled = await call(core, 'workflow.act', { id: first.id, action: 'approve', scheduledAt: '2026-12-01T12:00:00+03:00' });
    expect(scheduled.scheduledAt).toBe('2026-12-01T09:00:00.000Z');
    expect(Date.parse(scheduled.scheduledAt!)).toBeLessThan(tomorrow.getTime());
    expect(detailOf(auditRows(core, "action = 'workflow.approve'")[0]!)).toEqual({ scheduledAt: '2026-12-01T09:00:00.000Z' });
    const now = await call(core, 'workflow.act', { id: second.id, action: 'approve', scheduledAt: '2020-01-01T00:00:00Z' });
    expect(now.scheduledAt).toBeNull();
    // A schedule belongs to approve only.
    expect((await callError(core, 'workflow.act', { id: first.id, action: 'reopen', scheduledAt: tomorrow.toISOString() })).code).toBe('VALIDATION');
    const reopened = await call(core, 'workflow.act', { id: first.id, action: 'reopen' });
    expect(reopened).toMatchObject({ status: 'in_review', assigneeId: users.reviewer.id, scheduledAt: null });
    core.close();
  });

  it('does refuse a reviewer approving their own article unless the one-person-desk setting is on', async () => {
    const { core, users, as } = await deskCore();
    as(users.reviewer);
    const own = await draftBy(core);
    await call(core, 'workflow.act', { id: own.id, action: 'submit' });
    await call(core, 'workflow.act', { id: own.id, action: 'claim' });
    const refused = await callError(core, 'workflow.act', { id: own.id, action: 'approve' });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.detail).toMatchObject({ reason: 'own_article' });
    as(users.admin);
    await call(core, 'settings.update', { allowSelfApproval: true });
    as(users.reviewer);
    expect((await call(core, 'articles.get', { id: own.id })).permissions.actions).toContain('approve');
    expect((await call(core, 'workflow.act', { id: own.id, action: 'approve' })).status).toBe('approved');
    core.close();
  });

  it('does publish, correct and kill as the rules allow, stamping the publication time', async () => {
    const { core, clock, users, as } = await deskCore();
    as(users.editor);
    const draft = await draftBy(core);
    await call(core, 'workflow.act', { id: draft.id, action: 'submit' });
    as(users.reviewer);
    await call(core, 'workflow.act', { id: draft.id, action: 'claim' });
    await call(core, 'workflow.act', { id: draft.id, action: 'approve' });
    expect((await callError(core, 'workflow.act', { id: draft.id, action: 'publish' })).code).toBe('FORBIDDEN');
    as(users.admin);
    clock.advance(60_000);
    const published = await call(core, 'workflow.act', { id: draft.id, action: 'publish' });
    expect(published).toMatchObject({ status: 'published', publishedAt: clock.now.toISOString() });
    as(users.otherReviewer);
    const correcting = await call(core, 'workflow.act', { id: draft.id, action: 'correct' });
    expect(correcting).toMatchObject({ status: 'in_review', assigneeId: users.otherReviewer.id, publishedAt: published.publishedAt });
    expect(correcting.permissions.canEdit).toBe(true);
    await call(core, 'workflow.act', { id: draft.id, action: 'approve' });
    as(users.admin);
    await call(core, 'workflow.act', { id: draft.id, action: 'publish' });
    as(users.editor);
    expect((await callError(core, 'workflow.act', { id: draft.id, action: 'kill' })).code).toBe('FORBIDDEN');
    as(users.reviewer);
    const killed = await call(core, 'workflow.act', { id: draft.id, action: 'kill' });
    expect(killed.status).toBe('killed');
    expect(killed.permissions).toEqual({ canEdit: false, actions: [] });
    const actions = auditRows(core, "article_id = ? AND action LIKE 'workflow.%'", draft.id).map((row) => row.action);
    expect(actions).toEqual(['workflow.submit', 'workflow.claim', 'workflow.approve', 'workflow.publish', 'workflow.correct', 'workflow.approve', 'workflow.publish', 'workflow.kill']);
    core.close();
  });

  it('does spike and restore through workflow.act and through articles.spike alike, back to the earlier state', async () => {
    const { core, users, as } = await deskCore();
    as(users.editor);
    const draft = await draftBy(core);
    await call(core, 'workflow.act', { id: draft.id, action: 'submit' });
    as(users.reviewer);
    const spiked = await call(core, 'workflow.act', { id: draft.id, action: 'spike' });
    expect(spiked).toMatchObject({ status: 'spiked', statusBeforeSpike: 'submitted' });
    as(users.editor);
    const restored = await call(core, 'workflow.act', { id: draft.id, action: 'restore' });
    expect(restored).toMatchObject({ status: 'submitted', statusBeforeSpike: null });
    // The older channels still go through the same rules.
    expect((await callError(core, 'articles.spike', { id: draft.id })).code).toBe('FORBIDDEN');
    await call(core, 'workflow.act', { id: draft.id, action: 'withdraw' });
    expect((await call(core, 'articles.spike', { id: draft.id })).status).toBe('spiked');
    expect((await call(core, 'articles.restore', { id: draft.id })).status).toBe('draft');
    core.close();
  });

  it('does answer NOT_FOUND for an article that does not exist', async () => {
    const { core, users, as } = await deskCore();
    as(users.admin);
    expect((await callError(core, 'workflow.act', { id: randomUUID(), action: 'submit' })).code).toBe('NOT_FOUND');
    core.close();
  });
});

describe('core-level denials (hand-crafted calls from a signed-in user)', () => {
  async function setUp() {
    const desk = await deskCore();
    const { core, users, as } = desk;
    as(users.editor);
    const submitted = await draftBy(core);
    await call(core, 'workflow.act', { id: submitted.id, action: 'submit' });
    const claimed = await draftBy(core, 'خبر بين يدي المدقق');
    await call(core, 'workflow.act', { id: claimed.id, action: 'submit' });
    as(users.reviewer);
    const inReview = await call(core, 'workflow.act', { id: claimed.id, action: 'claim' });
    return { ...desk, submitted: await call(core, 'articles.get', { id: submitted.id }), inReview };
  }

  function lastDenial(core: Core) {
    const rows = auditRows(core, "action = 'denied'");
    return rows[rows.length - 1];
  }

  const cases: { title: string; who: 'editor' | 'reviewer' | 'otherReviewer'; channel: string; request: (ids: { submitted: Article; inReview: Article; userId: string }) => unknown; article: boolean; othersArticle?: boolean }[] = [
    { title: 'an editor approving', who: 'editor', channel: 'workflow.act', request: ({ inReview }) => ({ id: inReview.id, action: 'approve' }), article: true },
    { title: 'an editor claiming', who: 'editor', channel: 'workflow.act', request: ({ submitted }) => ({ id: submitted.id, action: 'claim' }), article: true },
    { title: 'an editor publishing', who: 'editor', channel: 'workflow.act', request: ({ inReview }) => ({ id: inReview.id, action: 'publish' }), article: true },
    {
      title: 'a reviewer editing an article another reviewer has claimed',
      who: 'otherReviewer',
      channel: 'articles.save',
      request: ({ inReview }) => ({ id: inReview.id, baseVersion: inReview.version, patch: { title: 'تعديل من خارج التكليف' }, reason: 'autosave' }),
      article: true,
    },
    {
      title: 'an editor editing their submitted article',
      who: 'editor',
      channel: 'articles.save',
      request: ({ submitted }) => ({ id: submitted.id, baseVersion: submitted.version, patch: { title: 'تعديل بعد الإرسال' }, reason: 'autosave' }),
      article: true,
    },
    { title: 'a reviewer reassigning', who: 'reviewer', channel: 'workflow.act', request: ({ inReview, userId }) => ({ id: inReview.id, action: 'reassign', assigneeId: userId }), article: true },
    { title: 'an editor reassigning', who: 'editor', channel: 'workflow.act', request: ({ inReview, userId }) => ({ id: inReview.id, action: 'reassign', assigneeId: userId }), article: true },
    { title: 'an editor creating a user', who: 'editor', channel: 'users.create', request: () => ({ name: 'حساب مزور', role: 'admin', password: 'كلمة-سر-طويلة-جدا' }), article: false },
    { title: 'a reviewer creating a user', who: 'reviewer', channel: 'users.create', request: () => ({ name: 'حساب مزور', role: 'admin', password: 'كلمة-سر-طويلة-جدا' }), article: false },
    { title: 'an editor reading the audit log', who: 'editor', channel: 'audit.list', request: () => ({}), article: false },
    { title: 'a reviewer reading the audit log', who: 'reviewer', channel: 'audit.list', request: () => ({}), article: false },
    { title: 'an editor reading comments on another author’s article', who: 'editor', channel: 'comments.list', request: ({ inReview }) => ({ articleId: inReview.id }), article: true, othersArticle: true },
  ];

  for (const denial of cases) {
    it(`does refuse ${denial.title} with FORBIDDEN and audit it naming the actor`, async () => {
      const fixture = await setUp();
      const { core, users, as } = fixture;
      if (denial.othersArticle) {
        as(users.otherEditor);
        fixture.inReview = await draftBy(core, 'خبر لمراسل آخر');
      }
      const user = users[denial.who];
      as(user);
      const before = await call(core, 'articles.get', { id: fixture.inReview.id });
      const error = await callError(core, denial.channel as never, denial.request({ submitted: fixture.submitted, inReview: fixture.inReview, userId: users.otherReviewer.id }));
      expect(error.code).toBe('FORBIDDEN');
      const row = lastDenial(core)!;
      expect(row.actor).toBe(user.id);
      const detail = detailOf(row);
      expect(detail.channel).toBe(denial.channel);
      expect(detail.role).toBe(user.role);
      if (denial.article) expect(row.article_id).toMatch(/^[0-9a-f-]{36}$/);
      // Nothing changed.
      as(users.admin);
      expect((await call(core, 'articles.get', { id: fixture.inReview.id })).version).toBe(before.version);
      expect((await call(core, 'users.list', {})).some((listed) => listed.name === 'حساب مزور')).toBe(false);
      core.close();
    });
  }
});
