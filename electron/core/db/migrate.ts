import type { Database } from 'better-sqlite3';
import { ErrorCode, MidadError } from '../../../shared/errors';
import { migrations as shippedMigrations } from './migrations';
import type { Migration } from './migrations/types';

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

/**
 * Brings the database to the latest schema: all pending migrations and the new
 * `user_version` in one transaction, so a failure leaves the file as it was. A database
 * written by a newer Midad is refused, never downgraded.
 */
export function migrate(db: Database, migrations: readonly Migration[] = shippedMigrations): { from: number; to: number } {
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
    db.transaction(() => {
      for (const migration of pending) migration.up(db);
      db.pragma(`user_version = ${latest}`);
    })();
  }
  return { from, to: latest };
}
