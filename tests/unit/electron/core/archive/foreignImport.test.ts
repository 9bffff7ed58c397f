import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, MidadError } from '../../../../../shared/errors';
import type { Core } from '../../../../../electron/core/Core';
import { signInAs } from '../../../../support/tempCore';
import { emptyCore, STORIES } from './newsroomFixture';

/** The real readers (simple JSON Lines, WXR) through the importer: what `midad import` does. */
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function setup() {
  const made = emptyCore();
  cores.push(made.core);
  return made;
}

function counts(core: Core): Record<string, number> {
  return Object.fromEntries(['articles', 'audit', 'media', 'users', 'sync_items'].map((table) => [table, core.open.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]));
}

const LINES = [
  { title: STORIES.port.title, subtitle: STORIES.port.subtitle, body_html: `<p>${STORIES.port.paragraphs[0]}</p><p>${STORIES.port.paragraphs[1]}</p>`, section: 'اقتصاد', tags: ['الميناء'], author: 'سلمى بنعلي', status: 'published', created_at: '2025-05-01T08:00:00Z', published_at: '2025-05-01T09:30:00Z', slug: 'port-expansion' },
  { title: STORIES.school.title, body_text: STORIES.school.paragraphs.join('\n\n'), author: 'مراسل سابق', status: 'draft', created_at: '2025-05-02' },
  { title: STORIES.market.title, body_text: STORIES.market.paragraphs[0], status: 'approved' },
];

describe('simple JSON Lines import', () => {
  it('imports each line as an article: fields, status, author linked by name else a byline, dates in UTC; published never queued', async () => {
    const { core, dataDir, ctx } = setup();
    await signInAs(core, 'سلمى بنعلي', 'admin');
    const file = join(dataDir, 'old-site.jsonl');
    writeFileSync(file, `${LINES.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const dry = await core.open.archive.importFile(ctx, file, { dryRun: true, idPolicy: 'skip' });
    expect(dry).toMatchObject({ format: 'jsonl', dryRun: true, counts: { created: 3 } });
    expect(counts(core).articles).toBe(0);

    const report = await core.open.archive.importFile(ctx, file, { dryRun: false, idPolicy: 'skip' });
    expect(report.items.map((item) => [item.position, item.action, item.status])).toEqual([
      [1, 'create', 'published'],
      [2, 'create', 'draft'],
      [3, 'create', 'approved'],
    ]);
    const [port, school, market] = report.items.map((item) => core.open.articles.get(ctx, item.id!));
    expect(port).toMatchObject({ title: STORIES.port.title, subtitle: STORIES.port.subtitle, section: 'اقتصاد', tags: ['الميناء'], authorName: 'سلمى بنعلي', byline: '', status: 'published', slug: 'port-expansion', publishedAt: '2025-05-01T09:30:00.000Z', createdAt: '2025-05-01T08:00:00.000Z' });
    expect(port!.bodyHtml).toContain(STORIES.port.paragraphs[1]);
    expect(school).toMatchObject({ byline: 'مراسل سابق', authorId: null, status: 'draft', createdAt: '2025-05-02T00:00:00.000Z' });
    expect(school!.body.content).toHaveLength(3);
    expect(market!.status).toBe('approved');
    // Nothing was queued for the published article (there is no endpoint at all here either).
    expect(core.open.db.prepare('SELECT count(*) FROM sync_items WHERE article_id = ?').pluck().get(port!.id)).toBe(0);
    expect(core.open.db.prepare("SELECT count(*) FROM audit WHERE action = 'article.import'").pluck().get()).toBe(3);
  });

  it('malformed JSON on line 2 is named and nothing is imported', async () => {
    const { core, dataDir, ctx } = setup();
    const file = join(dataDir, 'broken.jsonl');
    writeFileSync(file, `${JSON.stringify(LINES[0])}\n{"title": "بلا نهاية", "body_text": \n${JSON.stringify(LINES[2])}\n`);
    const before = counts(core);
    const error = (await core.open.archive.importFile(ctx, file, { dryRun: false, idPolicy: 'skip' }).catch((thrown: unknown) => thrown)) as MidadError;
    expect(error).toBeInstanceOf(MidadError);
    expect(error.code).toBe(ErrorCode.ARCHIVE_INVALID);
    expect(error.message).toMatch(/line 2/i);
    expect(error.message).toContain('Nothing was imported');
    expect(counts(core)).toEqual(before);
  });
});

describe('WXR import: bad XML', () => {
  it('an XML file that is not a WordPress export is refused and nothing is imported', async () => {
    const { core, dataDir, ctx } = setup();
    const file = join(dataDir, 'feed.xml');
    writeFileSync(file, '<?xml version="1.0" encoding="UTF-8"?>\n<catalog><book><title>كتاب</title></book></catalog>\n');
    const before = counts(core);
    const error = (await core.open.archive.importFile(ctx, file, { dryRun: false, idPolicy: 'skip' }).catch((thrown: unknown) => thrown)) as MidadError;
    expect(error).toBeInstanceOf(MidadError);
    expect(error.code).toBe(ErrorCode.ARCHIVE_INVALID);
    expect(error.message).toMatch(/WordPress|WXR/);
    expect(counts(core)).toEqual(before);
  });

  it('a WXR file with broken XML halfway is refused and nothing is imported', async () => {
    const { core, dataDir, ctx } = setup();
    const file = join(dataDir, 'broken.xml');
    const item = (n: number) => `<item><title>خبر ${n}</title><wp:post_id>${n}</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded><![CDATA[<p>نص الخبر ${n}</p>]]></content:encoded></item>`;
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><wp:wxr_version>1.2</wp:wxr_version>${item(1)}${item(2)}<item><title>خبر مبتور</title><content:encoded><![CDATA[<p>نص`,
    );
    const before = counts(core);
    const error = (await core.open.archive.importFile(ctx, file, { dryRun: false, idPolicy: 'skip' }).catch((thrown: unknown) => thrown)) as MidadError;
    expect(error).toBeInstanceOf(MidadError);
    expect(error.code).toBe(ErrorCode.ARCHIVE_INVALID);
    expect(error.message).toContain('Nothing was imported');
    expect(counts(core)).toEqual(before);
  });
});
