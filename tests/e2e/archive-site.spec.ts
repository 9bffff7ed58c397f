import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRenderings } from '../../electron/core/archive/renderings/index';
import { chromiumMissingReason } from '../support/chromium';
import {
  context,
  FESTIVAL,
  HARBOUR,
  HASH_HARBOUR,
  HASH_STADIUM,
  MemorySink,
  PHOTO_HARBOUR,
  PHOTO_STADIUM,
  RECORDS,
  render,
} from '../unit/electron/core/archive/renderings/archiveFixture';

/**
 * The archive's static site, as a reader opens it from the unzipped archive: file:// in
 * Chromium, no server, no network. Renders the site with the real renderings into a temporary
 * folder laid out as the archive is (html/, media/), then reads it like a person would.
 */

const missing = chromiumMissingReason();
if (missing) console.log(`SKIPPED (archive site in Chromium): ${missing}`);
test.skip(missing !== null, missing ?? '');

let dir = '';

test.beforeAll(async () => {
  process.env.TZ = 'UTC';
  dir = mkdtempSync(join(tmpdir(), 'midad-site-'));
  const sink = new MemorySink(dir);
  await render(createRenderings(), RECORDS, sink, context());
  // The exporter writes media/ itself; here the fixture's images stand in for it.
  await sink.add(`media/${HASH_HARBOUR}`, PHOTO_HARBOUR);
  await sink.add(`media/${HASH_STADIUM}`, PHOTO_STADIUM);
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the archive site opens offline from file://, right to left, in the bundled font, with no request leaving the folder', async ({ page }) => {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });

  const indexUrl = pathToFileURL(join(dir, 'html', 'index.html')).href;
  await page.goto(indexUrl);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('h1')).toHaveText('الفهرس');
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('14 غشت 2026');
  await expect(page.getByRole('link', { name: FESTIVAL.title })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('archive-index.png'), fullPage: true });

  await page.getByRole('link', { name: HARBOUR.title }).click();
  await expect(page).toHaveURL(/\/html\/articles\/.+\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR.title);
  await page.evaluate(() => document.fonts.ready);

  const layout = await page.evaluate(() => {
    const body = document.querySelector('.body p')!;
    const style = getComputedStyle(body);
    const faces = [...document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.family} ${face.weight}`);
    const images = [...document.images].map((image) => ({ src: image.getAttribute('src'), width: image.naturalWidth }));
    const paragraph = body.getBoundingClientRect();
    const main = document.querySelector('main')!.getBoundingClientRect();
    return {
      direction: style.direction,
      fontFamily: style.fontFamily,
      faces,
      images,
      overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      // Right to left: the paragraph's first line starts at the right edge of the column.
      rightAligned: Math.abs(paragraph.right - main.right) < 40,
      arabicFaceUsed: document.fonts.check('16px "Noto Naskh Arabic"', 'ميناء'),
    };
  });
  expect(layout.direction).toBe('rtl');
  expect(layout.fontFamily).toContain('Noto Naskh Arabic');
  expect(layout.faces).toEqual(expect.arrayContaining(['Noto Naskh Arabic 400', 'Noto Naskh Arabic 700']));
  expect(layout.arabicFaceUsed).toBe(true);
  expect(layout.images.length).toBe(2);
  for (const image of layout.images) expect(image.width, `image ${image.src} did not load`).toBeGreaterThan(0);
  expect(layout.overflowX).toBeLessThanOrEqual(0);
  expect(layout.rightAligned).toBe(true);

  await page.setViewportSize({ width: 900, height: 1100 });
  await page.screenshot({ path: test.info().outputPath('archive-article.png'), fullPage: true });
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('الفهرس');

  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  expect(problems).toEqual([]);
});
