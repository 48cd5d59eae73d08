import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../support/tempDir';
import { startBridge, type Bridge } from './bridge/server';

export { expect };

export const test = base.extend<{ bridge: Bridge; dataDir: string }>({
  // Playwright reads a fixture's dependencies from this pattern, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const temp = makeTempDir('reservparm-e2e-');
    await use(temp.dir);
    temp.cleanup();
  },
  bridge: async ({ dataDir }, use) => {
    const bridge = await startBridge(join(dataDir, 'unit.db'));
    await use(bridge);
    await bridge.close();
  },
});

const screensDir = join(import.meta.dirname, '..', '..', 'test-results', 'screens');

/** Saves a screenshot under test-results/screens/ to look at what a person sees. */
export async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(screensDir, { recursive: true });
  await page.screenshot({ path: join(screensDir, `${name}.png`), fullPage: true });
}
