import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
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
});
