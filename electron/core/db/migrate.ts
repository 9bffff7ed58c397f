import type { Database } from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ErrorCode, MidadError } from '../../../shared/errors';
import { migrations as shippedMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { backupsDir, freeBackupName } from '../backup/backupFiles';

export function latestSchemaVersion(migrations: readonly Migration[] = shippedMigrations): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The refusal of a database written by a newer Midad (the app and `midad doctor` say the same). */
export function databaseTooNewError(found: number, supported: number): MidadError {
  return new MidadError(
    ErrorCode.DB_TOO_NEW,
    `This database was written by a newer version of Midad (schema ${found}; this app knows ${supported}). Update Midad to open it.`,
    `كُتبت قاعدة البيانات هذه بإصدار أحدث من مداد (المخطط ${found}؛ هذا التطبيق يعرف حتى ${supported}). حدّث مداد لفتحها.`,
    { found, supported },
  );
}

export interface MigrateOptions {
  /**
   * Before migrating a database that already holds data (user_version > 0), keep a
   * `pre-migration` copy in `<folder of the file>/backups/` (default true; databases in memory
   * have no folder and are skipped).
   */
  backupBefore?: boolean;
  clock?: () => Date;
}

/**
 * The pre-migration copy: `VACUUM INTO` gives a consistent, self-contained snapshot (WAL pages
 * included, rollback journal mode) synchronously, before the migrations' transaction begins.
 * Written under a temporary name and renamed, so a failure leaves no half copy — and stops the
 * migration (an upgrade never runs without its way back).
 */
export function preMigrationBackup(db: Database, clock: () => Date = () => new Date()): string | null {
  const file = db.name;
  if (!file || file === ':memory:' || db.memory || db.readonly) return null;
  const dataDir = dirname(file);
  const folder = backupsDir(dataDir);
  let temporary: string | null = null;
  try {
    mkdirSync(folder, { recursive: true });
    const target = join(folder, freeBackupName(dataDir, 'pre-migration', clock()));
    temporary = `${target}.tmp`;
    db.prepare('VACUUM INTO ?').run(temporary);
    renameSync(temporary, target);
    return target;
  } catch (error) {
    if (temporary) rmSync(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    const full = /SQLITE_FULL|ENOSPC/.test(`${(error as { code?: string }).code ?? ''} ${reason}`);
    throw new MidadError(
      full ? ErrorCode.DISK_FULL : ErrorCode.DB_UNAVAILABLE,
      `Midad must upgrade the database ${file} and keeps a copy of it first, but could not write the copy into ${folder} (${reason}). Nothing was changed. Free some space or fix the folder's permissions, then start Midad again.`,
      `يجب أن يرقّي مداد قاعدة البيانات \u2068${file}\u2069 ويحفظ نسخة منها أولًا، لكنه تعذّر عليه كتابة النسخة في \u2068${folder}\u2069 (\u2068${reason}\u2069). لم يتغيّر شيء. أفرغ بعض المساحة أو أصلح أذونات المجلد، ثم شغّل مداد من جديد.`,
      { folder },
    );
  }
}

/**
 * Brings the database to the latest schema: all pending migrations and the new
 * `user_version` in one transaction, so a failure leaves the file as it was. A database
 * written by a newer Midad is refused, never downgraded. A database with data is copied to
 * the backups folder first (see `preMigrationBackup`).
 */
export function migrate(db: Database, migrations: readonly Migration[] = shippedMigrations, options: MigrateOptions = {}): { from: number; to: number } {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
  const from = schemaVersion(db);
  const latest = latestSchemaVersion(migrations);
  if (from > latest) throw databaseTooNewError(from, latest);
  const pending = migrations.filter((migration) => migration.version > from);
  if (pending.length > 0) {
    if (from > 0 && options.backupBefore !== false) preMigrationBackup(db, options.clock);
    db.transaction(() => {
      for (const migration of pending) migration.up(db);
      db.pragma(`user_version = ${latest}`);
    })();
  }
  return { from, to: latest };
}
