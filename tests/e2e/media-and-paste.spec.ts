import type { Page } from '@playwright/test';
import { NEWS_PARAGRAPHS } from '../fixtures/arabicNews';
import { expect, test } from './fixtures';

// A 2×2 PNG and a JPEG header-only image are enough for the browser to decode and for the core to sniff.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR42mNk+M9QzwAEjDAGNzYAAB2fAv+J2hB6AAAAAElFTkSuQmCC',
  'base64',
);

async function openNewArticle(page: Page): Promise<void> {
  await page.getByTestId('new-article').click();
  const body = page.getByTestId('editor').locator('.ProseMirror');
  await body.click();
  await expect(body).toBeFocused();
}

/** Pastes through a real paste event, the way the clipboard would deliver it. */
async function paste(page: Page, data: { html?: string; text?: string }): Promise<number> {
  return page.getByTestId('editor').locator('.ProseMirror').evaluate((element, payload) => {
    const transfer = new DataTransfer();
    if (payload.html) transfer.setData('text/html', payload.html);
    if (payload.text) transfer.setData('text/plain', payload.text);
    const started = performance.now();
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    return performance.now() - started;
  }, data);
}

test('does store an inserted image once, show it through the app origin and keep alt text and caption', async ({ midad }, testInfo) => {
  const { page } = midad;
  await openNewArticle(page);
  await page.keyboard.insertText(NEWS_PARAGRAPHS[0]!);
  await page.getByTestId('image-input').setInputFiles({ name: 'محطة-الضخ.png', mimeType: 'image/png', buffer: PNG });
  const figure = page.getByTestId('figure');
  await expect(figure).toHaveCount(1);
  const image = figure.locator('img');
  await expect(image).toHaveAttribute('src', /^\/media\/[0-9a-f]{64}$/);
  await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(2);
  await page.getByTestId('figure-alt').fill('محطة ضخ الماء في حي النهضة');
  await page.getByTestId('figure-caption').fill('أشغال الصيانة في محطة الضخ الرئيسية');
  await page.getByTestId('featured-image').selectOption({ index: 1 });
  await expect(page.getByTestId('status-save')).toHaveText(/محفوظ محليًا/, { timeout: 5000 });
  await page.screenshot({ path: testInfo.outputPath('image.png') });

  const stored = midad.core.open.db.prepare('SELECT featured_media FROM articles').get() as { featured_media: string };
  expect(midad.storedHtml()).toMatch(/<figure dir="rtl"><img src="\/media\/[0-9a-f]{64}" alt="محطة ضخ الماء في حي النهضة"><figcaption>أشغال الصيانة في محطة الضخ الرئيسية<\/figcaption><\/figure>/);
  expect(stored.featured_media).toMatch(/^[0-9a-f]{64}$/);
  expect(midad.core.open.db.prepare('SELECT count(*) FROM media').pluck().get()).toBe(1);

  await midad.reload();
  await expect(page.getByTestId('figure-caption')).toHaveValue('أشغال الصيانة في محطة الضخ الرئيسية');
  await expect.poll(() => page.getByTestId('figure').locator('img').evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(2);
});

test('does refuse an image over the size limit with a clear message and insert nothing', async ({ midad }) => {
  const { page } = midad;
  await midad.core.open.settings.update({ maxImageBytes: 1024 });
  await midad.reload();
  await openNewArticle(page);
  const big = Buffer.concat([PNG, Buffer.alloc(4096)]);
  await page.getByTestId('image-input').setInputFiles({ name: 'كبيرة.png', mimeType: 'image/png', buffer: big });
  await expect(page.getByTestId('editor-notice')).toContainText('كبيرة.png');
  await expect(page.getByTestId('figure')).toHaveCount(0);
  expect(midad.core.open.db.prepare('SELECT count(*) FROM media').pluck().get()).toBe(0);
});

test('does refuse a 5 MB paste at once with a message and leave the window responsive', async ({ midad }) => {
  const { page } = midad;
  await openNewArticle(page);
  const paragraph = `<p>${NEWS_PARAGRAPHS.join(' ')}</p>`;
  const html = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
  const elapsed = await paste(page, { html, text: html.replace(/<[^>]+>/g, '') });
  expect(elapsed).toBeLessThan(2000);
  await expect(page.getByTestId('editor-notice')).toBeVisible();
  await expect(page.getByTestId('editor')).not.toContainText(NEWS_PARAGRAPHS[1]!);
  // The window still answers.
  await page.keyboard.insertText('ما زال المحرر يستجيب');
  await expect(page.getByTestId('editor')).toContainText('ما زال المحرر يستجيب');
});

test('does paste a long article of ordinary size within two seconds', async ({ midad }) => {
  const { page } = midad;
  await openNewArticle(page);
  const paragraphs = Array.from({ length: 120 }, (_, index) => `<p>${NEWS_PARAGRAPHS[index % NEWS_PARAGRAPHS.length]} (${index + 1})</p>`).join('');
  const elapsed = await paste(page, { html: paragraphs });
  expect(elapsed).toBeLessThan(2000);
  await expect(page.getByTestId('editor').locator('.ProseMirror p')).toHaveCount(120);
  await expect(page.getByTestId('status-save')).toHaveText(/محفوظ محليًا/, { timeout: 5000 });
});
