import { PASSPHRASE, SETUP } from '../support/app';
import { arrange, arrangeUnitAndRestart } from './arrange';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, screen, test } from './fixtures';

/**
 * Item 7 of issue 10: date and time fields read ÅÅÅÅ-MM-DD and 24-hour time whatever the
 * browser's language. Run in an American-English Chromium, where a native date input
 * would show mm/dd/yyyy and times with AM/PM.
 */
test.use({ locale: 'en-US' });

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
});

const nativeDateInputs =
  'input[type="date"], input[type="time"], input[type="datetime-local"], input[type="month"], input[type="week"]';

test('an en-US browser still shows ÅÅÅÅ-MM-DD, takes dates by keyboard and shows 24-hour times', async ({
  page,
  bridge,
}) => {
  await arrangeUnitAndRestart(bridge);
  await arrange(bridge, 'unit.unlock', { passphrase: PASSPHRASE });
  // An afternoon, so that a 12-hour clock would show itself (15:00, not 3:00 PM).
  bridge.advanceClock(5 * 60 * 60 * 1000);
  await arrange(bridge, 'session.signIn', { username: 'kalle', password: 'kalle-123' });
  await page.goto(bridge.url);
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');

  // The outage start form: a date and time typed by keyboard.
  await page.getByRole('navigation').getByRole('button', { name: 'Avbrott' }).click();
  const start = page.getByRole('form', { name: 'Starta avbrott' });
  const began = start.getByLabel('Började (om tidigare än nu)');
  await expect(began).toHaveAttribute('placeholder', 'ÅÅÅÅ-MM-DD TT:MM');
  expect(await began.evaluate((el) => (el as HTMLInputElement).type)).toBe('text');

  await began.fill('23/11 08:00');
  await start.getByRole('button', { name: 'Starta avbrott' }).click();
  await expect(began).toHaveAccessibleDescription(
    /Skriv året först: ÅÅÅÅ-MM-DD, t\.ex\. 2026-11-23/,
  );

  await began.fill('2026-11-23 2:30 PM');
  await start.getByRole('button', { name: 'Starta avbrott' }).click();
  await expect(began).toHaveAccessibleDescription(
    'Skriv tiden med 24-timmarsklocka, t.ex. 14:30 (inte 2:30 PM).',
  );
  await screen(page, 'issue10-dates-outage-12h-refused');
  await expectNoSeriousA11yViolations(page);

  await began.fill('');
  await began.pressSequentially('202611231415');
  await page.keyboard.press('Tab');
  await expect(began).toHaveValue('2026-11-23 14:15');
  await start.getByRole('button', { name: 'Starta avbrott' }).click();
  const ongoing = page.getByRole('heading', { name: 'Pågående avbrott' }).locator('..');
  await expect(ongoing).toContainText('sedan 2026-11-23 14:15');
  await expect(page.getByRole('row', { name: /Pågår/ })).toContainText('2026-11-23 14:15');
  await expect(page.locator('main')).not.toContainText(/\b(AM|PM)\b/);
  await screen(page, 'issue10-dates-outage-started');
  await expectNoSeriousA11yViolations(page);

  // A register form: a date typed day-first is refused with why, year-first is taken.
  await page.getByRole('navigation').getByRole('button', { name: 'Beslut' }).click();
  await page.keyboard.press('Alt+N');
  const form = page.getByRole('form', { name: 'Nytt beslut' });
  const date = form.getByLabel('Beslutsdatum *');
  await expect(date).toHaveAttribute('placeholder', 'ÅÅÅÅ-MM-DD');
  expect(await date.evaluate((el) => (el as HTMLInputElement).type)).toBe('text');
  await form.getByLabel('Klientens namn *').fill('Tolvan Tolvansson');
  await form.getByRole('textbox', { name: 'Personnummer' }).fill('19121212-1212');
  await form.getByLabel('Ändamål/insats *').fill('Hyra');
  await form.getByLabel('Beslutsfattare *').fill('Maja Enhetschef');
  await date.fill('11/23/2026');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(date).toHaveAccessibleDescription(/Skriv året först: ÅÅÅÅ-MM-DD/);
  await screen(page, 'issue10-dates-register-form-refused');
  await expectNoSeriousA11yViolations(page);

  await date.fill('');
  await date.pressSequentially('20261123');
  await page.keyboard.press('Tab');
  await expect(date).toHaveValue('2026-11-23');
  // Sent straight from the field with Enter, untidied: main reads it the same way.
  await date.fill('2026 11 23');
  await date.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Posten är sparad' })).toBeVisible();
  await page.keyboard.press('Escape');
  const row = page.getByRole('row', { name: /Tolvan Tolvansson/ });
  await expect(row).toContainText('2026-11-23');
  await row.getByRole('button').first().click();
  await expect(page.getByText(/2026-11-23 15:0\d av Kalle Handläggare/)).toBeVisible();

  // A date-and-time field of a register form starts at the time now, on the 24-hour clock.
  await page.getByRole('navigation').getByRole('button', { name: 'Beställningar' }).click();
  await page.keyboard.press('Alt+N');
  const order = page.getByRole('form', { name: 'Ny beställning' });
  const sent = order.getByLabel('Skickad', { exact: true });
  await expect(sent).toHaveAttribute('placeholder', 'ÅÅÅÅ-MM-DD TT:MM');
  await expect(sent).toHaveValue(/^2026-11-23 15:0\d$/);
  await screen(page, 'issue10-dates-order-form');
  await expectNoSeriousA11yViolations(page);
});

test('no page has a native date or time input, filters included', async ({ page, bridge }) => {
  await arrangeUnitAndRestart(bridge);
  await arrange(bridge, 'unit.unlock', { passphrase: PASSPHRASE });
  await arrange(bridge, 'session.signIn', {
    username: SETUP.manager.username,
    password: SETUP.manager.password,
  });
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: ['Paraplyet'], note: '' });
  await page.goto(bridge.url);
  const menu = page.getByRole('navigation').getByRole('button');
  // The menu is drawn once the session has been read: wait for it before listing it.
  await expect.poll(() => menu.count()).toBeGreaterThan(10);
  const names = await menu.allTextContents();
  for (const name of names) {
    await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // Every form the page offers, opened, as far as a button opens one.
    const opener = page
      .getByRole('main')
      .getByRole('button', { name: /^(Ny|Nytt) |^Planera/ })
      .filter({ visible: true });
    if ((await opener.count()) > 0) {
      await opener.first().click();
    }
    await expect(page.locator(nativeDateInputs), name).toHaveCount(0);
    const times = await page.locator('main').innerText();
    expect(times, name).not.toMatch(/\d{1,2}:\d{2}\s?(AM|PM)/);
    expect(times, name).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/);
  }
});
