import type { Page } from '@playwright/test';
import { NEWS_ENGLISH_QUOTE, NEWS_KICKER, NEWS_PARAGRAPHS, NEWS_TITLE } from '../fixtures/arabicNews';
import { expect, test } from './fixtures';

const SAVED = /محفوظ محليًا|Saved locally/;

async function newArticle(page: Page): Promise<void> {
  await page.getByTestId('new-article').click();
  await expect(page.getByTestId('title-input')).toBeVisible();
}

async function focusBodyEnd(page: Page): Promise<void> {
  const body = page.getByTestId('editor').locator('.ProseMirror');
  await body.click();
  await expect(body).toBeFocused();
  await page.keyboard.press('Control+End');
}

async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('status-save')).toHaveText(SAVED, { timeout: 5000 });
}

test('does keep an Arabic article with bold, a heading and an ltr quote across a reload', async ({ midad }, testInfo) => {
  const { page } = midad;
  await newArticle(page);
  await page.getByTestId('title-input').fill(NEWS_TITLE);
  await page.getByTestId('subtitle-input').fill(NEWS_KICKER);
  await focusBodyEnd(page);
  await page.keyboard.insertText('الماء أولًا');
  await page.keyboard.press('Enter');
  for (const paragraph of NEWS_PARAGRAPHS) {
    await page.keyboard.insertText(paragraph);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.insertText(NEWS_ENGLISH_QUOTE);

  // The first line becomes a heading.
  const body = page.getByTestId('editor').locator('.ProseMirror');
  await body.locator('p').first().click();
  await page.getByTestId('tb-h2').click();
  await expect(body.locator('h2')).toHaveText('الماء أولًا');
  await expect(page.getByTestId('tb-h2')).toHaveAttribute('aria-pressed', 'true');

  // Bold on the first words of the first paragraph.
  const firstParagraph = body.locator('p').first();
  await firstParagraph.click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.getByTestId('tb-bold').click();
  await expect(firstParagraph.locator('strong')).toHaveCount(1);
  const boldText = (await firstParagraph.locator('strong').textContent())?.trim() ?? '';
  expect(boldText.length).toBeGreaterThan(2);

  // The English quote goes left to right.
  await body.locator('p').last().click();
  await page.getByTestId('dir-ltr').click();
  await expect(body.locator('p').last()).toHaveAttribute('dir', 'ltr');
  await expect(body.locator('p').first()).toHaveAttribute('dir', 'rtl');

  await waitSaved(page);
  // Counts are recomputed shortly after typing stops (never per keystroke): wait for them.
  await expect.poll(async () => Number(await page.getByTestId('status-words').getAttribute('data-value'))).toBeGreaterThan(100);
  const words = await page.getByTestId('status-words').textContent();
  await page.screenshot({ path: testInfo.outputPath('editor-arabic.png'), fullPage: false });
  await testInfo.attach('editor-arabic', { path: testInfo.outputPath('editor-arabic.png'), contentType: 'image/png' });

  await midad.reload();
  await expect(page.getByTestId('title-input')).toHaveValue(NEWS_TITLE);
  await expect(page.getByTestId('subtitle-input')).toHaveValue(NEWS_KICKER);
  const reloaded = page.getByTestId('editor').locator('.ProseMirror');
  await expect(reloaded.locator('h2')).toHaveText('الماء أولًا');
  await expect(reloaded.locator('p').first().locator('strong')).toHaveText(boldText);
  await expect(reloaded.locator('p').last()).toHaveAttribute('dir', 'ltr');
  await expect(reloaded.locator('p').last()).toHaveText(NEWS_ENGLISH_QUOTE);
  for (const paragraph of NEWS_PARAGRAPHS) await expect(reloaded).toContainText(paragraph);
  await expect(page.getByTestId('status-words')).toHaveText(words ?? '');

  // The list shows it, with its title.
  const item = page.getByTestId('article-list-item').first();
  await expect(item).toContainText(NEWS_TITLE);

  // And the SQLite file holds it (not just the page).
  const stored = midad.core.open.db.prepare('SELECT title FROM articles').get() as { title: string };
  expect(stored.title).toBe(NEWS_TITLE);
  expect(midad.storedHtml()).toContain(`<p dir="ltr">${NEWS_ENGLISH_QUOTE}</p>`);
  expect(midad.storedHtml()).toContain('<strong>');
});

test('does reopen the last article where the user was after the app is closed mid-sentence', async ({ midad }) => {
  const { page } = midad;
  await newArticle(page);
  await page.getByTestId('title-input').fill('مقال طويل للتمرير');
  await focusBodyEnd(page);
  for (let index = 0; index < 40; index += 1) {
    await page.keyboard.insertText(`${NEWS_PARAGRAPHS[index % NEWS_PARAGRAPHS.length]} (${index + 1})`);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.insertText('وفي آخر السطر جملة لم تكتمل');
  await waitSaved(page);
  const scroller = page.getByTestId('editor-scroll');
  await scroller.evaluate((element) => element.scrollTo({ top: 900 }));
  // Give the debounced view-state save its time, then close without any explicit flush.
  await page.waitForTimeout(1500);
  await midad.restart();
  const reopened = midad.page;
  await expect(reopened.getByTestId('title-input')).toHaveValue('مقال طويل للتمرير');
  await expect(reopened.getByTestId('editor')).toContainText('وفي آخر السطر جملة لم تكتمل');
  await expect.poll(() => reopened.getByTestId('editor-scroll').evaluate((element) => Math.round(element.scrollTop))).toBeGreaterThan(700);
});

test('does filter the list by title as the user types and count articles with Arabic plurals', async ({ midad }) => {
  const { page } = midad;
  for (const title of ['الانتخابات الجماعية في الجهة', 'موسم الحصاد في سهل سايس', 'افتتاح المكتبة الوسطى']) {
    await newArticle(page);
    await page.getByTestId('title-input').fill(title);
    await waitSaved(page);
  }
  await expect(page.getByTestId('article-list-item')).toHaveCount(3);
  await expect(page.getByTestId('article-count')).toContainText('3 مقالات');
  await expect(page.getByTestId('article-list-item').first()).toContainText('افتتاح المكتبة الوسطى');
  await page.getByTestId('filter-input').pressSequentially('الحصا');
  await expect(page.getByTestId('article-list-item')).toHaveCount(1);
  await expect(page.getByTestId('article-list-item')).toContainText('موسم الحصاد');
});

test('does remove bidi control characters pasted into the title and the slug', async ({ midad }) => {
  const { page } = midad;
  await newArticle(page);
  await page.getByTestId('title-input').fill('عنوان\u202E مقلوب\u2066 معزول\u2069');
  await page.getByTestId('meta-slug').fill('رابط\u202B-الخبر\u202C');
  await waitSaved(page);
  await expect(page.getByTestId('title-input')).toHaveValue('عنوان مقلوب معزول');
  const stored = midad.core.open.db.prepare('SELECT title, slug FROM articles').get() as { title: string; slug: string };
  expect(stored.title).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  expect(stored.slug).toBe('رابط-الخبر');
});

test('does show a banner when the disk is full, keep the text, and save it once there is room', async ({ midad }) => {
  const { page } = midad;
  await newArticle(page);
  await page.getByTestId('title-input').fill('اختبار امتلاء القرص');
  await waitSaved(page);
  const db = midad.core.open.db;
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  await focusBodyEnd(page);
  const lost = NEWS_PARAGRAPHS.join(' ').repeat(30);
  await page.keyboard.insertText(lost);
  await expect(page.getByTestId('save-error-banner')).toBeVisible({ timeout: 5000 });
  await expect(page.getByTestId('save-error-banner')).toContainText('ممتلئ');
  await expect(page.getByTestId('editor')).toContainText(NEWS_PARAGRAPHS[0]!);
  db.pragma('max_page_count = 1073741823');
  await expect(page.getByTestId('save-error-banner')).toBeHidden({ timeout: 20_000 });
  await waitSaved(page);
  const stored = db.prepare('SELECT body_text FROM articles').pluck().get() as string;
  expect(stored).toContain(lost.trim().slice(0, 200));
});

test('does show a clear screen naming the file when the database is damaged', async ({ browser }, testInfo) => {
  const { MidadHarness } = await import('./harness/MidadHarness');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const dataDir = testInfo.outputPath('broken');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${dataDir}/midad.sqlite`, Buffer.alloc(16384, 0x41));
  const midad = await MidadHarness.start(browser, { dataDir });
  try {
    const screen = midad.page.getByTestId('db-error-screen');
    await expect(screen).toBeVisible();
    await expect(midad.page.getByTestId('db-error-file').first()).toContainText(`${dataDir}/midad.sqlite`);
    await expect(screen).toContainText('تالفة');
    await expect(screen).toContainText('damaged');
    await midad.page.screenshot({ path: testInfo.outputPath('db-error.png') });
    // No crash loop: the page stays put.
    const calls = midad.calls.length;
    await midad.page.waitForTimeout(1500);
    expect(midad.calls.length - calls).toBeLessThan(3);
  } finally {
    await midad.close();
  }
});

test('does save the last words typed when the window closes at once (the quit flush)', async ({ midad }) => {
  const { page } = midad;
  await newArticle(page);
  await page.getByTestId('title-input').fill('إغلاق مفاجئ');
  await focusBodyEnd(page);
  await page.keyboard.insertText('آخر كلمات كُتبت قبل الإغلاق مباشرة');
  // No wait for the autosave: the Electron main calls window.__midadFlush before closing.
  await midad.restart({ flush: true });
  await expect(midad.page.getByTestId('editor')).toContainText('آخر كلمات كُتبت قبل الإغلاق مباشرة');
});
