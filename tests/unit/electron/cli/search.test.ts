import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInstall } from './cliInstall';
import { newsDoc, NEWS_PARAGRAPHS, NEWS_TITLE } from '../../../fixtures/arabicNews';
import { signInAs, tempCore, tempDir } from '../../../support/tempCore';

const { midad } = cliInstall('search');

/** A closed data directory with three articles written in the app. */
async function newsroom(): Promise<{ dataDir: string; ids: Record<'water' | 'election' | 'sport', string> }> {
  const { core, dataDir } = tempCore();
  const { ctx } = await signInAs(core, 'مديرة التحرير', 'admin');
  const create = (fields: Parameters<typeof core.open.articles.create>[1]) => core.open.articles.create(ctx, fields).id;
  const ids = {
    water: create({ title: NEWS_TITLE, body: newsDoc(NEWS_PARAGRAPHS), section: 'مجتمع' }),
    election: create({
      title: 'موعد الانتخابات التشريعية',
      body: newsDoc(['أعلنت الحكومة أن الاقتراع سيجرى في سبتمبر، والانتخابات الجماعية بعدها بأسبوع.']),
      section: 'سياسة',
    }),
    sport: create({ title: 'فريق المدينة يفوز بالكأس', body: newsDoc(['فاز فريق المدينة بالكأس بعد مباراة مثيرة.']), section: 'رياضة' }),
  };
  core.open.db.prepare("UPDATE articles SET status = 'published' WHERE id = ?").run(ids.sport);
  core.close();
  return { dataDir, ids };
}

describe('midad search', () => {
  it('does print ids, titles and ranks as JSON, best first, for a clitic and vowelled query', async () => {
    const { dataDir, ids } = await newsroom();
    const run = midad(['--data-dir', dataDir, 'search', 'انْتِخَابات', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as { id: string; title: string; rank: number }[];
    expect(rows.map((row) => row.id)).toEqual([ids.election]);
    expect(rows[0]).toMatchObject({ title: 'موعد الانتخابات التشريعية', status: 'draft', section: 'سياسة' });
    expect(typeof rows[0]!.rank).toBe('number');
  });

  it('does filter by status and section, and print a table otherwise', async () => {
    const { dataDir, ids } = await newsroom();
    const published = JSON.parse(midad(['search', 'المدينة', '--json', '--status', 'published', '--data-dir', dataDir]).stdout) as { id: string }[];
    expect(published.map((row) => row.id)).toEqual([ids.sport]);
    const section = JSON.parse(midad(['--data-dir', dataDir, 'search', 'المدينة', '--section', 'مجتمع', '--json']).stdout) as { id: string }[];
    expect(section.map((row) => row.id)).toEqual([ids.water]);
    const table = midad(['--data-dir', dataDir, 'search', '"الماء الصالح للشرب"']);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain(ids.water);
    expect(table.stdout).toContain('1 article(s)');
    const none = midad(['--data-dir', dataDir, 'search', '؟!']);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('No matching articles.');
  });

  it('does refuse a missing query, an unknown status or a bad limit with exit 2, and a missing database with exit 1', async () => {
    const { dataDir } = await newsroom();
    expect(midad(['--data-dir', dataDir, 'search']).status).toBe(2);
    const status = midad(['--data-dir', dataDir, 'search', 'الماء', '--status', 'lost']);
    expect(status.status).toBe(2);
    expect(status.stderr).toContain('حالة غير معروفة');
    expect(midad(['--data-dir', dataDir, 'search', 'الماء', '--limit', '0']).status).toBe(2);
    expect(midad(['--data-dir', join(tempDir(), 'nothing'), 'search', 'الماء']).status).toBe(1);
  });

  it('is listed in the help', () => {
    expect(midad(['--help']).stdout).toContain('search "QUERY" [--json]');
  });
});
