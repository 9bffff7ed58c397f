import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../../../shared/domain/article';
import { ErrorCode, MidadError } from '../../../../../shared/errors';
import type { ImportReport } from '../../../../../shared/ipc/channels/archive';
import type { Core } from '../../../../../electron/core/Core';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import { ArchiveImporter } from '../../../../../electron/core/archive/importer';
import type { ForeignReader, ImportCandidate } from '../../../../../electron/core/archive/types';
import { signInAs } from '../../../../support/tempCore';
import { paragraph } from '../sync/syncFixture';
import { buildNewsroom, emptyCore, exportAll, fakePng, readEntry, STORIES, type Newsroom } from './newsroomFixture';
import { zipEntries } from './zipTools';

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

async function newsroom(generated = 0): Promise<Newsroom> {
  const made = await buildNewsroom({ generated });
  cores.push(made.core);
  return made;
}

function empty() {
  const made = emptyCore();
  cores.push(made.core);
  return made;
}

describe('export jobs', () => {
  it('reports progress, then the finished file, and writes manifest, articles, media and renderings', async () => {
    const { core, world } = await newsroom(3);
    const started = core.open.archive.startExport(world.ctx, { filters: { dateField: 'created' }, includeRevisions: false });
    expect(started).toMatchObject({ state: 'running', file: null });
    const job = await core.open.archive.waitForExport(started.id);
    expect(job).toMatchObject({ state: 'done', done: 6, total: 6, etaSeconds: 0 });
    expect(job.bytesWritten).toBeGreaterThan(1000);
    expect(core.open.archive.progress(started.id).file).toBe(job.file);
    const entries = await zipEntries(job.file!);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({ format: 'midad-archive', formatVersion: 1, counts: { articles: 6, media: 2 } });
    expect(Object.keys(manifest.files).sort()).toEqual([...entries.keys()].filter((name) => name !== 'manifest.json').sort());
    expect([...entries.keys()].filter((name) => name.startsWith('media/'))).toHaveLength(2);
    // The other helper's renderings write through the sink beside articles.jsonl.
    expect([...entries.keys()].some((name) => name.startsWith('html/'))).toBe(true);
    // The export is in the audit log.
    expect(core.open.db.prepare("SELECT count(*) FROM audit WHERE action = 'archive.export'").pluck().get()).toBe(1);
  });

  it('a cancelled export leaves no archive and no temporary file; one export runs at a time', async () => {
    const { core, world, dataDir } = await newsroom(3);
    const started = core.open.archive.startExport(world.ctx, { filters: { dateField: 'created' }, includeRevisions: true });
    expect(() => core.open.archive.startExport(world.ctx, { filters: { dateField: 'created' }, includeRevisions: false })).toThrow('already running');
    core.open.archive.cancelExport(started.id);
    const job = await core.open.archive.waitForExport(started.id);
    expect(job.state).toBe('cancelled');
    expect(job.error?.code).toBe(ErrorCode.CANCELLED);
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([]);
  });

  it('a failed export (an image file gone) says which and leaves nothing', async () => {
    const { core, world, dataDir, ids } = await newsroom();
    const featured = (core.open.articles.get(world.ctx, ids.published) as Article).featuredMedia!;
    rmSync(core.open.media.pathOf(featured));
    const job = await core.open.archive.waitForExport(core.open.archive.startExport(world.ctx, { filters: { dateField: 'created' }, includeRevisions: false }).id);
    expect(job.state).toBe('failed');
    expect(job.error?.message).toContain(featured);
    expect(job.error?.message).toContain(STORIES.port.title);
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([]);
  });

  it('filters by status, section, author and date range', async () => {
    const { core, world } = await newsroom(4);
    const titles = async (filters: Record<string, unknown>) => {
      const job = await core.open.archive.waitForExport(core.open.archive.startExport(world.ctx, { filters: { dateField: 'created', ...filters }, includeRevisions: false }).id);
      const text = await readEntry(job.file!, 'articles.jsonl');
      return text.trim() === '' ? [] : text.trim().split('\n').map((line) => JSON.parse(line).title as string);
    };
    expect(await titles({ status: ['spiked'] })).toEqual([STORIES.market.title]);
    expect(await titles({ section: 'مجتمع' })).toEqual([STORIES.school.title]);
    expect(await titles({ author: 'سلمى بنعلي' })).toEqual([STORIES.school.title]);
    expect(await titles({ dateField: 'published', from: '2026-11-01T00:00:00Z' })).toEqual([STORIES.port.title]);
    expect(await titles({ from: '2030-01-01T00:00:00Z' })).toEqual([]);
  });

  it('never puts the secrets of the data directory in an archive', async () => {
    const { core, world, dataDir } = await newsroom();
    writeFileSync(join(dataDir, 'secrets.key'), 'key-material-7f3a');
    writeFileSync(join(dataDir, 'secrets.json'), '{"endpoint":"app-pass word 1234"}');
    const job = await exportAll(core, world.ctx);
    const entries = await zipEntries(job.file!);
    for (const [name, data] of entries) {
      expect(name).not.toMatch(/secret/);
      expect(data.toString('latin1')).not.toContain('key-material-7f3a');
      expect(data.toString('utf8')).not.toContain('app-pass word 1234');
    }
  });

  it('is refused to a non-admin (the channel is admin only)', async () => {
    const { core } = await newsroom();
    const { ctx } = await signInAs(core, 'سلمى بنعلي', 'editor');
    const result = await dispatch(core, 'archive.exportStart', { filters: {} }, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(ErrorCode.FORBIDDEN);
  });
});

describe('staging and the channels', () => {
  it('stages a file in chunks with offset checks, detects the format, verifies and imports it, then discards it', async () => {
    const { core, world } = await newsroom(1);
    const job = await exportAll(core, world.ctx);
    const bytes = readFileSync(job.file!);
    const target = empty();
    await signInAs(target.core, 'مديرة التحرير', 'admin');
    const ctx = target.core.sessionContext();
    const call = async <T>(channel: string, payload: unknown): Promise<T> => {
      const result = await dispatch(target.core, channel, payload, ctx, { validateResponses: true });
      if (!result.ok) throw new MidadError(result.error.code, result.error.message, result.error.messageAr);
      return result.value as T;
    };
    const { stageId } = await call<{ stageId: string }>('archive.stageBegin', { name: 'أرشيف.zip', size: bytes.length });
    const half = Math.floor(bytes.length / 2);
    await call('archive.stageChunk', { stageId, offset: 0, dataBase64: bytes.subarray(0, half).toString('base64') });
    await expect(call('archive.stageChunk', { stageId, offset: 0, dataBase64: 'AAAA' })).rejects.toThrow(`expected at byte ${half}`);
    await expect(call('archive.stageEnd', { stageId })).rejects.toThrow('incomplete');
    await call('archive.stageChunk', { stageId, offset: half, dataBase64: bytes.subarray(half).toString('base64') });
    expect(await call('archive.stageEnd', { stageId })).toEqual({ size: bytes.length, format: 'midad' });
    expect(await call('archive.verify', { stageId })).toMatchObject({ ok: true, problems: [] });
    const dry = await call<ImportReport>('archive.import', { stageId, dryRun: true });
    expect(dry.counts.created).toBe(4);
    expect(target.core.open.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    const report = await call<ImportReport>('archive.import', { stageId, dryRun: false });
    expect(report.counts.created).toBe(4);
    expect(target.core.open.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(4);
    await call('archive.stageDiscard', { stageId });
    expect(readdirSync(join(target.dataDir, 'staging'))).toEqual([]);
  });

  it('refuses a 2 GB upload up front and cleans stale uploads', async () => {
    const { core, dataDir } = empty();
    await signInAs(core, 'مديرة التحرير', 'admin');
    const result = await dispatch(core, 'archive.stageBegin', { name: 'كبير.zip', size: 2 * 1024 ** 3 }, core.sessionContext());
    expect(!result.ok && result.error.code).toBe(ErrorCode.FILE_TOO_LARGE);
    expect(!result.ok && result.error.message).toContain('up to 1.0 GB');
    const { stageId } = core.open.archive.stageBegin('قديم.jsonl', 10);
    const old = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    for (const name of readdirSync(join(dataDir, 'staging'))) utimesSync(join(dataDir, 'staging', name), old, old);
    core.open.archive.stageBegin('جديد.jsonl', 10);
    expect(readdirSync(join(dataDir, 'staging')).some((name) => name.startsWith(stageId))).toBe(false);
  });
});

describe('id policies', () => {
  async function archiveOf(made: Newsroom): Promise<string> {
    return (await exportAll(made.core, made.world.ctx)).file!;
  }

  it('skip keeps what is here; overwrite replaces it (audit only added to); new makes copies with new ids', async () => {
    const made = await newsroom();
    const file = await archiveOf(made);
    const { core, world, ids } = made;
    // Change the published article here after the export.
    core.open.db.prepare("UPDATE articles SET title = 'عنوان معدّل بعد التصدير' WHERE id = ?").run(ids.commented);
    const audits = () => core.open.db.prepare('SELECT count(*) FROM audit WHERE article_id = ?').pluck().get(ids.commented) as number;
    const auditBefore = audits();

    const skipped = await core.open.archive.importFile(world.ctx, file, { dryRun: false, idPolicy: 'skip' });
    expect(skipped.counts).toMatchObject({ created: 0, skipped: 3 });
    expect(core.open.articles.get(world.ctx, ids.commented).title).toBe('عنوان معدّل بعد التصدير');

    const overwritten = await core.open.archive.importFile(world.ctx, file, { dryRun: false, idPolicy: 'overwrite' });
    expect(overwritten.counts).toMatchObject({ overwritten: 3 });
    expect(core.open.articles.get(world.ctx, ids.commented).title).toBe(STORIES.school.title);
    expect(core.open.db.prepare('SELECT count(*) FROM comments WHERE article_id = ?').pluck().get(ids.commented)).toBe(3);
    expect(audits()).toBe(auditBefore);

    const copies = await core.open.archive.importFile(world.ctx, file, { dryRun: false, idPolicy: 'new' });
    expect(copies.items.every((item) => item.action === 'create_new_id')).toBe(true);
    const copy = copies.items.find((item) => item.title === STORIES.school.title)!;
    expect(copy.id).not.toBe(ids.commented);
    const copied = core.open.articles.get(world.ctx, copy.id!);
    // Comment marks follow their comments to new ids.
    const marks = JSON.stringify(copied.body).match(/"comment","attrs":\{"id":"([0-9a-f-]{36})"/)!;
    const copiedComments = core.open.db.prepare('SELECT id FROM comments WHERE article_id = ?').pluck().all(copy.id) as string[];
    expect(copiedComments).toContain(marks[1]);
    // A copy has no remote post.
    const publishedCopy = copies.items.find((item) => item.title === STORIES.port.title)!;
    expect(core.open.db.prepare('SELECT count(*) FROM sync_items WHERE article_id = ?').pluck().get(publishedCopy.id)).toBe(0);
    expect(core.open.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(6);
  });

  it('overwrite keeps what this database added after the export (revisions, comments); new copies get unique slugs', async () => {
    const made = await newsroom();
    const file = await archiveOf(made);
    const { core, world, ids } = made;
    const db = core.open.db;
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE article_id = ?`).pluck().get(ids.commented) as number;
    db.prepare(
      `INSERT INTO revisions (article_id, article_version, reason, actor, title, word_count, content_hash, snapshot, created_at)
       VALUES (?, 99, 'manual', ?, 'نسخة محلية بعد التصدير', 3, 'local-after-export', '{}', '2031-01-01T00:00:00.000Z')`,
    ).run(ids.commented, world.ctx.actor);
    db.prepare(
      `INSERT INTO comments (id, article_id, parent_id, author_id, body, quote, anchored, resolved_at, resolved_by, created_at, updated_at)
       VALUES ('0b7a2c1e-4d5f-4a6b-9c8d-7e6f5a4b3c2d', ?, NULL, ?, 'ملاحظة كُتبت بعد التصدير', '', 0, NULL, NULL, '2031-01-01T00:00:00.000Z', '2031-01-01T00:00:00.000Z')`,
    ).run(ids.commented, world.ctx.actor);
    const revisionsBefore = count('revisions');
    const commentsBefore = count('comments');

    await core.open.archive.importFile(world.ctx, file, { dryRun: false, idPolicy: 'overwrite' });
    expect(core.open.articles.get(world.ctx, ids.commented).title).toBe(STORIES.school.title);
    expect(count('revisions')).toBe(revisionsBefore);
    expect(db.prepare("SELECT count(*) FROM revisions WHERE content_hash = 'local-after-export'").pluck().get()).toBe(1);
    expect(count('comments')).toBe(commentsBefore);

    await core.open.archive.importFile(world.ctx, file, { dryRun: false, idPolicy: 'new' });
    const duplicated = db.prepare("SELECT slug, count(*) AS n FROM articles WHERE slug <> '' GROUP BY slug HAVING n > 1").all();
    expect(duplicated).toEqual([]);
  });

  it('a dry run reports the plan and writes nothing', async () => {
    const made = await newsroom();
    const file = await archiveOf(made);
    const before = made.core.open.db.prepare('SELECT count(*) FROM audit').pluck().get();
    const report = await made.core.open.archive.importFile(made.world.ctx, file, { dryRun: true, idPolicy: 'overwrite' });
    expect(report.dryRun).toBe(true);
    expect(report.items.map((item) => item.action)).toEqual(['overwrite', 'overwrite', 'overwrite']);
    expect(made.core.open.db.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(before);
  });

  it('published articles are never queued for sending by an import; the sync state comes back as it was', async () => {
    const made = await newsroom();
    const file = await archiveOf(made);
    const target = empty();
    await target.core.open.archive.importFile(target.ctx, file, { dryRun: false, idPolicy: 'skip' });
    const rows = target.core.open.db.prepare('SELECT state, remote_id, next_attempt_at FROM sync_items').all() as { state: string; remote_id: string; next_attempt_at: string | null }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'published', next_attempt_at: null });
    expect(rows[0]!.remote_id).toBeTruthy();
    const summary = await target.core.open.outbox.runOnce();
    expect(summary.processed).toBe(0);
  });
});

describe('foreign candidates (the readers are the other helper’s; here a stand-in reader)', () => {
  function candidate(position: number, overrides: Partial<ImportCandidate> = {}): ImportCandidate {
    return {
      position,
      title: `خبر مستورد رقم ${position}`,
      subtitle: '',
      excerpt: 'موجز الخبر',
      slug: '',
      section: 'جهات',
      tags: ['استيراد', 'أرشيف قديم'],
      authorName: 'كاتب من الموقع القديم',
      status: 'draft',
      createdAt: '2024-03-01T08:00:00Z',
      publishedAt: null,
      body: { type: 'doc', content: [paragraph(STORIES.market.paragraphs[0]!)] },
      featuredMedia: null,
      source: `https://old.example/${position}`,
      ...overrides,
    };
  }

  function importer(core: Core, read: ForeignReader): ArchiveImporter {
    const open = core.open;
    return new ArchiveImporter({
      db: open.db,
      dataDir: core.dataDir,
      media: open.media,
      outbox: open.outbox,
      clock: () => new Date('2026-12-01T09:00:00Z'),
      maxImageBytes: () => 10 * 1024 * 1024,
      readers: { jsonl: read, wxr: read },
    });
  }

  it('creates articles: status kept, authors linked by account name else bylines, images stored, approved queued, published never sent', async () => {
    const made = await newsroom();
    const { core, world } = made;
    const file = join(made.dataDir, 'old-site.jsonl');
    writeFileSync(file, '{"title":"x"}\n');
    const read: ForeignReader = async function* (_file, options) {
      const hash = options.storeMedia(fakePng(77), 'صورة.png');
      yield candidate(1, { status: 'published', publishedAt: '2024-03-02T10:00:00Z', featuredMedia: hash });
      yield candidate(2, { status: 'approved', authorName: 'سلمى بنعلي' });
      yield candidate(3, { status: 'submitted' });
    };
    const before = core.open.db.prepare('SELECT count(*) FROM sync_items').pluck().get() as number;
    const report = await importer(core, read).importFile(world.ctx, file, { dryRun: false, idPolicy: 'skip', format: 'jsonl' });
    expect(report.counts).toMatchObject({ created: 3, media: 1 });
    const [published, approved, submitted] = report.items.map((item) => core.open.articles.get(world.ctx, item.id!));
    expect(published).toMatchObject({ status: 'published', publishedAt: '2024-03-02T10:00:00.000Z', byline: 'كاتب من الموقع القديم', authorId: null, tags: ['استيراد', 'أرشيف قديم'] });
    expect(core.open.media.read(published!.featuredMedia!)).not.toBeNull();
    expect(approved).toMatchObject({ status: 'approved', authorName: 'سلمى بنعلي', byline: '' });
    expect(submitted!.status).toBe('submitted');
    const queued = core.open.db.prepare('SELECT article_id FROM sync_items WHERE article_id IN (?, ?)').pluck().all(published!.id, approved!.id);
    expect(queued).toEqual([approved!.id]);
    expect((core.open.db.prepare('SELECT count(*) FROM sync_items').pluck().get() as number) - before).toBe(1);
  });

  it('a reader that fails on entry 3 leaves the database as it was, and the error names the entry', async () => {
    const { core, dataDir } = empty();
    const file = join(dataDir, 'broken.xml');
    writeFileSync(file, '<rss>');
    const read: ForeignReader = async function* (_file, options) {
      options.storeMedia(fakePng(9), 'a.png');
      yield candidate(1);
      yield candidate(2);
      throw new MidadError(ErrorCode.ARCHIVE_INVALID, 'Item 3: the XML is broken (unclosed tag <item>).', 'العنصر 3: ملف XML معطوب.', { position: 3 });
    };
    const before = core.open.db.prepare('SELECT count(*) FROM articles').pluck().get();
    const error = await importer(core, read).importFile(emptyCore().ctx, file, { dryRun: false, idPolicy: 'skip', format: 'wxr' }).catch((thrown: unknown) => thrown as MidadError);
    expect(error).toBeInstanceOf(MidadError);
    expect((error as MidadError).message).toContain('Item 3');
    expect((error as MidadError).message).toContain('Nothing was imported');
    expect(core.open.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(before);
    expect(core.open.db.prepare('SELECT count(*) FROM media').pluck().get()).toBe(0);
  });

  it('a candidate whose body is not a Midad document is refused by position', async () => {
    const { core, dataDir, ctx } = empty();
    const file = join(dataDir, 'in.jsonl');
    writeFileSync(file, '{}\n');
    const read: ForeignReader = async function* () {
      yield candidate(1);
      yield candidate(2, { body: { type: 'doc', content: [{ type: 'image', attrs: { src: 'file:///etc/passwd' } }] } as never });
    };
    const error = (await importer(core, read).importFile(ctx, file, { dryRun: false, idPolicy: 'skip', format: 'jsonl' }).catch((thrown: unknown) => thrown)) as MidadError;
    expect(error.message).toContain('line 2');
    expect(core.open.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    expect(existsSync(join(dataDir, 'staging'))).toBe(true);
    expect(readdirSync(join(dataDir, 'staging'))).toEqual([]);
  });
});

