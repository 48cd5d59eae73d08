import { SETUP } from '../support/app';
import { arrange } from './arrange';
import { expect, screen, test } from './fixtures';

test('the enhetschef adds a user by keyboard, who signs in and is refused user admin in main', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'Användare' }).click();
  await expect(page.getByRole('heading', { name: 'Användare', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Ny användare' }).click();

  // Keyboard only, in tab order: Namn, Signatur, Användarnamn, Roll, Lösenord, Upprepa.
  await expect(page.getByLabel('Namn', { exact: true })).toBeFocused();
  await page.keyboard.type('Ebba Ekonomi');
  await page.keyboard.press('Tab');
  await page.keyboard.type('EE');
  await page.keyboard.press('Tab');
  await page.keyboard.type('maja');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ebba-123');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ebba-123');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Användarnamnet är redan upptaget.')).toBeVisible();
  await screen(page, '09-users-new-error');

  await page.getByLabel('Användarnamn').fill('ebba');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Ebba Ekonomi har lagts till.');
  const row = page.getByRole('row', { name: /Ebba Ekonomi/ });
  await expect(row).toContainText('Chef ekonomiskt bistånd');
  await screen(page, '10-users-list');

  await page.getByRole('button', { name: 'Ändra Ebba Ekonomi' }).click();
  await expect(page.getByRole('heading', { name: /Ändra Ebba Ekonomi/ })).toBeVisible();
  await screen(page, '11-users-edit');
  await page.getByRole('button', { name: 'Stäng' }).click();

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByLabel('Användarnamn').fill('ebba');
  await page.getByLabel('Lösenord').fill('ebba-123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByText('Chef ekonomiskt bistånd')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Användare' })).toHaveCount(0);

  // Not showing the menu item is not the protection: main refuses the call itself.
  const refused = await page.evaluate(() => window.api.users.list());
  expect(refused).toEqual({
    ok: false,
    error: {
      code: 'FORBIDDEN',
      message: 'Din roll (Chef ekonomiskt bistånd) får inte göra detta. Kontakta enhetschefen.',
    },
  });
});

test('the enhetschef changes the unit passphrase and sees it in the audit log', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'Inställningar' }).click();
  await page.getByLabel('Nuvarande lösenfras').fill('inte den rätta');
  await page.getByLabel('Ny lösenfras', { exact: true }).fill('en ny lång lösenfras');
  await page.getByLabel('Upprepa ny lösenfras').fill('en ny lång lösenfras');
  await page.getByRole('button', { name: 'Byt lösenfras' }).click();
  await expect(page.getByText('Nuvarande lösenfras är fel.')).toBeVisible();
  await screen(page, '12-settings-wrong');

  await page.getByLabel('Nuvarande lösenfras').fill(SETUP.passphrase);
  await page.getByRole('button', { name: 'Byt lösenfras' }).click();
  await expect(page.getByRole('status')).toHaveText('Lösenfrasen är bytt.');

  await page.getByRole('button', { name: 'Händelselogg' }).click();
  await expect(page.getByRole('cell', { name: 'Lösenfrasen bytt' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Enheten upprättad' })).toBeVisible();
  await screen(page, '13-audit');
});
