import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { MidadHarness } from './harness/MidadHarness';

/** The article body's editable element. */
export function editorBody(page: Page): Locator {
  return page.getByTestId('editor').locator('.ProseMirror');
}

/** A new article with this title, the caret at the end of its (empty) body. */
export async function newArticle(page: Page, title: string): Promise<void> {
  await page.getByTestId('new-article').click();
  await expect(page.getByTestId('title-input')).toBeVisible();
  await page.getByTestId('title-input').fill(title);
  await editorBody(page).click();
  await expect(editorBody(page)).toBeFocused();
  await page.keyboard.press('Control+End');
}

/** axe's serious and critical violations in `include` (a selector; the whole page without one), one line each. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The body of the article with this title as the core stored it, after the pending save. */
export async function storedBodyJson(midad: MidadHarness, title: string): Promise<string> {
  await midad.flush();
  const row = midad.core.open.db.prepare('SELECT body_json FROM articles WHERE title = ?').get(title) as { body_json: string } | undefined;
  return row?.body_json ?? '';
}
