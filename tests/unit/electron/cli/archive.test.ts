import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliInstall } from './cliInstall';
import { DATABASE_FILE_NAME } from '../../../../electron/core/Core';
import { tempCore, tempDir } from '../../../support/tempCore';
import { buildNewsroom } from '../core/archive/newsroomFixture';
import { rewriteZip, zipEntries } from '../core/archive/zipTools';

const { midad } = cliInstall('archive', { timeoutMs: 60_000 });

function count(dataDir: string, sql: string): number {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** A data directory with a database and no account (what the first run of the app leaves before setup). */
function emptyDataDir(): string {
  const { core, dataDir } = tempCore();
  core.close();
  return dataDir;
}

let newsroomDir = '';
let archive = '';

beforeAll(async () => {
  const newsroom = await buildNewsroom({ generated: 3 });
  await newsroom.core.stopSync();
  newsroom.core.close();
  newsroomDir = newsroom.dataDir;
  archive = join(tempDir('midad-archive-out-'), 'الأرشيف.zip');
}, 120_000);

describe('midad export / archive verify / import', () => {
  it('exports every article to --out, quietly when stderr is not a terminal', () => {
    const run = midad(['--data-dir', newsroomDir, 'export', '--out', archive, '--revisions']);
    expect(run.stderr).not.toContain('Exporting');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(archive);
    expect(run.stderr).toContain('Exported 6 articles');
    expect(existsSync(archive)).toBe(true);
    // Nothing else is left beside it (the temporary file was renamed).
    expect(readdirSync(join(archive, '..'))).toEqual(['الأرشيف.zip']);
  });

  it('filters by status and date; a bad date is a usage error', async () => {
    const out = join(tempDir(), 'published.zip');
    const run = midad(['--data-dir', newsroomDir, 'export', '--out', out, '--status', 'published', '--from', '2026-11-01', '--to', '2026-12-31']);
    expect(run.status).toBe(0);
    const lines = (await zipEntries(out)).get('articles.jsonl')!.toString('utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).status)).toEqual(['published']);
    const bad = midad(['--data-dir', newsroomDir, 'export', '--out', join(tempDir(), 'x.zip'), '--from', 'yesterday']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--from');
  });

  it('verify: a good archive passes with exit 0', () => {
    const run = midad(['archive', 'verify', archive]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('OK:');
    expect(run.stdout).toContain('6 articles');
  });

  it('verify: a tampered archive fails with exit 1, naming the entry', async () => {
    const tampered = join(tempDir(), 'tampered.zip');
    await rewriteZip(archive, tampered, (name, data) => (name === 'articles.jsonl' ? data.toString('utf8').replace('الميناء', 'المطار') : data));
    const run = midad(['archive', 'verify', tampered]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('articles.jsonl does not match its checksum');
    expect(run.stdout).toContain('لا يطابق بصمته');
  });

  it('import: a dry run writes nothing, then the import restores every article', () => {
    const target = emptyDataDir();
    const dry = midad(['--data-dir', target, 'import', archive, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('Dry run (nothing written): would import 6 articles');
    expect(count(target, 'SELECT count(*) FROM articles')).toBe(0);
    const run = midad(['--data-dir', target, 'import', archive]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Imported 6 articles');
    expect(count(target, 'SELECT count(*) FROM articles')).toBe(6);
    expect(count(target, 'SELECT count(*) FROM comments')).toBe(3);
    // Again, with the default policy: everything exists, everything is skipped.
    const again = midad(['--data-dir', target, 'import', archive]);
    expect(again.stdout).toContain('6 skipped');
    expect(count(target, 'SELECT count(*) FROM articles')).toBe(6);
  });

  it('import: a tampered archive is refused with exit 1 and the database is unchanged', async () => {
    const tampered = join(tempDir(), 'tampered.zip');
    await rewriteZip(archive, tampered, (name, data) => (name === 'articles.jsonl' ? data.toString('utf8').replace('الميناء', 'المطار') : data));
    const target = emptyDataDir();
    const run = midad(['--data-dir', target, 'import', tampered]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ARCHIVE_INVALID');
    expect(run.stderr).toContain('Nothing was imported');
    expect(count(target, 'SELECT count(*) FROM articles')).toBe(0);
  });
});
