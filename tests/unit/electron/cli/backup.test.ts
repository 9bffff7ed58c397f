import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../electron/cli/midad';
import type { CliOutput } from '../../../../electron/cli/output';
import { Core, DATABASE_FILE_NAME } from '../../../../electron/core/Core';
import { backupsDir } from '../../../../electron/core/backup/backupFiles';
import { dispatch } from '../../../../electron/core/ipc/dispatch';
import { arabicArticleDoc } from '../../../fixtures/arabicArticle';
import { signedInContext, tempCore, tempDir } from '../../../support/tempCore';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI's entry in this process (the same `main` bin/midad.cjs runs), output captured. */
async function midad(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const output: CliOutput = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const code = await main(args, output);
  return { code, stdout: out.map((line) => `${line}\n`).join(''), stderr: err.map((line) => `${line}\n`).join('') };
}

/** A closed data directory with these article titles. */
async function newsroom(titles: string[]): Promise<string> {
  const { core, dataDir } = tempCore();
  const ctx = await signedInContext(core);
  for (const [index, title] of titles.entries()) {
    const result = await dispatch(core, 'articles.create', { fields: { title, body: arabicArticleDoc({ words: 120, seed: index + 1 }) } }, ctx);
    expect(result.ok).toBe(true);
  }
  core.close();
  return dataDir;
}

function storedTitles(dataDir: string): string[] {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return db.prepare('SELECT title FROM articles ORDER BY created_at, title').pluck().all() as string[];
  } finally {
    db.close();
  }
}

async function addArticle(dataDir: string, title: string): Promise<void> {
  const core = new Core({ dataDir });
  const result = await dispatch(core, 'articles.create', { fields: { title, body: arabicArticleDoc({ words: 80, seed: 9 }) } }, await signedInContext(core));
  expect(result.ok).toBe(true);
  core.close();
}

describe('midad backup', () => {
  it('does write a backup into the backups folder and print its path', async () => {
    const dataDir = await newsroom(['الحكومة تعلن خطة لدعم المزارعين']);
    const run = await midad(['--data-dir', dataDir, 'backup']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = run.stdout.trim();
    expect(printed.startsWith(backupsDir(dataDir))).toBe(true);
    expect(printed).toMatch(/midad-manual-\d{8}T\d{9}Z\.sqlite$/);
    const copy = new Database(printed, { readonly: true });
    expect(copy.prepare('SELECT title FROM articles').pluck().all()).toEqual(['الحكومة تعلن خطة لدعم المزارعين']);
    copy.close();
  });

  it('does write to FILE when given, and refuses to overwrite an existing file', async () => {
    const dataDir = await newsroom(['قمة اقتصادية في العاصمة']);
    const target = join(tempDir(), 'نسخة.sqlite');
    const run = await midad(['backup', target, '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(target);
    expect(readFileSync(target).subarray(0, 15).toString()).toBe('SQLite format 3');
    const again = await midad(['backup', target, '--data-dir', dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(again.stderr).toMatch(/موجود/);
  });

  it('does refuse a missing database and a wrong command line', async () => {
    const empty = tempDir();
    const missing = await midad(['backup', '--data-dir', empty]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/There is no Midad database/);
    expect(existsSync(backupsDir(empty))).toBe(false);
    expect((await midad(['backup', 'a', 'b', '--data-dir', empty])).code).toBe(2);
    expect((await midad(['backup', '--frobnicate'])).code).toBe(2);
  });
});

describe('midad restore', () => {
  it('does restore a backup by name, keeping the current database as a pre-restore backup', async () => {
    const dataDir = await newsroom(['انطلاق موسم الحصاد في السهول']);
    const backup = await midad(['--data-dir', dataDir, 'backup']);
    const name = backup.stdout.trim().split('/').pop()!;
    await addArticle(dataDir, 'خبر كُتب بعد النسخة');
    expect(storedTitles(dataDir)).toHaveLength(2);

    const run = await midad(['--data-dir', dataDir, 'restore', name]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Restored .*The previous database is kept as .*midad-pre-restore-/);
    expect(run.stdout).toMatch(/استُعيدت النسخة/);
    expect(storedTitles(dataDir)).toEqual(['انطلاق موسم الحصاد في السهول']);
    const safety = readdirSync(backupsDir(dataDir)).find((file) => file.startsWith('midad-pre-restore-'))!;
    const kept = new Database(join(backupsDir(dataDir), safety), { readonly: true });
    expect(kept.prepare('SELECT title FROM articles ORDER BY created_at').pluck().all()).toContain('خبر كُتب بعد النسخة');
    kept.close();
    const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
    expect(db.prepare("SELECT actor FROM audit WHERE action = 'backup.restore'").pluck().all()).toEqual([expect.stringMatching(/^cli:/)]);
    db.close();
  });

  it('does refuse a corrupt file with BACKUP_INVALID and exit 1, the database unchanged', async () => {
    const dataDir = await newsroom(['ارتفاع أسعار الذهب في الأسواق']);
    const bad = join(tempDir(), 'تالف.sqlite');
    writeFileSync(bad, randomBytes(32 * 1024));
    const before = readFileSync(join(dataDir, DATABASE_FILE_NAME));
    const run = await midad(['--data-dir', dataDir, 'restore', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Error \(BACKUP_INVALID\): .*cannot be restored/);
    expect(run.stderr).toMatch(/لم تتغيّر قاعدة البيانات الحالية/);
    expect(readFileSync(join(dataDir, DATABASE_FILE_NAME))).toEqual(before);
    expect(existsSync(backupsDir(dataDir)) ? readdirSync(backupsDir(dataDir)) : []).toEqual([]);
    expect((await midad(['--data-dir', dataDir, 'restore'])).code).toBe(2);
  });

  it('does replace a damaged database, keeping the damaged file as the pre-restore copy', async () => {
    const source = await newsroom(['افتتاح الطريق السريع الجديد']);
    const backup = (await midad(['--data-dir', source, 'backup'])).stdout.trim();
    const dataDir = tempDir();
    const garbage = randomBytes(16 * 1024);
    writeFileSync(join(dataDir, DATABASE_FILE_NAME), garbage);
    const run = await midad(['--data-dir', dataDir, 'restore', backup]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(storedTitles(dataDir)).toEqual(['افتتاح الطريق السريع الجديد']);
    const kept = readdirSync(backupsDir(dataDir)).filter((file) => file.startsWith('midad-pre-restore-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(backupsDir(dataDir), kept[0]!))).toEqual(garbage);
  });

  it('does restore into an empty data directory (a new machine)', async () => {
    const source = await newsroom(['مؤتمر صحفي لوزير الخارجية']);
    const backup = (await midad(['--data-dir', source, 'backup'])).stdout.trim();
    const dataDir = join(tempDir(), 'new');
    const run = await midad(['--data-dir', dataDir, 'restore', backup]);
    expect(run.code).toBe(0);
    expect(storedTitles(dataDir)).toEqual(['مؤتمر صحفي لوزير الخارجية']);
  });
});
