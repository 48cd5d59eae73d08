import type { Page } from '@playwright/test';
import { allocateReferences } from '../../main/app/references/referenceService';
import type { SessionUser } from '../../shared/contract';
import { SETUP } from '../support/app';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import type { Bridge } from './bridge/server';
import { expect, screen, test } from './fixtures';

/**
 * Blank decision documents printed by the person signed in, arranged through the
 * reference service the print channel calls (the print page is built elsewhere).
 */
async function printBlanks(bridge: Bridge, count: number): Promise<string[]> {
  const status = (await arrange(bridge, 'app.status')) as { user: SessionUser };
  return bridge.state.db().transaction((manager) =>
    allocateReferences(manager, {
      kind: 'decisionDocument',
      count,
      actor: status.user,
      now: bridge.state.now(),
    }),
  );
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name }).click();

test('a handläggare transcribes a paper decision: the form asks for its reference, and it leaves the list', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  expect(await printBlanks(bridge, 3)).toEqual(['ET000001', 'ET000002', 'ET000003']);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await nav(page, 'Ej införda blanketter');
  const list = page.getByRole('table', { name: 'Referenser som inte förts in' });
  await expect(list.getByRole('row')).toHaveCount(4);
  await expect(list).toContainText('Beslutsdokument');
  await expect(page.getByText('3 referenser återstår.')).toBeVisible();
  await screen(page, '85-unused-references');

  await nav(page, 'Beslut');
  await page.keyboard.press('Alt+N');
  const form = page.getByRole('form', { name: 'Nytt beslut' });
  await expect(form.getByLabel('Blankettens referens *')).toHaveCount(0);
  await form.getByLabel('Efterregistrering från pappersblankett').check();
  const reference = form.getByLabel('Blankettens referens *');
  await expect(reference).toBeVisible();

  // Everything but the reference: main asks for it, next to the field.
  await form.getByLabel('Klientens namn *').fill('Tolvan Tolvansson');
  await form.getByRole('textbox', { name: 'Personnummer' }).fill('19121212-1212');
  await form.getByLabel('Ändamål/insats *').fill('Ekonomiskt bistånd, hyra');
  await form.getByLabel('Beslutsfattare *').fill('Maja Enhetschef');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(form.getByText(/Ange referensen som står under streckkoden/)).toBeVisible();
  await expect(reference).toBeFocused();
  await screen(page, '86-transcribe-asks-reference');

  // A scanner types the reference and Enter: tidied, and the form is not sent yet.
  await reference.fill('');
  await page.keyboard.type('et 2');
  await page.keyboard.press('Enter');
  await expect(reference).toHaveValue('ET000002');
  await expect(form.getByLabel('Klientens namn *')).toBeFocused();
  await expect(form).toBeVisible();

  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'sparad' })).toBeVisible();
  const row = page.getByRole('row', { name: /Tolvan Tolvansson/ });
  await expect(row).toContainText('ET000002');
  await row.getByRole('button', { name: 'Tolvan Tolvansson' }).click();
  const details = page.getByRole('region', { name: /Tolvan Tolvansson/ });
  await expect(details).toContainText('Blankettens referens');
  await expect(details).toContainText('ET000002');
  await screen(page, '87-transcribed-with-reference');

  // The same paper cannot be transcribed twice.
  await page.keyboard.press('Alt+N');
  const again = page.getByRole('form', { name: 'Nytt beslut' });
  await again.getByLabel('Efterregistrering från pappersblankett').check();
  await again.getByLabel('Blankettens referens *').fill('ET000002');
  await again.getByLabel('Klientens namn *').fill('Anna Svensson');
  await again.getByRole('textbox', { name: 'Personnummer' }).fill('20000229-1235');
  await again.getByLabel('Ändamål/insats *').fill('Hyra');
  await again.getByLabel('Beslutsfattare *').fill('Maja Enhetschef');
  await again.getByRole('button', { name: 'Spara' }).click();
  await expect(again.getByText(/Referensen ET000002 är redan införd/)).toBeVisible();
  await again.getByRole('button', { name: 'Avbryt' }).click();
  await page.getByRole('button', { name: 'Lämna utan att spara' }).click();

  await nav(page, 'Ej införda blanketter');
  await expect(page.getByText('2 referenser återstår.')).toBeVisible();
  await expect(list).not.toContainText('ET000002');

  // A blank document never used: written off with a reason.
  await list.getByLabel('Välj ET000003').check();
  await page.getByLabel('Skäl *').fill('Blanketten kasserad, aldrig ifylld');
  await page.getByRole('button', { name: 'Skriv av' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'avskriven' })).toHaveText(
    '1 referens är avskriven.',
  );
  await expect(page.getByText('1 referens återstår.')).toBeVisible();
  await expect(list).toContainText('ET000001');
  await screen(page, '88-reference-written-off');

  // The overview keeps count of what is left on paper.
  await nav(page, 'Översikt');
  await expect(page.getByRole('article', { name: 'Ej införda blanketter' })).toContainText(
    '1 utskriven referens är varken införd eller avskriven.',
  );
});

test('the enhetschef edits the checklist, the fault contacts and the reference prefix', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', { username: 'maja', password: SETUP.manager.password });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await nav(page, 'Inställningar');
  const routines = page.getByRole('form', { name: 'Lokal checklista och kontaktlista' });
  await routines
    .getByLabel('Vilken information som behöver dras ut på papper innan avbrottet')
    .fill('Klientlistor och pågående beslut skrivs ut dagen före.');
  await routines
    .getByLabel('Hur information ska skrivas in efter avbrottet och av vem')
    .fill('Varje handläggare för in sina egna poster inom en vecka.');

  // The two rows a new unit starts with, and one more.
  await routines.getByLabel('Vem *').first().fill('IT-support');
  await routines.getByLabel('Telefon').first().fill('011-15 00 00');
  await routines.getByRole('button', { name: 'Lägg till kontakt' }).click();
  await expect(routines.getByRole('group')).toHaveCount(3);
  await routines.getByLabel('Vem *').nth(2).fill('Larmcentralen');
  await routines.getByLabel('När').nth(2).selectOption('afterHours');

  // The after-hours row is still empty: main says so next to it.
  await routines.getByRole('button', { name: 'Spara checklista och kontakter' }).click();
  await expect(routines.getByText('Ange vem man anmäler till.')).toBeVisible();
  await screen(page, '89-local-routines-error');
  await routines.getByRole('button', { name: 'Ta bort kontakt 2' }).click();
  await expect(routines.getByRole('group')).toHaveCount(2);
  await expect(routines.getByLabel('Vem *').nth(1)).toHaveValue('Larmcentralen');
  await routines.getByRole('button', { name: 'Spara checklista och kontakter' }).click();
  await expect(routines.getByRole('status')).toContainText('sparade');
  await screen(page, '90-local-routines-saved');

  expect(await arrange(bridge, 'localRoutines.get')).toMatchObject({
    checklistAnswers: [
      'Klientlistor och pågående beslut skrivs ut dagen före.',
      '',
      '',
      'Varje handläggare för in sina egna poster inom en vecka.',
    ],
    contacts: [
      { period: 'office', who: 'IT-support', phone: '011-15 00 00' },
      { period: 'afterHours', who: 'Larmcentralen' },
    ],
  });

  const prefix = page.getByRole('form', { name: 'Referenser på blanketter' });
  await prefix.getByLabel('Prefix (2–4 bokstäver A–Z)').fill('SÖ');
  await prefix.getByRole('button', { name: 'Spara prefix' }).click();
  await expect(prefix.getByText(/2–4 bokstäver A–Z/).last()).toBeVisible();
  await prefix.getByLabel('Prefix (2–4 bokstäver A–Z)').fill('st');
  await prefix.getByRole('button', { name: 'Spara prefix' }).click();
  await expect(prefix.getByRole('status')).toContainText('Prefixet är sparat.');
  await expect(prefix).toContainText('ST000123');
});
