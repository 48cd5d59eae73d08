import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CASE_WORKER, SETUP } from '../support/app';
import { arrange } from './arrange';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, screen, test } from './fixtures';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name }).click();

async function signIn(page: Page, who: { username: string; password: string } = SETUP.manager) {
  await page.getByLabel('Användarnamn').fill(who.username);
  await page.getByLabel('Lösenord').fill(who.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
}

test('the enhetschef chooses a stick, makes a backup, sees it; a pulled stick is warned of', async ({
  page,
  bridge,
  dataDir,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'session.signOut');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await signIn(page);

  // The overview before any backup: none yet, and the folder is still beside the database.
  const card = page.getByRole('article', { name: 'Säkerhetskopia' });
  await expect(card).toContainText('Ingen säkerhetskopia har gjorts ännu.');
  await expect(card).toContainText(
    'Kopiorna sparas på samma disk som databasen. Välj ett USB-minne under Inställningar.',
  );
  await expect(card.getByRole('alert')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await screen(page, 'issue11-backup-overview-default');

  // Inställningar: the folder from the dialog, a number out of bounds, then saved.
  const stick = join(dataDir, 'USB-minne');
  mkdirSync(stick);
  bridge.desktop.nextFolder = stick;
  await nav(page, 'Inställningar');
  const panel = page.getByRole('region', { name: 'Säkerhetskopior' });
  await panel.getByRole('button', { name: 'Välj mapp…' }).click();
  await expect(panel.getByLabel('Mapp för säkerhetskopior')).toHaveValue(stick);
  await panel.getByLabel('Hur ofta under ett avbrott (minuter)').fill('5');
  await panel.getByLabel('Antal säkerhetskopior att spara').fill('0');
  await panel.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(panel.getByLabel('Antal säkerhetskopior att spara')).toHaveAccessibleDescription(
    /Minst 1\./,
  );
  await panel.getByLabel('Antal säkerhetskopior att spara').fill('10');
  await panel.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText(
    `Sparat. Under ett avbrott görs en säkerhetskopia med 5 minuters mellanrum, och de 10 senaste sparas i ${stick}.`,
  );
  await expect(panel).not.toContainText('Kopiorna sparas nu i en mapp bredvid databasen');

  await panel.getByRole('button', { name: 'Gör en säkerhetskopia nu' }).click();
  await expect(panel.getByRole('status')).toContainText('Säkerhetskopian är gjord');
  const rows = panel.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(/2026-11-23 10:0\d/);
  await expect(rows.nth(1)).toContainText(/Reservparm-sakerhetskopia-[0-9a-f]{8}-20261123-/);
  expect(readdirSync(stick).filter((name) => name.endsWith('.db'))).toHaveLength(1);
  await expectNoSeriousA11yViolations(page);
  await screen(page, 'issue11-backup-settings');
  await panel.screenshot({ path: 'test-results/screens/issue11-backup-settings-panel.png' });

  // Seven minutes later (within the auto-lock), the overview says when, by the app's clock.
  bridge.advanceClock(7 * 60_000);
  await page.reload();
  await expect(card).toContainText(
    /Senaste säkerhetskopia 2026-11-23 10:0\d \(för 7 minuter sedan\)/,
  );
  await expect(card).not.toContainText('Välj ett USB-minne');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await screen(page, 'issue11-backup-overview-made');

  // The stick is pulled during an outage: the overview warns of both.
  rmSync(stick, { recursive: true });
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: [], note: '' });
  bridge.advanceClock(3 * 60_000);
  await page.reload();
  await expect(card.getByRole('alert').first()).toContainText(
    `Mappen för säkerhetskopior går inte att nå: ${stick}. Sätt i USB-minnet`,
  );
  await expect(card.getByRole('alert').nth(1)).toContainText(
    'Ingen säkerhetskopia har gjorts under det pågående avbrottet.',
  );
  // The one made before is still said: it went with the stick, it was not undone.
  await expect(card).toContainText(/Senaste säkerhetskopia 2026-11-23 10:0\d/);
  await expectNoSeriousA11yViolations(page);
  await card.scrollIntoViewIfNeeded();
  await screen(page, 'issue11-backup-overview-warning');

  // Trying anyway: the same reason, said once, and nothing written anywhere.
  await card.getByRole('button', { name: 'Gör en säkerhetskopia nu' }).click();
  await expect(card.getByRole('button', { name: 'Gör en säkerhetskopia nu' })).toBeEnabled();
  await expect(card.getByText(/^Mappen för säkerhetskopior går inte att nå/)).toHaveCount(1);
  expect(readdirSync(dataDir)).not.toContain('USB-minne');
});

test('a handläggare during an outage sees the backup card and makes one herself', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', CASE_WORKER);
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: [], note: '' });
  await arrange(bridge, 'session.signOut');
  bridge.advanceClock(3 * 60_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await signIn(page, CASE_WORKER);

  const card = page.getByRole('article', { name: 'Säkerhetskopia' });
  await expect(card.getByRole('alert')).toContainText(
    'Ingen säkerhetskopia har gjorts under det pågående avbrottet.',
  );
  // Where backups go is the enhetschef's to choose: the note says whom to ask.
  await expect(card).toContainText('Enhetschefen kan välja ett USB-minne under Inställningar.');
  await card.getByRole('button', { name: 'Gör en säkerhetskopia nu' }).click();
  await expect(card).toContainText(/Senaste säkerhetskopia 2026-11-23 10:03 \(alldeles nyss\)/);
  await expect(card.getByRole('alert')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await card.scrollIntoViewIfNeeded();
  await screen(page, 'issue11-backup-overview-caseworker');
});
