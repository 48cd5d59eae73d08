import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../support/tempDir';

const root = join(import.meta.dirname, '..', '..');

/**
 * Where `npm install` put Electron's binary, without asking the electron package
 * (requiring it would try to download one, which these machines cannot).
 */
function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(binary) ? binary : null;
  }
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const skipReason =
  'No Electron binary on this machine (its download is blocked here); the renderer suite ' +
  'covers the same flows in Chromium through the loopback bridge.';
if (binary === null) console.log(`[electron launch test] skipped: ${skipReason}`);

test.describe('the packaged Electron app', () => {
  test.skip(binary === null, skipReason);

  test('starts on the first-run screen with window.api and no Node in the page', async () => {
    const temp = makeTempDir('reservparm-electron-');
    try {
      const app = await electron.launch({
        executablePath: binary!,
        args: [join(root, 'out', 'main', 'index.cjs'), `--db=${join(temp.dir, 'unit.db')}`],
        env: { ...process.env, ELECTRON_DISABLE_SECURITY_WARNINGS: 'false' },
      });
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: 'Upprätta enheten' })).toBeVisible();
      const globals = await page.evaluate(() => ({
        api: typeof window.api?.app?.status,
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(globals).toEqual({ api: 'function', require: 'undefined', process: 'undefined' });
      // The app is served from its own scheme, never file://.
      expect(page.url()).toBe('app://reservparm/index.html');
      await app.close();
    } finally {
      temp.cleanup();
    }
  });
});
