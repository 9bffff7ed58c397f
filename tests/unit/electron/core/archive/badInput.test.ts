import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, MidadError } from '../../../../../shared/errors';
import type { Core } from '../../../../../electron/core/Core';
import { verifyArchive } from '../../../../../electron/core/archive/verify';
import { tempDir } from '../../../../support/tempCore';
import { buildNewsroom, emptyCore, exportAll } from './newsroomFixture';
import { rewriteZip, writeZip, zipEntries } from './zipTools';

let good = '';
let source: Core;
const dir = tempDir('midad-bad-input-');

beforeAll(async () => {
  const newsroom = await buildNewsroom({ generated: 4 });
  source = newsroom.core;
  good = (await exportAll(newsroom.core, newsroom.world.ctx, join(dir, 'good.zip'))).file!;
}, 120_000);
afterAll(() => source.close());

/** A database fingerprint: every table's row count (the audit log included). */
function snapshot(core: Core): Record<string, number> {
  const tables = ['articles', 'revisions', 'comments', 'audit', 'media', 'users', 'endpoints', 'sync_items'];
  return Object.fromEntries(tables.map((table) => [table, core.open.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]));
}

/** Imports `file` into a fresh database, expects a refusal with `code`, and checks the database did not change. */
async function refused(file: string, code: string = ErrorCode.ARCHIVE_INVALID): Promise<MidadError> {
  const { core, ctx } = emptyCore();
  try {
    const before = snapshot(core);
    const error = await core.open.archive.importFile(ctx, file, { dryRun: false, idPolicy: 'skip' }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(MidadError);
    expect((error as MidadError).code).toBe(code);
    expect((error as MidadError).messageAr.length).toBeGreaterThan(10);
    expect(snapshot(core)).toEqual(before);
    return error as MidadError;
  } finally {
    core.close();
  }
}

/** A copy of the good archive with articles.jsonl replaced and the manifest's checksum made to match (so the line itself is the problem). */
async function withArticles(name: string, change: (lines: string[]) => string[]): Promise<string> {
  const target = join(dir, name);
  const entries = await zipEntries(good);
  const lines = change(entries.get('articles.jsonl')!.toString('utf8').trimEnd().split('\n'));
  const text = `${lines.join('\n')}\n`;
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
  manifest.files['articles.jsonl'] = createHash('sha256').update(text).digest('hex');
  await rewriteZip(good, target, (entry, data) => (entry === 'articles.jsonl' ? text : entry === 'manifest.json' ? JSON.stringify(manifest) : data));
  return target;
}

/** Renames one entry in the raw bytes of a ZIP (local header and central directory): names yazl itself would refuse to write. */
async function withEntryNamed(name: string, placeholder: string, real: string): Promise<string> {
  expect(placeholder.length).toBe(real.length);
  const file = join(dir, name);
  await writeZip(file, [['manifest.json', '{}'], [placeholder, 'مرحبا']]);
  const bytes = readFileSync(file);
  let at = bytes.indexOf(placeholder);
  while (at !== -1) {
    bytes.write(real, at, 'latin1');
    at = bytes.indexOf(placeholder, at + 1);
  }
  writeFileSync(file, bytes);
  return file;
}

describe('bad input: each gets a clear error naming the problem, and the database is unchanged', () => {
  it('the good archive verifies and is the baseline', async () => {
    const report = await verifyArchive(good);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.counts.articles).toBe(7);
  });

  it('a truncated ZIP', async () => {
    const file = join(dir, 'truncated.zip');
    writeFileSync(file, readFileSync(good).subarray(0, Math.floor(readFileSync(good).length * 0.6)));
    const report = await verifyArchive(file);
    expect(report.ok).toBe(false);
    expect(report.problems[0]!.message).toMatch(/damaged or truncated/);
    const error = await refused(file);
    expect(error.message).toMatch(/truncated/);
  });

  it('an entry that climbs out with ../', async () => {
    const file = await withEntryNamed('dotdot.zip', 'xx/evil.txt', '../evil.txt');
    const error = await refused(file);
    expect(error.message).toContain('tries to escape');
    expect(error.message).toContain('../evil.txt');
  });

  it('an entry with an absolute path', async () => {
    const file = await withEntryNamed('absolute.zip', '_tmp/evil.txt', '/tmp/evil.txt');
    const error = await refused(file);
    expect(error.message).toContain('tries to escape');
  });

  it('a symbolic link entry', async () => {
    const file = join(dir, 'symlink.zip');
    await writeZip(file, [['manifest.json', '{}'], ['media/link', '/etc/passwd']], { 'media/link': 0o120777 });
    const error = await refused(file);
    expect(error.message).toContain('symbolic link');
  });

  it('a checksum mismatch', async () => {
    const file = join(dir, 'tampered.zip');
    await rewriteZip(good, file, (name, data) => (name === 'articles.jsonl' ? data.toString('utf8').replace('الميناء', 'المرفأ') : data));
    const error = await refused(file);
    expect(error.message).toContain('articles.jsonl does not match its checksum');
  });

  it('an image whose bytes were swapped', async () => {
    const file = join(dir, 'media-swapped.zip');
    await rewriteZip(good, file, (name, data) => (name.startsWith('media/') ? Buffer.concat([data, Buffer.from('x')]) : data));
    const report = await verifyArchive(file);
    expect(report.problems.some((problem) => problem.where?.startsWith('media/'))).toBe(true);
    await refused(file);
  });

  it('an "image" that is HTML, declared image/png, with matching hashes and checksums', async () => {
    const html = Buffer.from('<html><body><script>window.__pwned = true</script></body></html>');
    const hash = createHash('sha256').update(html).digest('hex');
    const target = join(dir, 'media-not-image.zip');
    const entries = await zipEntries(good);
    const lines = entries.get('articles.jsonl')!.toString('utf8').trimEnd().split('\n');
    const first = JSON.parse(lines[0]!);
    first.media.push({ hash, mime: 'image/png', size: html.byteLength, name: 'صورة.png', path: `media/${hash}` });
    lines[0] = JSON.stringify(first);
    const text = `${lines.join('\n')}\n`;
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    manifest.files['articles.jsonl'] = createHash('sha256').update(text).digest('hex');
    manifest.files[`media/${hash}`] = hash;
    await rewriteZip(good, target, (entry, data) => (entry === 'articles.jsonl' ? text : entry === 'manifest.json' ? JSON.stringify(manifest) : data), [[`media/${hash}`, html]]);
    const error = await refused(target);
    expect(error.message).toContain(`media/${hash}`);
    expect(error.message).toContain('not that kind of image');
  });

  it('an entry not in the manifest, and a manifest entry missing', async () => {
    const file = join(dir, 'extra.zip');
    await rewriteZip(good, file, (name, data) => (name.startsWith('markdown/') ? null : data), [['notes.txt', 'أضيف لاحقًا']]);
    const report = await verifyArchive(file);
    expect(report.problems.map((problem) => problem.where)).toContain('notes.txt');
    expect(report.problems.some((problem) => problem.message.includes('missing from the archive'))).toBe(report.problems.some((p) => p.where?.startsWith('markdown/')));
    await refused(file);
  });

  it('no manifest at all', async () => {
    const file = join(dir, 'no-manifest.zip');
    await rewriteZip(good, file, (name, data) => (name === 'manifest.json' ? null : data));
    const error = await refused(file);
    expect(error.message).toContain('no manifest.json');
  });

  it('a newer archive format', async () => {
    const file = join(dir, 'newer.zip');
    await rewriteZip(good, file, (name, data) => {
      if (name !== 'manifest.json') return data;
      const manifest = JSON.parse(data.toString('utf8'));
      return JSON.stringify({ ...manifest, formatVersion: 99 });
    });
    const report = await verifyArchive(file);
    expect(report.problems[0]!.code).toBe(ErrorCode.ARCHIVE_TOO_NEW);
    const error = await refused(file, ErrorCode.ARCHIVE_TOO_NEW);
    expect(error.message).toContain('newer Midad');
  });

  it('malformed JSON on line 3 (checksums matching)', async () => {
    const file = await withArticles('bad-line.zip', (lines) => lines.map((line, index) => (index === 2 ? line.slice(0, 40) : line)));
    const report = await verifyArchive(file);
    expect(report.problems[0]!.where).toBe('articles.jsonl:3');
    const error = await refused(file);
    expect(error.message).toContain('articles.jsonl:3');
    expect(error.message).toContain('Line 3');
  });

  it('a record that is JSON but not an article (line 2)', async () => {
    const file = await withArticles('not-record.zip', (lines) => lines.map((line, index) => (index === 1 ? JSON.stringify({ ...JSON.parse(line), status: 'archived' }) : line)));
    const error = await refused(file);
    expect(error.message).toMatch(/Line 2 .*status/);
  });

  it('a file that fails halfway while writing (the same id twice: line 5) leaves nothing behind', async () => {
    const file = await withArticles('duplicate.zip', (lines) => [...lines.slice(0, 4), lines[0]!, ...lines.slice(5)]);
    const error = await refused(file);
    expect(error.message).toContain('line 5');
    expect(error.message).toContain('UNIQUE');
  });

  it('a bare articles.jsonl with a broken line names it', async () => {
    const lines = (await zipEntries(good)).get('articles.jsonl')!.toString('utf8').trimEnd().split('\n');
    const file = join(dir, 'articles.jsonl');
    writeFileSync(file, `${lines[2]}\n{"id": "broken\n`);
    const error = await refused(file);
    expect(error.message).toContain('Line 2');
  });

  it('a 2 GB file is refused before anything is read', async () => {
    const file = join(dir, 'huge.zip');
    closeSync(openSync(file, 'w'));
    truncateSync(file, 2 * 1024 * 1024 * 1024);
    const error = await refused(file, ErrorCode.FILE_TOO_LARGE);
    expect(error.message).toContain('2.0 GB');
    const { core } = emptyCore();
    try {
      expect(() => core.open.archive.stageBegin('huge.zip', 2 * 1024 * 1024 * 1024)).toThrow(/2\.0 GB/);
    } finally {
      core.close();
    }
  });

  it('a file that is no known format', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'ملاحظات التحرير ليوم الإثنين');
    const error = await refused(file);
    expect(error.message).toContain('not a file Midad can import');
  });
});
