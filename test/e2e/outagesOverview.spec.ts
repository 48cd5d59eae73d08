import { localToInstant } from '../../shared/time';
import { FINANCIAL_AID_MANAGER, SETUP } from '../support/app';
import { sampleInput } from '../support/records';
import { arrange } from './arrange';
import { expectNoSeriousA11yViolations } from './axe';
import type { Bridge } from './bridge/server';
import { expect, screen, test } from './fixtures';

const instant = (local: string) => localToInstant(local)!;

/** A journal note of an outage, dated inside it. */
const note = (bridge: Bridge, law: 'HSL' | 'SoL', occurredAt: string, clientName: string) =>
  arrange(bridge, 'journalNotes.create', {
    ...sampleInput('journalNotes'),
    clientName,
    values: { ...sampleInput('journalNotes').values, law, occurredAt: instant(occurredAt) },
  } as never);

/**
 * On the e2e clock (Monday 2026-11-23 10:00): an outage of 2 November (its HSL note's
 * deadline, 9 November, has passed), one from Monday 16 to Wednesday 18 November (its HSL
 * note is due Wednesday 25 November, within two working days; a stick lent in it is still
 * out), one going on since 05:00 today, and one planned for December.
 */
async function arrangeOutages(bridge: Bridge): Promise<void> {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', FINANCIAL_AID_MANAGER);
  const past = async (from: string, to: string, systems: string[], during: () => Promise<void>) => {
    const outage = (await arrange(bridge, 'outages.start', {
      level: 'II',
      affectedSystems: systems,
      note: '',
      startedAt: instant(from),
    })) as { id: string };
    await during();
    await arrange(bridge, 'outages.end', { id: outage.id, endedAt: instant(to) });
  };
  await past('2026-11-02T08:00', '2026-11-02T15:00', ['Lifecare'], async () => {
    await note(bridge, 'HSL', '2026-11-02T09:00', 'Åsa Öberg');
  });
  await past('2026-11-16T08:00', '2026-11-18T11:00', ['Paraplyet', 'Nätverket'], async () => {
    await note(bridge, 'HSL', '2026-11-16T09:00', 'Tolvan Tolvansson');
    await note(bridge, 'SoL', '2026-11-17T10:00', 'Örjan Ångström');
    await arrange(bridge, 'decisions.create', {
      ...sampleInput('decisions'),
      values: { ...sampleInput('decisions').values, decisionDate: '2026-11-17' },
    } as never);
    await arrange(bridge, 'usbReceipts.issue', {
      stickNumber: 'USB 7',
      issuedOn: '2026-11-16',
      receiverName: 'Kalle Handläggare',
      receiverSignature: 'KH',
      workplace: 'Tensta',
      outageId: null,
    });
    await arrange(bridge, 'session.signOut');
    await arrange(bridge, 'session.signIn', { username: 'ebba', password: 'kalle-123' });
    await arrange(bridge, 'payouts.create', {
      ...sampleInput('payouts'),
      values: { ...sampleInput('payouts').values, payoutDate: '2026-11-17' },
    } as never);
    await arrange(bridge, 'session.signOut');
    await arrange(bridge, 'session.signIn', { username: 'maja', password: SETUP.manager.password });
  });
  // Planned first: a planned window cannot be registered over one going on.
  await arrange(bridge, 'outages.plan', {
    level: 'I',
    affectedSystems: ['Patchning'],
    note: '',
    startsAt: instant('2026-12-09T10:00'),
    endsAt: instant('2026-12-09T10:30'),
  });
  await arrange(bridge, 'outages.start', {
    level: 'III',
    affectedSystems: ['Treserva'],
    note: '',
    startedAt: instant('2026-11-23T05:00'),
  });
  await arrange(bridge, 'usbReceipts.issue', {
    stickNumber: 'USB 8',
    issuedOn: '2026-11-23',
    receiverName: 'Olle Extern',
    receiverSignature: 'OE',
    workplace: 'Spånga',
    outageId: null,
  });
  await arrange(bridge, 'decisions.create', sampleInput('decisions') as never);
}

test('the outages page shows per outage its length, records per register, deadlines and sticks out', async ({
  page,
  bridge,
}) => {
  await arrangeOutages(bridge);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Avbrott' }).click();

  const going = page.getByRole('row', { name: /Treserva/ });
  await expect(going).toContainText('pågår sedan 5 tim');
  await expect(going).toContainText('Beslut: 1 (1 ej införd)');
  // Not entered, and sticks out (the outage is its row header, then Längd, Poster, …).
  await expect(going.getByRole('cell').nth(2)).toHaveText('1');
  await expect(going.getByRole('cell').nth(4)).toHaveText('1');

  const long = page.getByRole('row', { name: /Nätverket/ });
  await expect(long).toContainText('2 dagar 3 tim');
  await expect(long).toContainText('Journalanteckningar: 2 (2 ej införda)');
  await expect(long).toContainText('Beslut: 1');
  await expect(long).toContainText('Utbetalningar: 1');
  await expect(long).toContainText('Snart 1 inom två arbetsdagar');
  await expect(long).not.toContainText('passerade');
  await expect(long).toContainText('Kvar efter avbrottet');
  await expect(long).toContainText('Analys krävs');

  const early = page.getByRole('row', { name: /Lifecare/ });
  await expect(early).toContainText('7 tim');
  await expect(early).toContainText('Försenad 1 passerad');
  await expect(early).not.toContainText('passerade');
  await expect(early).toContainText('Journalanteckningar: 1 (1 ej införd)');
  await expect(early).not.toContainText('ej införda');

  const planned = page.getByRole('row', { name: /Patchning/ });
  await expect(planned).toContainText('Planerat');
  await expect(planned).toContainText('Inga poster');

  await screen(page, 'issue10-outages');
  // The table fits its card at 1366×768: nothing scrolls sideways.
  const overflow = await page.evaluate(() => {
    const table = document.querySelector<HTMLElement>('.outage-table')!;
    const card = table.parentElement!;
    return {
      table: table.getBoundingClientRect().right - card.getBoundingClientRect().right,
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
  expect(overflow.table).toBeLessThanOrEqual(0);
  expect(overflow.page).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);
});

test('those who may not read the USB receipts see no sticks on the outages page', async ({
  page,
  bridge,
}) => {
  await arrangeOutages(bridge);
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', {
    username: 'ebba',
    password: FINANCIAL_AID_MANAGER.password,
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Avbrott' }).click();

  const table = page.locator('.outage-table');
  await expect(table.getByRole('columnheader')).toHaveText([
    'Avbrott',
    'Längd',
    'Poster per register',
    'Ej införda',
    'Frister för ej införda',
    /^Analys/,
  ]);
  const long = page.getByRole('row', { name: /Nätverket/ });
  await expect(long).toContainText('Utbetalningar: 1');
  await expect(long).not.toContainText('Kvar efter avbrottet');
  // Längd, Poster, Ej införda, Frister, Analys: no cell for the sticks.
  await expect(long.getByRole('cell')).toHaveCount(5);
  await expect(long.getByRole('cell').nth(4)).toContainText('Analys krävs');
  await screen(page, 'issue10-outages-no-usb');
  await expectNoSeriousA11yViolations(page);
});
