#!/usr/bin/env node
// Renders build/icon.svg to the PNGs electron-builder uses: build/icon.png (1024, from which it
// derives the macOS .icns and Windows .ico) and build/icons/<n>x<n>.png for Linux. Run by hand
// after changing the SVG: `node build/render-icons.mjs` (needs Chromium; CHROMIUM_PATH overrides
// /usr/bin/chromium). Not part of the build: the PNGs are committed.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(join(here, 'icon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  async function render(size, file) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`wrote ${file}`);
  }
  await render(1024, join(here, 'icon.png'));
  mkdirSync(join(here, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) await render(size, join(here, 'icons', `${size}x${size}.png`));
} finally {
  await browser.close();
}
