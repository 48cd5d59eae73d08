import { FINANCIAL_AID_MANAGER, PASSPHRASE, SETUP, CASE_WORKER } from '../support/app';
import type { Page } from '@playwright/test';
import type { RegisterRecord } from '../../shared/registers/schemas';
import { sampleInput } from '../support/records';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import { expect, screen, test } from './fixtures';

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Översikt' })).toBeVisible();
}

test('a decision changed after entry goes back on the list, with what changed and its history', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  const created = (await arrange(
    bridge,
    'decisions.create',
    sampleInput('decisions', {
      clientName: 'Anna Svensson',
      personnummer: '20000229-1235',
    }) as never,
  )) as RegisterRecord;
  await arrange(bridge, 'decisions.markEntered', { ids: [created.id], enteredOn: '2026-11-23' });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Beslut' }).click();
  const row = page.getByRole('row', { name: /Anna Svensson/ });
  await expect(row).toContainText('2026-11-23 KH');
  await row.getByRole('button', { name: 'Anna Svensson' }).click();
  await page.getByRole('button', { name: 'Ändra' }).click();

  const form = page.getByRole('form', { name: 'Ändra beslut' });
  await expect(form.getByRole('note')).toContainText(
    'Posten är redan införd i verksamhetssystemet (2026-11-23 KH). Ändringen måste också föras in där',
  );
  await screen(page, '60-edit-entered-record-warns');
  await form.getByLabel('Ändamål/insats *').fill('Ekonomiskt bistånd, hyra');
  await form.getByRole('button', { name: 'Spara' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Ändringen är sparad.' })).toBeVisible();
  const details = page.getByRole('region', { name: /Anna Svensson/ });
  await expect(details.getByText('Ändrad efter införing', { exact: true })).toBeVisible();
  await expect(details).toContainText(
    'Ändamål/insats: Ekonomiskt bistånd, livsmedel → Ekonomiskt bistånd, hyra',
  );
  await expect(details).toContainText('Nej – ändrad efter införing, ska föras in igen');
  const history = details.getByRole('region', { name: 'Historik' });
  await expect(history.getByRole('listitem').first()).toContainText('Registrerad');
  await expect(history).toContainText('Markerad som införd 2026-11-23 (KH)');
  await expect(history).toContainText('Ändrad efter införing – ska föras in igen');
  await expect(history).toContainText('2026-11-23 10:');
  await expect(row).toContainText('Ändrad efter införing');
  await page
    .locator('label.filter')
    .filter({ hasText: /^Införd/ })
    .locator('select')
    .selectOption('notEntered');
  await expect(row).toBeVisible();
  await screen(page, '61-changed-after-entry-details-and-history');
});

test('a date after today is refused, and one outside the outage is saved only once confirmed', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Beslut' }).click();
  await page.keyboard.press('Alt+N');
  const form = page.getByRole('form', { name: 'Nytt beslut' });
  await form.getByLabel('Klientens namn *').fill('Tolvan Tolvansson');
  await form.getByRole('textbox', { name: 'Personnummer' }).fill('19121212-1212');
  await form.getByLabel('Ändamål/insats *').fill('Ekonomiskt bistånd, mat');
  await form.getByLabel('Beslutsfattare *').fill('Maja Enhetschef');
  const date = form.getByLabel('Beslutsdatum *');

  await date.fill('2026-11-24');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(
    form.getByText('Beslutsdatum kan inte ligga efter i dag (2026-11-23).'),
  ).toBeVisible();

  await date.fill('2026-11-20');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(
    form.getByText(/Beslutsdatum 2026-11-20 ligger utanför avbrottets period \(2026-11-23\)/),
  ).toBeVisible();
  await screen(page, '62-date-outside-outage-asks');
  await expect(page.getByText('0 poster')).toBeVisible();
  await form.getByRole('button', { name: 'Datumet stämmer – spara ändå' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'sparad' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row', { name: /Tolvan Tolvansson/ })).toContainText('2026-11-20');
});

test('only the person who started an outage, or the enhetschef, ends it, with the end time and a note', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', { username: 'maja', password: SETUP.manager.password });
  await arrange(bridge, 'users.create', {
    ...CASE_WORKER,
    fullName: 'Lisa Lind',
    initials: 'LL',
    username: 'lisa',
  });
  await arrange(bridge, 'session.signOut');

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await signIn(page, 'lisa', 'kalle-123');
  await page.getByRole('navigation').getByRole('button', { name: 'Avbrott' }).click();
  await expect(
    page.getByText('Avbrottet avslutas av enhetschefen eller den som registrerade det'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /Avsluta avbrottet/ })).toHaveCount(0);
  await screen(page, '63-outage-end-not-yours');

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await signIn(page, 'kalle', 'kalle-123');
  await page.getByRole('navigation').getByRole('button', { name: 'Avbrott' }).click();
  await page.getByRole('button', { name: 'Avsluta avbrottet…' }).click();
  const form = page.getByRole('form', { name: 'Avsluta avbrottet' });
  await expect(form).toContainText(
    'Alla journalanteckningar får sin sista dag för införing räknad från slutdagen',
  );
  const endedAt = form.getByLabel('Slutade *');
  await expect(endedAt).toHaveValue(/^2026-11-23 10:0\d$/);
  const shownNow = await endedAt.inputValue();
  // Emptied, the required field is refused at the field: the outage is not ended "now".
  await endedAt.fill('');
  await form.getByRole('button', { name: 'Avsluta avbrottet' }).click();
  await expect(endedAt).toHaveAttribute('aria-invalid', 'true');
  await expect(endedAt).toHaveAccessibleDescription(
    /Ange datum och tid som ÅÅÅÅ-MM-DD TT:MM, t\.ex\. 2026-11-23 14:30\./,
  );
  await expect(page.getByRole('status', { name: 'Pågående avbrott' })).toBeVisible();
  await endedAt.fill('2026-11-23 12:00');
  await form.getByLabel('Anteckning').fill('Paraplyet åter i drift enligt IT-supporten.');
  await form.getByRole('button', { name: 'Avsluta avbrottet' }).click();
  await expect(form.getByText('Sluttiden kan inte ligga i framtiden.')).toBeVisible();
  await screen(page, '64-outage-end-confirm');
  // Back to the time it showed: ended now.
  await endedAt.fill(shownNow);
  await form.getByRole('button', { name: 'Avsluta avbrottet' }).click();
  await expect(page.getByRole('status', { name: 'Pågående avbrott' })).toHaveCount(0);
  const row = page.getByRole('row', { name: /Avslutat/ });
  await expect(row).toContainText(
    'av Kalle Handläggare: Paraplyet åter i drift enligt IT-supporten.',
  );
  await screen(page, '65-outage-ended-with-note');
});

test('the chef ekonomiskt bistånd reads no journal notes, cannot set the limit, and cannot pay 0 kr', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', FINANCIAL_AID_MANAGER);
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: [], note: '' });
  await arrange(bridge, 'session.signOut');
  await bridge.state.close();
  await arrange(bridge, 'unit.unlock', { passphrase: PASSPHRASE });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await signIn(page, 'ebba', 'kalle-123');
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button', { name: 'Beslut' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Beställningar' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Journalanteckningar' })).toHaveCount(0);

  await nav.getByRole('button', { name: 'Utbetalningar' }).click();
  await expect(page.getByRole('button', { name: 'Gräns och kortleverantör…' })).toHaveCount(0);
  await expect(
    page.getByText(
      'Gränsen och varningsnivåerna är ekonomienhetens regel och ändras av enhetschefen.',
    ),
  ).toBeVisible();

  await page.keyboard.press('Alt+N');
  const form = page.getByRole('form', { name: 'Ny utbetalning' });
  await form.getByLabel('Klientens namn *').fill('Tolvan Tolvansson');
  await form.getByRole('textbox', { name: 'Personnummer' }).fill('19121212-1212');
  await form.getByLabel('Verifikationsnummer *').fill('V-1');
  await form.getByLabel('Ändamål *').fill('Livsmedel');
  await form.getByLabel('Belopp till klient *').fill('0');
  await form.getByLabel('Beslutsfattare *').fill('Ebba Ekonomi');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(form.getByText('Belopp till klient måste vara mer än 0 kr.')).toBeVisible();
  await expect(form.getByLabel('Belopp till klient *')).toBeFocused();
  await screen(page, '66-payout-zero-refused');

  // The refused payout is still in the form: signing out asks first.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page
    .getByRole('alertdialog', { name: 'Osparade ändringar' })
    .getByRole('button', { name: 'Lämna utan att spara' })
    .click();
  await signIn(page, 'maja', SETUP.manager.password);
  await nav.getByRole('button', { name: 'Utbetalningar' }).click();
  await page.getByRole('button', { name: 'Gräns och kortleverantör…' }).click();
  const settings = page.getByRole('form', { name: 'Inställningar för kontantkortet' });
  await settings.getByLabel('Gräns').fill('80 000');
  await settings.getByRole('button', { name: 'Spara inställningar' }).click();
  await expect(page.getByRole('article', { name: 'ICA-kontot' })).toContainText('80 000 kr');
  await screen(page, '67-limit-set-by-enhetschef');
});
