import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../../electron/core/Core';
import { deskListSql } from '../../../../../electron/core/db/queries/desk';
import type { Article, ArticlePatch } from '../../../../../shared/domain/article';
import { call, deskCore } from './DeskFixture';

async function write(core: Core, title: string, fields: ArticlePatch = {}): Promise<Article> {
  return call(core, 'articles.create', { fields: { title, ...fields } });
}

async function submit(core: Core, article: Article): Promise<Article> {
  return call(core, 'workflow.act', { id: article.id, action: 'submit' });
}

const titles = (list: { items: { title: string }[] }) => list.items.map((item) => item.title);

describe('DeskService', () => {
  it('does order the review queue urgent first, then by nearest deadline with undated last, then oldest submission', async () => {
    const { core, clock, users, as } = await deskCore();
    as(users.editor);
    const plan: [string, ArticlePatch][] = [
      ['عادي بلا موعد، أُرسل أولًا', {}],
      ['عاجل بموعد بعيد', { priority: 'urgent', deadline: '2026-12-05T18:00:00+01:00' }],
      ['عادي بموعد قريب', { deadline: '2026-11-30T20:00:00Z' }],
      ['عاجل بلا موعد', { priority: 'urgent' }],
      // 21:30 in Casablanca is 20:30 UTC: later than the previous deadline although its text sorts first.
      ['عادي بموعد أبعد قليلًا', { deadline: '2026-11-30T21:30:00+01:00' }],
      ['عاجل بموعد قريب', { priority: 'urgent', deadline: '2026-12-01T08:00:00Z' }],
      ['عادي بلا موعد، أُرسل أخيرًا', {}],
    ];
    for (const [title, fields] of plan) {
      await submit(core, await write(core, title, fields));
      clock.advance(60_000);
    }
    await write(core, 'مسودة لم تُرسل', { priority: 'urgent' });

    as(users.reviewer);
    const queue = await call(core, 'desk.list', { view: 'queue' });
    expect(titles(queue)).toEqual([
      'عاجل بموعد قريب',
      'عاجل بموعد بعيد',
      'عاجل بلا موعد',
      'عادي بموعد قريب',
      'عادي بموعد أبعد قليلًا',
      'عادي بلا موعد، أُرسل أولًا',
      'عادي بلا موعد، أُرسل أخيرًا',
    ]);
    expect(queue.total).toBe(7);
    expect(queue.items[0]).toMatchObject({ priority: 'urgent', deadline: '2026-12-01T08:00:00.000Z', authorName: 'سلمى الكاتبة', status: 'submitted' });
    const page = await call(core, 'desk.list', { view: 'queue', limit: 3, offset: 3 });
    expect(titles(page)).toEqual(['عادي بموعد قريب', 'عادي بموعد أبعد قليلًا', 'عادي بلا موعد، أُرسل أولًا']);
    expect(page.total).toBe(7);
    core.close();
  });

  it('does read the review queue from an index, in index order unless a date range narrows it first', async () => {
    const { core } = await deskCore();
    const plan = (sql: string) =>
      core.open.db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all({ me: null, limit: 50, offset: 0, section: 'x', authorId: 'y', title: '%z%', from: 'a', to: 'b' })
        .map((row) => (row as { detail: string }).detail)
        .join(' | ');
    const viewer = { userId: null, admin: false };
    const bare = plan(deskListSql({ view: 'queue', limit: 50, offset: 0 }, viewer).select);
    expect(bare).toMatch(/articles_queue \(status=\?\)/);
    expect(bare).not.toMatch(/TEMP B-TREE/);
    const filtered = plan(deskListSql({ view: 'queue', limit: 50, offset: 0, section: 'x', titleContains: 'z', authorId: 'y' }, viewer).select);
    expect(filtered).toMatch(/articles_queue \(status=\?\)/);
    expect(filtered).not.toMatch(/TEMP B-TREE/);
    // A date range is searched on (status, updated_at) and only the rows in range are sorted.
    const dated = plan(deskListSql({ view: 'queue', limit: 50, offset: 0, from: 'a', to: 'b' }, viewer).select);
    expect(dated).toMatch(/SEARCH a USING INDEX articles_by_status \(status=\? AND updated_at>\? AND updated_at<\?\)/);
    expect(dated).not.toMatch(/SCAN a/);
    expect(plan(deskListSql({ view: 'queue', limit: 50, offset: 0 }, viewer).count)).toMatch(/articles_queue|articles_by_status/);
    core.close();
  });

  it('does show each view its articles and count them', async () => {
    const { core, users, as } = await deskCore();
    as(users.editor);
    const mine = await write(core, 'مسودتي');
    const mySubmitted = await submit(core, await write(core, 'أرسلته للمراجعة'));
    const mySpiked = await write(core, 'ألغيته');
    await call(core, 'workflow.act', { id: mySpiked.id, action: 'spike' });
    as(users.otherEditor);
    const theirs = await submit(core, await write(core, 'خبر زميل'));
    const theirsApproved = await submit(core, await write(core, 'خبر معتمد'));
    const theirsPublished = await submit(core, await write(core, 'خبر منشور'));
    as(users.reviewer);
    await call(core, 'workflow.act', { id: theirs.id, action: 'claim' });
    for (const article of [theirsApproved, theirsPublished]) {
      await call(core, 'workflow.act', { id: article.id, action: 'claim' });
      await call(core, 'workflow.act', { id: article.id, action: 'approve' });
    }
    as(users.otherReviewer);
    await call(core, 'workflow.act', { id: mySubmitted.id, action: 'claim' });
    as(users.admin);
    await call(core, 'workflow.act', { id: theirsPublished.id, action: 'publish' });

    as(users.editor);
    expect(titles(await call(core, 'desk.list', { view: 'mine' })).sort()).toEqual(['أرسلته للمراجعة', 'مسودتي'].sort());
    expect(await call(core, 'desk.counts', {})).toEqual({ mine: 2, queue: 0, inReview: 0, approved: 1, published: 1, spiked: 1, all: 5 });
    expect(titles(await call(core, 'desk.list', { view: 'spiked' }))).toEqual(['ألغيته']);
    expect(titles(await call(core, 'desk.list', { view: 'approved' }))).toEqual(['خبر معتمد']);
    expect(titles(await call(core, 'desk.list', { view: 'published' }))).toEqual(['خبر منشور']);
    expect((await call(core, 'desk.list', { view: 'all' })).total).toBe(5);

    as(users.reviewer);
    expect(titles(await call(core, 'desk.list', { view: 'inReview' }))).toEqual(['خبر زميل']);
    expect((await call(core, 'desk.counts', {})).inReview).toBe(1);
    as(users.otherReviewer);
    expect(titles(await call(core, 'desk.list', { view: 'inReview' }))).toEqual(['أرسلته للمراجعة']);
    as(users.admin);
    expect((await call(core, 'desk.list', { view: 'inReview' })).total).toBe(2);
    const counts = await call(core, 'desk.counts', {});
    expect(counts).toEqual({ mine: 0, queue: 0, inReview: 2, approved: 1, published: 1, spiked: 1, all: 5 });
    expect(mine.status).toBe('draft');
    core.close();
  });

  it('does list scheduled approvals first, next to go out on top', async () => {
    const { core, clock, users, as } = await deskCore();
    const approve = async (title: string, scheduledAt?: string) => {
      as(users.editor);
      const article = await submit(core, await write(core, title));
      as(users.reviewer);
      await call(core, 'workflow.act', { id: article.id, action: 'claim' });
      await call(core, 'workflow.act', { id: article.id, action: 'approve', ...(scheduledAt ? { scheduledAt } : {}) });
      clock.advance(60_000);
    };
    await approve('ينشر فورًا، اعتُمد أولًا');
    await approve('مجدول بعد يومين', '2026-12-02T10:00:00Z');
    await approve('مجدول غدًا', '2026-12-01T10:00:00Z');
    await approve('ينشر فورًا، اعتُمد أخيرًا');
    expect(titles(await call(core, 'desk.list', { view: 'approved' }))).toEqual(['مجدول غدًا', 'مجدول بعد يومين', 'ينشر فورًا، اعتُمد أخيرًا', 'ينشر فورًا، اعتُمد أولًا']);
    core.close();
  });

  it('does filter by section, author, title and last-change dates with bound parameters', async () => {
    const { core, clock, users, as } = await deskCore();
    as(users.editor);
    await write(core, 'ميزانية الجماعة', { section: 'اقتصاد' });
    clock.advance(86_400_000);
    as(users.editor); // a day later: sign in again after the idle lock
    await write(core, 'نتيجة المباراة', { section: 'رياضة' });
    clock.advance(86_400_000);
    as(users.otherEditor);
    await write(core, "سوق الجملة 100% o'clock", { section: 'اقتصاد' });

    as(users.admin);
    expect(titles(await call(core, 'desk.list', { view: 'all', section: 'اقتصاد' })).sort()).toEqual(["سوق الجملة 100% o'clock", 'ميزانية الجماعة'].sort());
    expect(titles(await call(core, 'desk.list', { view: 'all', authorId: users.otherEditor.id }))).toEqual(["سوق الجملة 100% o'clock"]);
    expect(titles(await call(core, 'desk.list', { view: 'all', query: 'المباراة' }))).toEqual(['نتيجة المباراة']);
    expect(titles(await call(core, 'desk.list', { view: 'all', query: "100% o'" }))).toEqual(["سوق الجملة 100% o'clock"]);
    expect((await call(core, 'desk.list', { view: 'all', query: '%' })).total).toBe(1);
    // 2026-12-01 10:00 UTC is the second article; +01:00 offsets are compared in UTC.
    const day = await call(core, 'desk.list', { view: 'all', from: '2026-12-01T10:30:00+01:00', to: '2026-12-01T11:30:00+01:00' });
    expect(titles(day)).toEqual(['نتيجة المباراة']);
    expect(titles(await call(core, 'desk.list', { view: 'all', from: '2026-12-01T00:00:00Z' }))).toEqual(["سوق الجملة 100% o'clock", 'نتيجة المباراة']);
    expect((await call(core, 'desk.list', { view: 'all', section: "'; DROP TABLE articles; --" })).total).toBe(0);
    expect((await call(core, 'desk.list', { view: 'all' })).total).toBe(3);
    core.close();
  });

  it('does list the enabled people with their roles', async () => {
    const { core, users, as } = await deskCore();
    as(users.admin);
    await call(core, 'users.update', { id: users.otherEditor.id, disabled: true });
    as(users.editor);
    const people = await call(core, 'desk.people', {});
    expect(people.map((person) => [person.name, person.role]).sort()).toEqual(
      [
        ['مديرة التحرير', 'admin'],
        ['سلمى الكاتبة', 'editor'],
        ['يوسف المدقق', 'reviewer'],
        ['ليلى المراجعة', 'reviewer'],
      ].sort(),
    );
    core.close();
  });

  it('does keep articles.list working beside the desk views', async () => {
    const { core, users, as } = await deskCore();
    as(users.editor);
    const article = await write(core, 'قائمة قديمة');
    await submit(core, article);
    expect(titles(await call(core, 'articles.list', {}))).toEqual(['قائمة قديمة']);
    expect(titles(await call(core, 'articles.list', { status: 'submitted' }))).toEqual(['قائمة قديمة']);
    core.close();
  });
});
