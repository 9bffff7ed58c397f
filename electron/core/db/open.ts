import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';
import { fromSqliteError } from './sqliteErrors';
import { registerSearchFunctions } from '../search/searchText';

export interface OpenDatabaseOptions {
  file: string;
  /** Path of a better-sqlite3 addon built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Run pending migrations (default true; `doctor` opens without migrating). */
  migrate?: boolean;
}

/**
 * Opens the database with WAL, foreign keys, a busy timeout and full sync (a save that
 * returned is on disk), touches the schema so a file that is not a database fails here with
 * a clear message, and runs pending migrations.
 */
export function openDatabase(options: OpenDatabaseOptions): DB {
  if (!options.readonly) mkdirSync(dirname(options.file), { recursive: true });
  let db: DB | undefined;
  try {
    db = new Database(options.file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      timeout: 5000,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // The search triggers call it: registered on every connection, before migrations run.
    registerSearchFunctions(db);
    if (options.migrate !== false && !options.readonly) migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw fromSqliteError(error, options.file) ?? error;
  }
}
