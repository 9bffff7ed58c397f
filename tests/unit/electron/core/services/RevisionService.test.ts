import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../../electron/core/Core';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import type { Channel, RequestOf, ResponseOf } from '../../../../../shared/ipc/contract';
import type { Result } from '../../../../../shared/errors';
import { docToText } from '../../../../../shared/editor/docToText';
import { newsDoc } from '../../../../fixtures/arabicNews';
import { signInAs, tempCore, tempCoreSignedIn } from '../../../../support/tempCore';

async function call<C extends Channel>(core: Core, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await dispatch(core, channel, request, core.sessionContext(), { validateResponses: true })) as Result<ResponseOf<C>>;
  if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.message}`), { code: result.error.code });
  return result.value;
}

async function callError(core: Core, channel: Channel, request: unknown) {
  const result = await dispatch(core, channel, request, core.sessionContext());
  if (result.ok) throw new Error(`expected ${channel} to fail`);
  return result.error;
}

function auditActions(core: Core, articleId: string): { action: string; actor: string; detail: string | null }[] {
  return core.open.db
    .prepare<[string], { action: string; actor: string; detail: string | null }>('SELECT action, actor, detail FROM audit WHERE article_id = ? ORDER BY id')
    .all(articleId);
}

const LEAD = 'افتتحت وزارة الثقافة، مساء الجمعة، الدورة العشرين لمهرجان المسرح الوطني بمشاركة سبع عشرة فرقة.';
const QUOTE = 'وقالت مديرة المهرجان إن «المسرح يعود إلى جمهوره بعد سنتين من الغياب»، مشيرة إلى بيع ٣٬٢٠٠ تذكرة.';
const CLOSING = 'وتتواصل العروض إلى غاية الأحد المقبل في ثلاث قاعات بالمدينة القديمة.';

describe('revisions.get', () => {
  it('does open a revision read-only with its fields, body, HTML and who made it and why', async () => {
    const { core, clock } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', { fields: { title: 'انطلاق مهرجان المسرح الوطني', body: newsDoc([LEAD]) } });
    clock.advance(60_000);
    await call(core, 'articles.save', {
      id: article.id,
      baseVersion: article.version,
      patch: { subtitle: 'الدورة العشرون', section: 'ثقافة', tags: ['مسرح', 'مهرجانات'], byline: 'قسم الثقافة', body: newsDoc([LEAD, QUOTE]) },
      reason: 'manual',
    });
    const [summary] = await call(core, 'revisions.list', { articleId: article.id });
    const opened = await call(core, 'revisions.get', { id: summary!.id });
    expect(opened.revision).toEqual(summary);
    expect(opened.revision.reason).toBe('manual');
    expect(opened.revision.actorName).toBe('مديرة التحرير');
    expect(opened).toMatchObject({ title: 'انطلاق مهرجان المسرح الوطني', subtitle: 'الدورة العشرون', section: 'ثقافة', tags: ['مسرح', 'مهرجانات'], byline: 'قسم الثقافة' });
    expect(opened.body).toEqual(newsDoc([LEAD, QUOTE]));
    expect(opened.bodyHtml).toBe(`<p dir="rtl">${LEAD}</p><p dir="rtl">${QUOTE}</p>`);

    // Later edits do not change what the revision shows.
    clock.advance(60_000);
    await call(core, 'articles.save', { id: article.id, baseVersion: article.version + 1, patch: { title: 'عنوان جديد' }, reason: 'manual' });
    expect((await call(core, 'revisions.get', { id: summary!.id })).title).toBe('انطلاق مهرجان المسرح الوطني');
    core.close();
  });

  it('does let a signed-in editor open a revision of another author, and refuses when signed out', async () => {
    const { core } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', { fields: { title: 'خبر للمديرة', body: newsDoc([LEAD]) } });
    await call(core, 'articles.save', { id: article.id, baseVersion: article.version, patch: { body: newsDoc([LEAD, CLOSING]) }, reason: 'manual' });
    const [summary] = await call(core, 'revisions.list', { articleId: article.id });
    await signInAs(core, 'يوسف المحرر', 'editor');
    expect((await call(core, 'revisions.get', { id: summary!.id })).body).toEqual(newsDoc([LEAD, CLOSING]));
    core.open.session.signOut();
    expect((await callError(core, 'revisions.get', { id: summary!.id })).code).toBe('NOT_SIGNED_IN');
    core.close();
  });

  it('does answer NOT_FOUND in both languages when the revision does not exist', async () => {
    const { core } = await tempCoreSignedIn();
    const error = await callError(core, 'revisions.get', { id: 4242 });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('Revision 4242 does not exist.');
    expect(error.messageAr).toBe('النسخة 4242 غير موجودة.');
    core.close();
  });
});

describe('revisions.restore', () => {
  it('does make an old revision the working copy as a new revision and keep every old one', async () => {
    const { core, clock, user } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', { fields: { title: 'الصيغة الأولى', body: newsDoc([LEAD]) } });
    const first = await call(core, 'articles.save', { id: article.id, baseVersion: article.version, patch: { tags: ['مسرح'] }, reason: 'manual' });
    clock.advance(60_000);
    const second = await call(core, 'articles.save', {
      id: article.id,
      baseVersion: first.version,
      patch: { title: 'الصيغة الثانية', tags: [], body: newsDoc([LEAD, QUOTE, CLOSING]) },
      reason: 'manual',
    });
    const before = await call(core, 'revisions.list', { articleId: article.id });
    expect(before).toHaveLength(2);
    const oldest = before.at(-1)!;

    clock.advance(60_000);
    const restored = await call(core, 'revisions.restore', { id: oldest.id, baseVersion: second.version });
    expect(restored.title).toBe('الصيغة الأولى');
    expect(restored.tags).toEqual(['مسرح']);
    expect(docToText(restored.body)).toBe(LEAD);
    expect(restored.version).toBe(second.version + 1);
    expect(await call(core, 'articles.get', { id: article.id })).toMatchObject({ title: 'الصيغة الأولى', version: restored.version });

    const after = await call(core, 'revisions.list', { articleId: article.id });
    expect(after).toHaveLength(3);
    expect(after.slice(1)).toEqual(before);
    expect(after[0]).toMatchObject({ reason: 'restore', actorName: 'مديرة التحرير', title: 'الصيغة الأولى' });
    const restoreAudit = auditActions(core, article.id).filter((entry) => entry.action === 'revision.restore');
    expect(restoreAudit).toHaveLength(1);
    expect(restoreAudit[0]!.actor).toBe(user.id);
    expect(JSON.parse(restoreAudit[0]!.detail!)).toMatchObject({ revisionId: oldest.id, newRevisionId: after[0]!.id });
    core.close();
  });

  it('does record the restore even when the restored text equals the latest revision', async () => {
    const { core, clock } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', { fields: { title: 'خبر', body: newsDoc([LEAD]) } });
    const saved = await call(core, 'articles.save', { id: article.id, baseVersion: article.version, patch: { body: newsDoc([LEAD, QUOTE]) }, reason: 'manual' });
    clock.advance(10_000);
    // An autosave within the interval changes the working copy without a revision.
    const typed = await call(core, 'articles.save', { id: article.id, baseVersion: saved.version, patch: { body: newsDoc([LEAD, QUOTE, 'سطر كُتب خطأً']) }, reason: 'autosave' });
    expect(typed.revisionCreated).toBe(false);
    const [latest] = await call(core, 'revisions.list', { articleId: article.id });
    const restored = await call(core, 'revisions.restore', { id: latest!.id, baseVersion: typed.version });
    expect(docToText(restored.body)).toBe(`${LEAD}\n${QUOTE}`);
    const list = await call(core, 'revisions.list', { articleId: article.id });
    expect(list.map((revision) => revision.reason)).toEqual(['restore', 'manual']);
    core.close();
  });

  it('does refuse a restore based on an old version and leave the text and history untouched', async () => {
    const { core, clock } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', { fields: { title: 'أول', body: newsDoc([LEAD]) } });
    const saved = await call(core, 'articles.save', { id: article.id, baseVersion: article.version, patch: { title: 'ثان' }, reason: 'manual' });
    clock.advance(60_000);
    // Another window saves meanwhile.
    await call(core, 'articles.save', { id: article.id, baseVersion: saved.version, patch: { title: 'ثالث' }, reason: 'autosave' });
    const [revision] = await call(core, 'revisions.list', { articleId: article.id });
    const error = await callError(core, 'revisions.restore', { id: revision!.id, baseVersion: saved.version });
    expect(error.code).toBe('VERSION_CONFLICT');
    expect((await call(core, 'articles.get', { id: article.id })).title).toBe('ثالث');
    expect(await call(core, 'revisions.list', { articleId: article.id })).toHaveLength(1);
    expect(auditActions(core, article.id).some((entry) => entry.action === 'revision.restore')).toBe(false);
    core.close();
  });

  it('does refuse an editor restoring into an article a reviewer holds, and audits the attempt', async () => {
    const { core } = tempCore();
    await signInAs(core, 'مديرة التحرير', 'admin');
    const editor = await signInAs(core, 'سلمى الكاتبة', 'editor');
    const article = await call(core, 'articles.create', { fields: { title: 'تقرير عن المهرجان', body: newsDoc([LEAD]) } });
    const saved = await call(core, 'articles.save', { id: article.id, baseVersion: article.version, patch: { body: newsDoc([LEAD, QUOTE]) }, reason: 'manual' });
    const submitted = await call(core, 'workflow.act', { id: article.id, action: 'submit' });
    expect(saved.version).toBeLessThan(submitted.version);
    await signInAs(core, 'كريم المدقق', 'reviewer');
    const claimed = await call(core, 'workflow.act', { id: article.id, action: 'claim' });
    expect(claimed.status).toBe('in_review');

    await signInAs(core, 'سلمى الكاتبة', 'editor');
    const [revision] = await call(core, 'revisions.list', { articleId: article.id });
    const error = await callError(core, 'revisions.restore', { id: revision!.id, baseVersion: claimed.version });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.messageAr).toMatch(/المقال بين يدي مدقق/);
    expect((await call(core, 'articles.get', { id: article.id })).version).toBe(claimed.version);
    const denied = auditActions(core, article.id).filter((entry) => entry.action === 'denied');
    expect(denied).toHaveLength(1);
    expect(denied[0]!.actor).toBe(editor.user.id);
    expect(JSON.parse(denied[0]!.detail!)).toMatchObject({ channel: 'revisions.restore', role: 'editor' });

    // The reviewer holding it may restore.
    await signInAs(core, 'كريم المدقق', 'reviewer');
    const restored = await call(core, 'revisions.restore', { id: revision!.id, baseVersion: claimed.version });
    expect(docToText(restored.body)).toBe(`${LEAD}\n${QUOTE}`);
    core.close();
  });

  it('does show the editor the word the desk corrected, after submit, claim, edit and approval', async () => {
    const { core, clock } = tempCore();
    await signInAs(core, 'مديرة التحرير', 'admin');
    await signInAs(core, 'سلمى الكاتبة', 'editor');
    const article = await call(core, 'articles.create', { fields: { title: 'تقرير عن المهرجان', body: newsDoc([LEAD, QUOTE]) } });
    await call(core, 'workflow.act', { id: article.id, action: 'submit' });
    clock.advance(60_000);
    await signInAs(core, 'كريم المدقق', 'reviewer');
    const claimed = await call(core, 'workflow.act', { id: article.id, action: 'claim' });
    await call(core, 'articles.save', { id: article.id, baseVersion: claimed.version, patch: { body: newsDoc([LEAD.replace('سبع عشرة', 'ثماني عشرة'), QUOTE]) }, reason: 'autosave' });
    clock.advance(60_000);
    await call(core, 'workflow.act', { id: article.id, action: 'approve' });

    await signInAs(core, 'سلمى الكاتبة', 'editor');
    const diff = await call(core, 'revisions.diff', { articleId: article.id, from: 'lastSubmit', to: 'lastApprove' });
    expect(diff.from).toMatchObject({ reason: 'submit', actorName: 'سلمى الكاتبة' });
    expect(diff.to).toMatchObject({ reason: 'approve', actorName: 'كريم المدقق' });
    expect(diff.body.filter((part) => part.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'سبع' },
      { kind: 'insert', text: 'ثماني' },
    ]);
    core.close();
  });
});
