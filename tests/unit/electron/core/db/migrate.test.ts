import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrate, schemaVersion } from '../../../../../electron/core/db/migrate';
import { openDatabase } from '../../../../../electron/core/db/open';
import type { Migration } from '../../../../../electron/core/db/migrations/types';
import { Core } from '../../../../../electron/core/Core';
import { MidadError } from '../../../../../shared/errors';
import { tempDir } from '../../../../support/tempCore';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

describe('migrations', () => {
  it('does create every table, WAL and foreign keys when the database is empty', () => {
    const db = openDatabase({ file: join(tempDir(), 'midad.sqlite') });
    open.push(db);
    expect(schemaVersion(db)).toBe(latestSchemaVersion());
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['articles', 'audit', 'media', 'revisions', 'settings', 'view_state']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  });

  it('does use the articles index when listing newest first', () => {
    const db = openDatabase({ file: join(tempDir(), 'midad.sqlite') });
    open.push(db);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM articles WHERE status <> 'spiked' ORDER BY updated_at DESC, id LIMIT 50")
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join(' | ');
    expect(plan).toMatch(/articles_by_updated/);
  });

  it('does refuse a database from a newer Midad with a clear message and leaves it untouched', () => {
    const file = join(tempDir(), 'midad.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    let caught: unknown;
    try {
      openDatabase({ file });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MidadError);
    expect((caught as MidadError).code).toBe('DB_TOO_NEW');
    expect((caught as MidadError).message).toMatch(/newer version of Midad/);
    expect((caught as MidadError).messageAr).toMatch(/إصدار أحدث/);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(999);
    after.close();
  });

  it('does roll back every pending migration when one of them fails', () => {
    const db = new Database(join(tempDir(), 'x.sqlite'));
    open.push(db);
    const migrations: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (x INTEGER) STRICT') },
      { version: 2, name: 'two', up: (d) => d.exec('CREATE TABLE broken (') },
    ];
    expect(() => migrate(db, migrations)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'one'").pluck().get()).toBe(0);
  });

  it('does refuse migrations that are out of order', () => {
    const db = new Database(':memory:');
    open.push(db);
    expect(() => migrate(db, [{ version: 2, name: 'skipped-one', up: () => undefined }])).toThrow(/expected 1/);
  });

  it('does report a file that is not a database through app.info instead of crashing', async () => {
    const dataDir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dataDir, 'midad.sqlite'), Buffer.alloc(8192, 7));
    const core = new Core({ dataDir });
    const info = core.handlers['app.info']({}, { actor: 'anonymous', user: null }) as { databaseError: { code: string; message: string } | null };
    expect(info.databaseError?.code).toBe('DB_CORRUPT');
    expect(info.databaseError?.message).toContain(join(dataDir, 'midad.sqlite'));
    expect(() => core.handlers['articles.list']({}, { actor: 'anonymous', user: null })).toThrow(/damaged or is not a Midad database/);
  });
});
