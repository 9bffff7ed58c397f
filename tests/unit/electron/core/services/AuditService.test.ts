import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../../electron/core/Core';
import { cliContext } from '../../../../../electron/core/CallContext';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import { channels, type Channel, type RequestOf, type ResponseOf } from '../../../../../shared/ipc/contract';
import type { Result } from '../../../../../shared/errors';
import { newsDoc } from '../../../../fixtures/arabicNews';
import { TEST_PASSWORD, signInAs, tempCore } from '../../../../support/tempCore';

async function call<C extends Channel>(core: Core, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await dispatch(core, channel, request, core.sessionContext(), { validateResponses: true })) as Result<ResponseOf<C>>;
  if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.message}`), { code: result.error.code });
  return result.value;
}

const ADMIN = 'مديرة التحرير';
const EDITOR = 'سلمى الكاتبة';
const REVIEWER = 'كريم المدقق';

/**
 * A small desk's morning: the admin signs in, an editor writes and submits, a reviewer claims
 * and approves, the CLI adds a user. The clock moves a minute between steps.
 */
async function morningAtTheDesk() {
  const { core, clock } = tempCore(new Date('2026-11-30T08:00:00Z'));
  const step = () => clock.advance(60_000);
  const admin = await signInAs(core, ADMIN, 'admin');
  step();
  const editor = await signInAs(core, EDITOR, 'editor');
  step();
  const reviewer = await signInAs(core, REVIEWER, 'reviewer');
  step();
  await signInAs(core, EDITOR, 'editor');
  const article = await call(core, 'articles.create', {
    fields: { title: 'أمطار غزيرة تغلق الطريق الجبلي', body: newsDoc(['أغلقت السلطات الطريق الجبلي بعد أمطار غزيرة ليلة الثلاثاء.']) },
  });
  step();
  await call(core, 'workflow.act', { id: article.id, action: 'submit' });
  step();
  await signInAs(core, REVIEWER, 'reviewer');
  await call(core, 'workflow.act', { id: article.id, action: 'claim' });
  step();
  await call(core, 'workflow.act', { id: article.id, action: 'approve' });
  step();
  await core.open.accounts.create(cliContext('layla'), 'ضيف التدريب', 'editor', TEST_PASSWORD);
  step();
  await signInAs(core, ADMIN, 'admin');
  return { core, clock, admin: admin.user, editor: editor.user, reviewer: reviewer.user, article };
}

describe('audit.list', () => {
  it('does list the whole story newest first with actor names and article titles', async () => {
    const { core, article } = await morningAtTheDesk();
    const { items, total } = await call(core, 'audit.list', {});
    expect(total).toBe(items.length);
    const story = items.map((entry) => [entry.action, entry.actorName, entry.articleTitle]);
    const title = 'أمطار غزيرة تغلق الطريق الجبلي';
    expect(story).toEqual([
      ['user.create', 'cli:layla', null],
      ['workflow.approve', REVIEWER, title],
      ['workflow.claim', REVIEWER, title],
      ['workflow.submit', EDITOR, title],
      ['article.create', EDITOR, title],
      // The test helper adds the editor and the reviewer as the CLI would.
      ['user.create', 'cli:test', null],
      ['user.create', 'cli:test', null],
      ['user.setup', ADMIN, null],
    ]);
    expect(items.map((entry) => entry.id)).toEqual([...items.map((entry) => entry.id)].sort((a, b) => b - a));
    const approve = items.find((entry) => entry.action === 'workflow.approve')!;
    expect(approve).toMatchObject({ articleId: article.id, fromStatus: 'in_review', toStatus: 'approved' });
    const cliCreate = items.find((entry) => entry.action === 'user.create' && entry.actor === 'cli:layla')!;
    expect(cliCreate.detail).toMatchObject({ name: 'ضيف التدريب', role: 'editor' });
    core.close();
  });

  it('does filter by actor name or id, by action family, by article and by time, and pages with a total', async () => {
    const { core, article, editor } = await morningAtTheDesk();
    const byName = await call(core, 'audit.list', { actor: ` ${REVIEWER} ` });
    expect(byName.items.map((entry) => entry.action)).toEqual(['workflow.approve', 'workflow.claim']);
    const byId = await call(core, 'audit.list', { actor: editor.id });
    expect(byId.items.map((entry) => entry.action)).toEqual(['workflow.submit', 'article.create']);
    expect((await call(core, 'audit.list', { actor: 'cli:layla' })).items.map((entry) => entry.action)).toEqual(['user.create']);

    const workflow = await call(core, 'audit.list', { action: 'workflow' });
    expect(workflow.items.map((entry) => entry.action)).toEqual(['workflow.approve', 'workflow.claim', 'workflow.submit']);
    expect((await call(core, 'audit.list', { action: 'workflow.claim' })).total).toBe(1);
    // A prefix must end at a dot: 'work' is not the workflow family, and LIKE wildcards mean themselves.
    expect((await call(core, 'audit.list', { action: 'work' })).total).toBe(0);
    expect((await call(core, 'audit.list', { action: 'workflow%' })).total).toBe(0);

    const onArticle = await call(core, 'audit.list', { articleId: article.id });
    expect(onArticle.items.map((entry) => entry.action)).toEqual(['workflow.approve', 'workflow.claim', 'workflow.submit', 'article.create']);

    // 08:04 UTC is 11:04 in Riyadh: the offset is honoured.
    const window = await call(core, 'audit.list', { from: '2026-11-30T11:04:00+03:00', to: '2026-11-30T08:05:00Z' });
    expect(window.items.map((entry) => entry.action)).toEqual(['workflow.claim', 'workflow.submit']);

    const page1 = await call(core, 'audit.list', { limit: 2 });
    const page2 = await call(core, 'audit.list', { limit: 2, offset: 2 });
    const all = await call(core, 'audit.list', {});
    expect(page1.total).toBe(all.total);
    expect([...page1.items, ...page2.items]).toEqual(all.items.slice(0, 4));
    core.close();
  });

  it('does refuse a reviewer or editor with FORBIDDEN and write the refusal to the log', async () => {
    const { core } = await morningAtTheDesk();
    const reviewer = await signInAs(core, REVIEWER, 'reviewer');
    const result = await dispatch(core, 'audit.list', {}, core.sessionContext());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('FORBIDDEN');
    await signInAs(core, ADMIN, 'admin');
    const [latest] = (await call(core, 'audit.list', { action: 'denied' })).items;
    expect(latest).toMatchObject({ actor: reviewer.user.id, actorName: REVIEWER, detail: { channel: 'audit.list', role: 'reviewer' } });
    core.close();
  });
});

describe('the audit log is append-only', () => {
  type AuditRow = Record<string, unknown>;
  const rows = (core: Core): AuditRow[] => core.open.db.prepare('SELECT * FROM audit ORDER BY id').all() as AuditRow[];

  it('does refuse UPDATE and DELETE even from SQL inside the core', async () => {
    const { core } = await morningAtTheDesk();
    const before = rows(core);
    expect(() => core.open.db.prepare("UPDATE audit SET actor = 'someone-else'").run()).toThrow(/append-only/);
    expect(() => core.open.db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(rows(core)).toEqual(before);
    core.close();
  });

  it('does keep every existing entry unchanged when every channel is called, as admin and as editor', async () => {
    const { core, article, editor } = await morningAtTheDesk();
    const [revision] = await call(core, 'revisions.list', { articleId: article.id });
    const draft = await call(core, 'articles.create', { fields: { title: 'مسودة للتجربة' } });
    const commentId = randomUUID();
    const spare = await core.open.accounts.create(cliContext('test'), 'حساب احتياطي', 'editor', TEST_PASSWORD);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(32)]);
    const media = await call(core, 'media.put', { name: 'صورة.png', mime: 'image/png', dataBase64: png.toString('base64') });
    // A well-formed request for the channels that change something; others get an empty request.
    const samples: Partial<Record<Channel, unknown>> = {
      'auth.setup': { name: 'مدير ثان', password: TEST_PASSWORD },
      'auth.signIn': { userId: editor.id, password: 'كلمة خاطئة تماما' },
      'auth.unlock': { password: 'كلمة خاطئة تماما' },
      'articles.create': { fields: { title: 'مقال جديد' } },
      'articles.get': { id: article.id },
      'articles.save': { id: draft.id, baseVersion: draft.version, patch: { title: 'عنوان معدل' }, reason: 'manual' },
      'articles.spike': { id: draft.id },
      'articles.restore': { id: draft.id },
      'media.info': { hash: media.hash },
      'media.put': { name: 'صورة.png', mime: 'image/png', dataBase64: png.toString('base64') },
      'settings.update': { idleLockMinutes: 20 },
      'view.get': { articleId: article.id },
      'view.set': { articleId: article.id, scrollTop: 10, selectionFrom: 1, selectionTo: 1 },
      'users.create': { name: 'مستخدم جديد', role: 'reviewer', password: TEST_PASSWORD },
      'users.update': { id: spare.id, role: 'reviewer' },
      'users.resetPassword': { id: spare.id, password: TEST_PASSWORD },
      'workflow.act': { id: draft.id, action: 'submit' },
      'desk.list': { view: 'all' },
      'comments.list': { articleId: article.id },
      'comments.add': { id: commentId, articleId: article.id, body: 'ملاحظة على الفقرة الأولى' },
      'comments.resolve': { id: commentId, resolved: true },
      'revisions.list': { articleId: article.id },
      'revisions.get': { id: revision!.id },
      'revisions.diff': { articleId: article.id, from: 'lastSubmit', to: 'current' },
      'revisions.restore': { id: revision!.id, baseVersion: 1 },
      'audit.list': { limit: 5 },
    };
    let before = rows(core);
    let appended = 0;
    for (const role of ['admin', 'editor'] as const) {
      for (const channel of channels) {
        await signInAs(core, role === 'admin' ? ADMIN : EDITOR, role);
        await dispatch(core, channel, samples[channel] ?? {}, core.sessionContext());
        const after = rows(core);
        expect(after.slice(0, before.length), `${channel} as ${role}`).toEqual(before);
        appended += after.length - before.length;
        before = after;
      }
    }
    expect(core.open.accounts.get(spare.id).role).toBe('reviewer');
    // The calls themselves were logged (denials, failed sign-ins, transitions): appended, never rewritten.
    expect(appended).toBeGreaterThan(5);
    core.close();
  });
});
