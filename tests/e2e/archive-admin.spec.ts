import type { Page, TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { ExportJob } from '../../shared/ipc/channels/archive';
import { arabicArticleDoc } from '../fixtures/arabicArticle';
import { MidadHarness } from './harness/MidadHarness';
import { expect, test } from './fixtures';
import { seriousViolations } from './checks';

const EDITOR = 'سامي الكاتب';

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Articles made straight in the core, as the signed-in admin. */
async function seed(midad: MidadHarness, titles: string[]): Promise<void> {
  for (const [index, title] of titles.entries()) {
    const result = await dispatch(midad.core, 'articles.create', { fields: { title, section: 'سياسة', body: arabicArticleDoc({ words: 120, seed: index + 1 }) } }, midad.core.sessionContext());
    expect(result.ok).toBe(true);
  }
}

function storedTitles(midad: MidadHarness): string[] {
  return midad.core.open.db.prepare('SELECT title FROM articles ORDER BY created_at, title').pluck().all() as string[];
}

async function openAdminScreen(page: Page, item: 'open-archive' | 'open-backups'): Promise<void> {
  await page.getByTestId('admin-menu').click();
  await page.getByTestId(item).click();
}

/** Overflow check: no element of the dialog sticks out of it (nothing clipped in RTL). */
async function expectNothingClipped(page: Page, dialog: string): Promise<void> {
  const outside = await page.getByTestId(dialog).evaluate((root) => {
    const box = root.getBoundingClientRect();
    return Array.from(root.querySelectorAll('button, label, th, td, p, input, select, progress'))
      .filter((element) => {
        const rect = element.getBoundingClientRect();
        return rect.width > 0 && (rect.left < box.left - 1 || rect.right > box.right + 1);
      })
      .map((element) => element.outerHTML.slice(0, 80));
  });
  expect(outside).toEqual([]);
}

/** An exported archive, made through the core (the UI export has its own test). */
async function exportArchive(midad: MidadHarness): Promise<string> {
  const ctx = midad.core.sessionContext();
  const started = await dispatch(midad.core, 'archive.exportStart', { filters: { dateField: 'created' }, includeRevisions: false }, ctx);
  if (!started.ok) throw new Error(started.error.message);
  let job = started.value as ExportJob;
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = await dispatch(midad.core, 'archive.exportProgress', { jobId: job.id }, ctx);
    if (!next.ok) throw new Error(next.error.message);
    job = next.value as ExportJob;
  }
  expect(job.state).toBe('done');
  return job.file!;
}

function readZip(bytes: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: { name: string; data: Buffer }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function writeZip(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const entry of entries) zip.addBuffer(entry.data, entry.name);
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.end();
  });
}

test.describe('backups screen', () => {
  test('backs up now, restores with a confirmation, and the data comes back', async ({ midad }, testInfo) => {
    const { page } = midad;
    await seed(midad, ['الحكومة تقر موازنة العام المقبل']);
    await page.reload();
    await openAdminScreen(page, 'open-backups');
    const dialog = page.getByTestId('backups-dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('backups-empty')).toBeVisible();
    await expect(page.getByTestId('backup-now')).toBeFocused();
    await page.getByTestId('backup-now').click();
    await expect(page.getByTestId('backups-notice')).toContainText('midad-manual-');
    const row = page.getByTestId('backup-row');
    await expect(row).toHaveCount(1);
    await expect(row.first()).toHaveAttribute('data-kind', 'manual');
    await expect(row.first()).toContainText('يدوية');
    // The date in the UI language (an Arabic month name), the size in Arabic units.
    await expect(row.first().locator('time')).toHaveText(/[\u0621-\u064A]{3,}/);
    await expect(row.first()).toContainText('ك.بايت');

    // Written after the backup: the restore takes it away (it stays in the pre-restore copy).
    await seed(midad, ['أمطار غزيرة تغلق الطرق الجبلية']);
    expect(storedTitles(midad)).toHaveLength(2);

    await page.getByTestId('backup-restore').first().click();
    const confirm = page.getByTestId('backup-restore-dialog');
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText('قبل الاستعادة');
    await shot(page, testInfo, 'backups-restore-confirm-ar');
    // Escape cancels without restoring.
    await page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    expect(storedTitles(midad)).toHaveLength(2);

    await page.getByTestId('backup-restore').first().click();
    await page.getByTestId('backup-restore-dialog-confirm').click();
    // The app reloads its data: the dialog is gone, the list shows the restored database.
    await expect(page.getByTestId('backups-dialog')).toHaveCount(0);
    await expect(page.getByTestId('article-list-item')).toHaveCount(1);
    await expect(page.getByTestId('article-list')).toContainText('الحكومة تقر موازنة العام المقبل');
    expect(storedTitles(midad)).toEqual(['الحكومة تقر موازنة العام المقبل']);
    await expect(page.getByTestId('account-user')).toContainText('مديرة التحرير');

    await openAdminScreen(page, 'open-backups');
    await expect(page.getByTestId('backup-row')).toHaveCount(2);
    await expect(page.locator('[data-testid="backup-row"][data-kind="pre-restore"]')).toContainText('قبل الاستعادة');
    await expectNothingClipped(page, 'backups-dialog');
    expect(await seriousViolations(page, '[data-testid="backups-dialog"]')).toEqual([]);
    await shot(page, testInfo, 'backups-list-ar');
  });

  test('a restore the core refuses shows the reason and changes nothing', async ({ midad }) => {
    const { page } = midad;
    await seed(midad, ['افتتاح معرض الكتاب الدولي']);
    await page.reload();
    await openAdminScreen(page, 'open-backups');
    await page.getByTestId('backup-now').click();
    await expect(page.getByTestId('backup-row')).toHaveCount(1);
    // The file is damaged after it was listed.
    const name = await page.getByTestId('backup-row').first().getAttribute('data-name');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${midad.core.backups.dir}/${name}`, Buffer.alloc(8192, 7));
    await page.getByTestId('backup-restore').first().click();
    await page.getByTestId('backup-restore-dialog-confirm').click();
    await expect(page.getByTestId('backup-restore-dialog-error')).toContainText('لا يمكن استعادة');
    expect(storedTitles(midad)).toEqual(['افتتاح معرض الكتاب الدولي']);
  });
});

test.describe('archive screen', () => {
  test('exports with progress to done and lists the archive', async ({ midad }, testInfo) => {
    const { page } = midad;
    await seed(midad, ['وزير الصحة يزور المستشفى الجامعي', 'قمة عربية في العاصمة', 'ارتفاع أسعار الذهب']);
    await page.reload();
    await openAdminScreen(page, 'open-archive');
    await expect(page.getByTestId('archive-dialog')).toBeVisible();
    await expect(page.getByTestId('archive-tab-export')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('exports-empty')).toBeVisible();
    await page.getByTestId('export-status-draft').check();
    await page.getByTestId('export-section').fill('سياسة');
    await page.getByTestId('export-start').click();
    const job = page.getByTestId('export-job');
    await expect(job).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('export-counts')).toContainText(/(3|٣) من (3|٣) مقال/);
    await expect(page.getByTestId('export-file')).toHaveText(/exports\/.+\.zip$/);
    const file = (await page.getByTestId('export-file').textContent())!;
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    await expect(page.getByTestId('export-row')).toHaveCount(1);
    await expect(page.getByTestId('export-row')).toContainText(basename(file));
    await expectNothingClipped(page, 'archive-dialog');
    expect(await seriousViolations(page, '[data-testid="archive-dialog"]')).toEqual([]);
    await shot(page, testInfo, 'archive-export-done-ar');
  });

  test('shows progress with counts, size and time left while exporting, and a cancel leaves no archive', async ({ midad }, testInfo) => {
    const { page } = midad;
    // Enough text that the export runs for a few seconds (about 2.7 s for 300 such articles on the dev machine).
    const ctx = midad.core.sessionContext();
    for (let index = 0; index < 300; index += 1) {
      await dispatch(midad.core, 'articles.create', { fields: { title: `تقرير رقم ${index + 1} عن الموسم الزراعي`, body: arabicArticleDoc({ words: 1500, seed: index + 1 }) } }, ctx);
    }
    await page.reload();
    await openAdminScreen(page, 'open-archive');
    await page.getByTestId('export-start').click();
    const job = page.getByTestId('export-job');
    await expect(job).toHaveAttribute('data-state', 'running');
    await expect(page.getByTestId('export-counts')).toContainText(/[1-9]\d* من 300 مقال/, { timeout: 10_000 });
    await expect(page.getByTestId('export-eta')).toContainText(/بقيت|يكاد|يُقدَّر/);
    await expect(page.getByTestId('export-start')).toBeDisabled();
    await shot(page, testInfo, 'archive-export-running-ar');
    await page.getByTestId('export-cancel').click();
    await expect(job).toHaveAttribute('data-state', 'cancelled');
    await expect(page.getByTestId('export-cancelled')).toBeVisible();
    await expect(page.getByTestId('exports-empty')).toBeVisible();
    const { existsSync, readdirSync } = await import('node:fs');
    const exportsDir = `${midad.options.dataDir}/exports`;
    expect(existsSync(exportsDir) ? readdirSync(exportsDir) : []).toEqual([]);
  });

  test('verifies a good archive and reports a tampered one, uploaded from a file', async ({ midad }, testInfo) => {
    const { page } = midad;
    await seed(midad, ['مهرجان المسرح العربي يفتتح دورته', 'انطلاق موسم الحصاد']);
    const good = readFileSync(await exportArchive(midad));
    await page.reload();
    await openAdminScreen(page, 'open-archive');
    // Tabs by keyboard: in Arabic the next tab is to the left.
    await page.getByTestId('archive-tab-export').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('archive-tab-verify')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('archive-tab-verify')).toBeFocused();
    await page.getByTestId('verify-file').setInputFiles({ name: 'أرشيف.zip', mimeType: 'application/zip', buffer: good });
    await expect(page.getByTestId('verify-report')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('verify-summary')).toContainText('الأرشيف سليم');

    // One byte of one article's text changed: the manifest's checksum no longer matches.
    const entries = await readZip(good);
    const articles = entries.find((entry) => entry.name === 'articles.jsonl')!;
    const text = articles.data.toString('utf8').replace('الحصاد', 'الحصار');
    expect(text).not.toBe(articles.data.toString('utf8'));
    articles.data = Buffer.from(text, 'utf8');
    const tampered = await writeZip(entries);
    await page.getByTestId('verify-file').setInputFiles({ name: 'معدل.zip', mimeType: 'application/zip', buffer: tampered });
    await expect(page.getByTestId('verify-report')).toHaveAttribute('data-ok', 'false');
    await expect(page.getByTestId('verify-summary')).toContainText('غير سليم');
    await expect(page.getByTestId('verify-problem').first()).toContainText('articles.jsonl');
    await expectNothingClipped(page, 'archive-dialog');
    expect(await seriousViolations(page, '[data-testid="archive-dialog"]')).toEqual([]);
    await shot(page, testInfo, 'archive-verify-tampered-ar');

    // The same report in English.
    await page.getByTestId('archive-dialog-close').click();
    await dispatch(midad.core, 'settings.update', { language: 'en' }, midad.core.sessionContext());
    await page.reload();
    await openAdminScreen(page, 'open-archive');
    await page.getByTestId('archive-tab-verify').click();
    await page.getByTestId('verify-file').setInputFiles({ name: 'tampered.zip', mimeType: 'application/zip', buffer: tampered });
    await expect(page.getByTestId('verify-summary')).toContainText('not intact');
    await shot(page, testInfo, 'archive-verify-tampered-en');
  });

  test('imports a JSON Lines file: dry run first, then the import; a malformed line is named', async ({ midad }, testInfo) => {
    const { page } = midad;
    const lines = [
      { title: 'البرلمان يصادق على قانون الاستثمار', body_html: '<p>صادق البرلمان مساء أمس على القانون.</p>', section: 'اقتصاد', author: 'ليلى منصور', status: 'published', published_at: '2025-03-02T10:00:00Z' },
      { title: 'فوز المنتخب في المباراة الودية', body_text: 'حقق المنتخب فوزًا مستحقًا.', section: 'رياضة', tags: ['كرة القدم'] },
    ];
    const jsonl = Buffer.from(lines.map((line) => JSON.stringify(line)).join('\n') + '\n', 'utf8');
    await page.reload();
    await openAdminScreen(page, 'open-archive');
    await page.getByTestId('archive-tab-import').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'مقالات.jsonl', mimeType: 'application/x-ndjson', buffer: jsonl });
    await expect(page.getByTestId('import-format')).toContainText('JSON Lines');
    await expect(page.getByTestId('import-run')).toBeDisabled();
    await page.getByTestId('import-dry-run').click();
    await expect(page.getByTestId('import-report')).toHaveAttribute('data-dry-run', 'true');
    await expect(page.getByTestId('import-item')).toHaveCount(2);
    await expect(page.getByTestId('import-item').first()).toHaveAttribute('data-action', 'create');
    await expect(page.getByTestId('import-items')).toContainText('البرلمان يصادق على قانون الاستثمار');
    expect(storedTitles(midad)).toEqual([]);
    await expectNothingClipped(page, 'archive-dialog');
    expect(await seriousViolations(page, '[data-testid="archive-dialog"]')).toEqual([]);
    await shot(page, testInfo, 'archive-import-dry-run-ar');

    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-report')).toHaveAttribute('data-dry-run', 'false');
    expect(storedTitles(midad).sort()).toEqual(['البرلمان يصادق على قانون الاستثمار', 'فوز المنتخب في المباراة الودية'].sort());

    const broken = Buffer.from(`${JSON.stringify(lines[0])}\n{"title": "سطر مكسور", \n`, 'utf8');
    await page.getByTestId('import-file').setInputFiles({ name: 'مكسور.jsonl', mimeType: 'application/x-ndjson', buffer: broken });
    await page.getByTestId('import-dry-run').click();
    const error = page.getByTestId('import-error');
    const report = page.getByTestId('import-report');
    await expect(error.or(report)).toBeVisible();
    // Either the whole file is refused naming line 2, or the report warns about line 2.
    await expect(error.or(page.getByTestId('import-warnings'))).toContainText(/٢|2/);
    expect(storedTitles(midad)).toHaveLength(2);
    await shot(page, testInfo, 'archive-import-error-ar');
  });
});

test('an editor has no admin menu, so no archive or backups screen', async ({ browser }, testInfo) => {
  const midad = await MidadHarness.start(browser, { dataDir: testInfo.outputPath('data'), signIn: { name: EDITOR, role: 'editor' } });
  try {
    await expect(midad.page.getByTestId('new-article')).toBeVisible();
    await expect(midad.page.getByTestId('admin-menu')).toHaveCount(0);
    await expect(midad.page.getByTestId('open-archive')).toHaveCount(0);
    await expect(midad.page.getByTestId('open-backups')).toHaveCount(0);
    const refused = await midad.page.evaluate(async () => {
      const bridge = (window as unknown as { midad: { backups: { create: (request: unknown) => Promise<{ ok: boolean; error?: { code: string } }> } } }).midad;
      return bridge.backups.create({});
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  } finally {
    await midad.close();
  }
});
