import type { Page } from '@playwright/test';
import { CASE_WORKER, PASSPHRASE, SETUP } from '../support/app';
import { sampleInput } from '../support/records';
import { arrange, arrangeFinancialAidManagerInOutage, arrangeUnitAndRestart } from './arrange';
import { expectNoSeriousA11yViolations } from './axe';
import type { Bridge } from './bridge/server';
import { expect, screen, test } from './fixtures';

/**
 * Item 4 of issue 10: what the app says. A success message goes when the next action
 * starts; field messages are specific Swedish; empty lists say what to do next; a
 * colleague's record says who may change it instead of hiding the buttons.
 */

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
});

/** Signs `username` in through the router the page talks to, and shows the app. */
async function signInAs(page: Page, bridge: Bridge, username: string, password: string) {
  // Whoever is signed in, if anyone, is signed out first.
  await bridge.router.handle('session.signOut', undefined);
  await arrange(bridge, 'session.signIn', { username, password });
  await page.goto(bridge.url);
  await expect(page.getByRole('navigation')).toBeVisible();
}

const openPage = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

test('a success message is gone when the next save starts, and the new error stands alone', async ({
  page,
  bridge,
}) => {
  await arrangeUnitAndRestart(bridge);
  await arrange(bridge, 'unit.unlock', { passphrase: PASSPHRASE });
  await arrange(bridge, 'session.signIn', { username: 'kalle', password: 'kalle-123' });
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: ['Paraplyet'], note: '' });
  await page.goto(bridge.url);
  await openPage(page, 'Beslut');

  await page.keyboard.press('Alt+N');
  const form = page.getByRole('form', { name: 'Nytt beslut' });
  await form.getByLabel('Klientens namn *').fill('Tolvan Tolvansson');
  await form.getByRole('textbox', { name: 'Personnummer' }).fill('19121212-1212');
  await form.getByLabel('Ändamål/insats *').fill('Hyra');
  await form.getByLabel('Beslutsfattare *').fill('Maja Enhetschef');
  await form.getByRole('button', { name: 'Spara' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Posten är sparad' });
  await expect(saved).toBeVisible();

  // The next record, sent without its purpose: the old "sparad" must not stand above the
  // new message.
  await form.getByLabel('Klientens namn *').fill('Anna Svensson');
  await form.getByRole('textbox', { name: 'Personnummer' }).fill('20000229-1235');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(form.getByLabel('Ändamål/insats *')).toHaveAttribute('aria-invalid', 'true');
  await expect(saved).toHaveCount(0);
  await expect(form.getByText('Ange ändamål/insats.')).toBeVisible();
  await screen(page, 'issue10-msg-success-cleared');
  await expectNoSeriousA11yViolations(page);

  // Opening a record is the next action too.
  await form.getByLabel('Ändamål/insats *').fill('Hyra');
  await form.getByLabel('Beslutsfattare *').fill('Maja Enhetschef');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(saved).toBeVisible();
  await page.keyboard.press('Escape');
  await page
    .getByRole('row', { name: /Tolvan Tolvansson/ })
    .getByRole('button')
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /Tolvan Tolvansson/, level: 2 })).toBeVisible();
  await expect(saved).toHaveCount(0);

  // One row chosen is "1 vald", not "1 valda".
  await page
    .getByRole('row', { name: /Tolvan Tolvansson/ })
    .getByRole('checkbox')
    .check();
  await expect(page.getByRole('form', { name: 'Markera som införda' })).toContainText('1 vald');
  await expect(page.getByRole('form', { name: 'Markera som införda' })).not.toContainText('valda');
});

test('payouts: the thousands dot, the refill, one payout, over the limit', async ({
  page,
  bridge,
}) => {
  await arrangeFinancialAidManagerInOutage(bridge);
  await arrange(
    bridge,
    'payouts.create',
    sampleInput('payouts', {
      values: {
        ...sampleInput('payouts').values,
        amount: '75 670',
        overLimitReason: 'Akut behov, ekonomienheten nås inte',
      },
    }) as never,
  );
  await page.goto(bridge.url);
  await openPage(page, 'Utbetalningar');
  const account = page.getByRole('article', { name: 'ICA-kontot' });
  await expect(account).toContainText('Över gränsen med670 kr');
  await expect(account).not.toContainText('Kvar till gränsen');

  // An amount with a thousands dot: said next to the field, with what to write instead.
  await page.keyboard.press('Alt+N');
  const form = page.getByRole('form', { name: 'Ny utbetalning' });
  const amount = form.getByLabel('Belopp till klient *');
  await amount.fill('1.234,50');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toHaveAccessibleDescription(
    /Skriv beloppet utan punkt som tusentalsavgränsare: 1234,50 eller 1 234,50\./,
  );
  await screen(page, 'issue10-msg-thousands-dot');
  await expectNoSeriousA11yViolations(page);
  await form.getByRole('button', { name: 'Avbryt' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Lämna utan att spara' }).click();

  // The reconciliation counts in Swedish and explains a bad refill, not "Ogiltig input".
  await page.getByRole('button', { name: 'Avstämning med ekonomienheten…' }).click();
  const reconcile = page.getByRole('form', { name: 'Avstämning med ekonomienheten' });
  await expect(reconcile).toContainText('Avstämningen omfattar 1 utbetalning, totalt');
  const refill = reconcile.getByLabel('Påfyllning av kontot');
  await refill.fill('1.234,50');
  await reconcile.getByLabel('Med vem (ekonomienheten)').fill('Per Ekonom');
  await reconcile.getByRole('button', { name: 'Registrera avstämning' }).click();
  await expect(refill).toHaveAccessibleDescription(/tusentalsavgränsare: 1234,50 eller 1 234,50/);
  await expect(reconcile).not.toContainText('Ogiltig');
  await screen(page, 'issue10-msg-refill');
  await expectNoSeriousA11yViolations(page);
});

test('empty lists and searches say what to do next', async ({ page, bridge }) => {
  await arrangeUnitAndRestart(bridge);
  await arrange(bridge, 'unit.unlock', { passphrase: PASSPHRASE });
  await signInAs(page, bridge, 'kalle', 'kalle-123');

  // No outage yet: a record needs one.
  await openPage(page, 'Beslut');
  await expect(
    page.getByText('Inget avbrott pågår – starta ett under Avbrott innan du registrerar.'),
  ).toBeVisible();
  await screen(page, 'issue10-msg-empty-no-outage');
  await expectNoSeriousA11yViolations(page);

  // A record form without an outage to choose says the same next to the field.
  await page.keyboard.press('Alt+N');
  const outage = page.getByRole('form', { name: 'Nytt beslut' }).getByLabel('Avbrott *');
  await expect(outage).toHaveAccessibleDescription(
    /Inget avbrott pågår – starta ett under Avbrott/,
  );
  await screen(page, 'issue10-msg-form-no-outage');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Avbryt' }).click();

  // A search with no hits, and its way back.
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: ['Paraplyet'], note: '' });
  await arrange(bridge, 'decisions.create', sampleInput('decisions') as never);
  await page.reload();
  await openPage(page, 'Beslut');
  await expect(page.getByRole('row', { name: /Tolvan Tolvansson/ })).toBeVisible();
  await page.getByLabel('Sök namn eller personnummer').fill('Ingen Alls');
  await expect(
    page.getByText('Inga poster matchar sökningen – ändra eller rensa filtret.'),
  ).toBeVisible();
  await screen(page, 'issue10-msg-no-hits');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Rensa sökning och filter' }).click();
  await expect(page.getByRole('row', { name: /Tolvan Tolvansson/ })).toBeVisible();
  await expect(page.getByLabel('Sök namn eller personnummer')).toHaveValue('');

  // The enhetschef: USB sticks and custodians, none yet.
  await signInAs(page, bridge, SETUP.manager.username, SETUP.manager.password);
  await openPage(page, 'USB-minnen');
  await expect(
    page.getByText('Inga USB-minnen är utlämnade. Lämna ut ett med formuläret ovan.'),
  ).toBeVisible();
  await expect(page.getByText('Inga USB-minnen är återlämnade ännu.')).toBeVisible();
  await screen(page, 'issue10-msg-empty-usb');
  await expectNoSeriousA11yViolations(page);
  await openPage(page, 'Kassaförvaltare');
  await expect(
    page.getByText(
      'Inga kassaförvaltare registrerade. De läggs till av chefen för ekonomiskt bistånd.',
    ),
  ).toBeVisible();
  await screen(page, 'issue10-msg-empty-custodians');
  await expectNoSeriousA11yViolations(page);
  await openPage(page, 'Utbetalningar');
  await expect(
    page.getByText(
      'Inga poster att visa. Poster i registret Utbetalningar registreras av chefen för ekonomiskt bistånd.',
    ),
  ).toBeVisible();
  await expect(
    page.getByText(/Ingen avstämning är gjord ännu. Chefen för ekonomiskt/),
  ).toBeVisible();
  await screen(page, 'issue10-msg-empty-payouts');
  await expectNoSeriousA11yViolations(page);
});

test("a colleague's record says who may change it instead of hiding the buttons", async ({
  page,
  bridge,
}) => {
  await arrangeUnitAndRestart(bridge);
  await arrange(bridge, 'unit.unlock', { passphrase: PASSPHRASE });
  await arrange(bridge, 'session.signIn', {
    username: SETUP.manager.username,
    password: SETUP.manager.password,
  });
  await arrange(bridge, 'users.create', {
    ...CASE_WORKER,
    fullName: 'Anna Andersson',
    initials: 'AA',
    username: 'anna',
  });
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: ['Paraplyet'], note: '' });
  await signInAs(page, bridge, 'anna', 'kalle-123');
  await arrange(bridge, 'decisions.create', sampleInput('decisions') as never);

  await signInAs(page, bridge, 'kalle', 'kalle-123');
  await openPage(page, 'Beslut');
  await page
    .getByRole('row', { name: /Tolvan Tolvansson/ })
    .getByRole('button')
    .first()
    .click();
  const details = page.getByRole('region', { name: /Tolvan Tolvansson/ });
  await expect(details.getByRole('note')).toHaveText(
    'Registrerad av Anna Andersson – bara Anna Andersson eller enhetschefen kan ändra eller makulera posten.',
  );
  await expect(details.getByRole('button', { name: 'Ändra' })).toHaveCount(0);
  await screen(page, 'issue10-msg-colleagues-record');
  await expectNoSeriousA11yViolations(page);

  // The enhetschef may: no such note, the buttons are there.
  await signInAs(page, bridge, SETUP.manager.username, SETUP.manager.password);
  await openPage(page, 'Beslut');
  await page
    .getByRole('row', { name: /Tolvan Tolvansson/ })
    .getByRole('button')
    .first()
    .click();
  await expect(details.getByRole('button', { name: 'Ändra' })).toBeVisible();
  await expect(details.getByRole('note')).toHaveCount(0);
});

test('the outages page: its empty list says what to do, and its notice goes with the next action', async ({
  page,
  bridge,
}) => {
  await arrangeUnitAndRestart(bridge);
  await arrange(bridge, 'unit.unlock', { passphrase: PASSPHRASE });
  await signInAs(page, bridge, 'kalle', 'kalle-123');
  await openPage(page, 'Avbrott');
  await expect(
    page.getByText(
      'Inga avbrott registrerade. Starta ett ovan när verksamhetssystemet inte går att nå.',
    ),
  ).toBeVisible();

  const start = page.getByRole('form', { name: 'Starta avbrott' });
  await start.getByLabel('Berörda system').fill('Paraplyet');
  await start.getByRole('button', { name: 'Starta avbrott' }).click();
  const started = page.getByRole('status').filter({ hasText: 'Avbrottet är registrerat' });
  await expect(started).toBeVisible();

  await page.getByRole('button', { name: 'Avsluta avbrottet…' }).click();
  const end = page.getByRole('form', { name: 'Avsluta avbrottet' });
  await end.getByLabel('Slutade *').fill('i morse');
  await end.getByRole('button', { name: 'Avsluta avbrottet' }).click();
  await expect(end.getByLabel('Slutade *')).toHaveAttribute('aria-invalid', 'true');
  await expect(started).toHaveCount(0);
  await screen(page, 'issue10-msg-outage-notice-cleared');
  await expectNoSeriousA11yViolations(page);
});
