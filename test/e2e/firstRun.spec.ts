import { expect, screen, test } from './fixtures';

test('first run: set up the unit, fix mistakes shown at their fields, land on the overview', async ({
  page,
  bridge,
}) => {
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Upprätta enheten' })).toBeVisible();
  await screen(page, '01-setup');

  await page.getByLabel('Enhetens namn').fill('Enhet Spånga-Tensta');
  await page.getByLabel('Förvaltning').fill('Socialförvaltningen');
  await page.getByLabel('Lösenfras', { exact: true }).fill('för kort');
  await page.getByLabel('Upprepa lösenfrasen').fill('inte samma');
  await page.getByLabel('Namn', { exact: true }).fill('Maja Enhetschef');
  await page.getByLabel('Signatur (initialer)').fill('M');
  await page.getByLabel('Användarnamn').fill('maja');
  await page.getByLabel('Personligt lösenord').fill('chef-lösen-1');
  await page.getByLabel('Upprepa lösenordet').fill('chef-lösen-1');
  await page.getByRole('button', { name: 'Upprätta enheten' }).click();

  await expect(page.getByText('Lösenfrasen ska vara minst 12 tecken.')).toBeVisible();
  await expect(page.getByText('Lösenfraserna är inte lika.')).toBeVisible();
  await expect(page.getByText('Signaturen ska vara 2–6 tecken.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('Kontrollera de markerade fälten.');
  await expect(page.getByLabel('Lösenfras', { exact: true })).toBeFocused();
  await screen(page, '02-setup-errors');
  expect(bridge.state.isSetUp).toBe(false);

  await page.getByLabel('Lösenfras', { exact: true }).fill('rätt häst batteri');
  await page.getByLabel('Upprepa lösenfrasen').fill('rätt häst batteri');
  await page.getByLabel('Signatur (initialer)').fill('ME');
  await page.getByRole('button', { name: 'Upprätta enheten' }).click();

  await expect(page.getByRole('heading', { name: 'Översikt' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByText('Enhet Spånga-Tensta')).toBeVisible();
  await expect(main.getByText('Enhetschef', { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toContainText('Användare');
  await screen(page, '03-overview-manager');
});
