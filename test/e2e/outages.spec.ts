import { localDate } from '../../shared/time';
import { PASSPHRASE, SETUP } from '../support/app';
import { arrange, arrangeUnitAndRestart } from './arrange';
import { expect, screen, test } from './fixtures';

test('a handläggare starts an outage by keyboard: the banner shows on every page until it ends', async ({
  page,
  bridge,
}) => {
  await arrangeUnitAndRestart(bridge);
  await arrange(bridge, 'unit.unlock', { passphrase: PASSPHRASE });
  await page.goto(bridge.url);
  await page.getByLabel('Användarnamn').fill('kalle');
  await page.getByLabel('Lösenord').fill('kalle-123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Översikt' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Pågående avbrott' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Avbrott' }).click();
  await page.getByLabel('Nivå').focus();
  await page.keyboard.press('ArrowDown'); // Nivå II
  await page.keyboard.press('Tab');
  await page.keyboard.type('Paraplyet, Nätverket');
  await page.keyboard.press('Enter');

  const banner = page.getByRole('status', { name: 'Pågående avbrott' });
  await expect(banner).toContainText('Avbrott pågår – nivå II');
  await expect(banner).toContainText('Paraplyet, Nätverket');
  await screen(page, '20-outage-started');

  await page.getByRole('button', { name: 'Översikt' }).click();
  await expect(banner).toBeVisible();
  await screen(page, '21-overview-during-outage');

  await banner.getByRole('button', { name: 'Visa avbrott' }).click();
  await page.getByRole('button', { name: 'Avsluta avbrottet…' }).click();
  await page
    .getByRole('form', { name: 'Avsluta avbrottet' })
    .getByRole('button', { name: 'Avsluta avbrottet' })
    .click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Avslutat/ })).toContainText('Paraplyet, Nätverket');
});

test('the enhetschef plans an outage ahead and records the analysis of a long one', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  // An outage that started three days ago and has just ended: over 48 hours.
  const started = new Date(bridge.state.now().getTime() - 72 * 3_600_000).toISOString();
  const outage = (await arrange(bridge, 'outages.start', {
    level: 'II',
    affectedSystems: ['Lifecare'],
    note: '',
    startedAt: started,
  })) as { id: string };
  await arrange(bridge, 'outages.end', { id: outage.id });

  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'Avbrott' }).click();
  const longRow = page.getByRole('row', { name: /Lifecare/ });
  await expect(longRow).toContainText('Analys krävs');
  await longRow.getByLabel('Analys gjord').fill('2099-01-01');
  await longRow.getByRole('button', { name: 'Spara' }).click();
  await expect(longRow.getByText('Datumet kan inte ligga i framtiden.')).toBeVisible();
  const today = localDate(bridge.state.now());
  await longRow.getByLabel('Analys gjord').fill(today);
  await longRow.getByRole('button', { name: 'Spara' }).click();
  await expect(longRow).toContainText(`Gjord ${today} (Maja Enhetschef)`);

  await page.getByRole('button', { name: 'Planera ett avbrott i förväg…' }).click();
  const plan = page.getByRole('form', { name: 'Planera avbrott' });
  // Dates and times read ÅÅÅÅ-MM-DD TT:MM whatever the browser's language; typed as
  // digits they are tidied when the field is left, and what is no time is refused there.
  await plan.getByLabel('Från').fill('i morgon bitti');
  await plan.getByLabel('Till').fill('203003050700');
  await plan.getByLabel('Från').focus();
  await expect(plan.getByLabel('Till')).toHaveValue('2030-03-05 07:00');
  await plan.getByRole('button', { name: 'Spara planerat avbrott' }).click();
  await expect(
    plan.getByText('Ange datum och tid som ÅÅÅÅ-MM-DD TT:MM, t.ex. 2026-11-23 14:30.'),
  ).toBeVisible();
  await plan.getByLabel('Från').fill('2030-03-05 08:00');
  await plan.getByRole('button', { name: 'Spara planerat avbrott' }).click();
  await expect(plan.getByText('Sluttiden måste vara efter starttiden.')).toBeVisible();
  await plan.getByLabel('Till').fill('2030-03-05 12:00');
  await plan.getByLabel('Berörda system').fill('Treserva');
  await plan.getByRole('button', { name: 'Spara planerat avbrott' }).click();
  await expect(page.getByRole('row', { name: /Planerat.*Treserva/ })).toBeVisible();
  await screen(page, '22-outages-manager');

  await page.getByRole('button', { name: 'Översikt' }).click();
  await expect(page.getByText('2030-03-05')).toBeVisible();
  await expect(page.getByText('Patchonsdag (IT:s underhåll)').first()).toBeVisible();
  await screen(page, '23-overview-upcoming');
});
