import { localDate } from '../../shared/time';
import type { Locator, Page } from '@playwright/test';
import { registers, type CaseworkKey } from '../../shared/registers';
import { sampleInput } from '../support/records';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import { expect, screen, test } from './fixtures';

/** Moves the keyboard focus forward with Tab until it reaches the control. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the control');
}

/** What a person types into each register's own fields, by keyboard, then how they save. */
const keyboardEntry: Record<CaseworkKey, { fields: [string, string][]; save: string }> = {
  decisions: {
    fields: [
      ['Ändamål/insats *', 'Ekonomiskt bistånd, mat'],
      ['Beslutsfattare *', 'Maja Enhetschef'],
    ],
    save: 'Enter',
  },
  orders: {
    fields: [
      ['Utförare *', 'Hemtjänst Norr'],
      ['Insats *', 'Inköp och städ'],
    ],
    save: 'Enter',
  },
  journalNotes: {
    fields: [
      ['Lagrum *', 'HSL'],
      ['Anteckning *', 'Tillsynsbesök på plats: kameran fungerade inte.'],
    ],
    save: 'Control+Enter',
  },
  otherDocuments: {
    fields: [
      ['Vad har upprättats *', 'Utredning'],
      ['Förvaras *', 'Papper'],
      ['Mapp eller USB-minnets nummer', 'Aktskåp 2'],
    ],
    save: 'Enter',
  },
};

for (const key of Object.keys(keyboardEntry) as CaseworkKey[]) {
  const definition = registers[key];

  test(`${definition.title}: keyboard entry, a bad personnummer, void one, mark one entered`, async ({
    page,
    bridge,
  }) => {
    await arrangeCaseWorkerInOutage(bridge);
    // A record made earlier by the same person, to mark as entered.
    await arrange(
      bridge,
      `${key}.create`,
      sampleInput(key, { clientName: 'Anna Svensson', personnummer: '20000229-1235' }) as never,
    );

    await page.goto(bridge.url);
    await page.getByRole('navigation').getByRole('button', { name: definition.title }).click();
    await expect(page.getByRole('heading', { name: definition.title, level: 1 })).toBeVisible();

    // Keyboard only from here: Alt+N, type, Tab, save.
    await page.keyboard.press('Alt+N');
    const form = page.getByRole('form', { name: definition.newTitle });
    await expect(form.getByLabel('Klientens namn *')).toBeFocused();
    await page.keyboard.type('Tolvan Tolvansson');
    await page.keyboard.press('Tab');
    await page.keyboard.type('19121212-1213');
    for (const [label, text] of keyboardEntry[key].fields) {
      await tabTo(page, form.getByLabel(label, { exact: true }));
      await page.keyboard.type(text);
    }
    await page.keyboard.press(keyboardEntry[key].save);
    await expect(
      form.getByText('Kontrollsiffran stämmer inte. Kontrollera personnumret.'),
    ).toBeVisible();
    await expect(form.getByRole('textbox', { name: 'Personnummer' })).toBeFocused();
    await screen(page, `30-${key}-bad-personnummer`);

    await page.keyboard.press('Control+A');
    await page.keyboard.type('19121212-1212');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'sparad' })).toBeVisible();
    // A blank form for the next paper, with the keyboard in its first field.
    await expect(form.getByLabel('Klientens namn *')).toHaveValue('');
    await expect(form.getByLabel('Klientens namn *')).toBeFocused();
    await page.keyboard.press('Escape');
    const row = page.getByRole('row', { name: /Tolvan Tolvansson/ });
    await expect(row).toContainText('19121212-1212');
    await screen(page, `31-${key}-list`);

    // Void it, with a reason.
    await row.getByRole('button', { name: 'Tolvan Tolvansson' }).click();
    await page.getByRole('button', { name: 'Makulera' }).click();
    await expect(page.getByText('Ange ett skäl.')).toBeVisible();
    await page.getByLabel('Skäl till makulering').fill('Fel klient');
    await page.getByRole('button', { name: 'Makulera' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Posten är makulerad' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Tolvan Tolvansson/ })).toHaveCount(0);
    await page.getByLabel('Makulerade').selectOption('include');
    await expect(page.getByRole('row', { name: /Tolvan Tolvansson/ })).toHaveClass(/row--voided/);

    // Mark the earlier one entered: Space selects the focused row.
    const anna = page.getByRole('row', { name: /Anna Svensson/ });
    await anna.focus();
    await page.keyboard.press('Space');
    const bar = page.getByRole('form', { name: 'Markera som införda' });
    await bar.getByRole('button', { name: 'Markera som införda' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: '1 post markerad som införd.' }),
    ).toBeVisible();
    const today = localDate(bridge.state.now());
    await expect(anna).toContainText(`${today} KH`);
    await screen(page, `32-${key}-voided-and-entered`);
  });
}

test('a personnummer already known under another name is questioned before saving', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  await arrange(bridge, 'orders.create', sampleInput('orders') as never);

  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Beslut' }).click();
  await page.keyboard.press('Alt+N');
  const form = page.getByRole('form', { name: 'Nytt beslut' });
  await form.getByLabel('Klientens namn *').fill('Tolva Tolvsdotter');
  await form.getByRole('textbox', { name: 'Personnummer' }).fill('191212121212');
  await form.getByLabel('Ändamål/insats *').fill('Hyra');
  await form.getByLabel('Beslutsfattare *').fill('Maja Enhetschef');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(
    form.getByText(/finns redan registrerat med namnet Tolvan Tolvansson/),
  ).toBeVisible();
  await screen(page, '33-name-mismatch');
  await form.getByRole('button', { name: 'Spara ändå' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'sparad' })).toBeVisible();
});
