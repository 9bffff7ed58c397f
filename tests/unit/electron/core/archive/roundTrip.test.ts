import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../electron/core/Core';
import type { ArchiveArticleRecord } from '../../../../../electron/core/archive/types';
import { buildNewsroom, emptyCore, exportAll, readEntry } from './newsroomFixture';

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

describe('Midad archive round trip', () => {
  it('export → import into an empty database → export gives the same articles.jsonl', async () => {
    const newsroom = await buildNewsroom({ generated: 12, words: 800 });
    cores.push(newsroom.core);
    const first = await exportAll(newsroom.core, newsroom.world.ctx);
    const firstLines = await readEntry(first.file!, 'articles.jsonl');
    const records = firstLines.trim().split('\n').map((line) => JSON.parse(line) as ArchiveArticleRecord);
    expect(records).toHaveLength(15);
    // What the archive must carry, checked on the written records.
    const published = records.find((record) => record.id === newsroom.ids.published)!;
    expect(published.status).toBe('published');
    expect(published.sync[0]).toMatchObject({ state: 'published', endpoint: { name: 'موقع الجريدة', kind: 'wordpress' } });
    expect(published.sync[0]!.remoteId).toBeTruthy();
    expect(published.bodyHtml).toContain(`src="media/${published.featuredMedia}"`);
    const commented = records.find((record) => record.id === newsroom.ids.commented)!;
    expect(commented.comments).toHaveLength(3);
    expect(commented.comments.some((comment) => comment.parentId !== null)).toBe(true);
    expect(commented.comments.some((comment) => comment.resolvedAt !== null)).toBe(true);
    expect(commented.revisions!.length).toBeGreaterThanOrEqual(2);
    expect(commented.audit.map((entry) => entry.action)).toContain('article.create');
    expect(commented.author).toMatchObject({ name: 'سلمى بنعلي', role: 'editor' });
    expect(commented.media).toHaveLength(1);
    expect(records.find((record) => record.id === newsroom.ids.spiked)!.status).toBe('spiked');

    const empty = emptyCore();
    cores.push(empty.core);
    const report = await empty.core.open.archive.importFile(empty.ctx, first.file!, { dryRun: false, idPolicy: 'skip' });
    expect(report.counts).toMatchObject({ created: 15, overwritten: 0, skipped: 0, media: 2 });
    // Authors had no account here: created disabled, named in the report.
    expect(report.warnings.some((warning) => warning.message.includes('سلمى بنعلي') && warning.message.includes('disabled'))).toBe(true);
    expect(empty.core.open.accounts.findByName('سلمى بنعلي')).toMatchObject({ disabled: true, role: 'editor' });
    // The endpoint is known again (disabled, no secret) so the published post keeps its remote id.
    expect(empty.core.open.endpoints.configs()).toMatchObject([{ name: 'موقع الجريدة', enabled: false }]);
    expect(empty.core.open.media.read(published.featuredMedia!)).not.toBeNull();

    const second = await exportAll(empty.core, empty.ctx, join(empty.dataDir, 'again.zip'));
    const secondLines = await readEntry(second.file!, 'articles.jsonl');
    expect(secondLines).toBe(firstLines);
  }, 120_000);

  it('exports without revisions unless asked, and leaves no temporary file', async () => {
    const newsroom = await buildNewsroom();
    cores.push(newsroom.core);
    const job = await exportAll(newsroom.core, newsroom.world.ctx, undefined, false);
    expect(job.file).toMatch(/exports\/midad-\d{8}-\d{6}\.zip$/);
    const lines = (await readEntry(job.file!, 'articles.jsonl')).trim().split('\n');
    expect(lines.every((line) => !('revisions' in JSON.parse(line)))).toBe(true);
    expect(readdirSync(join(newsroom.dataDir, 'exports'))).toEqual([job.file!.split('/').pop()]);
    expect(newsroom.core.open.archive.exports()[0]!.file).toBe(job.file);
    expect(existsSync(job.file!)).toBe(true);
  }, 60_000);
});
