import { expect, test } from './fixtures';

const SAVED = /محفوظ محليًا|Saved locally/;

test('does show the slug the core makes from the title, unique among local articles, and keep a typed one', async ({ midad }) => {
  const { page } = midad;
  const title = 'البلدية تصادق على الميزانية';
  for (const expected of ['البلدية-تصادق-على-الميزانية', 'البلدية-تصادق-على-الميزانية-2']) {
    await page.getByTestId('new-article').click();
    await expect(page.getByTestId('title-input')).toBeVisible();
    await page.getByTestId('title-input').fill(title);
    await expect(page.getByTestId('status-save')).toHaveText(SAVED, { timeout: 5000 });
    // Shown without reopening the article: the save answer carries the stored slug.
    await expect(page.getByTestId('meta-slug')).toHaveValue(expected);
  }

  // A slug typed by hand is kept when the title changes afterwards.
  await page.getByTestId('meta-slug').fill('ميزانية-2027');
  await expect(page.getByTestId('status-save')).toHaveText(SAVED, { timeout: 5000 });
  await page.getByTestId('title-input').fill('البلدية تؤجل التصويت على الميزانية');
  await expect(page.getByTestId('status-save')).toHaveText(SAVED, { timeout: 5000 });
  await expect(page.getByTestId('meta-slug')).toHaveValue('ميزانية-2027');
  const slugs = (midad.core.open.db.prepare('SELECT slug FROM articles ORDER BY created_at').all() as { slug: string }[]).map((row) => row.slug);
  expect(slugs).toEqual(['البلدية-تصادق-على-الميزانية', 'ميزانية-2027']);
});
