import type { Database } from 'better-sqlite3';
import { rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ErrorCode, MidadError } from '../../shared/errors';
import { ANONYMOUS, type CallContext } from './CallContext';
import { openDatabase } from './db/open';
import { schemaVersion } from './db/migrate';
import { appendAudit, type AuditEntry } from './db/queries/audit';
import { BackupService, prepareRestoreCopy, swapInDatabase } from './backup/BackupService';
import { parseBackupName } from './backup/backupFiles';
import type { BackupEntry } from '../../shared/ipc/channels/archive';
import { authHandlers, userHandlers } from './handlers/accounts';
import { archiveHandlers } from './handlers/archive';
import { backupHandlers } from './handlers/backups';
import { articleHandlers, mediaHandlers, settingsHandlers, viewHandlers } from './handlers/core';
import { historyHandlers } from './handlers/history';
import { searchHandlers } from './handlers/search';
import { spellingHandlers } from './handlers/spelling';
import { syncHandlers } from './handlers/sync';
import { workflowHandlers } from './handlers/workflow';
import type { Handlers } from './handlers/types';
import { AccountService } from './services/AccountService';
import { ArchiveService } from './services/ArchiveService';
import { ArticleService } from './services/ArticleService';
import { AuditService } from './services/AuditService';
import { CommentService } from './services/CommentService';
import { DeskService } from './services/DeskService';
import { EndpointService } from './services/EndpointService';
import { MediaService } from './services/MediaService';
import { OutboxService } from './services/OutboxService';
import { RevisionService } from './services/RevisionService';
import { SearchService } from './services/SearchService';
import { SpellService } from './services/SpellService';
import { SettingsService } from './services/SettingsService';
import { Session } from './services/Session';
import { ViewStateService } from './services/ViewStateService';
import { WorkflowService } from './services/WorkflowService';
import { FileSecretStore } from './secrets/FileSecretStore';
import { DEFAULT_TARGETS, type TargetRegistry } from './sync/targets/createTarget';
import type { EngineTimers } from './sync/SyncEngine';
import type { SecretStore } from './sync/types';
import { APP_VERSION } from './version';

export interface CoreOptions {
  dataDir: string;
  /** better-sqlite3 addon built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  clock?: () => Date;
  /** Where endpoint secrets live: safeStorage in the app; by default an encrypted file in the data directory (CLI, tests). */
  secretStore?: SecretStore;
  /** The fetch the publishing targets use (tests pass their own). */
  fetch?: typeof fetch;
  /** Publishing targets by endpoint kind (tests pass doubles). */
  targets?: TargetRegistry;
  /** Jitter source and timers of the sync engine (tests make them deterministic). */
  random?: () => number;
  timers?: EngineTimers;
  /** Where the built spelling dictionaries are (default: beside the bundle or under dist/; docs/spelling.md). */
  dictionariesDir?: string;
}

export type { Handler, Handlers } from './handlers/types';

export const DATABASE_FILE_NAME = 'midad.sqlite';

export interface OpenServices {
  db: Database;
  articles: ArticleService;
  media: MediaService;
  settings: SettingsService;
  views: ViewStateService;
  accounts: AccountService;
  session: Session;
  /** Appends to the audit log now. */
  audit: (entry: AuditEntry) => void;
  /** Reads the audit log (admin view). */
  auditLog: AuditService;
  revisions: RevisionService;
  workflow: WorkflowService;
  comments: CommentService;
  desk: DeskService;
  endpoints: EndpointService;
  outbox: OutboxService;
  search: SearchService;
  archive: ArchiveService;
  spelling: SpellService;
}

/** What a backup file to restore is: its kind and time when it has a backup's name, else a manual copy of now. */
function describeBackup(file: string, schemaVersion: number): BackupEntry {
  const parsed = parseBackupName(basename(file));
  return {
    name: basename(file),
    kind: parsed?.kind ?? 'manual',
    createdAt: (parsed?.createdAt ?? statSync(file).mtime).toISOString(),
    size: statSync(file).size,
    schemaVersion,
  };
}

/**
 * The application: every rule lives behind this object. The Electron main, the test harness
 * and the CLI all hold one and call it through `dispatch`. A database that cannot be opened
 * does not throw here: the core stays up, reports the problem through `app.info`, and refuses
 * every other call with the same coded error, so the window can show a clear screen instead
 * of crash-looping.
 */
export class Core {
  readonly dataDir: string;
  readonly databaseFile: string;
  // Reassigned when a backup is restored: the database is closed, replaced and opened again.
  private services: OpenServices | null = null;
  private openError: MidadError | null = null;
  private readonly options: CoreOptions;
  private readonly clock: () => Date;
  private syncStarted = false;
  /** Backups of this data directory (they outlive a reopen: they hold the database through a getter). */
  readonly backups: BackupService;
  readonly handlers: Handlers;

  constructor(options: CoreOptions) {
    this.options = options;
    this.clock = options.clock ?? (() => new Date());
    this.dataDir = options.dataDir;
    this.databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
    this.backups = new BackupService({
      dataDir: options.dataDir,
      clock: this.clock,
      db: () => (this.services?.db.open ? this.services.db : null),
      autoBackup: () => this.services?.settings.get().autoBackup ?? false,
      nativeBinding: options.nativeBinding,
      timers: options.timers,
    });
    this.reopen();
    this.handlers = this.buildHandlers();
  }

  /** Why the database could not be opened (null when it is open). */
  get databaseError(): MidadError | null {
    return this.openError;
  }

  /** Opens the database and builds the services on it; a database that cannot be opened is recorded, not thrown. */
  private reopen(): void {
    try {
      this.services = this.openServices();
      this.openError = null;
    } catch (error) {
      if (!(error instanceof MidadError)) throw error;
      this.services = null;
      this.openError = error;
    }
  }

  private openServices(): OpenServices {
    const options = this.options;
    const clock = this.clock;
    const db = openDatabase({ file: this.databaseFile, nativeBinding: options.nativeBinding });
    const settings = new SettingsService(db);
    const audit = (entry: AuditEntry) => appendAudit(db, clock().toISOString(), entry);
    const session = new Session(clock, () => settings.get().idleLockMinutes, (user) =>
      audit({ actor: user.id, action: 'auth.lock', detail: { reason: 'idle' } }),
    );
    const articles = new ArticleService(db, {
      clock,
      revisionIntervalMinutes: () => settings.get().revisionIntervalMinutes,
      allowSelfApproval: () => settings.get().allowSelfApproval,
      slugStyle: () => settings.get().slugStyle,
    });
    const comments = new CommentService(db, clock);
    const media = new MediaService(db, options.dataDir, { clock, maxImageBytes: () => settings.get().maxImageBytes });
    const endpoints = new EndpointService(
      db,
      options.secretStore ?? new FileSecretStore(options.dataDir),
      options.targets ?? DEFAULT_TARGETS,
      { fetch: options.fetch ?? fetch, clock },
      clock,
    );
    const outbox = new OutboxService(db, endpoints, media, {
      clock,
      random: options.random,
      timers: options.timers,
      // A failed pass or an unexpected error must leave a trace (never a secret: errors carry hosts only).
      log: (message: string, error?: unknown) => console.error(`[midad] ${message}`, error ?? ''),
    });
    return {
      db,
      settings,
      audit,
      auditLog: new AuditService(db),
      session,
      accounts: new AccountService(db, clock),
      articles,
      revisions: new RevisionService(db, articles, clock),
      media,
      views: new ViewStateService(db, clock),
      comments,
      workflow: new WorkflowService(db, articles, comments, clock, outbox),
      desk: new DeskService(db),
      endpoints,
      outbox,
      search: new SearchService(db),
      archive: new ArchiveService(db, options.dataDir, { media, outbox, settings, clock, fetch: options.fetch }),
      spelling: new SpellService(db, { clock, audit, dictionariesDir: options.dictionariesDir }),
    };
  }

  /** The open services; throws the database error when the database could not be opened. */
  get open(): OpenServices {
    if (!this.services) throw this.databaseError!;
    return this.services;
  }

  private buildHandlers(): Handlers {
    const open = () => this.open;
    return {
      'app.info': () => ({
        appVersion: APP_VERSION,
        schemaVersion: this.services ? schemaVersion(this.services.db) : 0,
        dataDir: this.dataDir,
        databaseFile: this.databaseFile,
        databaseError: this.databaseError
          ? { code: this.databaseError.code, message: this.databaseError.message, messageAr: this.databaseError.messageAr }
          : null,
      }),
      ...articleHandlers(open),
      ...mediaHandlers(open),
      ...settingsHandlers(open),
      ...viewHandlers(open),
      ...workflowHandlers(open),
      ...historyHandlers(open),
      ...syncHandlers(open),
      ...authHandlers(open),
      ...userHandlers(open),
      ...archiveHandlers(open),
      ...backupHandlers(open, this),
      ...searchHandlers(open),
      ...spellingHandlers(open),
    };
  }

  /** Who the window is acting as: the signed-in user, or anonymous (the Electron main and the harness use this). */
  sessionContext(): CallContext {
    const services = this.services;
    if (!services) return ANONYMOUS;
    // The role and the disabled flag are read afresh on every call: an admin's change (in the
    // app or through the CLI, from another process) takes effect at once, not at next sign-in.
    const held = services.session.current();
    if (held) {
      const stored = services.accounts.findById(held.id);
      if (!stored || stored.disabled) services.session.signOut();
      else if (stored.role !== held.role || stored.name !== held.name) services.session.refresh(stored);
    }
    return services.session.context();
  }

  /** Media bytes for the app protocol (Electron) or the harness route; null answers 404. */
  readMedia(hash: string): { mime: string; bytes: Buffer } | null {
    return this.services?.media.read(hash) ?? null;
  }

  /** Starts sending approved articles in the background (the app; the CLI uses outbox.runOnce). */
  startSync(): void {
    this.syncStarted = true;
    this.services?.outbox.engine.start();
  }

  /** Stops the background sender, waiting for requests in flight to be recorded. */
  async stopSync(): Promise<void> {
    this.syncStarted = false;
    await this.services?.outbox.engine.stop();
  }

  /** Starts the automatic daily backup (the app; when the `autoBackup` setting is on): now if due, then hourly checks. */
  startBackups(): void {
    this.backups.start();
  }

  /** Stops the automatic backups, waiting for one in progress. */
  async stopBackups(): Promise<void> {
    await this.backups.stop();
  }

  /**
   * Replaces the database with a backup file. The file is checked first (a copy of it: SQLite's
   * integrity check, a Midad schema not newer than this app) and a bad one changes nothing
   * (BACKUP_INVALID). Then the current database is kept as a `pre-restore` backup, the sender
   * stops, the database closes, the checked copy takes its place and everything reopens (an
   * older backup is migrated, with its own pre-migration copy). The signed-in user stays signed
   * in when the restored database has the same account, enabled; otherwise they sign in again.
   * When the current database cannot be opened (damaged), its file is kept as the pre-restore copy.
   */
  restoreBackup(file: string, actor: string): Promise<{ restored: BackupEntry; safetyBackup: BackupEntry }> {
    return this.backups.exclusive(async () => {
      // A database that cannot be opened (damaged, too new) can still be replaced: its file is kept as it is.
      const before = this.services;
      const { copy, schemaVersion: restoredVersion } = prepareRestoreCopy(file, this.databaseFile, this.options.nativeBinding);
      const wasSyncing = this.syncStarted;
      const restored = describeBackup(file, restoredVersion);
      try {
        await before?.outbox.engine.stop();
        const safetyBackup = before ? await this.backups.createNow('pre-restore') : this.backups.keepFileAs('pre-restore', this.databaseFile);
        const held = before?.session.current() ?? null;
        if (before?.db.open) {
          before.db.pragma('wal_checkpoint(TRUNCATE)');
          before.db.close();
        }
        swapInDatabase(copy, this.databaseFile);
        this.reopen();
        if (!this.services) {
          // Cannot happen for a checked file; if it does, the safety copy goes back in.
          const back = prepareRestoreCopy(join(this.backups.dir, safetyBackup.name), this.databaseFile, this.options.nativeBinding);
          swapInDatabase(back.copy, this.databaseFile);
          const failure = this.openError;
          this.reopen();
          throw failure ?? new MidadError(ErrorCode.INTERNAL, 'The restored database could not be opened.', 'تعذّر فتح قاعدة البيانات المستعادة.');
        }
        const after = this.services;
        if (held) {
          const stored = after.accounts.findById(held.id);
          if (stored && !stored.disabled) after.session.signIn(stored);
        }
        after.audit({ actor, action: 'backup.restore', detail: { file: basename(file), schemaVersion: restoredVersion, safetyBackup: safetyBackup.name } });
        return { restored, safetyBackup };
      } finally {
        rmSync(copy, { force: true });
        if (wasSyncing) this.services?.outbox.engine.start();
      }
    });
  }

  close(): void {
    void this.backups.stop();
    if (this.services?.db.open) {
      this.services.db.pragma('wal_checkpoint(TRUNCATE)');
      this.services.db.close();
    }
  }
}
