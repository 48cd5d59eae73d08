import { closeSync, openSync, readdirSync, truncateSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeBackup } from '../../main/app/backup/backupFiles';
import { readBackupSettings } from '../../main/app/backup/backupSettings';
import { connectionOf } from '../../main/app/db/open';
import { CASE_WORKER, MANAGER, PASSPHRASE, SETUP } from '../support/app';
import { sampleInput } from '../support/records';
import { arrange } from './arrange';
import { expectNoSeriousA11yViolations } from './axe';
import type { Bridge } from './bridge/server';
import { expect, screen, test } from './fixtures';

const MINUTE = 60_000;
const screensDir = join(import.meta.dirname, '..', '..', 'test-results', 'screens');

/**
 * A unit with Astrid's decision in a backup taken at 10:00 (office time) in the default
 * folder beside the database, and Bertil's decision saved twenty minutes later.
 */
async function arrangeBackupThenMore(bridge: Bridge): Promise<void> {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', CASE_WORKER);
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: [], note: '' });
  await arrange(
    bridge,
    'decisions.create',
    sampleInput('decisions', { clientName: 'Astrid Före' }) as never,
  );
  writeBackup(
    connectionOf(bridge.state.db()),
    readBackupSettings(bridge.state.dbPath).folder,
    PASSPHRASE,
    bridge.state.now(),
  );
  // Twenty minutes later, still signed in (the auto-lock would otherwise have come first).
  bridge.state.session.autoLockMinutes = 60;
  bridge.advanceClock(20 * MINUTE);
  await arrange(
    bridge,
    'decisions.create',
    sampleInput('decisions', { clientName: 'Bertil Efter' }) as never,
  );
}

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Användarnamn').fill(MANAGER.username);
  await page.getByLabel('Lösenord').fill(MANAGER.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
}

async function expectOnlyAstrid(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('button', { name: 'Beslut' })
    .click();
  await expect(page.getByRole('row', { name: /Astrid Före/ })).toHaveCount(1);
  await expect(page.getByRole('row', { name: /Bertil Efter/ })).toHaveCount(0);
}

test('a damaged database at start: the message, the latest good backup offered, confirmed, restored and opened', async ({
  page,
  bridge,
}) => {
  await arrangeBackupThenMore(bridge);
  // A newer backup cut short, as a pulled stick leaves it: passed over, and said so.
  const newer = writeBackup(
    connectionOf(bridge.state.db()),
    readBackupSettings(bridge.state.dbPath).folder,
    PASSPHRASE,
    bridge.state.now(),
  );
  truncateSync(newer.path, 4096 * 2);
  await bridge.state.close();
  const fd = openSync(bridge.state.dbPath, 'r+');
  writeSync(fd, Buffer.alloc(4096), 0, 4096, 4096 * 3);
  closeSync(fd);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByLabel('Lösenfras').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').first()).toContainText('Databasen kan inte öppnas');
  const offer = page.getByRole('button', {
    name: 'Återställ från säkerhetskopian 2026-11-23 10:00',
  });
  await expect(offer).toBeVisible();
  await expect(
    page.getByText('2026-11-23 10:20: filen är skadad eller ofullständig'),
  ).toBeVisible();
  await screen(page, 'issue11-restore-offer');
  await expectNoSeriousA11yViolations(page);

  await offer.click();
  const confirm = page.getByRole('group', {
    name: 'Återställa från säkerhetskopian 2026-11-23 10:00?',
  });
  const shown = /unit\.db\.skadad-20261123-1020\d\d/.exec((await confirm.textContent()) ?? '')?.[0];
  expect(shown).toBeDefined();
  await expect(confirm).toContainText(`Den skadade filen sparas undan som ${shown}`);
  await expect(confirm).toContainText(
    'Ändringar som gjordes efter 2026-11-23 10:00 finns inte i den',
  );
  await screen(page, 'issue11-restore-offer-confirm');
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole('button', { name: 'Återställ och öppna' }).click();

  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  // Kept aside under the very name the confirmation showed.
  expect(readdirSync(dirname(bridge.state.dbPath)).filter((n) => n.includes('.skadad-'))).toEqual([
    shown,
  ]);
  await signIn(page);
  await expectOnlyAstrid(page);
  await screen(page, 'issue11-restore-offer-restored');
});

test('no usable backup: says what to do, and the damaged file is left alone', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await bridge.state.close();
  truncateSync(bridge.state.dbPath, 0);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByLabel('Lösenfras').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Det finns ingen säkerhetskopia att återställa från')).toBeVisible();
  await expect(page.getByText(/Kontakta IT\. Den skadade filen är orörd/)).toBeVisible();
  await screen(page, 'issue11-restore-no-backup');
  await expectNoSeriousA11yViolations(page);
});

test('the enhetschef restores an older backup from Inställningar after the confirmation', async ({
  page,
  bridge,
}) => {
  await arrangeBackupThenMore(bridge);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('button', { name: 'Inställningar' })
    .click();
  const panel = page.getByRole('region', { name: 'Återställ från säkerhetskopia' });
  await panel.getByRole('button', { name: 'Välj säkerhetskopian från 2026-11-23 10:00' }).click();
  const confirm = panel.getByRole('group', {
    name: 'Ersätta databasen med säkerhetskopian från 2026-11-23 10:00?',
  });
  await expect(confirm.getByRole('row', { name: 'Beslut 2 1' })).toBeVisible();
  await expect(confirm).toContainText('senast ändrad 2026-11-23 10:20');
  await expect(confirm).toContainText('Allt som sparats efter 2026-11-23 10:00 försvinner');
  const shown = /unit\.db\.ersatt-20261123-1020\d\d/.exec((await confirm.textContent()) ?? '')?.[0];
  expect(shown).toBeDefined();
  await confirm.scrollIntoViewIfNeeded();
  await screen(page, 'issue11-restore-settings-confirm');
  // The panel alone, readable at full size.
  await panel.screenshot({ path: join(screensDir, 'issue11-restore-settings-panel.png') });
  await expectNoSeriousA11yViolations(page);

  await confirm.getByRole('button', { name: 'Ersätt databasen med säkerhetskopian' }).click();
  await expect(confirm.getByText('Ange enhetens lösenfras.')).toBeVisible();
  await confirm.getByLabel('Enhetens lösenfras').fill(PASSPHRASE);
  await confirm.getByRole('button', { name: 'Ersätt databasen med säkerhetskopian' }).click();

  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  expect(readdirSync(dirname(bridge.state.dbPath)).filter((n) => n.includes('.ersatt-'))).toEqual([
    shown,
  ]);
  await expect(page.getByRole('status')).toContainText(
    'Databasen har återställts från en säkerhetskopia',
  );
  await screen(page, 'issue11-restore-settings-signed-out');
  await expectNoSeriousA11yViolations(page);
  await signIn(page);
  await expectOnlyAstrid(page);
});
