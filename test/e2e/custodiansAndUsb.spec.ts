import { localDate } from '../../shared/time';
import { CASE_WORKER, FINANCIAL_AID_MANAGER, SETUP } from '../support/app';
import { arrange } from './arrange';
import { expect, screen, test } from './fixtures';

test('the enhetschef lends a USB stick and takes it back with the certification', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', CASE_WORKER);
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: [], note: '' });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'USB-minnen' }).click();

  const issue = page.getByRole('form', { name: 'Lämna ut USB-minne' });
  await expect(issue.getByLabel('USB-minnets nummer')).toBeFocused();
  await page.keyboard.type('USB 3');
  // The receiver is one of the unit's users: their name and signature come with them.
  await issue.getByLabel('Mottagare').selectOption({ label: 'Kalle Handläggare (KH)' });
  await expect(issue.getByLabel('Namn', { exact: true })).toHaveCount(0);
  await issue.getByLabel('Arbetsplats').fill('Tensta');
  await page.keyboard.press('Enter');
  const row = page.getByRole('row', { name: /USB 3/ });
  await expect(row).toContainText('Kalle Handläggare (KH)');

  // The same stick cannot go out twice, however its number is written.
  await issue.getByLabel('USB-minnets nummer').fill('usb-3');
  await issue.getByLabel('Mottagare').selectOption({ label: 'Annan person…' });
  await issue.getByLabel('Namn', { exact: true }).fill('Olle');
  await issue.getByLabel('Signatur').fill('OL');
  await issue.getByLabel('Arbetsplats').fill('Spånga');
  await page.keyboard.press('Enter');
  await expect(
    issue.getByText('USB-minne USB 3 är redan utlämnat till Kalle Handläggare'),
  ).toBeVisible();
  await screen(page, '60-usb-out');

  const back = row.getByRole('form', { name: 'Återlämna USB 3' });
  await back.getByRole('button', { name: 'Ta emot' }).click();
  await expect(back.getByText(/Intyga att all data/)).toBeVisible();
  await back.getByLabel(/All data på USB är infört och rensat/).check();
  await back.getByRole('button', { name: 'Ta emot' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'USB 3 är återlämnat.' })).toBeVisible();
  await expect(
    page.getByText('Inga USB-minnen är utlämnade. Lämna ut ett med formuläret ovan.'),
  ).toBeVisible();
  const today = localDate(bridge.state.now());
  await expect(page.getByRole('row', { name: /USB 3/ })).toContainText(`${today} ME`);
  await screen(page, '61-usb-returned');
});

test('the chef ekonomiskt bistånd keeps the list of cash custodians', async ({ page, bridge }) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', FINANCIAL_AID_MANAGER);
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', { username: 'ebba', password: 'kalle-123' });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Kassaförvaltare' }).click();
  await page.getByRole('button', { name: 'Ny kassaförvaltare' }).click();
  const form = page.getByRole('form', { name: 'Ny kassaförvaltare' });
  await form.getByLabel('Namn').fill('Lisa Kassa');
  await form.getByLabel('Enhet').fill('Enhet Test');
  await form.getByLabel('Telefonnummer').fill('08-12');
  await form.getByLabel('E-post').fill('lisa@');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(
    form.getByText('Telefonnumret ska ha 7–15 siffror, t.ex. 08-508 000 00.'),
  ).toBeVisible();
  await expect(form.getByText('Ange en giltig e-postadress, t.ex. namn@kommun.se.')).toBeVisible();
  await screen(page, '62-custodian-errors');
  await form.getByLabel('Telefonnummer').fill('08-508 000 00');
  await form.getByLabel('E-post').fill('lisa.kassa@kommun.se');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('row', { name: /Lisa Kassa/ })).toContainText('08-508 000 00');
});
