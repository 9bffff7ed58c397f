import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import type { DocNode } from '../../shared/editor/docSchema';
import { signedInContext } from '../support/tempCore';
import { expect, test } from './fixtures';
import type { MidadHarness } from './harness/MidadHarness';

/**
 * Search (Ctrl+K): type-ahead over Arabic articles, the matching passage highlighted right to
 * left, keyboard navigation, and Enter opening the article with the match selected and in view.
 */

const FILLER = [
  'تواصل الأشغال في الطريق الساحلي وسط ترقب السكان، فيما تقول الشركة المكلفة إن الورش ستنتهي قبل الصيف.',
  'وقال مسؤول في الجماعة إن الميزانية المرصودة تكفي للمرحلة الأولى، على أن تُطلب اعتمادات إضافية في الدورة المقبلة.',
  'ويشتكي التجار من تراجع الإقبال على المحلات القريبة من الورش، مطالبين بتعويضات عن الأشهر الماضية.',
];
const MATCH_PARAGRAPH = 'وفي سياق متصل، دعت أحزاب المعارضة إلى تأجيل الاستحقاق، معتبرةً أن الإعداد لِلانْتِخَابَاتِ التشريعية لم يكتمل بعد.';

function doc(paragraphs: readonly string[]): DocNode {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text }] })) };
}

async function seed(midad: MidadHarness): Promise<void> {
  const ctx = await signedInContext(midad.core);
  const { articles } = midad.core.open;
  // The match sits deep in a long article: opening it at the top would not show it.
  const long: string[] = [];
  for (let index = 0; index < 40; index += 1) long.push(FILLER[index % FILLER.length]!);
  long.push(MATCH_PARAGRAPH, ...FILLER);
  articles.create(ctx, { title: 'المعارضة تطالب بتأجيل الاستحقاق', body: doc(long), section: 'سياسة' });
  articles.create(ctx, { title: 'أشغال الطريق الساحلي', body: doc(FILLER), section: 'جهات' });
  articles.create(ctx, { title: 'موعد الانتخابات المحلية', body: doc(['حددت الحكومة موعد الانتخابات المحلية في الخريف المقبل.']), section: 'سياسة' });
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('does open with Ctrl+K, highlight the match in the passage and open the article at it with Enter', async ({ midad }, testInfo) => {
  await seed(midad);
  await midad.reload();
  const { page } = midad;
  await expect(page.getByTestId('new-article')).toBeVisible();

  await page.keyboard.press('Control+k');
  const dialog = page.getByTestId('search-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.getByTestId('search-input').fill('انتخابات');

  const hits = page.getByTestId('search-hit');
  await expect(hits).toHaveCount(2);
  await expect(page.getByTestId('search-count')).toHaveText('نتيجتان');
  // The title match ranks first; the vowelled clitic form in the long article is found and marked as written.
  await expect(hits.nth(0)).toContainText('موعد الانتخابات المحلية');
  const longHit = hits.filter({ hasText: 'المعارضة تطالب' });
  await expect(longHit.locator('mark')).toHaveText(['لِلانْتِخَابَاتِ']);
  await expect(longHit.getByTestId('search-snippet')).toHaveAttribute('dir', 'auto');
  // The highlight sits inside right-to-left text: its box is to the left of where the passage starts.
  const snippetBox = (await longHit.getByTestId('search-snippet').boundingBox())!;
  const markBox = (await longHit.locator('mark').boundingBox())!;
  expect(markBox.x + markBox.width).toBeLessThanOrEqual(snippetBox.x + snippetBox.width + 1);
  await shot(page, testInfo, 'search-results');
  const axe = await new AxeBuilder({ page }).include('[data-testid="search-dialog"]').analyze();
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);

  // Arrow keys move the active result; Enter opens it.
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(hits.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('title-input')).toHaveValue('المعارضة تطالب بتأجيل الاستحقاق');

  // The match is selected in the body and scrolled into view.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('لِلانْتِخَابَاتِ');
  const inView = await page.evaluate(() => {
    const range = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return range.top >= 0 && range.bottom <= window.innerHeight && range.height > 0;
  });
  expect(inView).toBe(true);
  await shot(page, testInfo, 'search-opened-at-match');
});

test('does filter by status, show nothing for punctuation and close with Escape', async ({ midad }) => {
  await seed(midad);
  const ctx = await signedInContext(midad.core);
  const id = midad.core.open.articles.list({ query: 'موعد' }).items[0]!.id;
  midad.core.open.articles.spike(ctx, id);
  await midad.reload();
  const { page } = midad;
  await page.getByTestId('search-button').click();
  const input = page.getByTestId('search-input');
  await input.fill('الانتخابات');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await page.getByTestId('search-status').selectOption('spiked');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await expect(page.getByTestId('search-hit')).toContainText('موعد الانتخابات المحلية');
  await input.fill('؟!«»');
  await expect(page.getByTestId('search-count')).toHaveText('لا نتائج');
  await expect(page.getByTestId('search-hit')).toHaveCount(0);
  await input.press('Escape');
  await expect(page.getByTestId('search-dialog')).toBeHidden();
});
