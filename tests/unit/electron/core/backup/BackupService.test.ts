import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Core, DATABASE_FILE_NAME } from '../../../../../electron/core/Core';
import { CHECK_EVERY_MS, DAY_MS, headerSchemaVersion } from '../../../../../electron/core/backup/BackupService';
import { backupFileName, backupsDir, parseBackupName } from '../../../../../electron/core/backup/backupFiles';
import { latestSchemaVersion, migrate } from '../../../../../electron/core/db/migrate';
import { migrations } from '../../../../../electron/core/db/migrations';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import { FileSecretStore } from '../../../../../electron/core/secrets/FileSecretStore';
import type { CallContext } from '../../../../../electron/core/CallContext';
import type { Article } from '../../../../../shared/domain/article';
import type { BackupEntry } from '../../../../../shared/ipc/channels/archive';
import { arabicArticleDoc } from '../../../../fixtures/arabicArticle';
import { signInAs, tempCore, tempCoreSignedIn, tempDir } from '../../../../support/tempCore';

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

async function call<T>(core: Core, ctx: CallContext, channel: string, payload: unknown): Promise<T> {
  const result = await dispatch(core, channel, payload, ctx);
  if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.message}`), { code: result.error.code, payload: result.error });
  return result.value as T;
}

async function refusal(core: Core, ctx: CallContext, channel: string, payload: unknown): Promise<{ code: string; message: string; messageAr: string }> {
  const result = await dispatch(core, channel, payload, ctx);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

async function signedIn() {
  const made = await tempCoreSignedIn();
  cores.push(made.core);
  return made;
}

const titles = (core: Core) => core.open.db.prepare('SELECT title FROM articles ORDER BY created_at').pluck().all() as string[];

function readBackup<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const leftovers = (dataDir: string) => readdirSync(dataDir).filter((name) => name.startsWith('.restore-') || name.endsWith('.tmp'));

describe('backups', () => {
  it('does write a manual backup of the open database into the backups folder, listed with kind, time, size and schema', async () => {
    const { core, ctx, dataDir, clock } = await signedIn();
    await call<Article>(core, ctx, 'articles.create', { fields: { title: 'الحكومة تقر موازنة العام المقبل', body: arabicArticleDoc({ words: 200, seed: 1 }) } });
    const entry = await call<BackupEntry>(core, ctx, 'backups.create', {});
    expect(entry).toMatchObject({ kind: 'manual', createdAt: clock.now.toISOString(), schemaVersion: latestSchemaVersion() });
    const file = join(backupsDir(dataDir), entry.name);
    expect(entry.size).toBe(statSync(file).size);
    expect(parseBackupName(entry.name)).toEqual({ kind: 'manual', createdAt: clock.now });
    // A self-contained file: rollback journal, nothing beside it, readable on its own.
    expect(readdirSync(backupsDir(dataDir))).toEqual([entry.name]);
    expect(readBackup(file, (db) => db.prepare('SELECT title FROM articles').pluck().all())).toEqual(['الحكومة تقر موازنة العام المقبل']);
    expect(readBackup(file, (db) => db.pragma('journal_mode', { simple: true }))).toBe('delete');
    expect(await call<BackupEntry[]>(core, ctx, 'backups.list', {})).toEqual([entry]);
    const audit = core.open.db.prepare("SELECT actor, detail FROM audit WHERE action = 'backup.create'").all() as { actor: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ name: entry.name });
  });

  it('does refuse backups and restores to an editor', async () => {
    const { core, dataDir } = await signedIn();
    const { ctx } = await signInAs(core, 'سامي الكاتب', 'editor');
    expect((await refusal(core, ctx, 'backups.create', {})).code).toBe('FORBIDDEN');
    expect((await refusal(core, ctx, 'backups.list', {})).code).toBe('FORBIDDEN');
    expect((await refusal(core, ctx, 'backups.restore', { name: backupFileName('manual', new Date()) })).code).toBe('FORBIDDEN');
    expect(existsSync(backupsDir(dataDir))).toBe(false);
  });

  it('does keep 7 daily and 4 weekly backups a week apart when the app runs every day for six weeks', async () => {
    const { core, dataDir, clock } = tempCore(new Date('2026-10-01T08:00:00Z'));
    cores.push(core);
    const made: string[] = [];
    for (let day = 0; day < 42; day += 1) {
      const entry = await core.backups.runDaily();
      expect(entry?.kind).toBe('daily');
      made.push(entry!.createdAt);
      // Later the same day: not due again.
      clock.advance(6 * 60 * 60 * 1000);
      expect(await core.backups.runDaily()).toBeNull();
      clock.advance(DAY_MS - 6 * 60 * 60 * 1000);
    }
    const list = core.backups.list();
    const dailies = list.filter((entry) => entry.kind === 'daily').map((entry) => entry.createdAt);
    const weeklies = list.filter((entry) => entry.kind === 'weekly').map((entry) => entry.createdAt);
    expect(dailies).toEqual(made.slice(-7).reverse());
    expect(weeklies).toHaveLength(4);
    for (let index = 1; index < weeklies.length; index += 1) {
      expect(new Date(weeklies[index - 1]!).getTime() - new Date(weeklies[index]!).getTime()).toBe(7 * DAY_MS);
    }
    // The newest weekly is the newest daily that fell off the seven.
    expect(new Date(weeklies[0]!).getTime()).toBeLessThan(new Date(dailies[dailies.length - 1]!).getTime());
    expect(weeklies.every((at) => made.includes(at))).toBe(true);
    expect(readdirSync(backupsDir(dataDir))).toHaveLength(11);
  });

  it('does make no automatic backup when the setting is off, and one at start and after a day when on (timer controlled by the test)', async () => {
    const scheduled: { callback: () => void; ms: number }[] = [];
    const timers = { setTimeout: (callback: () => void, ms: number) => scheduled.push({ callback, ms }), clearTimeout: () => undefined };
    const dataDir = tempDir();
    const clock = { now: new Date('2026-11-30T10:00:00Z') };
    const core = new Core({ dataDir, clock: () => clock.now, timers });
    cores.push(core);
    const { ctx } = await signInAs(core, 'مديرة التحرير');
    await call(core, ctx, 'settings.update', { autoBackup: false });
    core.startBackups();
    expect(scheduled.map((entry) => entry.ms)).toEqual([0]);
    scheduled.shift()!.callback();
    await core.stopBackups();
    expect(core.backups.list()).toEqual([]);

    await call(core, ctx, 'settings.update', { autoBackup: true });
    core.startBackups();
    scheduled.shift()!.callback();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await core.backups.exclusive(async () => undefined);
    expect(core.backups.list().map((entry) => entry.kind)).toEqual(['daily']);
    expect(scheduled.map((entry) => entry.ms)).toEqual([CHECK_EVERY_MS]);
    // An hour later: not due; a day later: due.
    clock.now = new Date(clock.now.getTime() + CHECK_EVERY_MS);
    scheduled.shift()!.callback();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await core.backups.exclusive(async () => undefined);
    expect(core.backups.list()).toHaveLength(1);
    clock.now = new Date(clock.now.getTime() + DAY_MS);
    scheduled.shift()!.callback();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await core.stopBackups();
    expect(core.backups.list().map((entry) => entry.kind)).toEqual(['daily', 'daily']);
  });

  it('does copy an older-schema database before migrating it, and the copy still has the old schema and data', () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE_NAME);
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrate(old, migrations.slice(0, 1));
    old.prepare(`INSERT INTO articles (id, title, body_json, body_hash, body_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      'a1', 'مقال من النسخة الأولى', '{"type":"doc","content":[]}', 'h', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z',
    );
    old.close();
    const core = new Core({ dataDir, clock: () => new Date('2026-11-30T10:00:00Z') });
    cores.push(core);
    expect(core.databaseError).toBeNull();
    const backups = core.backups.list();
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ kind: 'pre-migration', schemaVersion: 1 });
    const copy = join(backupsDir(dataDir), backups[0]!.name);
    expect(readBackup(copy, (db) => db.prepare('SELECT title FROM articles').pluck().all())).toEqual(['مقال من النسخة الأولى']);
    expect(readBackup(copy, (db) => db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'users'").pluck().get())).toBe(0);
    expect(headerSchemaVersion(file)).toBeGreaterThanOrEqual(1);
    expect(core.open.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(titles(core)).toEqual(['مقال من النسخة الأولى']);
    // Opening again (nothing to migrate) makes no second copy; a fresh database none at all.
    core.close();
    const again = new Core({ dataDir });
    cores.push(again);
    expect(again.backups.list()).toHaveLength(1);
    const fresh = tempCore();
    cores.push(fresh.core);
    expect(existsSync(backupsDir(fresh.dataDir))).toBe(false);
  });

  it('does not migrate when the pre-migration copy cannot be written, leaving the old database as it was', () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE_NAME);
    const old = new Database(file);
    migrate(old, migrations.slice(0, 1));
    old.close();
    // A file where the backups folder should be: the copy cannot be made.
    writeFileSync(backupsDir(dataDir), 'not a folder');
    const core = new Core({ dataDir });
    cores.push(core);
    expect(core.databaseError?.code).toBe('DB_UNAVAILABLE');
    expect(core.databaseError?.message).toMatch(/keeps a copy of it first.*Nothing was changed/);
    expect(core.databaseError?.messageAr).toMatch(/لم يتغيّر شيء/);
    expect(readBackup(file, (db) => db.pragma('user_version', { simple: true }))).toBe(1);
  });

  it('does restart the outbox after a restore when it was running, and waits for a backup in progress', async () => {
    const { core, ctx } = await signedIn();
    core.startSync();
    const backup = await call<BackupEntry>(core, ctx, 'backups.create', {});
    const [manual, restored] = await Promise.all([core.backups.create('manual'), call<{ safetyBackup: BackupEntry }>(core, ctx, 'backups.restore', { name: backup.name })]);
    expect(manual.kind).toBe('manual');
    expect(restored.safetyBackup.kind).toBe('pre-restore');
    expect((core.open.outbox.engine as unknown as { running: boolean }).running).toBe(true);
    await core.stopSync();
  });

  it('does restore a good backup: the data comes back, the current database is kept as pre-restore, the session and the secrets survive', async () => {
    const { core, ctx, dataDir, clock } = await signedIn();
    const secrets = new FileSecretStore(dataDir);
    secrets.set('endpoint-1', 'كلمة-سر-الموقع');
    const secretsBefore = readFileSync(join(dataDir, 'secrets.json'));
    await call<Article>(core, ctx, 'articles.create', { fields: { title: 'افتتاح مهرجان المسرح العربي', body: arabicArticleDoc({ words: 150, seed: 2 }) } });
    const backup = await call<BackupEntry>(core, ctx, 'backups.create', {});
    clock.advance(60_000);
    await call<Article>(core, ctx, 'articles.create', { fields: { title: 'أمطار غزيرة في المناطق الشمالية', body: arabicArticleDoc({ words: 150, seed: 3 }) } });
    expect(titles(core)).toHaveLength(2);

    const result = await call<{ restored: BackupEntry; safetyBackup: BackupEntry }>(core, ctx, 'backups.restore', { name: backup.name });
    expect(result.restored).toMatchObject({ name: backup.name, kind: 'manual' });
    expect(result.safetyBackup.kind).toBe('pre-restore');
    expect(titles(core)).toEqual(['افتتاح مهرجان المسرح العربي']);
    // The article written after the backup is in the pre-restore copy.
    const safety = join(backupsDir(dataDir), result.safetyBackup.name);
    expect(readBackup(safety, (db) => db.prepare('SELECT title FROM articles ORDER BY created_at').pluck().all())).toEqual([
      'افتتاح مهرجان المسرح العربي',
      'أمطار غزيرة في المناطق الشمالية',
    ]);
    // Still signed in as the same admin; calls work on the restored database.
    expect(core.sessionContext().user?.name).toBe('مديرة التحرير');
    const list = await call<{ items: { title: string }[] }>(core, core.sessionContext(), 'articles.list', {});
    expect(list.items.map((item) => item.title)).toEqual(['افتتاح مهرجان المسرح العربي']);
    expect(core.open.db.prepare("SELECT count(*) FROM audit WHERE action = 'backup.restore'").pluck().get()).toBe(1);
    expect(readFileSync(join(dataDir, 'secrets.json'))).toEqual(secretsBefore);
    expect(new FileSecretStore(dataDir).get('endpoint-1')).toBe('كلمة-سر-الموقع');
    expect(leftovers(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, `${DATABASE_FILE_NAME}-wal`)) ? statSync(join(dataDir, `${DATABASE_FILE_NAME}-wal`)).size : 0).toBeLessThan(1024 * 1024);
  });

  it('does sign the user out when the restored database does not have their account', async () => {
    const other = await signedIn();
    await call<Article>(other.core, other.ctx, 'articles.create', { fields: { title: 'خبر من غرفة أخبار أخرى', body: arabicArticleDoc({ words: 50, seed: 4 }) } });
    const foreign = await call<BackupEntry>(other.core, other.ctx, 'backups.create', {});
    const { core } = await signedIn();
    await core.restoreBackup(join(backupsDir(other.dataDir), foreign.name), 'cli:test');
    expect(titles(core)).toEqual(['خبر من غرفة أخبار أخرى']);
    // Same name, but another account (another id): sign in again.
    expect(core.sessionContext().user).toBeNull();
  });

  it('does refuse a corrupt, a page-damaged, a too-new and a non-Midad file with BACKUP_INVALID and leaves the database as it was', async () => {
    const { core, ctx, dataDir, clock } = await signedIn();
    await call<Article>(core, ctx, 'articles.create', { fields: { title: 'وزير الصحة يزور المستشفى الجامعي', body: arabicArticleDoc({ words: 400, seed: 5 }) } });
    const good = await call<BackupEntry>(core, ctx, 'backups.create', {});
    const dir = backupsDir(dataDir);
    const place = (kind: 'manual' | 'daily', bytes: Buffer) => {
      clock.advance(1000);
      const name = backupFileName(kind, clock.now);
      writeFileSync(join(dir, name), bytes);
      return name;
    };
    const goodBytes = readFileSync(join(dir, good.name));
    const random = place('manual', randomBytes(64 * 1024));
    const damaged = (() => {
      const name = place('manual', goodBytes);
      const fd = openSync(join(dir, name), 'r+');
      writeSync(fd, randomBytes(goodBytes.length - 8192), 0, goodBytes.length - 8192, 4096);
      closeSync(fd);
      return name;
    })();
    const tooNew = (() => {
      const name = place('daily', goodBytes);
      const db = new Database(join(dir, name));
      db.pragma('user_version = 999');
      db.close();
      return name;
    })();
    const notMidad = (() => {
      clock.advance(1000);
      const name = backupFileName('manual', clock.now);
      const db = new Database(join(dir, name));
      db.exec('CREATE TABLE notes (x TEXT)');
      db.pragma('user_version = 2');
      db.close();
      return name;
    })();
    const databaseBefore = core.open.db.prepare('SELECT id, title, version FROM articles').all();
    const backupsBefore = core.backups.list().map((entry) => entry.name).sort();
    for (const [name, pattern] of [
      [random, /SQLite cannot read it|integrity/],
      [damaged, /integrity check failed|SQLite cannot read it/],
      [tooNew, /newer Midad \(schema 999/],
      [notMidad, /not a Midad database/],
    ] as const) {
      const error = await refusal(core, ctx, 'backups.restore', { name });
      expect(error.code, name).toBe('BACKUP_INVALID');
      expect(error.message).toMatch(pattern);
      expect(error.message).toMatch(/The current database was not changed/);
      expect(error.messageAr).toMatch(/لم تتغيّر قاعدة البيانات الحالية/);
    }
    expect(core.open.db.prepare('SELECT id, title, version FROM articles').all()).toEqual(databaseBefore);
    // No pre-restore copy was made for a refused file, nothing left over, the session is intact.
    expect(core.backups.list().map((entry) => entry.name).sort()).toEqual(backupsBefore);
    expect(leftovers(dataDir)).toEqual([]);
    expect(core.sessionContext().user?.name).toBe('مديرة التحرير');
    expect((await refusal(core, ctx, 'backups.restore', { name: '../midad.sqlite' })).code).toBe('NOT_FOUND');
    expect((await refusal(core, ctx, 'backups.restore', { name: backupFileName('manual', new Date('2020-01-01')) })).code).toBe('NOT_FOUND');
  });

  it('does migrate an older backup when it is restored (with its own pre-migration copy)', async () => {
    const { core, dataDir } = await signedIn();
    const oldFile = join(tempDir(), 'old.sqlite');
    const old = new Database(oldFile);
    migrate(old, migrations.slice(0, 1));
    old.prepare(`INSERT INTO articles (id, title, body_json, body_hash, body_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      'old-1', 'أرشيف قديم', '{"type":"doc","content":[]}', 'h', '', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z',
    );
    old.close();
    const result = await core.restoreBackup(oldFile, 'cli:test');
    expect(result.restored).toMatchObject({ name: 'old.sqlite', kind: 'manual', schemaVersion: 1 });
    expect(core.open.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(titles(core)).toEqual(['أرشيف قديم']);
    expect(core.backups.list().map((entry) => entry.kind).sort()).toEqual(['pre-migration', 'pre-restore']);
    expect(existsSync(oldFile)).toBe(true);
    void dataDir;
  });
});
