import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMidad, type Run } from './cliInstall';
import { DATABASE_FILE_NAME, type Core } from '../../../../electron/core/Core';
import { signedInContext } from '../../../support/tempCore';
import { dispatch } from '../../../../electron/core/ipc/dispatch';
import { latestSchemaVersion } from '../../../../electron/core/db/migrate';
import type { Article } from '../../../../shared/domain/article';
import { arabicArticleDoc } from '../../../fixtures/arabicArticle';
import { tempCore, tempDir } from '../../../support/tempCore';

const ROOT = resolve(__dirname, '../../../..');
const LAUNCHER = join(ROOT, 'bin/midad.cjs');

function midad(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  return runMidad(LAUNCHER, args, { env });
}

async function call<T>(core: Core, channel: string, payload: unknown): Promise<T> {
  const result = await dispatch(core, channel, payload, await signedInContext(core));
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);

/** A closed data directory with three articles (one spiked), a manual revision and one image. */
async function newsroomDataDir(): Promise<{ dataDir: string; titles: string[]; mediaHash: string }> {
  const { core, dataDir, clock } = tempCore();
  const titles = ['البرلمان يناقش قانون المالية للسنة المقبلة', 'افتتاح معرض الكتاب بمشاركة عربية واسعة', 'عاصفة ثلجية تقطع الطرق الجبلية'];
  const created: Article[] = [];
  for (const title of titles) {
    created.push(await call<Article>(core, 'articles.create', { fields: { title, body: arabicArticleDoc({ words: 300, seed: created.length + 1 }) } }));
    clock.advance(60_000);
  }
  await call(core, 'articles.save', { id: created[0]!.id, baseVersion: created[0]!.version, patch: { subtitle: 'نقاش حاد حول الضرائب' }, reason: 'manual' });
  await call(core, 'articles.spike', { id: created[2]!.id });
  const media = await call<{ hash: string }>(core, 'media.put', { name: 'صورة.png', mime: 'image/png', dataBase64: PNG.toString('base64') });
  core.close();
  return { dataDir, titles, mediaHash: media.hash };
}

beforeAll(async () => {
  // The same bundle `npm run build:node` makes (scripts/build-node.mjs), so the test runs what users run.
  await build({
    entryPoints: [join(ROOT, 'electron/cli/midad.ts')],
    outfile: join(ROOT, 'dist/cli/midad.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3'],
  });
}, 60_000);

describe('midad doctor', () => {
  it('exits 0 and reports counts and the schema version when the database is healthy', async () => {
    const { dataDir } = await newsroomDataDir();
    const human = midad(['--data-dir', dataDir, 'doctor']);
    expect(human.stderr).toBe('');
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/Articles\s+3\n/);
    expect(human.stdout).toMatch(/Media\s+1\n/);
    expect(human.stdout).toContain(`Schema version       ${latestSchemaVersion()} (this app: ${latestSchemaVersion()})`);
    expect(human.stdout).toContain(join(dataDir, DATABASE_FILE_NAME));
    expect(human.stdout).toContain('All checks passed.');

    const json = midad(['--data-dir', dataDir, 'doctor', '--json']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({
      ok: true,
      dataDir,
      schemaVersion: latestSchemaVersion(),
      latestSchemaVersion: latestSchemaVersion(),
      integrity: ['ok'],
      foreignKeyViolations: 0,
      missingMedia: [],
      problems: [],
    });
    // Three creates make no revision (nothing to keep yet); the manual save snapshots once.
    expect(report.counts).toEqual({ articles: 3, revisions: 1, media: 1 });
  });

  it('exits non-zero naming the damage when the file is random bytes', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, DATABASE_FILE_NAME), randomBytes(64 * 1024));
    const run = midad(['--data-dir', dataDir, 'doctor']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DB_CORRUPT.*(not a Midad database|damaged)/);
    expect(run.stderr).toMatch(/^خطأ: .*تالفة/m);
    expect(run.stderr).toContain(join(dataDir, DATABASE_FILE_NAME));
  });

  it('exits non-zero when pages inside a valid database are overwritten', async () => {
    const { dataDir } = await newsroomDataDir();
    const file = join(dataDir, DATABASE_FILE_NAME);
    const size = readFileSync(file).length;
    expect(size).toBeGreaterThan(8 * 4096);
    // Keep the header page, scribble over the b-tree pages that follow it.
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(size - 4096 - 1024), 0, size - 4096 - 1024, 4096);
    closeSync(fd);
    const run = midad(['--data-dir', dataDir, 'doctor']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DB_CORRUPT/);
  });

  it('exits non-zero and leaves the file alone when it comes from a newer Midad', async () => {
    const { dataDir } = await newsroomDataDir();
    const file = join(dataDir, DATABASE_FILE_NAME);
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const run = midad(['--data-dir', dataDir, 'doctor']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DB_TOO_NEW.*newer version of Midad \(schema 999/);
    expect(run.stderr).toMatch(/^خطأ: .*بإصدار أحدث من مداد/m);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(999);
    after.close();
  });

  it('does not migrate an older database, only notes that the app will', () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE_NAME);
    const raw = new Database(file);
    raw.exec('CREATE TABLE leftover (x INTEGER)');
    raw.close();
    const run = midad(['--data-dir', dataDir, 'doctor']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Note: Schema 0 is older than this app's ${latestSchemaVersion()}`);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'articles'").get()).toEqual({ n: 0 });
    after.close();
  });

  it('exits non-zero listing the hash when an image file is missing from the data directory', async () => {
    const { dataDir, mediaHash } = await newsroomDataDir();
    rmSync(join(dataDir, 'media', mediaHash.slice(0, 2), mediaHash));
    const run = midad(['--data-dir', dataDir, 'doctor']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`Missing media files  ${mediaHash}`);
    expect(run.stderr).toMatch(/MEDIA_MISSING/);
  });

  it('exits non-zero without creating anything when the data directory has no database', () => {
    const dataDir = join(tempDir(), 'typo');
    const run = midad(['--data-dir', dataDir, 'doctor']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DB_MISSING.*There is no Midad database/);
    expect(run.stderr).toMatch(/^خطأ: لا توجد قاعدة بيانات مداد/m);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('uses MIDAD_DATA_DIR when --data-dir is absent', async () => {
    const { dataDir } = await newsroomDataDir();
    const run = midad(['doctor', '--json'], { MIDAD_DATA_DIR: dataDir });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).databaseFile).toBe(join(dataDir, DATABASE_FILE_NAME));
  });
});

describe('midad articles list', () => {
  it('prints the articles as JSON, newest first, without spiked ones', async () => {
    const { dataDir, titles } = await newsroomDataDir();
    const run = midad(['--data-dir', dataDir, 'articles', 'list', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const items = JSON.parse(run.stdout) as { title: string; status: string; wordCount: number }[];
    // The first article was saved last, so it is the newest; the third is spiked.
    expect(items.map((item) => item.title)).toEqual([titles[0], titles[1]]);
    expect(items.every((item) => item.status === 'draft' && item.wordCount === 300)).toBe(true);
  });

  it('filters by status and by a title query', async () => {
    const { dataDir, titles } = await newsroomDataDir();
    const spiked = JSON.parse(midad(['--data-dir', dataDir, 'articles', 'list', '--json', '--status', 'spiked']).stdout);
    expect(spiked.map((item: { title: string }) => item.title)).toEqual([titles[2]]);
    const query = JSON.parse(midad(['--data-dir', dataDir, 'articles', 'list', '--json', '--query', 'معرض']).stdout);
    expect(query.map((item: { title: string }) => item.title)).toEqual([titles[1]]);
    const bad = midad(['--data-dir', dataDir, 'articles', 'list', '--status', 'lost']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Unknown status "lost"');
  });

  it('prints a table with the Arabic titles', async () => {
    const { dataDir, titles } = await newsroomDataDir();
    const run = midad(['--data-dir', dataDir, 'articles', 'list']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Title \/ العنوان\s+Status\s+Words\s+Updated \(UTC\)\s+ID$/);
    expect(lines[2]).toContain(titles[0]);
    expect(lines[2]).toMatch(/draft\s+300\s+2026-11-30 10:/);
    expect(lines[3]).toContain(titles[1]);
    expect(lines.at(-1)).toBe('2 article(s)');
  });

  it('refuses to list from a folder without a database instead of creating one', () => {
    const dataDir = tempDir();
    const run = midad(['--data-dir', dataDir, 'articles', 'list']);
    expect(run.status).toBe(1);
    expect(existsSync(join(dataDir, DATABASE_FILE_NAME))).toBe(false);
  });
});

describe('midad command line', () => {
  it('prints the package version', () => {
    const run = midad(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('prints help with exit 0, and exit 2 for an unknown command or option', () => {
    const help = midad(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: midad [--data-dir DIR] <command>');
    expect(midad(['publish']).status).toBe(2);
    const badOption = midad(['doctor', '--colour']);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--colour'");
    expect(midad(['doctor', '--query', 'x']).status).toBe(2);
  });

  it('explains how to build when the launcher finds no bundle', () => {
    const fakeRoot = tempDir();
    mkdirSync(join(fakeRoot, 'bin'));
    copyFileSync(LAUNCHER, join(fakeRoot, 'bin/midad.cjs'));
    const result = spawnSync(process.execPath, [join(fakeRoot, 'bin/midad.cjs'), 'doctor'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the CLI is not built');
    expect(result.stderr).toContain('npm run build:node');
  });
});
