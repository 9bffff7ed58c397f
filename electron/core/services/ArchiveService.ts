import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, MidadError } from '../../../shared/errors';
import type { ExportFilters, ExportJob, IdPolicy, ImportFormat, ImportReport, VerifyReport } from '../../../shared/ipc/channels/archive';
import { exportArchive, type ExportResult } from '../archive/exporter';
import { checkFileSize, detectFormat, fileTooLarge, MAX_ARCHIVE_BYTES } from '../archive/formats';
import { ArchiveImporter } from '../archive/importer';
import { createRenderings } from '../archive/renderings';
import { verifyArchive } from '../archive/verify';
import type { CallContext } from '../CallContext';
import { appendAudit } from '../db/queries/audit';
import { APP_VERSION } from '../version';
import type { MediaService } from './MediaService';
import type { OutboxService } from './OutboxService';
import type { SettingsService } from './SettingsService';

/** Staged uploads older than this are removed the next time anything is staged. */
const STALE_STAGE_MS = 24 * 60 * 60 * 1000;

interface StageMeta {
  name: string;
  size: number;
  received: number;
  createdAt: string;
  format: ImportFormat | null;
  complete: boolean;
}

interface RunningJob {
  job: ExportJob;
  destination: string;
  cancel: boolean;
  startedMs: number;
  promise: Promise<ExportResult | null>;
}

export interface StartExportOptions {
  filters: ExportFilters;
  includeRevisions: boolean;
  /** Absolute path of the archive to write; default `<dataDir>/exports/midad-<time>.zip`. */
  destination?: string;
}

function notFound(what: string): MidadError {
  return new MidadError(ErrorCode.NOT_FOUND, `${what} does not exist (finished long ago, or discarded).`, `${what} غير موجود (انتهى منذ مدة أو حُذف).`);
}

/** `2026-11-30T10:00:00.000Z` → `20261130-100000`: sortable, and valid in every file system. */
function stamp(iso: string): string {
  return iso.replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
}

/**
 * Archives: export jobs (start, progress, cancel; at most one article page in memory),
 * uploads staged in chunks into `<dataDir>/staging`, verification and imports. Admin only:
 * the channels are admin channels, and the CLI is an admin.
 */
export class ArchiveService {
  private readonly jobs = new Map<string, RunningJob>();
  private readonly importer: ArchiveImporter;
  readonly exportsDir: string;
  readonly stagingDir: string;

  constructor(
    private readonly db: Database,
    private readonly dataDir: string,
    private readonly deps: { media: MediaService; outbox: OutboxService; settings: SettingsService; clock: () => Date; fetch?: typeof fetch },
  ) {
    this.exportsDir = join(dataDir, 'exports');
    this.stagingDir = join(dataDir, 'staging');
    this.importer = new ArchiveImporter({
      db,
      dataDir,
      media: deps.media,
      outbox: deps.outbox,
      clock: deps.clock,
      maxImageBytes: () => deps.settings.get().maxImageBytes,
      fetch: deps.fetch,
    });
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  // ------------------------------------------------------------------ export jobs

  startExport(ctx: CallContext, options: StartExportOptions): ExportJob {
    // One export at a time: each holds a page of articles and a ZIP writer; two would double it for no gain.
    const busy = [...this.jobs.values()].find((running) => running.job.state === 'running');
    if (busy) {
      throw new MidadError(
        ErrorCode.VALIDATION,
        `An export is already running (${busy.job.done} of ${busy.job.total} articles); wait for it or cancel it.`,
        `يجري تصدير آخر الآن (${busy.job.done} من ${busy.job.total} مقالًا)؛ انتظر انتهاءه أو ألغِه.`,
        { jobId: busy.job.id },
      );
    }
    const createdAt = this.now();
    const destination = options.destination ?? this.defaultDestination(createdAt);
    const id = randomUUID();
    const job: ExportJob = { id, state: 'running', done: 0, total: 0, bytesWritten: 0, etaSeconds: null, startedAt: createdAt, file: null, error: null };
    const settings = this.deps.settings.get();
    const running: RunningJob = { job, destination, cancel: false, startedMs: Date.now(), promise: Promise.resolve(null) };
    this.jobs.set(id, running);
    running.promise = exportArchive({
      db: this.db,
      mediaFile: (hash) => {
        const file = this.deps.media.pathOf(hash);
        return /^[0-9a-f]{64}$/.test(hash) && existsSync(file) ? file : null;
      },
      filters: options.filters,
      includeRevisions: options.includeRevisions,
      destination,
      appVersion: APP_VERSION,
      createdAt,
      locale: settings.locale,
      digits: settings.digits,
      renderings: createRenderings(),
      cancelled: () => running.cancel,
      onProgress: (progress) => {
        job.done = progress.done;
        job.total = progress.total;
        job.bytesWritten = progress.bytesWritten;
        const elapsed = (Date.now() - running.startedMs) / 1000;
        job.etaSeconds = progress.done > 0 && progress.total > 0 ? Math.max(0, Math.round((elapsed / progress.done) * (progress.total - progress.done))) : null;
      },
    }).then(
      (result) => {
        job.state = 'done';
        job.file = result.file;
        job.bytesWritten = result.bytes;
        job.etaSeconds = 0;
        appendAudit(this.db, this.now(), {
          actor: ctx.actor,
          action: 'archive.export',
          detail: { file: result.file, filters: options.filters, includeRevisions: options.includeRevisions, counts: result.manifest.counts },
        });
        return result;
      },
      (error: unknown) => {
        const coded =
          error instanceof MidadError
            ? error
            : new MidadError(ErrorCode.INTERNAL, `The export failed: ${(error as Error).message}. No archive was left behind.`, `فشل التصدير: ${(error as Error).message}. لم يُترك أي أرشيف ناقص.`);
        job.state = coded.code === ErrorCode.CANCELLED ? 'cancelled' : 'failed';
        job.error = { code: coded.code, message: coded.message, messageAr: coded.messageAr };
        job.etaSeconds = null;
        return null;
      },
    );
    return { ...job };
  }

  /** `<dataDir>/exports/midad-<time>.zip`, with `-2`, `-3`… when two exports start in the same second. */
  private defaultDestination(createdAt: string): string {
    const base = join(this.exportsDir, `midad-${stamp(createdAt)}`);
    const taken = (file: string) => existsSync(file) || [...this.jobs.values()].some((job) => job.destination === file && job.job.state === 'running');
    let file = `${base}.zip`;
    for (let index = 2; taken(file); index += 1) file = `${base}-${index}.zip`;
    return file;
  }

  private running(jobId: string): RunningJob {
    const running = this.jobs.get(jobId);
    if (!running) throw notFound(`Export ${jobId}`);
    return running;
  }

  progress(jobId: string): ExportJob {
    return { ...this.running(jobId).job };
  }

  cancelExport(jobId: string): ExportJob {
    const running = this.running(jobId);
    if (running.job.state === 'running') running.cancel = true;
    return { ...running.job };
  }

  /** Resolves when the job has ended (done, failed or cancelled): the CLI and tests wait on it. */
  async waitForExport(jobId: string): Promise<ExportJob> {
    const running = this.running(jobId);
    await running.promise;
    return { ...running.job };
  }

  /** Finished archives in the exports folder, newest first. */
  exports(): { name: string; file: string; size: number; createdAt: string }[] {
    if (!existsSync(this.exportsDir)) return [];
    return readdirSync(this.exportsDir)
      .filter((name) => name.endsWith('.zip') && !name.startsWith('.'))
      .map((name) => {
        const file = join(this.exportsDir, name);
        const stat = statSync(file);
        return { name, file, size: stat.size, createdAt: stat.mtime.toISOString() };
      })
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
  }

  // ------------------------------------------------------------------ staging

  private stagePaths(stageId: string): { data: string; meta: string } {
    if (!/^[a-f0-9-]{36}$/.test(stageId)) throw notFound(`Upload ${stageId}`);
    return { data: join(this.stagingDir, stageId), meta: join(this.stagingDir, `${stageId}.json`) };
  }

  private meta(stageId: string): StageMeta {
    const { meta } = this.stagePaths(stageId);
    if (!existsSync(meta)) throw notFound(`Upload ${stageId}`);
    return JSON.parse(readFileSync(meta, 'utf8')) as StageMeta;
  }

  private saveMeta(stageId: string, meta: StageMeta): void {
    writeFileSync(this.stagePaths(stageId).meta, JSON.stringify(meta));
  }

  /** Removes staged uploads (and leftover import folders) older than a day. */
  cleanStaleStages(): number {
    if (!existsSync(this.stagingDir)) return 0;
    let removed = 0;
    const limit = Date.now() - STALE_STAGE_MS;
    for (const name of readdirSync(this.stagingDir)) {
      const path = join(this.stagingDir, name);
      try {
        if (statSync(path).mtimeMs < limit) {
          rmSync(path, { recursive: true, force: true });
          removed += 1;
        }
      } catch {
        // Gone meanwhile.
      }
    }
    return removed;
  }

  stageBegin(name: string, size: number): { stageId: string } {
    if (size > MAX_ARCHIVE_BYTES) throw fileTooLarge(name, size);
    this.cleanStaleStages();
    mkdirSync(this.stagingDir, { recursive: true });
    const stageId = randomUUID();
    writeFileSync(this.stagePaths(stageId).data, '');
    this.saveMeta(stageId, { name: name.replace(/[\u0000-\u001f]/g, ''), size, received: 0, createdAt: this.now(), format: null, complete: false });
    return { stageId };
  }

  stageChunk(stageId: string, offset: number, dataBase64: string): { received: number } {
    const meta = this.meta(stageId);
    if (meta.complete) throw new MidadError(ErrorCode.VALIDATION, 'This upload is already complete.', 'اكتمل هذا الرفع مسبقًا.');
    if (offset !== meta.received) {
      throw new MidadError(ErrorCode.VALIDATION, `Chunk at byte ${offset} was expected at byte ${meta.received}; resend from there.`, `وصل جزء عند البايت ${offset} والمنتظر البايت ${meta.received}؛ أعد الإرسال من هناك.`, {
        expected: meta.received,
      });
    }
    const bytes = Buffer.from(dataBase64, 'base64');
    if (meta.received + bytes.length > meta.size) {
      throw new MidadError(ErrorCode.VALIDATION, `The upload is larger than the ${meta.size} bytes announced.`, `الرفع أكبر من ${meta.size} بايت المعلنة.`);
    }
    const fd = openSync(this.stagePaths(stageId).data, 'r+');
    try {
      writeSync(fd, bytes, 0, bytes.length, offset);
    } finally {
      closeSync(fd);
    }
    meta.received += bytes.length;
    this.saveMeta(stageId, meta);
    return { received: meta.received };
  }

  stageEnd(stageId: string): { size: number; format: ImportFormat | null } {
    const meta = this.meta(stageId);
    if (meta.received !== meta.size) {
      throw new MidadError(ErrorCode.VALIDATION, `The upload is incomplete: ${meta.received} of ${meta.size} bytes arrived.`, `الرفع غير مكتمل: وصل ${meta.received} من ${meta.size} بايت.`);
    }
    meta.complete = true;
    meta.format = meta.size > 0 ? detectFormat(this.stagePaths(stageId).data) : null;
    this.saveMeta(stageId, meta);
    return { size: meta.size, format: meta.format };
  }

  stageDiscard(stageId: string): null {
    const paths = this.stagePaths(stageId);
    rmSync(paths.data, { force: true });
    rmSync(paths.meta, { force: true });
    return null;
  }

  private staged(stageId: string): { file: string; meta: StageMeta } {
    const meta = this.meta(stageId);
    if (!meta.complete) throw new MidadError(ErrorCode.VALIDATION, 'Finish the upload first.', 'أكمل الرفع أولًا.');
    return { file: this.stagePaths(stageId).data, meta };
  }

  // ------------------------------------------------------------------ verify and import

  /** Verifies a Midad archive (ZIP) at a path: a report, never a throw for a bad archive. */
  async verifyFile(file: string, name = file): Promise<VerifyReport> {
    checkFileSize(file, name);
    return verifyArchive(file);
  }

  verifyStaged(stageId: string): Promise<VerifyReport> {
    const { file, meta } = this.staged(stageId);
    return this.verifyFile(file, meta.name);
  }

  importFile(ctx: CallContext, file: string, options: { dryRun: boolean; idPolicy: IdPolicy; format?: ImportFormat }, name = file): Promise<ImportReport> {
    return this.importer.importFile(ctx, file, options, name);
  }

  importStaged(ctx: CallContext, stageId: string, options: { dryRun: boolean; idPolicy: IdPolicy; format?: ImportFormat }): Promise<ImportReport> {
    const { file, meta } = this.staged(stageId);
    return this.importer.importFile(ctx, file, options, meta.name);
  }
}
