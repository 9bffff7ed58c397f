import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../../electron/core/Core';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import type { Channel, RequestOf, ResponseOf } from '../../../../../shared/ipc/contract';
import type { Result } from '../../../../../shared/errors';
import { NEWS_PARAGRAPHS, NEWS_TITLE, newsDoc } from '../../../../fixtures/arabicNews';
import { signInAs, tempCoreSignedIn } from '../../../../support/tempCore';


async function call<C extends Channel>(core: Core, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await dispatch(core, channel, request, core.sessionContext(), { validateResponses: true })) as Result<ResponseOf<C>>;
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value;
}

async function callError(core: Core, channel: Channel, request: unknown): Promise<{ code: string; message: string; messageAr: string }> {
  const result = await dispatch(core, channel, request, core.sessionContext());
  if (result.ok) throw new Error(`expected ${channel} to fail`);
  return result.error;
}

describe('ArticleService', () => {
  it('does store a new draft with cleaned metadata and derived counts', async () => {
    const { core } = await tempCoreSignedIn();
    const created = await call(core, 'articles.create', { fields: { title: `\u202B${NEWS_TITLE}\u202C`, slug: 'خطة\u2067 الماء \u2069الجديدة', body: newsDoc() } });
    expect(created.status).toBe('draft');
    expect(created.title).toBe(NEWS_TITLE);
    expect(created.slug).toBe('خطة-الماء-الجديدة');
    expect(created.wordCount).toBeGreaterThan(80);
    expect(created.bodyHtml).toContain('<p dir="rtl">صادق مجلس المدينة،');
    const fetched = await call(core, 'articles.get', { id: created.id });
    expect(fetched.body).toEqual(newsDoc());
    core.close();
  });

  it('does list articles last-changed first and filter them by title', async () => {
    const { core, clock } = await tempCoreSignedIn();
    const first = await call(core, 'articles.create', { fields: { title: 'الانتخابات الجماعية المقبلة' } });
    clock.advance(1000);
    const second = await call(core, 'articles.create', { fields: { title: 'موسم الحصاد في سهل سايس' } });
    clock.advance(1000);
    await call(core, 'articles.save', { id: first.id, baseVersion: first.version, patch: { subtitle: 'تحديث' }, reason: 'autosave' });
    const all = await call(core, 'articles.list', {});
    expect(all.items.map((item) => item.id)).toEqual([first.id, second.id]);
    const filtered = await call(core, 'articles.list', { query: 'الحصاد' });
    expect(filtered.items.map((item) => item.title)).toEqual(['موسم الحصاد في سهل سايس']);
    const percent = await call(core, 'articles.list', { query: '%' });
    expect(percent.total).toBe(0);
    core.close();
  });

  it('does refuse a save based on an old version and keep the newer text', async () => {
    const { core } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', {});
    const windowA = await call(core, 'articles.save', { id: article.id, baseVersion: 1, patch: { title: 'نسخة النافذة الأولى' }, reason: 'autosave' });
    expect(windowA.version).toBe(2);
    const conflict = await callError(core, 'articles.save', { id: article.id, baseVersion: 1, patch: { title: 'نسخة النافذة الثانية' }, reason: 'autosave' });
    expect(conflict.code).toBe('VERSION_CONFLICT');
    expect(conflict.message).toMatch(/changed elsewhere/);
    expect(conflict.messageAr).toMatch(/تغيّر هذا المقال/);
    expect((await call(core, 'articles.get', { id: article.id })).title).toBe('نسخة النافذة الأولى');
    core.close();
  });

  it('does keep one revision per interval of continuous autosaves and one per manual save', async () => {
    const { core, clock } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', {});
    let version = article.version;
    let text = '';
    const revisionsCreated: boolean[] = [];
    // Ten minutes of typing, one autosave every second: 600 saves.
    for (let second = 0; second < 600; second += 1) {
      text += second % 7 === 0 ? ' خبر' : 'ا';
      const saved = await call(core, 'articles.save', { id: article.id, baseVersion: version, patch: { body: newsDoc([text.trim() || 'ا']) }, reason: 'autosave' });
      version = saved.version;
      revisionsCreated.push(saved.revisionCreated);
      clock.advance(1000);
    }
    // First save, then one every five minutes: at 0 s, 300 s.
    expect(revisionsCreated.filter(Boolean).length).toBe(2);
    const manual = await call(core, 'articles.save', { id: article.id, baseVersion: version, patch: {}, reason: 'manual' });
    expect(manual.revisionCreated).toBe(true);
    const again = await call(core, 'articles.save', { id: article.id, baseVersion: version, patch: {}, reason: 'manual' });
    expect(again.revisionCreated).toBe(false);
    const revisions = await call(core, 'revisions.list', { articleId: article.id });
    expect(revisions.map((revision) => revision.reason)).toEqual(['manual', 'autosave', 'autosave']);
    core.close();
  });

  it('does not bump the version when nothing changed', async () => {
    const { core } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', { fields: { title: 'ثابت' } });
    const saved = await call(core, 'articles.save', { id: article.id, baseVersion: 1, patch: { title: 'ثابت' }, reason: 'autosave' });
    expect(saved.version).toBe(1);
    core.close();
  });

  it('does spike an article out of the list and restore it to its previous state', async () => {
    const { core } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', { fields: { title: 'خبر للإلغاء' } });
    const spiked = await call(core, 'articles.spike', { id: article.id });
    expect(spiked.status).toBe('spiked');
    expect((await call(core, 'articles.list', {})).total).toBe(0);
    expect((await call(core, 'articles.list', { includeSpiked: true })).total).toBe(1);
    const refused = await callError(core, 'articles.save', { id: article.id, baseVersion: spiked.version, patch: { title: 'x' }, reason: 'autosave' });
    expect(refused.code).toBe('FORBIDDEN');
    const restored = await call(core, 'articles.restore', { id: article.id });
    expect(restored.status).toBe('draft');
    const audit = core.open.db.prepare('SELECT action FROM audit WHERE article_id = ? ORDER BY id').pluck().all(article.id);
    expect(audit).toEqual(['article.create', 'article.spike', 'denied', 'article.restore']);
    expect(() => core.open.db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    core.close();
  });

  it('does refuse a body with a javascript: link, an unknown node or an image that is not stored', async () => {
    const { core } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', {});
    const bodies = [
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'انقر', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
      { type: 'doc', content: [{ type: 'script', content: [] }] },
      { type: 'doc', content: [{ type: 'image', attrs: { hash: 'a'.repeat(64), alt: '' } }] },
      { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: 'sideways' } }] },
    ];
    for (const body of bodies) {
      const error = await callError(core, 'articles.save', { id: article.id, baseVersion: 1, patch: { body }, reason: 'autosave' });
      expect(error.code).toBe('VALIDATION');
    }
    expect((await call(core, 'articles.get', { id: article.id })).version).toBe(1);
    core.close();
  });

  it('does report a full disk as DISK_FULL, keep the stored text, and save again once there is room', async () => {
    const { core } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', { fields: { body: newsDoc() } });
    const db = core.open.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const big = newsDoc(Array.from({ length: 400 }, (_, index) => `${NEWS_PARAGRAPHS[index % NEWS_PARAGRAPHS.length]} (${index})`));
    const error = await callError(core, 'articles.save', { id: article.id, baseVersion: 1, patch: { body: big }, reason: 'autosave' });
    expect(error.code).toBe('DISK_FULL');
    expect(error.messageAr).toMatch(/ممتلئ/);
    expect((await call(core, 'articles.get', { id: article.id })).body).toEqual(newsDoc());
    db.pragma('max_page_count = 1073741823');
    const saved = await call(core, 'articles.save', { id: article.id, baseVersion: 1, patch: { body: big }, reason: 'autosave' });
    expect(saved.version).toBe(2);
    expect((await call(core, 'articles.get', { id: article.id })).body).toEqual(big);
    core.close();
  });
});

describe('ArticleService when the file cannot be written', () => {
  it('does report a database locked by another program as DB_BUSY and save once it is released', async () => {
    const { core } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', { fields: { title: 'قبل القفل' } });
    core.open.db.pragma('busy_timeout = 50');
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(core.databaseFile);
    other.exec('BEGIN EXCLUSIVE');
    const error = await callError(core, 'articles.save', { id: article.id, baseVersion: 1, patch: { title: 'أثناء القفل' }, reason: 'autosave' });
    expect(error.code).toBe('DB_BUSY');
    expect(error.messageAr).toMatch(/مقفل/);
    other.exec('ROLLBACK');
    other.close();
    const saved = await call(core, 'articles.save', { id: article.id, baseVersion: 1, patch: { title: 'بعد القفل' }, reason: 'autosave' });
    expect(saved.version).toBe(2);
    core.close();
  });

  it('does report a read-only database as DB_READONLY and save once it is writable again', async () => {
    const { core } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', { fields: { title: 'قبل' } });
    core.open.db.pragma('query_only = 1');
    const error = await callError(core, 'articles.save', { id: article.id, baseVersion: 1, patch: { title: 'بعد' }, reason: 'autosave' });
    expect(error.code).toBe('DB_READONLY');
    expect(error.message).toMatch(/cannot be written/);
    core.open.db.pragma('query_only = 0');
    expect((await call(core, 'articles.save', { id: article.id, baseVersion: 1, patch: { title: 'بعد' }, reason: 'autosave' })).version).toBe(2);
    core.close();
  });
});

describe('newsroom settings', () => {
  it('does refuse an editor who tries to switch on self-approval, and audit it, while letting her change the language', async () => {
    const { core } = await tempCoreSignedIn();
    await signInAs(core, 'كاتبة', 'editor');
    const refused = await callError(core, 'settings.update', { allowSelfApproval: true });
    expect(refused.code).toBe('FORBIDDEN');
    expect(core.open.settings.get().allowSelfApproval).toBe(false);
    const denied = core.open.db.prepare("SELECT count(*) FROM audit WHERE action = 'denied'").pluck().get();
    expect(denied).toBe(1);
    // Sending the unchanged newsroom values along with a language change is fine (the dialog sends every field).
    const settings = await call(core, 'settings.update', { language: 'en', idleLockMinutes: 15, allowSelfApproval: false });
    expect(settings.language).toBe('en');
    core.close();
  });
});

describe('priority and deadline', () => {
  it('does store a change of priority or deadline made on its own', async () => {
    const { core } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', { fields: { title: 'خبر عاجل عن الطقس' } });
    const saved = await call(core, 'articles.save', { id: article.id, baseVersion: 1, patch: { priority: 'urgent', deadline: '2026-12-01T09:00:00Z' }, reason: 'autosave' });
    expect(saved.version).toBe(2);
    const reread = await call(core, 'articles.get', { id: article.id });
    expect(reread.priority).toBe('urgent');
    expect(reread.deadline).toBe('2026-12-01T09:00:00.000Z');
    core.close();
  });
});
