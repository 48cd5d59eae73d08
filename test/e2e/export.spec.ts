import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { SETUP } from '../support/app';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import { expect, screen, test } from './fixtures';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name }).click();

test('the enhetschef saves the registers and the worklist as Excel for entry later', async ({
  page,
  bridge,
}) => {
  // Kalle records during the outage; Maja, who reads every register, exports.
  await arrangeCaseWorkerInOutage(bridge);
  await arrange(bridge, 'decisions.create', {
    clientName: 'Zoltán Kővári',
    personnummer: '19121212-1212',
    reserveIdentity: false,
    transcribedFromPaper: false,
    values: {
      purpose: 'Ekonomiskt bistånd, hyra',
      caseWorker: 'Kalle Handläggare',
      decisionMaker: 'Maja Enhetschef',
      decisionDate: '2026-11-23',
    },
  } as never);
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', {
    username: SETUP.manager.username,
    password: SETUP.manager.password,
  });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(bridge.url);
  await nav(page, 'Export');
  const excel = page.getByRole('form', { name: 'Excel för inmatning i verksamhetssystemet' });
  // On the office PC there is no transfer file to write.
  await expect(page.getByRole('form', { name: 'Överföringsfil till kontorsdatorn' })).toHaveCount(
    0,
  );

  await excel.getByRole('button', { name: 'Spara registren som Excel…' }).click();
  await expect(excel.getByRole('status')).toContainText('Sparad som');
  await expect(excel.getByRole('status')).toContainText('Beslut (1)');
  await screen(page, '99-export-excel');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(bridge.desktop.saveDir, 'Registerutdrag-2026-11-23.xlsx'));
  const decisions = workbook.getWorksheet('Beslut')!;
  // Cells are inline rich text (LibreOffice keeps line breaks in them): read their text.
  const texts = (row: number) =>
    (decisions.getRow(row).values as unknown[]).map((cell) =>
      cell && typeof cell === 'object' && 'richText' in cell
        ? (cell.richText as { text: string }[]).map((part) => part.text).join('')
        : cell,
    );
  expect(texts(1)).toContain('Klientens namn');
  expect(texts(2)).toContain('Zoltán Kővári');
  // The enhetschef's workbook holds every register, Bilaga 1 and 2 with them.
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
    expect.arrayContaining(['Beslut', 'Journalanteckningar', 'Utbetalningar']),
  );

  await excel.getByRole('button', { name: 'Spara arbetslista (att föra in)…' }).click();
  await expect(excel.getByRole('status')).toContainText('Att-fora-in-2026-11-23.xlsx');
  const worklist = new ExcelJS.Workbook();
  await worklist.xlsx.readFile(join(bridge.desktop.saveDir, 'Att-fora-in-2026-11-23.xlsx'));
  // One sheet per person who must enter something: Kalle's decision waits for him.
  expect(worklist.worksheets.map((sheet) => sheet.name).join(' ')).toContain('Kalle');

  // A cancelled dialog writes nothing and says so.
  bridge.desktop.nextSaveAs = null;
  await excel.getByRole('button', { name: 'Spara registren som Excel…' }).click();
  await expect(excel.getByRole('status')).toHaveText('Ingen fil sparades.');
});
