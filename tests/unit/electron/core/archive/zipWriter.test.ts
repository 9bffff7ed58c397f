import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../../../electron/core/archive/zipWriter';
import { tempDir } from '../../../../support/tempCore';
import { zipEntries } from './zipTools';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe('ZipWriter (the sink the renderings write through)', () => {
  it('writes small entries at once and spooled ones at the end, with the SHA-256 of each in the manifest', async () => {
    const dir = tempDir();
    const writer = new ZipWriter(join(dir, 'a.zip.partial'));
    const index = await writer.open('html/index.html');
    await writer.add('html/articles/1.html', '<p dir="rtl">الخبر الأول</p>');
    await index.write('<ul>');
    await index.write('<li>الخبر الأول</li></ul>');
    await index.close();
    let manifest: Record<string, string> = {};
    await writer.finish((files) => {
      manifest = files;
      return JSON.stringify(files);
    });
    const entries = await zipEntries(join(dir, 'a.zip.partial'));
    expect([...entries.keys()]).toEqual(['html/articles/1.html', 'html/index.html', 'manifest.json']);
    expect(entries.get('html/index.html')!.toString('utf8')).toBe('<ul><li>الخبر الأول</li></ul>');
    expect(manifest).toEqual({ 'html/articles/1.html': sha('<p dir="rtl">الخبر الأول</p>'), 'html/index.html': sha('<ul><li>الخبر الأول</li></ul>') });
    // The spool folder is gone.
    expect(readdirSync(dir)).toEqual(['a.zip.partial']);
  });

  it('refuses names that would escape the archive, and the same name twice', async () => {
    const dir = tempDir();
    const writer = new ZipWriter(join(dir, 'b.zip.partial'));
    for (const name of ['../x.html', '/etc/x', 'html/../../x', 'C:/x', 'html\\x', 'html//x', 'manifest.json']) {
      await expect(writer.add(name, 'x'), name).rejects.toThrow();
    }
    await writer.add('markdown/a.md', '# عنوان');
    await expect(writer.add('markdown/a.md', '# عنوان')).rejects.toThrow('twice');
    await writer.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('abort removes the temporary archive and the spool files', async () => {
    const dir = tempDir();
    const file = join(dir, 'c.zip.partial');
    const writer = new ZipWriter(file);
    const stream = await writer.open('wordpress.xml');
    await stream.write('<rss>'.repeat(1000));
    await writer.add('html/a.html', 'نص');
    await writer.abort();
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a cancel while the spooled entries are being appended stops the writer and leaves no file behind', async () => {
    const dir = tempDir();
    const writer = new ZipWriter(join(dir, 'f.zip.partial'));
    const feed = await writer.open('articles.jsonl');
    const line = `${JSON.stringify({ title: 'وزير الاقتصاد يعلن خطة لدعم الصادرات', body: 'نص الخبر الكامل. '.repeat(400) })}\n`;
    for (let index = 0; index < 300; index += 1) await feed.write(line);
    await writer.add('html/articles/1.html', '<p>الخبر</p>');
    const finishing = writer.finish((files) => JSON.stringify(files));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await writer.abort();
    await expect(finishing).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes ZIP64 records past its limits (lowered here), read back by yauzl and by Python’s zipfile', async () => {
    const dir = tempDir();
    const file = join(dir, 'd.zip.partial');
    // Above 2 entries, or a size or offset of 300 bytes or more, takes ZIP64 records.
    const writer = new ZipWriter(file, { zip64Limits: { entries: 2, bytes: 300 } });
    const image = Buffer.alloc(900, 7);
    writeFileSync(join(dir, 'image.png'), image);
    const feed = await writer.open('wordpress.xml');
    const article = '<p dir="rtl">أعلنت وزارة المالية اليوم عن موازنة جديدة للعام المقبل.</p>\n'.repeat(40);
    await writer.add('html/articles/1.html', 'قصير');
    await writer.add('html/articles/2.html', article);
    await writer.addFile('media/abc', join(dir, 'image.png'));
    await feed.write('<rss>');
    await feed.write('<item><title>خبر عاجل من العاصمة</title></item>'.repeat(50));
    await feed.close();
    await writer.add('markdown/1.md', '# عنوان الخبر');
    let manifest: Record<string, string> = {};
    await writer.finish((files) => {
      manifest = files;
      return JSON.stringify(files);
    });
    const bytes = readFileSync(file);
    // The ZIP64 end of central directory record and its locator are there.
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true);
    expect(writer.bytesWritten).toBe(bytes.length);
    const entries = await zipEntries(file);
    expect([...entries.keys()]).toEqual(['html/articles/1.html', 'html/articles/2.html', 'media/abc', 'markdown/1.md', 'wordpress.xml', 'manifest.json']);
    expect(entries.get('html/articles/2.html')!.toString('utf8')).toBe(article);
    expect(entries.get('media/abc')!.equals(image)).toBe(true);
    expect(entries.get('wordpress.xml')!.toString('utf8')).toBe(`<rss>${'<item><title>خبر عاجل من العاصمة</title></item>'.repeat(50)}`);
    expect(manifest['media/abc']).toBe(sha(image));
    expect(manifest['wordpress.xml']).toBe(sha(entries.get('wordpress.xml')!));
    expect(JSON.parse(entries.get('manifest.json')!.toString('utf8'))).toEqual(manifest);
    expect(readdirSync(dir).sort()).toEqual(['d.zip.partial', 'image.png']);
    checkWithPython(file);
  });

  it('writes an archive standard tools accept (CRCs, sizes, data descriptors)', async () => {
    const dir = tempDir();
    const file = join(dir, 'e.zip.partial');
    const writer = new ZipWriter(file);
    writeFileSync(join(dir, 'photo.jpg'), Buffer.alloc(70_000, 3));
    const index = await writer.open('html/index.html');
    await index.write('<ul><li>الخبر الأول</li></ul>'.repeat(5000));
    await writer.addFile('media/photo', join(dir, 'photo.jpg'));
    for (let number = 1; number <= 50; number += 1) await writer.add(`markdown/${number}.md`, `# الخبر رقم ${number}\n\n${'نص الخبر. '.repeat(number * 20)}`);
    await index.close();
    await writer.finish((files) => JSON.stringify(files));
    expect((await zipEntries(file)).size).toBe(53);
    expect(readFileSync(file).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(false);
    checkWithPython(file);
  });
});

/** `python3 -m zipfile -t` reads every entry and checks its CRC (skipped, saying so, without Python). */
function checkWithPython(file: string): void {
  const probe = spawnSync('python3', ['--version']);
  if (probe.status !== 0) {
    console.warn('zipWriter.test: python3 is not installed; the archive was not checked by Python’s zipfile');
    return;
  }
  const run = spawnSync('python3', ['-m', 'zipfile', '-t', file], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Done testing');
}
