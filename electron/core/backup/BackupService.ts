import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupEntry } from '../../../shared/ipc/channels/archive';
import { ErrorCode, MidadError } from '../../../shared/errors';
import { latestSchemaVersion } from '../db/migrate';
import type { EngineTimers } from '../sync/SyncEngine';
import { backupsDir, freeBackupName, listBackupFiles, parseBackupName, type BackupFile, type BackupKind } from './backupFiles';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Retention: daily and weekly backups kept; a daily falling off the seven becomes the weekly when the last weekly is a week older. */
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
/** Pre-migration and pre-restore safety copies kept (newest); manual backups are never removed automatically. */
export const KEEP_SAFETY = 10;
/** How often the running app looks whether the daily backup is due. */
export const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface BackupServiceOptions {
  dataDir: string;
  clock: () => Date;
  /** The open database, or null while it cannot be opened. */
  db: () => DB | null;
  /** The `autoBackup` setting. */
  autoBackup: () => boolean;
  nativeBinding?: string;
  timers?: EngineTimers;
  log?: (message: string, error?: unknown) => void;
}

const realTimers: EngineTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The schema version in a SQLite file's header (bytes 60–63), without opening it; null when it is not SQLite. */
export function headerSchemaVersion(file: string): number | null {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const header = Buffer.alloc(100);
    if (readSync(fd, header, 0, 100, 0) < 100) return null;
    if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') return null;
    return header.readUInt32BE(60);
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export function toEntry(file: BackupFile): BackupEntry {
  return { name: file.name, kind: file.kind, createdAt: file.createdAt.toISOString(), size: file.size, schemaVersion: headerSchemaVersion(file.file) };
}

function invalid(file: string, reason: string, reasonAr: string, detail: Record<string, unknown> = {}): MidadError {
  return new MidadError(
    ErrorCode.BACKUP_INVALID,
    `${basename(file)} cannot be restored: ${reason} The current database was not changed.`,
    `لا يمكن استعادة \u2068${basename(file)}\u2069: ${reasonAr} لم تتغيّر قاعدة البيانات الحالية.`,
    { file: basename(file), ...detail },
  );
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a finished copy a self-contained file (rollback journal, no -wal/-shm beside it) and checks that SQLite reads it. */
function settle(file: string, nativeBinding?: string): void {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  fsyncFile(file);
}

/**
 * A copy of a database file to restore, checked: copied beside the live database first (so
 * what is checked is exactly what replaces it, and the source is never touched), then SQLite's
 * integrity check, a Midad schema, and a version this app knows (an older one is migrated on
 * opening). Returns the checked copy; a bad file throws BACKUP_INVALID and leaves nothing behind.
 */
export function prepareRestoreCopy(source: string, databaseFile: string, nativeBinding?: string): { copy: string; schemaVersion: number } {
  if (!existsSync(source) || !statSync(source).isFile()) {
    throw invalid(source, 'the file does not exist.', 'الملف غير موجود.');
  }
  const copy = join(dirname(databaseFile), `.restore-${randomUUID()}.sqlite`);
  copyFileSync(source, copy);
  let db: DB | null = null;
  try {
    db = new Database(copy, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    db.pragma('journal_mode = DELETE');
    const problems = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw invalid(source, `SQLite's integrity check failed (${problems.slice(0, 3).join('; ')}).`, `أخفق فحص السلامة في SQLite (\u2068${problems.slice(0, 3).join('; ')}\u2069).`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const latest = latestSchemaVersion();
    if (version > latest) {
      throw invalid(
        source,
        `it was written by a newer Midad (schema ${version}; this app knows ${latest}). Update Midad first.`,
        `كتبه إصدار أحدث من مداد (المخطط ${version}؛ هذا التطبيق يعرف حتى ${latest}). حدّث مداد أولًا.`,
        { found: version, supported: latest },
      );
    }
    const hasArticles = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'").get() !== undefined;
    if (version < 1 || !hasArticles) throw invalid(source, 'it is not a Midad database.', 'ليس قاعدة بيانات مداد.');
    db.close();
    db = null;
    fsyncFile(copy);
    return { copy, schemaVersion: version };
  } catch (error) {
    if (db?.open) db.close();
    rmSync(copy, { force: true });
    rmSync(`${copy}-journal`, { force: true });
    if (error instanceof MidadError) throw error;
    const text = error instanceof Error ? error.message : String(error);
    throw invalid(source, `SQLite cannot read it as a database (${text}).`, `لا يقرؤه SQLite على أنه قاعدة بيانات (\u2068${text}\u2069).`);
  }
}

/**
 * Puts a checked copy in place of the (closed) database: the old -wal and -shm go first (their
 * pages belong to the old file and would be replayed into the new one), then one rename.
 */
export function swapInDatabase(copy: string, databaseFile: string): void {
  rmSync(`${databaseFile}-wal`, { force: true });
  rmSync(`${databaseFile}-shm`, { force: true });
  renameSync(copy, databaseFile);
  // The rename itself survives a power cut only once the folder is synced (best effort: not every platform allows it).
  try {
    const fd = openSync(dirname(databaseFile), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder; NTFS journals the rename.
  }
}

/**
 * Online backups of the open database (better-sqlite3's `backup()`: the app keeps working
 * meanwhile) into `<dataDir>/backups/`, named by kind and time; the automatic daily backup and
 * its retention. Restoring needs the core (it closes and reopens the database): see Core.
 */
export class BackupService {
  private readonly timers: EngineTimers;
  private timer: unknown = null;
  private running = false;
  /** Backups and restores one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BackupServiceOptions) {
    this.timers = options.timers ?? realTimers;
  }

  get dir(): string {
    return backupsDir(this.options.dataDir);
  }

  list(): BackupEntry[] {
    return listBackupFiles(this.options.dataDir).map(toEntry);
  }

  /** The backup of this name in the folder (names only: a path or anything else is NOT_FOUND). */
  resolve(name: string): BackupFile {
    const found = parseBackupName(name) ? listBackupFiles(this.options.dataDir).find((file) => file.name === name) : undefined;
    if (!found) {
      throw new MidadError(ErrorCode.NOT_FOUND, `There is no backup named ${name}.`, `لا توجد نسخة احتياطية باسم \u2068${name}\u2069.`, { name });
    }
    return found;
  }

  /** Runs `work` after every backup or restore already started (never two at once). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private database(): DB {
    const db = this.options.db();
    if (!db) throw new MidadError(ErrorCode.DB_UNAVAILABLE, 'The database is not open; there is nothing to back up.', 'قاعدة البيانات غير مفتوحة؛ لا شيء لنسخه احتياطيًا.');
    return db;
  }

  /** An online copy of the open database into `target` (written beside it, then renamed: never a half file). */
  async backupTo(target: string): Promise<void> {
    const db = this.database();
    mkdirSync(dirname(target), { recursive: true });
    const temporary = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`);
    try {
      await db.backup(temporary);
      settle(temporary, this.options.nativeBinding);
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }

  /** A new backup of this kind in the backups folder (then retention runs). */
  create(kind: BackupKind): Promise<BackupEntry> {
    return this.exclusive(() => this.createNow(kind));
  }

  /** Inside `exclusive` (the restore takes its safety copy this way). */
  async createNow(kind: BackupKind): Promise<BackupEntry> {
    const at = this.options.clock();
    mkdirSync(this.dir, { recursive: true });
    const name = freeBackupName(this.options.dataDir, kind, at);
    await this.backupTo(join(this.dir, name));
    this.prune();
    return toEntry(listBackupFiles(this.options.dataDir).find((file) => file.name === name)!);
  }

  /** A plain copy of a database file that cannot be opened (a damaged one being replaced), its -wal beside it when there is one. */
  keepFileAs(kind: BackupKind, databaseFile: string): BackupEntry {
    mkdirSync(this.dir, { recursive: true });
    const name = freeBackupName(this.options.dataDir, kind, this.options.clock());
    const target = join(this.dir, name);
    copyFileSync(databaseFile, `${target}.tmp`);
    if (existsSync(`${databaseFile}-wal`)) copyFileSync(`${databaseFile}-wal`, `${target}-wal`);
    renameSync(`${target}.tmp`, target);
    return toEntry(listBackupFiles(this.options.dataDir).find((file) => file.name === name)!);
  }

  /**
   * Retention. Dailies: the newest 7. A daily falling off becomes a weekly (renamed, same time)
   * when the newest weekly is at least 7 days older than it, else it is deleted; weeklies: the
   * newest 4. Pre-migration and pre-restore copies: the newest 10 of each. Manual: all kept.
   */
  prune(): void {
    const files = listBackupFiles(this.options.dataDir);
    const ofKind = (kind: BackupKind) => files.filter((file) => file.kind === kind);
    const dailies = ofKind('daily');
    let lastWeekly = ofKind('weekly')[0]?.createdAt.getTime() ?? null;
    for (const daily of dailies.slice(KEEP_DAILY).reverse()) {
      const at = daily.createdAt.getTime();
      if (lastWeekly === null || at - lastWeekly >= 7 * DAY_MS) {
        renameSync(daily.file, join(this.dir, freeBackupName(this.options.dataDir, 'weekly', daily.createdAt)));
        lastWeekly = at;
      } else {
        rmSync(daily.file, { force: true });
      }
    }
    const keep = (kind: BackupKind, count: number) => {
      for (const file of listBackupFiles(this.options.dataDir).filter((found) => found.kind === kind).slice(count)) rmSync(file.file, { force: true });
    };
    keep('weekly', KEEP_WEEKLY);
    keep('pre-migration', KEEP_SAFETY);
    keep('pre-restore', KEEP_SAFETY);
  }

  /** True when automatic backups are on and the newest daily (or weekly) is 24 hours old or more, or missing. */
  dailyDue(): boolean {
    if (!this.options.db() || !this.options.autoBackup()) return false;
    const last = listBackupFiles(this.options.dataDir).find((file) => file.kind === 'daily' || file.kind === 'weekly');
    return !last || this.options.clock().getTime() - last.createdAt.getTime() >= DAY_MS;
  }

  /** Makes the daily backup if it is due; null when it was not. */
  runDaily(): Promise<BackupEntry | null> {
    return this.exclusive(async () => (this.dailyDue() ? this.createNow('daily') : null));
  }

  /** The running app: the daily backup now if it is due, then a look every hour. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops the timer and waits for a backup in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    try {
      await this.runDaily();
    } catch (error) {
      (this.options.log ?? ((message, caught) => console.error(`[midad] ${message}`, caught)))('the daily backup failed', error);
    }
    if (this.running) this.schedule(CHECK_EVERY_MS);
  }
}
