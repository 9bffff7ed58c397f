import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../../electron/core/Core';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import type { Result } from '../../../../../shared/errors';
import type { Channel, RequestOf, ResponseOf } from '../../../../../shared/ipc/contract';
import { encodedLength } from '../../../../../shared/text/slug';
import { tempCoreSignedIn } from '../../../../support/tempCore';
import { syncWorld } from '../sync/syncFixture';

async function call<C extends Channel>(core: Core, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await dispatch(core, channel, request, core.sessionContext(), { validateResponses: true })) as Result<ResponseOf<C>>;
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value;
}

async function retitle(core: Core, id: string, title: string) {
  const current = await call(core, 'articles.get', { id });
  await call(core, 'articles.save', { id, baseVersion: current.version, patch: { title }, reason: 'autosave' });
  return call(core, 'articles.get', { id });
}

describe('ArticleService slugs', () => {
  it('does make the slug from the title and follow the title until the user edits the slug', async () => {
    const { core } = await tempCoreSignedIn();
    const created = await call(core, 'articles.create', { fields: { title: 'خطة لتجديد شبكة الماء' } });
    expect(created.slug).toBe('خطة-لتجديد-شبكة-الماء');
    const retitled = await retitle(core, created.id, 'المجلس يصادق على خطة الماء');
    expect(retitled.slug).toBe('المجلس-يصادق-على-خطة-الماء');

    await call(core, 'articles.save', { id: created.id, baseVersion: retitled.version, patch: { slug: 'خطة الماء 2027' }, reason: 'autosave' });
    const edited = await retitle(core, created.id, 'عنوان آخر تماما');
    expect(edited.slug).toBe('خطة-الماء-2027');

    // Emptying the slug hands it back to the title.
    await call(core, 'articles.save', { id: created.id, baseVersion: edited.version, patch: { slug: '' }, reason: 'autosave' });
    expect((await call(core, 'articles.get', { id: created.id })).slug).toBe('عنوان-آخر-تماما');
    core.close();
  });

  it('does keep a typed slug that looks like the title’s slug with a number, and let a -2 slug Midad made follow the title', async () => {
    const { core } = await tempCoreSignedIn();
    const summit = await call(core, 'articles.create', { fields: { title: 'قمة الرباط' } });
    const current = await call(core, 'articles.get', { id: summit.id });
    await call(core, 'articles.save', { id: summit.id, baseVersion: current.version, patch: { slug: 'قمة-الرباط-2026' }, reason: 'autosave' });
    expect((await retitle(core, summit.id, 'قمة الرباط تختتم أعمالها')).slug).toBe('قمة-الرباط-2026');

    const twin = await call(core, 'articles.create', { fields: { title: 'قمة الرباط تختتم أعمالها' } });
    expect(twin.slug).toBe('قمة-الرباط-تختتم-أعمالها');
    const copy = await call(core, 'articles.create', { fields: { title: 'قمة الرباط تختتم أعمالها' } });
    expect(copy.slug).toBe('قمة-الرباط-تختتم-أعمالها-2');
    expect((await retitle(core, copy.id, 'البيان الختامي لقمة الرباط')).slug).toBe('البيان-الختامي-لقمة-الرباط');
    core.close();
  });

  it('does keep slugs unique among local articles with -2, -3', async () => {
    const { core } = await tempCoreSignedIn();
    const first = await call(core, 'articles.create', { fields: { title: 'نتائج الانتخابات الجماعية' } });
    const second = await call(core, 'articles.create', { fields: { title: 'نتائج الانتخابات الجماعية' } });
    const third = await call(core, 'articles.create', { fields: { title: 'نتائج  الانتخابات، الجماعية!' } });
    expect([first.slug, second.slug, third.slug]).toEqual(['نتائج-الانتخابات-الجماعية', 'نتائج-الانتخابات-الجماعية-2', 'نتائج-الانتخابات-الجماعية-3']);
    // A typed duplicate is made unique too; an article keeps its own slug when saved again.
    const fourth = await call(core, 'articles.create', { fields: { title: 'خبر', slug: 'نتائج-الانتخابات-الجماعية' } });
    expect(fourth.slug).toBe('نتائج-الانتخابات-الجماعية-4');
    const again = await retitle(core, first.id, 'نتائج الانتخابات الجماعية');
    expect(again.slug).toBe('نتائج-الانتخابات-الجماعية');
    core.close();
  });

  it('does follow the newsroom style, and keep a long slug within WordPress limits', async () => {
    const { core } = await tempCoreSignedIn();
    core.open.settings.update({ slugStyle: 'latin' });
    const latin = await call(core, 'articles.create', { fields: { title: 'مَجلس المدينـة يصادق على ميزانية ٢٠٢٧' } });
    expect(latin.slug).toBe('mjls-almdina-ysadq-ala-mizanya-2027');
    // Switching the style: a slug still made from the title follows the title in the new style.
    core.open.settings.update({ slugStyle: 'arabic' });
    const arabic = await retitle(core, latin.id, 'مجلس المدينة يصادق على ميزانية 2028');
    expect(arabic.slug).toBe('مجلس-المدينة-يصادق-على-ميزانية-2028');

    const long = Array.from({ length: 40 }, (_, index) => `الكلمة${index}`).join(' ');
    const created = await call(core, 'articles.create', { fields: { title: long } });
    expect(encodedLength(created.slug)).toBeLessThanOrEqual(180);
    expect(created.slug).toMatch(/^الكلمة0-الكلمة1-.*-الكلمة\d+$/);
    core.close();
  });

  it('does send the article’s own generated slug to WordPress, with the marker, in either style', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    const arabic = await world.approvedArticle();
    // 32 Arabic letters would pass 180 encoded bytes: cut after the last whole word that fits.
    expect(arabic.slug).toBe('ارتفاع-أسعار-القمح-في-الأسواق');
    world.core.open.settings.update({ slugStyle: 'latin' });
    const latin = await world.approvedArticle({ title: 'موسم الحصاد في سهل سايس' });
    expect(latin.slug).toBe('musm-alhsad-fi-shl-sais');
    await world.core.open.outbox.runOnce();
    const sent = [...wp.server.posts.values()].map((post) => post.slug).sort();
    const marker = (id: string) => `m${id.replace(/-/g, '').slice(0, 8)}`;
    expect(sent).toEqual([`${arabic.slug}-${marker(arabic.id)}`, `${latin.slug}-${marker(latin.id)}`].sort());
    for (const slug of sent) expect(encodedLength(slug)).toBeLessThanOrEqual(200);
  });
});
