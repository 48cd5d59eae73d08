import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { keepAndRead } from '../support/pdf';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import { expect, screen, test } from './fixtures';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name }).click();

async function pdfOf(bytes: Uint8Array, name: string) {
  expect(Buffer.from(bytes.subarray(0, 4)).toString()).toBe('%PDF');
  return keepAndRead(name, bytes);
}

/** The preview dialog, once pdf.js has drawn its first page (not a blank canvas). */
async function previewOf(page: Page): Promise<Locator> {
  const preview = page.getByRole('dialog');
  await expect(preview).toBeVisible();
  const canvas = preview.getByRole('img', { name: /Förhandsgranskning, sida 1 av/ });
  await expect(canvas).toHaveAttribute('data-drawn-page', '1');
  const inked = await canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) dark++;
    return dark / (pixels.length / 4);
  });
  // Text, rules and barcodes: some ink, far from a page painted over.
  expect(inked).toBeGreaterThan(0.002);
  expect(inked).toBeLessThan(0.5);
  return preview;
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
  const show = page.getByRole('button', { name: `Förhandsgranska ${title}` });
  await show.click();
  const preview = await previewOf(page);
  await expect(preview.getByRole('heading', { name: title })).toBeVisible();
  await expect(preview.getByText('Sida 1 av 2')).toBeVisible();
  await screen(page, '91-printing-preview');
  await preview.getByRole('button', { name: 'Nästa sida' }).click();
  await expect(
    preview.getByRole('img', { name: 'Förhandsgranskning, sida 2 av 2' }),
  ).toHaveAttribute('data-drawn-page', '2');

  // A preview is not a print: nothing is waiting to be transcribed yet.
  const printedReferences = async () =>
    (
      (await bridge.state.db().query('SELECT count(*) AS n FROM printed_references')) as [
        { n: number },
      ]
    )[0].n;
  expect(await printedReferences()).toBe(0);

  // A cancelled print dialog prints nothing and leaves nothing behind.
  bridge.desktop.nextPrint = 'cancelled';
  await preview.getByRole('button', { name: 'Skriv ut…' }).click();
  await expect(preview.getByRole('status')).toHaveText('Utskriften avbröts. Ingenting skrevs ut.');
  expect(bridge.desktop.printed).toHaveLength(0);
  expect(await printedReferences()).toBe(0);

  await page.keyboard.press('Control+P');
  await expect(preview.getByRole('status')).toHaveText(`${title} skickades till skrivaren.`);
  expect(bridge.desktop.printed).toHaveLength(1);
  const pdf = await pdfOf(bridge.desktop.printed[0]!.bytes, 'e2e-blank-decision-documents');
  expect(bridge.desktop.printed[0]!.title).toMatch(/^Beslutsdokument-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(pdf.pages).toBe(2);
  expect(pdf.text).toContain('ET000001');
  expect(pdf.text).toContain('ET000002');

  // Each reference may reach paper once: the same sheets cannot be printed or saved again.
  await preview.getByRole('button', { name: 'Spara som PDF…' }).click();
  await expect(preview.getByRole('alert')).toContainText('redan utskrivna eller sparade');
  await preview.getByRole('button', { name: 'Stäng' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(show).toBeFocused();
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

test('Ctrl+P on the decision list previews the list with its filter and saves it as a PDF', async ({
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

  await page.keyboard.press('Control+P');
  const preview = await previewOf(page);
  await expect(preview.getByRole('heading', { name: 'Förteckning: Beslut' })).toBeVisible();
  await screen(page, '92-ctrl-p-preview');

  const fileName = 'Beslut till pärmen.pdf';
  bridge.desktop.nextSaveAs = fileName;
  await preview.getByRole('button', { name: 'Spara som PDF…' }).click();
  const savedAs = join(bridge.desktop.saveDir, fileName);
  await expect(preview.getByRole('status')).toHaveText(`Sparad som ${savedAs}`);
  const pdf = await pdfOf(new Uint8Array(readFileSync(savedAs)), 'e2e-ctrl-p-decisions');
  expect(pdf.text).toContain('Bertil Berg');
  expect(pdf.text).not.toContain('Anna Andersson');

  // A cancelled save dialog saves nothing.
  bridge.desktop.nextSaveAs = null;
  await preview.getByRole('button', { name: 'Spara som PDF…' }).click();
  await expect(preview.getByRole('status')).toHaveText('Ingenting sparades.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
