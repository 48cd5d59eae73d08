import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { RegisterRecord } from '../../shared/registers/schemas';
import { FINANCIAL_AID_MANAGER, SETUP } from '../support/app';
import { keepAndRead } from '../support/pdf';
import { correctedPayout, sampleInput, zoltansPayout } from '../support/records';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, screen, test } from './fixtures';
import type { Bridge } from './bridge/server';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name }).click();

const signInAs = async (bridge: Bridge, username: string, password: string) => {
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', { username, password });
};

/** The log's rows below its header, as a person reads each: one text per row. */
const rows = (page: Page) =>
  page
    .getByRole('table')
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') });

test('the enhetschef reads an edit field by field in the Händelselogg, filters it and exports it', async ({
  page,
  bridge,
}) => {
  // Kalle records a decision during the outage; Ebba pays out and corrects the amount.
  await arrangeCaseWorkerInOutage(bridge);
  await arrange(bridge, 'decisions.create', {
    ...sampleInput('decisions'),
    clientName: 'Örjan Ångström',
    personnummer: '19811218-9876',
  } as never);
  await signInAs(bridge, SETUP.manager.username, SETUP.manager.password);
  await arrange(bridge, 'users.create', FINANCIAL_AID_MANAGER);
  await signInAs(bridge, 'ebba', FINANCIAL_AID_MANAGER.password);
  const payout = (await arrange(
    bridge,
    'payouts.create',
    zoltansPayout() as never,
  )) as RegisterRecord;
  bridge.advanceClock(5 * 60_000);
  await arrange(bridge, 'payouts.update', correctedPayout(payout.id) as never);
  await signInAs(bridge, SETUP.manager.username, SETUP.manager.password);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await nav(page, 'Händelselogg');
  await expect(page.getByRole('heading', { name: 'Händelselogg', level: 1 })).toBeVisible();

  // The edit: Swedish words, the record and its client, the fields that changed, in kronor.
  const edit = rows(page).filter({ hasText: 'Utbetalning ändrad' });
  await expect(edit).toHaveCount(1);
  await expect(edit).toContainText('Ebba Ekonomi');
  await expect(edit).toContainText('Zoltán Kővári (20050607-1232)');
  await expect(edit).toContainText('Utbetalning utan referens · 2026-11-23');
  await expect(edit.getByRole('listitem')).toHaveText([
    'Ändamål: Livsmedel → Livsmedel och hygien',
    'Belopp till klient: 1 500 kr → 1 750,50 kr',
  ]);
  // Office time, never UTC ("T…Z") or a code.
  await expect(edit.getByRole('cell').first()).toHaveText(/^2026-11-23 1\d:\d\d$/);
  await expect(page.getByRole('table')).not.toContainText('[object Object]');
  await expect(page.getByRole('table')).not.toContainText('payouts.update');
  await expect(rows(page).filter({ hasText: 'Beslut registrerat' })).toContainText(
    'Örjan Ångström (19811218-9876)',
  );
  // The table fits the window: no sideways scrolling at 1366 × 768.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  await expectNoSeriousA11yViolations(page);
  await edit.scrollIntoViewIfNeeded();
  await screen(page, 'issue10-handelselogg-edit');

  // Dates the wrong way round: said at the field, the list as it was.
  const filters = page.locator('form.audit__filters');
  await filters.getByLabel('Från och med').fill('2026-11-24');
  await filters.getByLabel('Till och med').fill('2026-11-23');
  await filters.getByRole('button', { name: 'Visa' }).click();
  await expect(filters.getByText('Slutdatumet kan inte vara före startdatumet.')).toBeVisible();
  await expect(filters.getByLabel('Till och med')).toHaveAttribute('aria-invalid', 'true');

  // Person, register, client and dates: Ebba's two payout entries remain.
  await filters.getByLabel('Person').selectOption({ label: 'Ebba Ekonomi' });
  await filters.getByLabel('Register').selectOption({ label: 'Utbetalningar' });
  await filters.getByLabel('Klient').fill('kővári');
  await filters.getByLabel('Från och med').fill('20261123');
  await filters.getByLabel('Till och med').fill('2026-11-23');
  await filters.getByRole('button', { name: 'Visa' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).nth(0)).toContainText('Utbetalning ändrad');
  await expect(rows(page).nth(1)).toContainText('Utbetalning registrerad');
  await expect(page.getByText('1–2 av 2')).toBeVisible();
  await expect(filters.getByLabel('Från och med')).toHaveValue('2026-11-23');
  await expectNoSeriousA11yViolations(page);
  await screen(page, 'issue10-handelselogg-filtered');

  // The kind of event: only the edit.
  await filters.getByLabel('Händelse').selectOption({ label: 'Post ändrad' });
  await filters.getByRole('button', { name: 'Visa' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('Utbetalning ändrad');

  // The filtered log as a PDF, through the preview and the save dialog.
  await filters.getByRole('button', { name: 'Skriv ut / spara som PDF…' }).click();
  const preview = page.getByRole('dialog');
  await expect(
    preview.getByRole('img', { name: /Förhandsgranskning, sida 1 av 1/ }),
  ).toHaveAttribute('data-drawn-page', '1');
  await expectNoSeriousA11yViolations(page);
  await preview.getByRole('button', { name: 'Spara som PDF…' }).click();
  await expect(preview.getByRole('status')).toContainText('Handelselogg-2026-11-23.pdf');
  await preview.getByRole('button', { name: 'Stäng' }).click();
  const pdf = await keepAndRead(
    'e2e-issue10-handelselogg',
    readFileSync(join(bridge.desktop.saveDir, 'Handelselogg-2026-11-23.pdf')),
  );
  const text = pdf.raw.replace(/\u00a0/g, ' ');
  expect(text).toContain('Urval: person Ebba Ekonomi, händelse ”Post ändrad”');
  expect(text).toContain('Belopp till klient: 1 500 kr → 1 750,50 kr');
  expect(text).toContain('Totalt: 1 händelse');

  // And as Excel.
  await filters.getByRole('button', { name: 'Spara som Excel…' }).click();
  await expect(filters.getByRole('status')).toContainText(
    'Handelselogg-2026-11-23.xlsx (1 händelse)',
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(bridge.desktop.saveDir, 'Handelselogg-2026-11-23.xlsx'));
  const sheet = book.getWorksheet('Händelselogg')!;
  const text2 = (cell: ExcelJS.CellValue) =>
    cell && typeof cell === 'object' && 'richText' in cell
      ? cell.richText.map((part) => part.text).join('')
      : cell;
  expect(text2(sheet.getRow(2).getCell(3).value)).toBe('Utbetalning ändrad');
  expect(String(text2(sheet.getRow(2).getCell(6).value)).replace(/\u00a0/g, ' ')).toContain(
    'Belopp till klient: 1 500 kr → 1 750,50 kr',
  );

  // Both exports are in the log themselves.
  await filters.getByRole('button', { name: 'Rensa filter' }).click();
  await expect(rows(page).nth(0)).toContainText('Händelselogg exporterad till Excel');
  await expect(rows(page).nth(1)).toContainText('Händelselogg utskriven eller sparad som PDF');
});
