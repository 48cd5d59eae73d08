import { dirname } from 'node:path';
import { PASSPHRASE } from '../support/app';
import { snapshotFolder } from '../support/files';
import { arrangeUnitAndRestart } from './arrange';
import { expect, screen, test } from './fixtures';

test('a wrong passphrase is explained and leaves the file untouched; the right one opens it', async ({
  page,
  bridge,
}) => {
  await arrangeUnitAndRestart(bridge);
  const folder = dirname(bridge.state.dbPath);
  const before = snapshotFolder(folder);

  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Lås upp Reservpärm' })).toBeVisible();
  await screen(page, '04-unlock');
  // Keyboard only: the field has focus, Enter submits.
  await page.keyboard.type('fel lösenfras igen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Fel lösenfras. Databasen har inte öppnats');
  await expect(page.getByText('Fel lösenfras.', { exact: true })).toBeVisible();
  await screen(page, '05-unlock-wrong');
  expect(snapshotFolder(folder)).toEqual(before);

  await page.getByLabel('Lösenfras').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await expect(page.getByText('Enhet Test · Socialförvaltningen')).toBeVisible();
  await screen(page, '06-sign-in');

  await page.keyboard.type('kalle');
  await page.keyboard.press('Tab');
  await page.keyboard.type('fel-lösen');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Fel användarnamn eller lösenord.')).toBeVisible();
  await screen(page, '07-sign-in-wrong');

  await page.getByLabel('Lösenord').fill('kalle-123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Översikt' })).toBeVisible();
  await expect(page.getByRole('main').getByText('Handläggare', { exact: true })).toBeVisible();
  // A handläggare sees only what they may use.
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(nav.getByRole('button')).toHaveText([
    'Översikt',
    'Avbrott',
    'Beslut',
    'Beställningar',
    'Journalanteckningar',
    'Övriga handlingar',
    'Ej införda blanketter',
    'Utskrifter',
    'Export',
  ]);
  await screen(page, '08-overview-case-worker');
});
