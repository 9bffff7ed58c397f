import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../electron/core/Core';
import type { CallContext } from '../../../../../electron/core/CallContext';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import { migrate } from '../../../../../electron/core/db/migrate';
import { migrations } from '../../../../../electron/core/db/migrations';
import { registerSearchFunctions } from '../../../../../electron/core/search/searchText';
import type { DocNode } from '../../../../../shared/editor/docSchema';
import type { SearchHit } from '../../../../../shared/ipc/channels/search';
import { normalizeArabic } from '../../../../../shared/text/normalize';
import { arabicArticleDoc } from '../../../../fixtures/arabicArticle';
import { NEWS_KICKER, NEWS_PARAGRAPHS, NEWS_TITLE, newsDoc } from '../../../../fixtures/arabicNews';
import { signInAs, tempCore, tempCoreSignedIn } from '../../../../support/tempCore';

/** News written for these tests: an election story, vowelled in places, with clitic forms. */
const ELECTION_TITLE = 'الحكومة تحدد موعد الانتخابات التشريعية المقبلة';
const ELECTION_BODY = [
  'أعلن رئيس الحكـــومة، مساء الإثنين، أن الاقتراع سيُجرى في السابع من سبتمبر ٢٠٢٦، بعد مشاورات مع الأحزاب الممثلة في البرلمان.',
  'وَقَالَ إِنَّ الْمَجْلِسَ الدُّسْتُورِيَّ سَيَنْظُرُ فِي الطُّعُونِ خِلالَ أُسْبُوعَيْنِ مِنْ إِعْلانِ النَّتَائِجِ.',
  'وتستعد الأحزاب للحملة منذ أشهر، فيما دعت جمعيات إلى تسجيل الشباب في اللوائح قبل نهاية الشهر.',
];
const CLITIC_BODIES: Record<string, string> = {
  plain: 'تستعد المدن الصغيرة لتنظيم انتخابات جماعية جزئية في الربيع.',
  wa: 'وتطالب المعارضة بمراقبين مستقلين، والانتخابات المحلية على الأبواب.',
  bi: 'وندد حزب صغير بما سماه التلاعب بالانتخابات في دائرتين قرويتين.',
  lil: 'وخصصت الداخلية ميزانية إضافية للانتخابات، تشمل تجهيز مكاتب الاقتراع.',
};

function doc(paragraphs: readonly string[]): DocNode {
  return newsDoc(paragraphs);
}

let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

async function setup() {
  const made = await tempCoreSignedIn();
  core = made.core;
  const { articles } = made.core.open;
  const create = (fields: Parameters<typeof articles.create>[1]) => articles.create(made.ctx, fields).id;
  const ids = {
    election: create({ title: ELECTION_TITLE, subtitle: 'بعد مشاورات مع الأحزاب', body: doc(ELECTION_BODY), section: 'سياسة', byline: 'سلمى العلوي' }),
    water: create({ title: NEWS_TITLE, subtitle: NEWS_KICKER, body: doc(NEWS_PARAGRAPHS), section: 'مجتمع', byline: 'كريم بناني', tags: ['الماء', 'البنية التحتية'] }),
    plain: create({ title: 'المدن الصغيرة', body: doc([CLITIC_BODIES.plain!]), section: 'جهات' }),
    wa: create({ title: 'المعارضة تطالب بمراقبين', body: doc([CLITIC_BODIES.wa!]), section: 'سياسة' }),
    bi: create({ title: 'حزب صغير يندد', body: doc([CLITIC_BODIES.bi!]), section: 'سياسة' }),
    lil: create({ title: 'ميزانية إضافية', body: doc([CLITIC_BODIES.lil!]), section: 'اقتصاد' }),
    short: create({ title: 'حكاية قصيرة', body: doc(['عاد الولد إلى البلد بعد غياب طويل، وقال: هذا بلد جميل وهذا ولد طيب.']), section: 'ثقافة' }),
  };
  return { ...made, ids };
}

function search(ctx: CallContext, query: string, filters: Record<string, unknown> = {}, limit = 50) {
  return core!.open.search.query(ctx, { query, filters, limit });
}

function highlighted(hit: SearchHit): string[] {
  return hit.highlights.map(([start, end]) => hit.snippet.slice(start, end));
}

describe('SearchService: Arabic normalization', () => {
  it('does find unvowelled text with a vowelled query', async () => {
    const { ctx, ids } = await setup();
    const result = search(ctx, 'مَجْلِسُ المَدِينَةِ');
    expect(result.hits.map((hit) => hit.id)).toEqual([ids.water]);
  });

  it('does find vowelled text with an unvowelled query and highlights the word as written, harakat included', async () => {
    const { ctx, ids } = await setup();
    const result = search(ctx, 'المجلس الدستوري');
    expect(result.hits.map((hit) => hit.id)).toEqual([ids.election]);
    expect(highlighted(result.hits[0]!)).toEqual(['الْمَجْلِسَ', 'الدُّسْتُورِيَّ']);
  });

  it('does find a word written with tatweel and hamza forms, and Arabic-Indic digits with Western ones', async () => {
    const { ctx, ids } = await setup();
    const tatweel = search(ctx, 'الحكومه');
    expect(tatweel.hits.map((hit) => hit.id)).toEqual([ids.election]);
    expect(highlighted(tatweel.hits[0]!)).toContain('الحكـــومة');
    expect(search(ctx, '2026').hits.map((hit) => hit.id)).toEqual([ids.election]);
    expect(search(ctx, 'اعلن').hits.map((hit) => hit.id)).toEqual([ids.election]);
  });
});

describe('SearchService: clitics, phrases, prefixes', () => {
  it('does find انتخابات in الانتخابات، والانتخابات، بالانتخابات، للانتخابات', async () => {
    const { ctx, ids } = await setup();
    const result = search(ctx, 'انتخابات');
    expect(new Set(result.hits.map((hit) => hit.id))).toEqual(new Set([ids.election, ids.plain, ids.wa, ids.bi, ids.lil]));
    const byId = new Map(result.hits.map((hit) => [hit.id, highlighted(hit)]));
    expect(byId.get(ids.wa)).toEqual(['والانتخابات']);
    expect(byId.get(ids.bi)).toEqual(['بالانتخابات']);
    expect(byId.get(ids.lil)).toEqual(['للانتخابات']);
    expect(byId.get(ids.plain)).toEqual(['انتخابات']);
  });

  it('does find the clitic forms from a query with the article too', async () => {
    const { ctx, ids } = await setup();
    const result = search(ctx, 'الانتخابات');
    expect(new Set(result.hits.map((hit) => hit.id))).toEqual(new Set([ids.election, ids.plain, ids.wa, ids.bi, ids.lil]));
  });

  it('does keep short words whole: بلد and ولد find themselves, not البلدية', async () => {
    const { ctx, ids, core: c } = await setup();
    c.open.articles.create(ctx, { title: 'المجلس البلدي', body: doc(['اجتمع المجلس البلدي لمناقشة الميزانية.']) });
    expect(search(ctx, 'بلد').hits.map((hit) => hit.id)).toEqual([ids.short]);
    expect(search(ctx, 'ولد').hits.map((hit) => hit.id)).toEqual([ids.short]);
  });

  it('does match a quoted phrase only with its words adjacent and in order', async () => {
    const { ctx, ids } = await setup();
    const result = search(ctx, '"الماء الصالح للشرب"');
    expect(result.hits.map((hit) => hit.id)).toEqual([ids.water]);
    expect(highlighted(result.hits[0]!)[0]).toBe('الماء الصالح للشرب');
    expect(search(ctx, '«الصالح الماء»').hits).toEqual([]);
  });

  it('does find words by prefix with a star, and only with it', async () => {
    const { ctx, ids } = await setup();
    const result = search(ctx, 'انتخا*');
    expect(new Set(result.hits.map((hit) => hit.id))).toEqual(new Set([ids.election, ids.plain, ids.wa, ids.bi, ids.lil]));
    expect(search(ctx, 'انتخا').hits).toEqual([]);
  });

  it('does require every plain word (AND)', async () => {
    const { ctx, ids } = await setup();
    expect(search(ctx, 'انتخابات المعارضة').hits.map((hit) => hit.id)).toEqual([ids.wa]);
    expect(search(ctx, 'انتخابات الماء').hits).toEqual([]);
  });

  it('does answer nothing, not an error, for punctuation or FTS syntax typed by the user', async () => {
    const { ctx, ids } = await setup();
    for (const query of ['', '   ', '؟!،.', '"', '***', '()', '-', 'NEAR(', ':', '^']) {
      expect(search(ctx, query)).toEqual({ total: 0, hits: [] });
    }
    // Operators are words like any other: "OR" must be in the text too.
    expect(search(ctx, 'الماء OR').hits.map((hit) => hit.id)).toEqual([]);
    expect(search(ctx, 'الماء "').hits.map((hit) => hit.id)).toEqual([ids.water]);
    expect(search(ctx, '"الماء الصالح').hits.map((hit) => hit.id)).toEqual([ids.water]);
    expect(search(ctx, 'title:الماء').hits).toEqual([]);
    expect(search(ctx, '{body}: الماء*').hits.map((hit) => hit.id)).toEqual([]);
  });
});

describe('SearchService: hostile input', () => {
  it('does never fail on random mixes of FTS5 syntax, punctuation and Arabic', async () => {
    const { ctx } = await setup();
    const pieces = ['"', '*', '(', ')', '{', '}', ':', '^', '-', '+', ' ', 'NEAR', 'OR', 'AND', 'NOT', '«', '»', '؟', '،', 'ال', 'انتخابات', 'ـ', 'ً', '\u200f', '0', '٣', 'é', "'", '\\', '%', '_'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let run = 0; run < 300; run += 1) {
      let query = '';
      const length = 1 + Math.floor(next() * 12);
      for (let index = 0; index < length; index += 1) query += pieces[Math.floor(next() * pieces.length)];
      expect(() => search(ctx, query), query).not.toThrow();
    }
  });
});

describe('SearchService: ranking, snippets, filters', () => {
  it('does rank a title match above a body match', async () => {
    const { ctx, ids, core: c } = await setup();
    const bodyOnly = c.open.articles.create(ctx, {
      title: 'جولة في الأسواق',
      body: doc(['تحدث التجار عن الحكومة وعن الأسعار، وقال أحدهم إن الحكومة وعدت بالدعم.']),
    }).id;
    const result = search(ctx, 'الحكومة');
    expect(result.hits.map((hit) => hit.id)).toEqual([ids.election, bodyOnly]);
    expect(result.hits[0]!.rank).toBeLessThan(result.hits[1]!.rank);
  });

  it('does give the body offset of the match, and null when only the title matches', async () => {
    const { ctx, ids, core: c } = await setup();
    const [hit] = search(ctx, 'الطعون').hits;
    expect(hit!.id).toBe(ids.election);
    const bodyText = c.open.db.prepare('SELECT body_text FROM articles WHERE id = ?').pluck().get(ids.election) as string;
    expect(bodyText.slice(hit!.bodyOffset!, hit!.bodyOffset! + hit!.bodyLength!)).toBe('الطُّعُونِ');
    expect(hit!.field).toBe('body');
    const [titleHit] = search(ctx, 'تحدد').hits;
    expect(titleHit).toMatchObject({ id: ids.election, field: 'title', bodyOffset: null, snippet: ELECTION_TITLE });
    expect(highlighted(titleHit!)).toEqual(['تحدد']);
  });

  it('does filter by status (spiked only when asked), section, author or byline, and date', async () => {
    const made = await setup();
    const { ctx, ids, clock } = made;
    const { db, articles } = made.core.open;
    db.prepare("UPDATE articles SET status = 'published' WHERE id = ?").run(ids.wa);
    expect(search(ctx, 'انتخابات', { status: ['published'] }).hits.map((hit) => hit.id)).toEqual([ids.wa]);
    expect(search(ctx, 'انتخابات', { section: 'سياسة' }).hits.map((hit) => hit.id).sort()).toEqual([ids.election, ids.wa, ids.bi].sort());
    expect(search(ctx, 'انتخابات', { author: 'سلمى' }).hits.map((hit) => hit.id)).toEqual([ids.election]);
    expect(search(ctx, 'انتخابات', { author: 'مديرة' }).hits).toHaveLength(5);
    clock.advance(3 * 24 * 3600_000);
    const later = articles.create(ctx, { title: 'انتخابات جزئية', body: doc(['تجرى انتخابات جزئية في دائرة واحدة.']) }).id;
    expect(search(ctx, 'انتخابات', { from: '2026-12-02T00:00:00+01:00' }).hits.map((hit) => hit.id)).toEqual([later]);
    expect(search(ctx, 'انتخابات', { to: '2026-12-01T00:00:00Z' }).hits).toHaveLength(5);
    articles.spike(ctx, ids.lil);
    expect(search(ctx, 'انتخابات').hits.map((hit) => hit.id)).not.toContain(ids.lil);
    expect(search(ctx, 'انتخابات', { status: ['spiked'] }).hits.map((hit) => hit.id)).toEqual([ids.lil]);
  });

  it('does page the results and count them', async () => {
    const { ctx } = await setup();
    const first = core!.open.search.query(ctx, { query: 'انتخابات', limit: 2, offset: 0 });
    const second = core!.open.search.query(ctx, { query: 'انتخابات', limit: 2, offset: 2 });
    expect(first.total).toBe(5);
    expect(second.total).toBe(5);
    expect(new Set([...first.hits, ...second.hits].map((hit) => hit.id)).size).toBe(4);
  });
});

describe('SearchService: index kept in the same transaction as saves', () => {
  it('does find a saved word at once, forget a removed one, and forget a deleted article', async () => {
    const { ctx, ids, core: c } = await setup();
    const { articles, db } = c.open;
    const before = articles.get(ctx, ids.plain);
    articles.save(ctx, ids.plain, before.version, { body: doc(['أعلنت الجامعة عن منحة جديدة للطلبة المتفوقين.']) }, 'autosave');
    expect(search(ctx, 'منحة').hits.map((hit) => hit.id)).toEqual([ids.plain]);
    expect(search(ctx, 'انتخابات').hits.map((hit) => hit.id)).not.toContain(ids.plain);
    articles.save(ctx, ids.plain, before.version + 1, { title: 'منحة للطلبة المتفوقين' }, 'autosave');
    expect(search(ctx, 'المتفوقين').hits[0]!.id).toBe(ids.plain);
    db.prepare('DELETE FROM view_state WHERE article_id = ?').run(ids.plain);
    db.prepare('DELETE FROM revisions WHERE article_id = ?').run(ids.plain);
    db.prepare('DELETE FROM articles WHERE id = ?').run(ids.plain);
    expect(search(ctx, 'منحة').hits).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(6);
  });

  it('does leave the index unchanged when the transaction holding a save fails', async () => {
    const { ctx, ids, core: c } = await setup();
    const { articles, db } = c.open;
    const version = articles.get(ctx, ids.water).version;
    expect(() =>
      db.transaction(() => {
        articles.save(ctx, ids.water, version, { body: doc(['نص جديد عن القطار السريع.']) }, 'manual');
        expect(search(ctx, 'القطار').hits.map((hit) => hit.id)).toEqual([ids.water]);
        throw new Error('disk full');
      })(),
    ).toThrow('disk full');
    expect(search(ctx, 'القطار').hits).toEqual([]);
    expect(search(ctx, 'الصالح').hits.map((hit) => hit.id)).toEqual([ids.water]);
    // A save refused by the version check changes nothing either.
    expect(() => articles.save(ctx, ids.water, version + 5, { body: doc(['القطار السريع']) }, 'manual')).toThrow();
    expect(search(ctx, 'القطار').hits).toEqual([]);
  });

  it('does not touch the index on a status-only change', async () => {
    const { ctx, ids, core: c } = await setup();
    const { db } = c.open;
    const docsBefore = db.prepare('SELECT doc FROM search_docs WHERE article_id = ?').pluck().get(ids.bi);
    c.open.articles.spike(ctx, ids.bi);
    c.open.articles.restore(ctx, ids.bi);
    expect(db.prepare('SELECT doc FROM search_docs WHERE article_id = ?').pluck().get(ids.bi)).toBe(docsBefore);
    expect(search(ctx, 'بالانتخابات').hits.map((hit) => hit.id)).toContain(ids.bi);
  });
});

describe('SearchService: who sees what', () => {
  it('does show an editor the articles the lists show them, and refuse a caller who is not signed in', async () => {
    const { ids, core: c } = await setup();
    const { ctx: editor } = await signInAs(c, 'ليلى المحررة', 'editor');
    const listed = c.open.articles.list({}).items.map((item) => item.id);
    const found = search(editor, 'انتخابات').hits.map((hit) => hit.id);
    expect(found.every((id) => listed.includes(id))).toBe(true);
    expect(found).toContain(ids.election);
    c.open.session.signOut();
    const refused = await dispatch(c, 'search.query', { query: 'انتخابات' }, c.sessionContext());
    expect(refused.ok ? 'ok' : refused.error.code).toBe('NOT_SIGNED_IN');
  });

  it('does answer through the IPC contract with validated hits', async () => {
    const { ids, core: c } = await setup();
    const result = await dispatch(c, 'search.query', { query: 'للانتخابات', filters: { section: 'اقتصاد' } }, c.sessionContext());
    expect(result.ok && (result.value as { hits: SearchHit[] }).hits.map((hit) => hit.id)).toEqual([ids.lil]);
  });
});

describe('SearchService: generated articles', () => {
  it('does highlight, in every hit, words that normalize to the query', async () => {
    const { core: c, ctx } = await tempCoreSignedIn();
    core = c;
    for (let seed = 1; seed <= 25; seed += 1) {
      c.open.articles.create(ctx, { title: `تقرير رقم ${seed}`, body: arabicArticleDoc({ words: 400, seed }) });
    }
    const result = search(ctx, 'الحكومة', {}, 50);
    expect(result.hits.length).toBeGreaterThan(3);
    for (const hit of result.hits) {
      const words = highlighted(hit);
      expect(words.length).toBeGreaterThan(0);
      for (const word of words) expect(normalizeArabic(word)).toMatch(/^(و|ف)?(ب|ك|ل)?(ال)?حكومه$|^(و|ف)?للحكومه$/);
      expect(hit.bodyOffset).not.toBeNull();
    }
    const body = c.open.db.prepare('SELECT body_text FROM articles WHERE id = ?').pluck().get(result.hits[0]!.id) as string;
    const hit = result.hits[0]!;
    expect(normalizeArabic(body.slice(hit.bodyOffset!, hit.bodyOffset! + hit.bodyLength!))).toContain('حكومه');
  });
});

describe('migration 0004', () => {
  it('does index the articles a database already holds', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 3));
    db.prepare(
      `INSERT INTO articles (id, title, body_json, body_hash, body_text, created_at, updated_at)
       VALUES ('7b0c6f2e-5d1a-4c3b-9a8e-1f2d3c4b5a69', 'مهرجان المسرح', '{}', 'x', 'افتُتح مهرجان المسرح بالمدينة القديمة.', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    ).run();
    registerSearchFunctions(db);
    migrate(db);
    const found = db
      .prepare("SELECT d.article_id FROM article_search s JOIN search_docs d ON d.doc = s.rowid WHERE article_search MATCH '\"مدينه\"'")
      .pluck()
      .all();
    expect(found).toEqual(['7b0c6f2e-5d1a-4c3b-9a8e-1f2d3c4b5a69']);
    db.close();
  });

  it('does refuse to write an article on a connection without the search function (nothing half-indexed)', () => {
    const { core: c, dataDir } = tempCore();
    core = c;
    const raw = new Database(`${dataDir}/midad.sqlite`);
    expect(() =>
      raw.prepare(
        `INSERT INTO articles (id, title, body_json, body_hash, body_text, created_at, updated_at)
         VALUES ('7b0c6f2e-5d1a-4c3b-9a8e-1f2d3c4b5a70', 'x', '{}', 'x', 'x', '2026-01-01', '2026-01-01')`,
      ).run(),
    ).toThrow(/midad_search_text/);
    raw.close();
  });
});

describe('SearchService: ranking window', () => {
  it('does rank only the most recent matches of a very common query, widening the window when filters leave too few', async () => {
    const { core: c, ctx } = await tempCoreSignedIn();
    core = c;
    const ids: string[] = [];
    for (let index = 0; index < 12; index += 1) {
      // The oldest articles carry the word in their title: they would rank first over everything.
      const title = index < 3 ? 'السوق الأسبوعي' : `خبر رقم ${index}`;
      ids.push(c.open.articles.create(ctx, { title, body: doc([`افتتح السوق الأسبوعي في موعده رقم ${index}.`]), section: index === 1 ? 'جهات' : 'مجتمع' }).id);
    }
    const { SearchService } = await import('../../../../../electron/core/services/SearchService');
    const windowed = new SearchService(c.open.db, { rankWindow: 4 });
    const page = windowed.query(ctx, { query: 'السوق', limit: 4 });
    expect(page.total).toBe(12);
    expect(new Set(page.hits.map((hit) => hit.id))).toEqual(new Set(ids.slice(8)));
    // Everything ranked when the window holds every match: the title matches come first.
    expect(search(ctx, 'السوق', {}, 3).hits.map((hit) => hit.id).sort()).toEqual(ids.slice(0, 3).sort());
    // A filter that leaves nothing in the newest window widens it until it finds the old article.
    expect(windowed.query(ctx, { query: 'السوق', filters: { section: 'جهات' }, limit: 4 }).hits.map((hit) => hit.id)).toEqual([ids[1]]);
  });
});
