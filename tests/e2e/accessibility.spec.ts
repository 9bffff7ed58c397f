import type { Page } from '@playwright/test';
import { NEWS_PARAGRAPHS, NEWS_TITLE } from '../fixtures/arabicNews';
import { expect, test } from './fixtures';
import { seriousViolations } from './checks';

async function writeArticle(page: Page): Promise<void> {
  await page.getByTestId('new-article').click();
  await page.getByTestId('title-input').fill(NEWS_TITLE);
  const body = page.getByTestId('editor').locator('.ProseMirror');
  await body.click();
  await expect(body).toBeFocused();
  await page.keyboard.insertText(NEWS_PARAGRAPHS[0]!);
  await expect(page.getByTestId('status-save')).toHaveText(/محفوظ محليًا|Saved locally/, { timeout: 5000 });
}

for (const language of ['ar', 'en'] as const) {
  test(`does pass axe with no serious or critical violation on the list and the editor in ${language}`, async ({ midad }) => {
    const { page } = midad;
    if (language === 'en') {
      await page.getByTestId('settings-button').click();
      await page.getByTestId('language-select').selectOption('en');
      await page.getByTestId('settings-save').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    } else {
      await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    }
    await writeArticle(page);
    expect(await seriousViolations(page, '[data-testid="article-list"]')).toEqual([]);
    expect(await seriousViolations(page, 'body')).toEqual([]);
  });
}

test('does label every toolbar button in the current language and move through them by keyboard', async ({ midad }) => {
  const { page } = midad;
  await writeArticle(page);
  const buttons = page.getByTestId('toolbar').getByRole('button');
  const count = await buttons.count();
  expect(count).toBeGreaterThanOrEqual(15);
  for (let index = 0; index < count; index += 1) {
    const label = await buttons.nth(index).getAttribute('aria-label');
    expect(label, `button ${index}`).toMatch(/[\u0600-\u06FF]/);
  }
  await page.getByTestId('tb-bold').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tb-italic')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tb-italic')).toHaveAttribute('aria-pressed', 'true');
});
