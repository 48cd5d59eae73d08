import { closeSync, openSync, writeSync } from 'node:fs';
import { openUnitDatabase } from '../../main/app/db/open';
import { PASSPHRASE } from '../support/app';
import { arrangeUnitAndRestart } from './arrange';
import { expect, screen, test } from './fixtures';

test('a database from a newer version gets its own explanation and is left alone', async ({
  page,
  bridge,
}) => {
  await arrangeUnitAndRestart(bridge);
  const ds = await openUnitDatabase(bridge.state.dbPath, PASSPHRASE, { create: false });
  await ds.query(
    `INSERT INTO migrations (timestamp, name) VALUES (9999999999999, 'Future9999999999999')`,
  );
  await ds.destroy();

  await page.goto(bridge.url);
  await page.getByLabel('Lösenfras').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Nyare databasversion');
  await expect(page.getByRole('alert')).toContainText('nyare version av Reservpärm');
  await screen(page, '14-unlock-newer-schema');
});

test('a damaged database is reported as such, with what to do, and nothing is deleted', async ({
  page,
  bridge,
}) => {
  await arrangeUnitAndRestart(bridge);
  // Damage a page that is not the header, as a failing disk or an interrupted copy would.
  const fd = openSync(bridge.state.dbPath, 'r+');
  writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, 4096 * 2 + 200);
  closeSync(fd);

  await page.goto(bridge.url);
  await page.getByLabel('Lösenfras').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Databasen kan inte öppnas');
  await expect(page.getByRole('alert')).toContainText('Ingenting har raderats');
  await screen(page, '15-unlock-corrupt');
});
