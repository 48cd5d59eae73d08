import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { keepAndRead } from '../support/pdf';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import { expect, screen, test } from './fixtures';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name }).click();

async function pdfOf(download: Download, name: string) {
  const bytes = new Uint8Array(readFileSync((await download.path())!));
  expect(Buffer.from(bytes.subarray(0, 4)).toString()).toBe('%PDF');
  return keepAndRead(name, bytes);
}

test('a handläggare prints blank decision documents and transcribes one by its reference', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await nav(page, 'Utskrifter');
  await expect(page.getByRole('heading', { name: 'Utskrifter' })).toBeVisible();

  const title = 'Beslutsdokument';
  await page.getByLabel(`Antal sidor, ${title}`).fill('2');
  const save = page.getByRole('button', { name: `Spara ${title} som PDF` });
  const downloading = page.waitForEvent('download');
  await save.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Beslutsdokument-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = await pdfOf(download, 'e2e-blank-decision-documents');
  expect(pdf.pages).toBe(2);
  expect(pdf.text).toContain('ET000001');
  expect(pdf.text).toContain('ET000002');
  await expect(page.getByRole('status').filter({ hasText: 'är skapad' })).toBeVisible();
  await expect(save).toBeEnabled();
  await screen(page, '91-printing');

  // The register choice offers what a handläggare may read: no payouts.
  const registerChoice = page.getByLabel('Register');
  await expect(registerChoice.locator('option')).not.toContainText(['Utbetalningar']);

  await nav(page, 'Ej införda blanketter');
  const list = page.getByRole('table', { name: 'Referenser som inte förts in' });
  await expect(list).toContainText('ET000001');
  await expect(page.getByText('2 referenser återstår.')).toBeVisible();

  await nav(page, 'Beslut');
  await page.keyboard.press('Alt+N');
  const form = page.getByRole('form', { name: 'Nytt beslut' });
  await form.getByLabel('Efterregistrering från pappersblankett').check();
  await form.getByLabel('Blankettens referens *').fill('ET000001');
  await form.getByLabel('Klientens namn *').fill('Tolvan Tolvansson');
  await form.getByRole('textbox', { name: 'Personnummer' }).fill('19121212-1212');
  await form.getByLabel('Ändamål/insats *').fill('Ekonomiskt bistånd, hyra');
  await form.getByLabel('Beslutsfattare *').fill('Maja Enhetschef');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'sparad' })).toBeVisible();

  await nav(page, 'Ej införda blanketter');
  await expect(page.getByText('1 referens återstår.')).toBeVisible();
  await expect(list).not.toContainText('ET000001');
  await expect(list).toContainText('ET000002');
});

test('Ctrl+P on the decision list saves the list as a PDF with its filter', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  for (const clientName of ['Anna Andersson', 'Bertil Berg']) {
    await arrange(bridge, 'decisions.create', {
      clientName,
      personnummer: '19121212-1212',
      reserveIdentity: false,
      transcribedFromPaper: false,
      values: {
        purpose: 'Ekonomiskt bistånd, livsmedel',
        caseWorker: 'Kalle Handläggare',
        decisionMaker: 'Maja Enhetschef',
        decisionDate: '2026-11-23',
      },
    } as never);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await nav(page, 'Beslut');
  await expect(page.getByRole('row', { name: /Bertil Berg/ })).toBeVisible();
  await page.getByRole('searchbox').fill('Bertil');
  await expect(page.getByRole('row', { name: /Anna Andersson/ })).toHaveCount(0);

  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Control+P');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Forteckning-Beslut-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = await pdfOf(download, 'e2e-ctrl-p-decisions');
  expect(pdf.text).toContain('Bertil Berg');
  expect(pdf.text).not.toContain('Anna Andersson');
});
