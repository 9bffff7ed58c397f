import type { Database } from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { ArticleStatus } from '../../../shared/domain/article';
import { findDocProblem, type DocNode } from '../../../shared/editor/docSchema';
import { docMediaHashes, docToText } from '../../../shared/editor/docToText';
import { ErrorCode, MidadError } from '../../../shared/errors';
import type { IdPolicy, ImportFormat, ImportReport } from '../../../shared/ipc/channels/archive';
import { cleanSingleLine, cleanSlug, countCharacters, countWords, stripBidiControls } from '../../../shared/text/arabic';
import type { CallContext } from '../CallContext';
import { insertArticleRow, overwriteArticleRow, uniqueLocalSlug, type ArticleRow } from '../db/queries/articles';
import { cached } from '../db/statements';
import { appendAudit } from '../db/queries/audit';

import { sniffImageMime, type MediaService } from '../services/MediaService';
import type { OutboxService } from '../services/OutboxService';
import { foreignReaders } from './readers';
import { checkFileSize, detectFormat, forEachLineSync, isZip, readFileHead } from './formats';
import { parseRecordLine } from './recordSchema';
import type { ArchiveArticleRecord, ForeignReader, ImportCandidate, PersonRef } from './types';
import { reportError, verifyArchive } from './verify';
import { forEachLine } from './zipReader';
import { drained } from './zipWriter';

export interface ImportOptions {
  dryRun: boolean;
  idPolicy: IdPolicy;
  /** Detected from the file when absent. */
  format?: ImportFormat;
}

export interface ImporterDependencies {
  db: Database;
  dataDir: string;
  media: MediaService;
  outbox: OutboxService;
  clock: () => Date;
  maxImageBytes: () => number;
  /** Fetches images referenced by URL (WXR); the global fetch by default. */
  fetch?: typeof fetch;
  /** The foreign readers (tests pass their own). */
  readers?: Record<'jsonl' | 'wxr', ForeignReader>;
}

type Item = ImportReport['items'][number];
type Warning = ImportReport['warnings'][number];

/** The password hash of accounts an import creates: no password matches it (scrypt hashes start with `scrypt$`). */
export const IMPORTED_ACCOUNT_HASH = '!imported: set a password to enable';

function invalid(message: string, messageAr: string, detail?: Record<string, unknown>): MidadError {
  return new MidadError(ErrorCode.ARCHIVE_INVALID, message, messageAr, detail);
}

function failedAt(position: string, error: unknown): MidadError {
  const coded = error instanceof MidadError ? error : null;
  const text = coded?.message ?? (error instanceof Error ? error.message : String(error));
  const textAr = coded?.messageAr ?? text;
  return invalid(`${position}: ${text} Nothing was imported: the database is as it was.`, `${position}: ${textAr} لم يُستورد شيء: قاعدة البيانات كما كانت.`, {
    ...(coded?.detail ?? {}),
    position,
  });
}

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

function nameKey(name: string): string {
  return cleanSingleLine(name).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A UTC ISO time from any date string a file carries; null when absent or unreadable. */
function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Rewrites the ids of comment marks in a body (an article imported under a new id gets new comment ids). */
function remapCommentMarks(node: DocNode, ids: Map<string, string>): DocNode {
  if (ids.size === 0) return node;
  const next: DocNode = { ...node };
  if (node.marks) {
    next.marks = node.marks.map((mark) =>
      mark.type === 'comment' && typeof mark.attrs?.id === 'string' && ids.has(mark.attrs.id) ? { ...mark, attrs: { ...mark.attrs, id: ids.get(mark.attrs.id) } } : mark,
    );
  }
  if (node.content) next.content = node.content.map((child) => remapCommentMarks(child, ids));
  return next;
}

function writeLine(stream: WriteStream, line: string): Promise<void> | void {
  if (!stream.write(`${line}\n`)) return drained(stream);
}

function endStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(resolve);
  });
}

/**
 * Imports Midad archives (ZIP or bare `articles.jsonl`) with everything they keep, and the
 * candidates of the foreign readers (simple JSON Lines, WordPress WXR) as new articles.
 *
 * Two passes: the first reads and checks the whole file (checksums, every record, every
 * candidate) and copies what it needs into a working folder; the second writes everything in
 * ONE transaction. A file that fails anywhere leaves the database exactly as it was; the
 * error names the line or entry. A dry run stops after the first pass and reports the plan.
 */
export class ArchiveImporter {
  constructor(private readonly deps: ImporterDependencies) {}

  private get db(): Database {
    return this.deps.db;
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  async importFile(ctx: CallContext, file: string, options: ImportOptions, name = file): Promise<ImportReport> {
    checkFileSize(file, name);
    const format = options.format ?? detectFormat(file);
    if (!format) {
      throw invalid(
        `${name} is not a file Midad can import: expected a Midad archive (.zip or articles.jsonl), a JSON Lines file or a WordPress export (WXR).`,
        `الملف ${name} ليس مما يستورده مداد: المتوقع أرشيف مداد (‎.zip‎ أو articles.jsonl) أو ملف JSON Lines أو تصدير ووردبريس (WXR).`,
      );
    }
    const work = join(this.deps.dataDir, 'staging', `import-${randomUUID()}`);
    mkdirSync(work, { recursive: true });
    try {
      if (format === 'midad') return await this.importMidad(ctx, file, name, options, work);
      return await this.importForeign(ctx, file, name, format, options, work);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  /** Runs the writes in one transaction; a failure at commit (a reference to something missing) is named too. */
  private inTransaction(name: string, work: () => void): void {
    try {
      this.db.transaction(work)();
    } catch (error) {
      if (error instanceof MidadError || !/FOREIGN KEY/i.test((error as Error).message)) throw error;
      throw failedAt(name, new Error(`the file refers to something it does not contain (${(error as Error).message}).`));
    }
  }

  // ---------------------------------------------------------------- Midad archives

  private planAction(id: string, policy: IdPolicy): Item['action'] {
    const exists = cached(this.db, 'SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined;
    if (!exists) return 'create';
    return policy === 'skip' ? 'skip' : policy === 'overwrite' ? 'overwrite' : 'create_new_id';
  }

  private async importMidad(ctx: CallContext, file: string, name: string, options: ImportOptions, work: string): Promise<ImportReport> {
    const items: Item[] = [];
    const warnings: Warning[] = [];
    const plan = (line: number, record: ArchiveArticleRecord) => {
      items.push({ position: line, id: record.id, title: record.title, action: this.planAction(record.id, options.idPolicy), status: record.status });
    };
    let linesFile: string;
    let mediaDir: string | null = null;
    if (isZip(file)) {
      const report = await verifyArchive(file, { extractTo: options.dryRun ? undefined : work, onRecord: plan });
      if (!report.ok) throw reportError(report, name);
      linesFile = join(work, 'articles.jsonl');
      mediaDir = join(work, 'media');
    } else {
      // A bare articles.jsonl: every line checked first; its images must already be stored here.
      const known = cached(this.db, 'SELECT 1 FROM media WHERE hash = ?');
      await forEachLine(createReadStream(file), (line, number) => {
        if (line.trim() === '') return;
        const parsed = parseRecordLine(line);
        if ('problem' in parsed) {
          throw invalid(
            `Line ${number} of ${name} is not a Midad article: ${parsed.problem}. Nothing was imported.`,
            `السطر ${number} من ${name} ليس مقال مداد: ${parsed.problem}. لم يُستورد شيء.`,
            { line: number },
          );
        }
        for (const media of parsed.record.media) {
          if (!known.get(media.hash)) {
            throw invalid(
              `Line ${number} refers to the image ${media.hash}, which is neither in this data directory nor in the file (import the .zip archive, which carries the images). Nothing was imported.`,
              `يشير السطر ${number} إلى الصورة ${media.hash}، وهي ليست في مجلد البيانات ولا في الملف (استورد أرشيف ‎.zip‎ الذي يحمل الصور). لم يُستورد شيء.`,
              { line: number, hash: media.hash },
            );
          }
        }
        plan(number, parsed.record);
      });
      linesFile = file;
    }
    const counts = { created: 0, overwritten: 0, skipped: 0, media: 0 };
    for (const item of items) {
      if (item.action === 'skip') counts.skipped += 1;
      else if (item.action === 'overwrite') counts.overwritten += 1;
      else counts.created += 1;
    }
    if (options.dryRun) return { format: 'midad', dryRun: true, items, counts, warnings };

    // Images first, into the content-addressed store (a file without a row is harmless if the transaction fails).
    if (mediaDir) {
      forEachLineSync(linesFile, (line, number) => {
        if (line.trim() === '') return;
        for (const media of (JSON.parse(line) as ArchiveArticleRecord).media) {
          const target = this.deps.media.pathOf(media.hash);
          const source = join(mediaDir!, media.hash);
          // The type is read from the bytes, never taken from the archive: it is served back with it.
          const stored = existsSync(target) ? target : existsSync(source) ? source : null;
          if (stored && sniffImageMime(readFileHead(stored, 64)) !== media.mime) {
            throw invalid(
              `Line ${number} declares media/${media.hash} as ${media.mime}, but the file is not that kind of image. Nothing was imported.`,
              `يصرّح السطر ${number} بأن media/${media.hash} من نوع ${media.mime}، لكن الملف ليس صورة من هذا النوع. لم يُستورد شيء.`,
              { line: number, hash: media.hash },
            );
          }
          if (!existsSync(target) && existsSync(source)) {
            mkdirSync(join(target, '..'), { recursive: true });
            renameSync(source, target);
          }
        }
      });
    }
    const now = this.now();
    const state = new MidadWriteState(this.db, now, warnings);
    this.inTransaction(name, () => {
      this.db.pragma('defer_foreign_keys = ON');
      let index = 0;
      forEachLineSync(linesFile, (line, number) => {
        if (line.trim() === '') return;
        const record = JSON.parse(line) as ArchiveArticleRecord;
        const item = items[index]!;
        index += 1;
        try {
          const result = state.write(record, item.action, number);
          if (result.mediaAdded) counts.media += result.mediaAdded;
          if (result.newId) item.id = result.newId;
          if (item.action !== 'skip' && record.status === 'approved' && record.sync.length === 0 && item.action !== 'create_new_id') {
            this.deps.outbox.queueImported(item.id!, { publishedElsewhere: false });
          }
        } catch (error) {
          throw failedAt(`${name}, line ${number} ("${record.title}")`, error);
        }
      });
      appendAudit(this.db, now, {
        actor: ctx.actor,
        action: 'archive.import',
        detail: { format: 'midad', file: name, policy: options.idPolicy, ...counts, accountsCreated: state.accountsCreated.length, endpointsCreated: state.endpointsCreated.length },
      });
    });
    return { format: 'midad', dryRun: false, items, counts, warnings };
  }

  // ---------------------------------------------------------------- foreign formats

  private storeMediaFile(bytes: Buffer, name: string, pending: Map<string, { mime: string; size: number; name: string }>): string | null {
    if (bytes.byteLength > this.deps.maxImageBytes()) return null;
    const mime = sniffImageMime(bytes);
    if (!mime) return null;
    const hash = sha256(bytes);
    const file = this.deps.media.pathOf(hash);
    if (!existsSync(file)) {
      mkdirSync(join(file, '..'), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
    }
    if (!pending.has(hash)) pending.set(hash, { mime, size: bytes.byteLength, name: stripBidiControls(name).slice(0, 500) });
    return hash;
  }

  /** Reads a response body up to `limit` bytes; null (and the download stopped) beyond it, whatever Content-Length said. */
  private async readLimited(response: Response, limit: number): Promise<Buffer | null> {
    if (!response.body) return Buffer.alloc(0);
    const reader = response.body.getReader();
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks, size);
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(Buffer.from(value));
    }
  }

  private async fetchMedia(url: string): Promise<{ bytes: Buffer; name: string } | null> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    try {
      const response = await (this.deps.fetch ?? fetch)(parsed, { signal: AbortSignal.timeout(20_000), redirect: 'follow' });
      if (!response.ok) return null;
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > this.deps.maxImageBytes()) return null;
      const bytes = await this.readLimited(response, this.deps.maxImageBytes());
      if (!bytes) return null;
      return { bytes, name: decodeURIComponent(parsed.pathname.split('/').pop() || 'image') };
    } catch {
      return null;
    }
  }

  private async importForeign(ctx: CallContext, file: string, name: string, format: 'jsonl' | 'wxr', options: ImportOptions, work: string): Promise<ImportReport> {
    const items: Item[] = [];
    const warnings: Warning[] = [];
    const pending = new Map<string, { mime: string; size: number; name: string }>();
    const spoolFile = join(work, 'candidates.jsonl');
    const spool = createWriteStream(spoolFile);
    let spoolError: Error | null = null;
    spool.on('error', (error) => (spoolError ??= error));
    try {
      const reader = (this.deps.readers ?? foreignReaders)[format];
      const candidates = reader(file, {
        dryRun: options.dryRun,
        storeMedia: (bytes, mediaName) => (options.dryRun ? null : this.storeMediaFile(bytes, mediaName, pending)),
        fetchMedia: (url) => this.fetchMedia(url),
        warn: (position, message, messageAr) => warnings.push({ position, message, messageAr }),
      });
      for await (const candidate of candidates) {
        const problem = findDocProblem(candidate.body);
        if (problem || candidate.body?.type !== 'doc') {
          throw invalid(`${name}, ${format === 'wxr' ? 'item' : 'line'} ${candidate.position}: the body cannot be imported (${problem ?? 'not a document'}).`, `${name}، ${format === 'wxr' ? 'العنصر' : 'السطر'} ${candidate.position}: لا يمكن استيراد المتن (${problem ?? 'ليس مستندًا'}).`, {
            position: candidate.position,
          });
        }
        items.push({ position: candidate.position, id: null, title: candidate.title, action: 'create', status: candidate.status });
        await writeLine(spool, JSON.stringify(candidate));
      }
    } catch (error) {
      spool.destroy();
      if (error instanceof MidadError) {
        if (error.code === ErrorCode.ARCHIVE_INVALID && !/Nothing was imported/.test(error.message)) {
          throw new MidadError(error.code, `${error.message} Nothing was imported.`, `${error.messageAr} لم يُستورد شيء.`, error.detail);
        }
        throw error;
      }
      throw invalid(`${name} could not be read: ${(error as Error).message}. Nothing was imported.`, `تعذّرت قراءة ${name}: ${(error as Error).message}. لم يُستورد شيء.`);
    }
    await endStream(spool);
    if (spoolError) throw spoolError;
    const counts = { created: items.length, overwritten: 0, skipped: 0, media: 0 };
    if (options.dryRun) return { format, dryRun: true, items, counts, warnings };

    const now = this.now();
    this.inTransaction(name, () => {
      const insertMedia = cached(this.db, 'INSERT OR IGNORE INTO media (hash, mime, size, name, created_at) VALUES (?, ?, ?, ?, ?)');
      for (const [hash, media] of pending) counts.media += insertMedia.run(hash, media.mime, media.size, media.name, now).changes;
      let index = 0;
      forEachLineSync(spoolFile, (line) => {
        if (line.trim() === '') return;
        const candidate = JSON.parse(line) as ImportCandidate;
        const item = items[index]!;
        index += 1;
        try {
          item.id = this.writeCandidate(ctx, candidate, format, name, now);
        } catch (error) {
          throw failedAt(`${name}, ${format === 'wxr' ? 'item' : 'line'} ${candidate.position} ("${candidate.title}")`, error);
        }
      });
      appendAudit(this.db, now, { actor: ctx.actor, action: 'archive.import', detail: { format, file: name, ...counts } });
    });
    return { format, dryRun: false, items, counts, warnings };
  }

  /** One foreign article as a new Midad article (author linked by account name, else a byline); returns its id. */
  private writeCandidate(ctx: CallContext, candidate: ImportCandidate, format: 'jsonl' | 'wxr', file: string, now: string): string {
    const hashes = docMediaHashes(candidate.body);
    if (candidate.featuredMedia) hashes.push(candidate.featuredMedia);
    const known = cached(this.db, 'SELECT 1 FROM media WHERE hash = ?');
    for (const hash of hashes) {
      if (!known.get(hash)) throw new MidadError(ErrorCode.VALIDATION, `the image ${hash.slice(0, 12)}… was not stored.`, `الصورة ${hash.slice(0, 12)}… لم تُحفظ.`);
    }
    const account = candidate.authorName
      ? cached<[string], { id: string }>(this.db, 'SELECT id FROM users WHERE name_key = ?').get(nameKey(candidate.authorName))
      : undefined;
    const status: ArticleStatus = candidate.status;
    const created = isoOrNull(candidate.createdAt) ?? isoOrNull(candidate.publishedAt) ?? now;
    const published = status === 'published' ? (isoOrNull(candidate.publishedAt) ?? created) : null;
    const bodyJson = JSON.stringify(candidate.body);
    const text = docToText(candidate.body);
    const tags = [...new Set(candidate.tags.map((tag) => cleanSingleLine(tag).trim()).filter(Boolean))].slice(0, 100);
    const newId = randomUUID();
    const row: ArticleRow = {
      id: newId,
      title: cleanSingleLine(candidate.title).slice(0, 500),
      subtitle: cleanSingleLine(candidate.subtitle).slice(0, 500),
      excerpt: stripBidiControls(candidate.excerpt).slice(0, 5000),
      // The source system's slug is kept (and made unique here); none: Midad makes one from the title on the next edit.
      slug: uniqueLocalSlug(this.db, cleanSlug(candidate.slug).slice(0, 300), newId),
      slug_auto: cleanSlug(candidate.slug) === '' ? 1 : 0,
      section: cleanSingleLine(candidate.section).trim().slice(0, 200),
      tags: JSON.stringify(tags),
      byline: account ? '' : cleanSingleLine(candidate.authorName ?? '').slice(0, 300),
      featured_media: candidate.featuredMedia,
      status,
      status_before_spike: null,
      body_json: bodyJson,
      body_hash: sha256(bodyJson),
      body_text: text,
      word_count: countWords(text),
      char_count: countCharacters(text),
      version: 1,
      created_at: created,
      updated_at: published ?? created,
      author_id: account?.id ?? null,
      assignee_id: null,
      priority: 'normal',
      deadline: null,
      scheduled_at: null,
      submitted_at: status === 'draft' ? null : created,
      published_at: published,
    };
    insertArticleRow(this.db, row);
    appendAudit(this.db, now, {
      actor: ctx.actor,
      action: 'article.import',
      articleId: row.id,
      toStatus: status,
      detail: { format, file, position: candidate.position, ...(candidate.source ? { source: candidate.source } : {}) },
    });
    // Published elsewhere already: never sent again. Approved: goes out as any approval does.
    if (status === 'published') this.deps.outbox.queueImported(row.id, { publishedElsewhere: true });
    if (status === 'approved') this.deps.outbox.queueImported(row.id, { publishedElsewhere: false });
    return row.id;
  }
}

/**
 * The writes of one Midad import, inside its transaction: people and endpoints the archive
 * names but this database lacks, then each record with its revisions, comments, audit
 * entries and sync state.
 */
class MidadWriteState {
  /** Archive user id → id here (the same id, or an account with the same name). */
  private readonly people = new Map<string, string>();
  private readonly endpoints = new Map<string, string>();
  readonly accountsCreated: string[] = [];
  readonly endpointsCreated: string[] = [];

  constructor(
    private readonly db: Database,
    private readonly now: string,
    private readonly warnings: Warning[],
  ) {}

  /**
   * Someone the archive names: the account with that id; else the account with that name;
   * else a new DISABLED account with the same id, name and role and no usable password
   * (listed in the report: an admin sets a password and enables it).
   */
  person(ref: PersonRef | null, position: number): string | null {
    if (!ref) return null;
    const known = this.people.get(ref.id);
    if (known) return known;
    let local = cached<[string], { id: string }>(this.db, 'SELECT id FROM users WHERE id = ?').get(ref.id)?.id;
    if (!local) local = cached<[string], { id: string }>(this.db, 'SELECT id FROM users WHERE name_key = ?').get(nameKey(ref.name))?.id;
    if (!local) {
      const name = cleanSingleLine(ref.name).trim() || ref.id;
      this.db
        .prepare(
          `INSERT INTO users (id, name, name_key, role, password_hash, disabled, failed_attempts, last_failed_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 1, 0, NULL, ?, ?)`,
        )
        .run(ref.id, name, nameKey(name), ref.role, IMPORTED_ACCOUNT_HASH, this.now, this.now);
      local = ref.id;
      this.accountsCreated.push(name);
      this.warnings.push({
        position,
        message: `Created the account "${name}" (${ref.role}) disabled and without a password: to let them sign in, reset the password and enable it in Users.`,
        messageAr: `أُنشئ الحساب «${name}» (${ref.role}) معطّلًا وبلا كلمة مرور: ليتمكن صاحبه من الدخول، عيّن كلمة مرور وفعّله في «المستخدمون».`,
      });
    }
    this.people.set(ref.id, local);
    return local;
  }

  /** An actor string (audit, revisions, comments): mapped when its account was linked by name. */
  actor(id: string): string {
    return this.people.get(id) ?? id;
  }

  private endpoint(ref: ArchiveArticleRecord['sync'][number]['endpoint'], position: number): string {
    const known = this.endpoints.get(ref.id);
    if (known) return known;
    let local = cached<[string], { id: string }>(this.db, 'SELECT id FROM endpoints WHERE id = ?').get(ref.id)?.id;
    if (!local) local = cached<[string, string], { id: string }>(this.db, 'SELECT id FROM endpoints WHERE name = ? AND kind = ?').get(ref.name, ref.kind)?.id;
    if (!local) {
      let name = ref.name;
      if (cached(this.db, 'SELECT 1 FROM endpoints WHERE name = ?').get(name)) name = `${ref.name} (${ref.kind})`;
      this.db
        .prepare(`INSERT INTO endpoints (id, kind, name, url, username, enabled, options, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 0, '{}', ?, ?)`)
        .run(ref.id, ref.kind, name, ref.url, this.now, this.now);
      local = ref.id;
      this.endpointsCreated.push(name);
      this.warnings.push({
        position,
        message: `Created the publishing endpoint "${name}" (${ref.url}) disabled and without its secret, so published articles keep their remote posts: add the secret and enable it to publish there again.`,
        messageAr: `أُنشئت وجهة النشر «${name}» (${ref.url}) معطّلة وبلا سرّها، لتحتفظ المقالات المنشورة بمنشوراتها البعيدة: أضف السر وفعّلها لتنشر إليها من جديد.`,
      });
    }
    this.endpoints.set(ref.id, local);
    return local;
  }

  write(record: ArchiveArticleRecord, action: Item['action'], position: number): { mediaAdded: number; newId: string | null } {
    if (action === 'skip') return { mediaAdded: 0, newId: null };
    let id = record.id;
    let body = record.body;
    const commentIds = new Map<string, string>();
    const overwrite = action === 'overwrite';
    const commentOwner = cached<[string], { article_id: string }>(this.db, 'SELECT article_id FROM comments WHERE id = ?');
    /** Overwrite: comments already on this article are the same comments; they stay as they are here. */
    const keptComments = new Set<string>();
    if (action === 'create_new_id') {
      id = randomUUID();
      for (const comment of record.comments) commentIds.set(comment.id, randomUUID());
    } else {
      for (const comment of record.comments) {
        const owner = commentOwner.get(comment.id);
        if (!owner) continue;
        if (overwrite && owner.article_id === id) keptComments.add(comment.id);
        else commentIds.set(comment.id, randomUUID());
      }
    }
    body = remapCommentMarks(body, commentIds);

    let mediaAdded = 0;
    const insertMedia = cached(this.db, 'INSERT OR IGNORE INTO media (hash, mime, size, name, created_at) VALUES (?, ?, ?, ?, ?)');
    for (const media of record.media) mediaAdded += insertMedia.run(media.hash, media.mime, media.size, media.name, this.now).changes;

    const bodyJson = JSON.stringify(body);
    (overwrite ? overwriteArticleRow : insertArticleRow)(this.db, {
      id,
      title: record.title,
      subtitle: record.subtitle,
      excerpt: record.excerpt,
      slug: uniqueLocalSlug(this.db, record.slug, id),
      // The record does not say whether the slug followed the title: an imported slug is kept as it is.
      slug_auto: record.slug === '' ? 1 : 0,
      section: record.section,
      tags: JSON.stringify(record.tags),
      byline: record.byline,
      featured_media: record.featuredMedia,
      status: record.status,
      status_before_spike: record.statusBeforeSpike,
      body_json: bodyJson,
      body_hash: sha256(bodyJson),
      body_text: docToText(body),
      word_count: record.wordCount,
      char_count: record.charCount,
      version: record.version,
      created_at: record.createdAt,
      updated_at: record.updatedAt,
      author_id: this.person(record.author, position),
      assignee_id: this.person(record.assignee, position),
      priority: record.priority,
      deadline: record.deadline,
      scheduled_at: record.scheduledAt,
      submitted_at: record.submittedAt,
      published_at: record.publishedAt,
    });

    const insertRevision = cached(this.db,
      `INSERT INTO revisions (article_id, article_version, reason, actor, title, word_count, content_hash, snapshot, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Overwrite: the local history stays; the archive adds the revisions it has that this database lacks.
    const revisionExists = cached(this.db, 'SELECT 1 FROM revisions WHERE article_id = ? AND article_version = ? AND content_hash = ? AND created_at = ?');
    for (const revision of record.revisions ?? []) {
      if (overwrite && revisionExists.get(id, revision.articleVersion, revision.contentHash, revision.createdAt)) continue;
      const snapshot = commentIds.size > 0 && revision.snapshot && typeof revision.snapshot === 'object' && 'body' in revision.snapshot
        ? { ...(revision.snapshot as Record<string, unknown>), body: remapCommentMarks((revision.snapshot as { body: DocNode }).body, commentIds) }
        : revision.snapshot;
      insertRevision.run(id, revision.articleVersion, revision.reason, this.actor(revision.actor), revision.title, revision.wordCount, revision.contentHash, typeof snapshot === 'string' ? snapshot : JSON.stringify(snapshot), revision.createdAt);
    }

    const insertComment = cached(this.db,
      `INSERT INTO comments (id, article_id, parent_id, author_id, body, quote, anchored, resolved_at, resolved_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const comment of record.comments) {
      if (keptComments.has(comment.id)) continue;
      // A comment's author with a name and no account here gets one (disabled) so the thread shows who wrote it.
      if (!comment.authorId.startsWith('cli:') && comment.authorName && !this.people.has(comment.authorId)) {
        const exists = cached(this.db, 'SELECT 1 FROM users WHERE id = ?').get(comment.authorId);
        if (!exists) this.person({ id: comment.authorId, name: comment.authorName, role: 'editor' }, position);
      }
      insertComment.run(
        commentIds.get(comment.id) ?? comment.id,
        id,
        comment.parentId ? (commentIds.get(comment.parentId) ?? comment.parentId) : null,
        this.actor(comment.authorId),
        comment.body,
        comment.quote,
        comment.anchored ? 1 : 0,
        comment.resolvedAt,
        comment.resolvedBy ? this.actor(comment.resolvedBy) : null,
        comment.createdAt,
        comment.updatedAt,
      );
    }

    // The audit log is append-only: an overwrite adds only the entries this database lacks.
    const seen = cached(this.db, 'SELECT 1 FROM audit WHERE article_id = ? AND at = ? AND actor = ? AND action = ?');
    const insertAudit = cached(this.db, 'INSERT INTO audit (at, actor, action, article_id, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const entry of record.audit) {
      const actor = this.actor(entry.actor);
      if (action === 'overwrite' && seen.get(id, entry.at, actor, entry.action)) continue;
      insertAudit.run(entry.at, actor, entry.action, id, entry.fromStatus, entry.toStatus, entry.detail === null || entry.detail === undefined ? null : JSON.stringify(entry.detail));
    }

    // Sync state: kept for the same article (a copy under a new id has no remote post). Rows
    // that were still waiting to be sent are held: nothing leaves Midad because of an import.
    if (action !== 'create_new_id') {
      const insertSync = cached(this.db,
        `INSERT INTO sync_items (endpoint_id, article_id, operation, state, remote_id, remote_url, remote_modified, synced_hash, remote_text_hash,
           slug, attempts, last_attempt_at, last_error_code, last_error, last_error_ar, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      );
      const hasLocalRow = cached(this.db, 'SELECT 1 FROM sync_items WHERE endpoint_id = ? AND article_id = ?');
      for (const sync of record.sync) {
        // Overwrite: what this database knows of the remote post (sent after the export, say) wins.
        if (overwrite && hasLocalRow.get(this.endpoint(sync.endpoint, position), id)) continue;
        const waiting = sync.state === 'queued' || sync.state === 'sending' || sync.state === 'retry';
        if (waiting) {
          this.warnings.push({
            position,
            message: `"${record.title}" was waiting to be sent to ${sync.endpoint.name}; it is held: approve it again to send it.`,
            messageAr: `كان «${record.title}» ينتظر الإرسال إلى ${sync.endpoint.name}؛ أُوقف: اعتمده من جديد لإرساله.`,
          });
        }
        insertSync.run(
          this.endpoint(sync.endpoint, position),
          id,
          sync.operation,
          waiting ? 'held' : sync.state,
          sync.remoteId,
          sync.remoteUrl,
          sync.remoteModified,
          sync.syncedHash,
          sync.remoteTextHash,
          sync.slug,
          sync.attempts,
          sync.lastAttemptAt,
          sync.lastError?.code ?? null,
          sync.lastError?.message ?? null,
          sync.lastError?.messageAr ?? null,
          sync.createdAt,
          sync.updatedAt,
        );
      }
    }
    return { mediaAdded, newId: id === record.id ? null : id };
  }
}
