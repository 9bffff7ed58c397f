import { channels } from '../../shared/ipc/contract';
import { expect, test } from './fixtures';

test('does load with no console error and no request outside the app origin', async ({ midad }) => {
  const { page } = midad;
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('http://midad.test/')) foreign.push(request.url());
  });
  await midad.reload();
  await expect(page.getByTestId('new-article')).toBeVisible();
  await page.getByTestId('new-article').click();
  await expect(page.getByTestId('title-input')).toBeVisible();
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('does block inline script and remote images through the Content-Security-Policy', async ({ midad }) => {
  const { page } = midad;
  const violations = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    const image = new Image();
    image.src = 'https://example.org/tracker.png';
    document.body.append(image);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { seen, inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
  });
  expect(violations.inlineRan).toBe(false);
  expect(violations.seen).toEqual(expect.arrayContaining(['script-src-elem', 'img-src']));
});

test('does not let the page reach Node or the database except through window.midad', async ({ midad }) => {
  const globals = await midad.page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    midadGroups: Object.keys((window as unknown as { midad: object }).midad).sort(),
  }));
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
  // Exactly the contract's groups: nothing else from the core is reachable.
  expect(globals.midadGroups).toEqual([...new Set(channels.map((name) => name.split('.')[0]!))].sort());
});
