import type { Page } from '@playwright/test';
import { localDate } from '../../shared/time';
import { FINANCIAL_AID_MANAGER, PASSPHRASE, SETUP } from '../support/app';
import { sampleInput } from '../support/records';
import { arrange } from './arrange';
import { expect, screen, test } from './fixtures';

async function payOut(page: Page, verification: string, amount: string): Promise<void> {
  await page.keyboard.press('Alt+N');
  const form = page.getByRole('form', { name: 'Ny utbetalning' });
  await form.getByLabel('Klientens namn *').fill('Tolvan Tolvansson');
  await form.getByRole('textbox', { name: 'Personnummer' }).fill('19121212-1212');
  await form.getByLabel('Verifikationsnummer *').fill(verification);
  await form.getByLabel('Ändamål *').fill('Livsmedel');
  await form.getByLabel('Belopp till klient *').fill(amount);
  await form.getByLabel('Beslutsfattare *').fill('Ebba Ekonomi');
  await form.getByLabel('Belopp till klient *').press('Enter');
}

test('payouts cross the warnings, the limit needs a reason, a reconciliation starts over', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', FINANCIAL_AID_MANAGER);
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: [], note: '' });
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', { username: 'ebba', password: 'kalle-123' });
  await arrange(
    bridge,
    'payouts.create',
    sampleInput('payouts', {
      values: { ...sampleInput('payouts').values, amount: '59 000', verificationNumber: 'V-1' },
    }) as never,
  );
  await bridge.state.close();
  await arrange(bridge, 'unit.unlock', { passphrase: PASSPHRASE });

  await page.goto(bridge.url);
  await page.getByLabel('Användarnamn').fill('ebba');
  await page.getByLabel('Lösenord').fill('kalle-123');
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').getByRole('button', { name: 'Utbetalningar' }).click();
  const account = page.getByRole('article', { name: 'ICA-kontot' });
  await expect(account).toContainText('59 000 kr');
  await expect(account).toContainText('16 000 kr');

  await payOut(page, 'V-2', '1 500,50');
  await expect(account).toContainText('60 500,50 kr');
  await expect(account.getByRole('alert')).toHaveText(/närmar sig gränsen/);

  await payOut(page, 'V-3', '10 000');
  await expect(account.getByRole('alert')).toHaveText(/nära gränsen. Gör en avstämning/);
  await screen(page, '50-payouts-strong-warning');

  await payOut(page, 'V-4', '5 000');
  const form = page.getByRole('form', { name: 'Ny utbetalning' });
  const reason = form.getByLabel('Skäl att betala ut över gränsen');
  await expect(reason).toBeVisible();
  await expect(form.getByText(/över gränsen 75\s000\skr/)).toBeVisible();
  await expect(account).toContainText('70 500,50 kr');
  await screen(page, '51-payouts-over-limit-refused');
  await reason.fill('Akut behov, ekonomienheten nås inte under avbrottet');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(account).toContainText('75 500,50 kr');
  await expect(account.getByRole('alert')).toHaveText(/Gränsen är passerad/);
  await page.keyboard.press('Escape');
  // The list shows the amount; the running total stands in the account above it (and on
  // the printed Bilaga 5).
  await expect(page.getByRole('row', { name: /V-4/ })).toContainText('5 000 kr');

  await page.getByRole('button', { name: 'Avstämning med ekonomienheten…' }).click();
  const reconcile = page.getByRole('form', { name: 'Avstämning med ekonomienheten' });
  await reconcile.getByLabel('Påfyllning av kontot').fill('75 000');
  await reconcile.getByRole('button', { name: 'Registrera avstämning' }).click();
  await expect(reconcile.getByText('Ange kontaktperson på ekonomienheten.')).toBeVisible();
  await expect(reconcile.getByText('Ange ett belopp, t.ex. 1 234,50.')).toBeVisible();
  await reconcile.getByLabel('Med vem (ekonomienheten)').fill('Per Ekonom');
  await reconcile.getByLabel('Saldo på kortkontot').fill('1 234,50');
  await reconcile.getByRole('button', { name: 'Registrera avstämning' }).click();
  await expect(account).toContainText('Totalt utbetalt0 kr');
  const today = localDate(bridge.state.now());
  await expect(page.getByRole('status').filter({ hasText: 'Avstämningen' })).toHaveText(
    new RegExp(
      `Avstämningen för perioden ${today} är sparad: saldo 1\\s234,50\\skr, 4 utbetalningar ` +
        'på totalt 75\\s500,50\\skr, påfyllning 75\\s000\\skr\\.',
    ),
  );
  await expect(page.getByRole('row', { name: /Per Ekonom/ })).toContainText('75 500,50 kr');
  await expect(page.getByRole('row', { name: /Per Ekonom/ })).toContainText('1 234,50 kr');
  await screen(page, '52-payouts-reconciled');
  // The next payout is the news now: the reconciliation's confirmation goes.
  await payOut(page, 'V-5', '100');
  await expect(account).toContainText('Totalt utbetalt100 kr');
  await expect(page.getByRole('status').filter({ hasText: 'Avstämningen' })).toHaveCount(0);
});
