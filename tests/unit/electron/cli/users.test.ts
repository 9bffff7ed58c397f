import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInstall, type Run } from './cliInstall';
import { Core, DATABASE_FILE_NAME } from '../../../../electron/core/Core';
import { TEST_PASSWORD, signInAs, tempCore, tempDir } from '../../../support/tempCore';

const { install: INSTALL, midad: run } = cliInstall('users');
const CLI_ACTOR = `cli:${userInfo().username}`;

function midad(args: string[], input?: string): Run {
  return run(args, { input });
}

/** A closed data directory whose first admin was set up in the app. */
async function deskDataDir(): Promise<string> {
  const { core, dataDir } = tempCore();
  await signInAs(core, 'مديرة التحرير', 'admin');
  core.close();
  return dataDir;
}

interface AuditRow {
  actor: string;
  action: string;
  detail: string;
}

function readDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const userAudit = (dataDir: string) =>
  readDatabase(dataDir, (db) => db.prepare("SELECT actor, action, detail FROM audit WHERE action LIKE 'user.%' ORDER BY id").all() as AuditRow[]);

describe('midad users add', () => {
  it('does add a user whose piped password signs in, audited as the CLI and the OS user', async () => {
    const dataDir = await deskDataDir();
    const run = midad(['--data-dir', dataDir, 'users', 'add', '--name', 'سلمى الكاتبة', '--role', 'editor'], 'secret-password-2026\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Added editor "سلمى الكاتبة" \([0-9a-f-]{36}\)\.\n/);
    expect(run.stdout).toContain('أُضيف المستخدم «سلمى الكاتبة» بدور محرر.');
    expect(run.stdout).not.toContain('secret-password-2026');

    const core = new Core({ dataDir });
    const user = core.open.accounts.findByName('سلمى الكاتبة')!;
    expect(user.role).toBe('editor');
    await expect(core.open.accounts.verify(user.id, 'secret-password-2026', 'sign-in')).resolves.toMatchObject({ name: 'سلمى الكاتبة' });
    core.close();

    const created = userAudit(dataDir).filter((row) => row.action === 'user.create');
    expect(created).toHaveLength(1);
    expect(created[0]!.actor).toBe(CLI_ACTOR);
    expect(JSON.parse(created[0]!.detail)).toMatchObject({ userId: user.id, name: 'سلمى الكاتبة', role: 'editor' });
    // The hash never lands in the audit detail.
    expect(created[0]!.detail).not.toMatch(/scrypt|secret/);
  });

  it('does take only the first line of standard input, without its line ending', async () => {
    const dataDir = await deskDataDir();
    const run = midad(['--data-dir', dataDir, 'users', 'add', '--name', 'Karim', '--role', 'reviewer'], 'كلمة سر المدقق الطويلة\r\nsecond line\n');
    expect(run.status).toBe(0);
    const core = new Core({ dataDir });
    const user = core.open.accounts.findByName('karim')!;
    await expect(core.open.accounts.verify(user.id, 'كلمة سر المدقق الطويلة', 'sign-in')).resolves.toMatchObject({ role: 'reviewer' });
    core.close();
  });

  it('does refuse with exit 2 and add nobody when the password is shorter than 10 characters or missing', async () => {
    const dataDir = await deskDataDir();
    const short = midad(['--data-dir', dataDir, 'users', 'add', '--name', 'قصير', '--role', 'editor'], 'short\n');
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 10 characters');
    expect(short.stderr).toContain('10 أحرف على الأقل');
    const none = midad(['--data-dir', dataDir, 'users', 'add', '--name', 'قصير', '--role', 'editor']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('No password on standard input');
    expect(userAudit(dataDir).filter((row) => row.action === 'user.create' && row.actor.startsWith('cli:'))).toHaveLength(0);
  });

  it('does refuse with exit 2 when the role or the name is missing or wrong', async () => {
    const dataDir = await deskDataDir();
    const noRole = midad(['--data-dir', dataDir, 'users', 'add', '--name', 'سلمى'], `${TEST_PASSWORD}\n`);
    expect(noRole.status).toBe(2);
    expect(noRole.stderr).toContain('--role editor, reviewer or admin');
    expect(midad(['--data-dir', dataDir, 'users', 'add', '--name', 'سلمى', '--role', 'chief'], `${TEST_PASSWORD}\n`).status).toBe(2);
    expect(midad(['--data-dir', dataDir, 'users', 'add', '--role', 'editor'], `${TEST_PASSWORD}\n`).status).toBe(2);
  });

  it('does exit 1 naming the clash when the name is taken, whatever its case', async () => {
    const dataDir = await deskDataDir();
    expect(midad(['--data-dir', dataDir, 'users', 'add', '--name', 'Layla', '--role', 'editor'], `${TEST_PASSWORD}\n`).status).toBe(0);
    const again = midad(['--data-dir', dataDir, 'users', 'add', '--name', 'layla', '--role', 'admin'], `${TEST_PASSWORD}\n`);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/ALREADY_EXISTS.*There is already a user named "layla"/);
    expect(again.stderr).toMatch(/^خطأ: يوجد مستخدم باسم/m);
  });

  it('does refuse without creating a database when the data directory has none', () => {
    const dataDir = tempDir();
    const run = midad(['--data-dir', dataDir, 'users', 'add', '--name', 'سلمى', '--role', 'editor'], `${TEST_PASSWORD}\n`);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DB_MISSING/);
    expect(existsSync(join(dataDir, DATABASE_FILE_NAME))).toBe(false);
  });

  it('does refuse a first account that is not an admin, so first-run setup is not lost', () => {
    const { core, dataDir } = tempCore();
    core.close();
    const run = midad(['--data-dir', dataDir, 'users', 'add', '--name', 'سلمى', '--role', 'editor'], `${TEST_PASSWORD}\n`);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no admin yet/);
    expect(readDatabase(dataDir, (db) => db.prepare('SELECT count(*) FROM users').pluck().get())).toBe(0);
  });
});

describe('midad users list', () => {
  it('does list every user with role and status as JSON, without any password hash', async () => {
    const dataDir = await deskDataDir();
    midad(['--data-dir', dataDir, 'users', 'add', '--name', 'سلمى الكاتبة', '--role', 'editor'], `${TEST_PASSWORD}\n`);
    midad(['--data-dir', dataDir, 'users', 'add', '--name', 'كريم المدقق', '--role', 'reviewer'], `${TEST_PASSWORD}\n`);
    midad(['--data-dir', dataDir, 'users', 'disable', 'كريم المدقق']);
    const run = midad(['--data-dir', dataDir, 'users', 'list', '--json']);
    expect(run.status).toBe(0);
    const users = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(users.map((user) => [user.name, user.role, user.disabled])).toEqual([
      ['سلمى الكاتبة', 'editor', false],
      ['مديرة التحرير', 'admin', false],
      ['كريم المدقق', 'reviewer', true],
    ]);
    const hashes = readDatabase(dataDir, (db) => db.prepare('SELECT password_hash FROM users').pluck().all() as string[]);
    for (const hash of hashes) expect(run.stdout).not.toContain(hash);
    expect(run.stdout).not.toMatch(/hash|salt|scrypt/i);
  });

  it('does print a table with the Arabic names, roles in both languages and status', async () => {
    const dataDir = await deskDataDir();
    midad(['--data-dir', dataDir, 'users', 'add', '--name', 'سلمى الكاتبة', '--role', 'editor'], `${TEST_PASSWORD}\n`);
    const run = midad(['--data-dir', dataDir, 'users', 'list']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Name \/ الاسم\s+Role\s+Status\s+Created \(UTC\)\s+ID$/);
    expect(lines[2]).toMatch(/^سلمى الكاتبة\s+editor \(محرر\)\s+active \(مفعّل\)/);
    expect(lines[3]).toMatch(/^مديرة التحرير\s+admin \(مدير\)/);
    expect(lines.at(-1)).toBe('2 user(s)');
  });
});

describe('midad users disable', () => {
  it('does stop the user from signing in and audit the change as the CLI', async () => {
    const dataDir = await deskDataDir();
    midad(['--data-dir', dataDir, 'users', 'add', '--name', 'سلمى الكاتبة', '--role', 'editor'], `${TEST_PASSWORD}\n`);
    const run = midad(['--data-dir', dataDir, 'users', 'disable', 'سلمى الكاتبة']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Disabled "سلمى الكاتبة"');
    expect(run.stdout).toContain('عُطّل «سلمى الكاتبة»');

    const core = new Core({ dataDir });
    const user = core.open.accounts.findByName('سلمى الكاتبة')!;
    await expect(core.open.accounts.verify(user.id, TEST_PASSWORD, 'sign-in')).rejects.toMatchObject({ code: 'USER_DISABLED' });
    core.close();
    const update = userAudit(dataDir).filter((row) => row.action === 'user.update');
    expect(update).toHaveLength(1);
    expect(update[0]!.actor).toBe(CLI_ACTOR);
    expect(JSON.parse(update[0]!.detail)).toEqual({ userId: user.id, disabled: true });

    const again = midad(['--data-dir', dataDir, 'users', 'disable', 'سلمى الكاتبة']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already disabled');
    expect(userAudit(dataDir).filter((row) => row.action === 'user.update')).toHaveLength(1);
  });

  it('does exit 1 for an unknown name and for the last admin, changing nothing', async () => {
    const dataDir = await deskDataDir();
    const unknown = midad(['--data-dir', dataDir, 'users', 'disable', 'لا أحد']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/NOT_FOUND.*There is no user named "لا أحد"/);
    const lastAdmin = midad(['--data-dir', dataDir, 'users', 'disable', 'مديرة التحرير']);
    expect(lastAdmin.status).toBe(1);
    expect(lastAdmin.stderr).toMatch(/LAST_ADMIN/);
    expect(lastAdmin.stderr).toMatch(/^خطأ: هذا آخر مدير/m);
    expect(userAudit(dataDir).filter((row) => row.action === 'user.update')).toHaveLength(0);
  });

  it('does exit 2 for an unknown users command or an option it does not take', async () => {
    const dataDir = await deskDataDir();
    expect(midad(['--data-dir', dataDir, 'users']).status).toBe(2);
    expect(midad(['--data-dir', dataDir, 'users', 'delete', 'x']).status).toBe(2);
    const badOption = midad(['--data-dir', dataDir, 'users', 'disable', 'x', '--role', 'admin']);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toContain('does not take --role');
    expect(midad(['--data-dir', dataDir, 'doctor', '--name', 'x']).status).toBe(2);
    const help = midad(['--help']);
    expect(help.stdout).toContain('users add --name NAME --role editor|reviewer|admin');
    expect(readFileSync(join(INSTALL, 'dist/cli/midad.cjs'), 'utf8')).toContain('users disable');
  });
});
