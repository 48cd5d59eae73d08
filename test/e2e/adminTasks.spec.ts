import { localDate, localToInstant } from '../../shared/time';
import { CASE_WORKER, FINANCIAL_AID_MANAGER, SETUP } from '../support/app';
import { sampleInput } from '../support/records';
import { arrange } from './arrange';
import { expectNoSeriousA11yViolations } from './axe';
import type { Bridge } from './bridge/server';
import { expect, screen, test } from './fixtures';

const signInAs = async (bridge: Bridge, username: string, password = 'kalle-123') => {
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', { username, password });
};

test('USB sticks: the receiver picked from the unit, numbers compared normalized, sticks past their outage flagged', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', CASE_WORKER);
  // A stick lent in last week's outage and never returned.
  const last = (await arrange(bridge, 'outages.start', {
    level: 'II',
    affectedSystems: ['Paraplyet'],
    note: '',
    startedAt: localToInstant('2026-11-16T08:00'),
  })) as { id: string };
  await arrange(bridge, 'usbReceipts.issue', {
    stickNumber: 'USB10',
    issuedOn: '2026-11-16',
    receiverName: 'Olle Extern',
    receiverSignature: 'OE',
    workplace: 'Spånga',
    outageId: null,
  });
  await arrange(bridge, 'outages.end', {
    id: last.id,
    endedAt: localToInstant('2026-11-18T11:00'),
  });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'USB-minnen' }).click();
  await expect(page.getByRole('row', { name: /USB10/ })).toContainText('Kvar efter avbrottet');
  await expect(
    page.getByText('1 USB-minne är kvar ute fast dess avbrott är avslutat.'),
  ).toBeVisible();

  const issue = page.getByRole('form', { name: 'Lämna ut USB-minne' });
  // "usb 10" is the stick that is out.
  await issue.getByLabel('USB-minnets nummer').fill('usb 10');
  await issue.getByLabel('Mottagare').selectOption({ label: 'Kalle Handläggare (KH)' });
  await issue.getByLabel('Arbetsplats').fill('Tensta');
  await issue.getByRole('button', { name: 'Lämna ut' }).click();
  await expect(
    issue.getByText('USB-minne USB10 är redan utlämnat till Olle Extern och inte återlämnat.'),
  ).toBeVisible();

  // Nobody picked: said at the list.
  await issue.getByLabel('USB-minnets nummer').fill('USB 11');
  await issue.getByLabel('Mottagare').selectOption({ label: 'Välj person…' });
  await issue.getByRole('button', { name: 'Lämna ut' }).click();
  await expect(issue.getByLabel('Mottagare')).toHaveAccessibleDescription(/Ange mottagarens namn/);
  await issue.getByLabel('Mottagare').selectOption({ label: 'Kalle Handläggare (KH)' });
  await issue.getByRole('button', { name: 'Lämna ut' }).click();
  const lent = page.getByRole('row', { name: /USB 11/ });
  await expect(lent).toContainText('Kalle Handläggare (KH)');
  await expect(lent).not.toContainText('Kvar efter avbrottet');

  // Someone from outside the unit is typed in.
  await issue.getByLabel('USB-minnets nummer').fill('USB 12');
  await issue.getByLabel('Mottagare').selectOption({ label: 'Annan person…' });
  await issue.getByLabel('Namn', { exact: true }).fill('Vera Vikarie');
  await issue.getByLabel('Signatur').fill('VV');
  await issue.getByLabel('Arbetsplats').fill('Rinkeby');
  await issue.getByRole('button', { name: 'Lämna ut' }).click();
  await expect(page.getByRole('row', { name: /USB 12/ })).toContainText('Vera Vikarie (VV)');
  await expectNoSeriousA11yViolations(page);
  await screen(page, 'issue10-usb');
});

test('the enhetschef reads the custodians with their history and no empty actions column', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', FINANCIAL_AID_MANAGER);
  await signInAs(bridge, 'ebba');
  const add = (name: string, email: string) =>
    arrange(bridge, 'custodians.create', {
      name,
      unitName: 'Enhet Test',
      phone: '08-508 000 00',
      email,
    }) as Promise<{ id: string }>;
  await add('Anna Ask', 'anna.ask@kommun.se');
  const bo = await add('Bo Berg', 'bo.berg@kommun.se');
  await add('Lisa Kassa', 'lisa.kassa@kommun.se');

  // Ebba removes Lisa: asked first, then she is in the history.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Kassaförvaltare' }).click();
  await page.getByRole('button', { name: 'Ta bort Lisa Kassa' }).click();
  const confirm = page.getByRole('group', { name: 'Ta bort Lisa Kassa?' });
  await expect(confirm.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole('button', { name: 'Ta bort ur listan' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Lisa Kassa är borttagen ur listan och finns kvar i historiken.',
  );
  const today = localDate(bridge.state.now());
  const history = page.getByRole('region', { name: 'Historik: borttagna kassaförvaltare' });
  await expect(history.getByRole('row', { name: /Lisa Kassa/ })).toContainText(
    `${today} av Ebba Ekonomi`,
  );
  await arrange(bridge, 'custodians.update', {
    id: bo.id,
    name: 'Bo Berg',
    unitName: 'Enhet Test',
    phone: '08-508 000 00',
    email: 'bo.berg@kommun.se',
    active: false,
  });

  // The enhetschef reads: four columns, no actions.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByLabel('Användarnamn').fill('maja');
  await page.getByLabel('Lösenord').fill(SETUP.manager.password);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').getByRole('button', { name: 'Kassaförvaltare' }).click();
  const list = page.getByRole('table').first();
  await expect(list.getByRole('columnheader')).toHaveText([
    'Namn',
    'Enhet',
    'Telefonnummer',
    'E-post',
  ]);
  await expect(list.getByRole('row', { name: /Bo Berg/ })).toContainText('Inte längre');
  await expect(page.getByRole('button', { name: /Ta bort|Ändra/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Lisa Kassa/ })).toContainText('Borttagen');
  await expectNoSeriousA11yViolations(page);
  await screen(page, 'issue10-custodians-enhetschef');
});

test('the reconciliation records the account balance and confirms what was saved', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', FINANCIAL_AID_MANAGER);
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: [], note: '' });
  await signInAs(bridge, 'ebba');
  for (const [verificationNumber, amount] of [
    ['V-1', '12 000'],
    ['V-2', '3 500,50'],
  ]) {
    await arrange(bridge, 'payouts.create', {
      ...sampleInput('payouts'),
      values: { ...sampleInput('payouts').values, verificationNumber, amount },
    } as never);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Utbetalningar' }).click();
  await page.getByRole('button', { name: 'Avstämning med ekonomienheten…' }).click();
  const form = page.getByRole('form', { name: 'Avstämning med ekonomienheten' });
  await form.getByLabel('Med vem (ekonomienheten)').fill('Per Ekonom');
  await form.getByLabel('Saldo på kortkontot').fill('12.345');
  await form.getByRole('button', { name: 'Registrera avstämning' }).click();
  await expect(
    form.getByText('Skriv beloppet utan punkt som tusentalsavgränsare: 12345 eller 12 345.'),
  ).toBeVisible();
  await form.getByLabel('Saldo på kortkontot').fill('12 345');
  await form.getByLabel('Påfyllning av kontot').fill('15 500,50');
  await form
    .getByLabel('Anteckning')
    .fill('Avstämt per telefon; kontot fylls på till 27 845,50 kr efter avbrottet.');
  await expectNoSeriousA11yViolations(page);
  await form.getByRole('button', { name: 'Registrera avstämning' }).click();

  // Paid and reconciled the same day: the period is that day.
  const today = localDate(bridge.state.now());
  await expect(page.getByRole('status').filter({ hasText: 'Avstämningen' })).toHaveText(
    `Avstämningen för perioden ${today} är sparad: saldo 12\u00a0345\u00a0kr, ` +
      '2 utbetalningar på totalt 15\u00a0500,50\u00a0kr, påfyllning 15\u00a0500,50\u00a0kr.',
  );
  const period = page
    .getByRole('region', { name: 'Avstämda perioder' })
    .getByRole('row', { name: /Per Ekonom/ });
  await expect(period).toContainText('12 345 kr');
  await expect(period).toContainText('Avstämt per telefon; kontot fylls på');
  await expectNoSeriousA11yViolations(page);
  await screen(page, 'issue10-reconcile');
});

test('Inställningar: the enhetschef renames the unit and sets the auto-lock, used at once', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Inställningar' }).click();
  const form = page.getByRole('form', { name: 'Enhetens uppgifter och automatisk låsning' });
  const minutes = form.getByLabel('Lås efter inaktivitet (minuter)');
  await expect(minutes).toHaveValue('10');
  await minutes.fill('90');
  await form.getByLabel('Enhetens namn').fill('');
  await form.getByRole('button', { name: 'Spara uppgifterna' }).click();
  await expect(form.getByText('Högst 60 minuter.')).toBeVisible();
  await expect(form.getByText('Ange enhetens namn.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await form.getByLabel('Enhetens namn').fill('Enhet Norr');
  await form.getByLabel('Förvaltning').fill('Arbetsmarknads- och socialförvaltningen');
  await minutes.fill('4');
  await form.getByRole('button', { name: 'Spara uppgifterna' }).click();
  await expect(form.getByText('Minst 5 minuter.')).toBeVisible();
  await minutes.fill('5');
  await form.getByRole('button', { name: 'Spara uppgifterna' }).click();
  await expect(form.getByRole('status')).toHaveText(
    'Sparat: Enhet Norr, Arbetsmarknads- och socialförvaltningen. Reservpärm låses efter 5 minuter utan aktivitet.',
  );
  await expect(page.getByRole('banner')).toContainText(
    'Enhet Norr · Arbetsmarknads- och socialförvaltningen',
  );
  await screen(page, 'issue10-settings');

  // Six quiet minutes: main locks by the new limit, not the old ten.
  bridge.advanceClock(6 * 60_000);
  // Whichever reaches main first, this click or the page's own check of the session, finds
  // it locked: the menu may be gone before the click.
  await page
    .getByRole('navigation')
    .getByRole('button', { name: 'Översikt' })
    .click({ timeout: 3_000 })
    .catch(() => undefined);
  await expect(page.getByText('Du loggades ut efter 5 minuters inaktivitet.')).toBeVisible();
});
