import { test as base, expect } from '@playwright/test';
import { MidadHarness } from './harness/MidadHarness';

export const test = base.extend<{ midad: MidadHarness }>({
  midad: async ({ browser }, use, testInfo) => {
    const harness = await MidadHarness.start(browser, { dataDir: testInfo.outputPath('data') });
    await use(harness);
    await harness.close();
  },
});

export { expect };
