import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { keepAndRead } from '../support/pdf';
import { allocateReferences } from '../../main/app/references/referenceService';
import type { SessionUser } from '../../shared/contract';
import { SETUP } from '../support/app';
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
  // Nothing printed yet: the overview has no card for paper to transcribe.
  await expect(page.getByRole('heading', { name: 'Översikt' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Registren' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ej införda blanketter' })).toHaveCount(0);
  await nav(page, 'Utskrifter');
  await expect(page.getByRole('heading', { name: 'Utskrifter' })).toBeVisible();
  // Bilaga 1 and 2 filled in are not a handläggare's.
  await expect(page.getByRole('heading', { name: 'Kassaförvaltare och USB-minnen' })).toHaveCount(
    0,
  );
  await expect(
    page.getByRole('button', { name: 'Spara lista över kassaförvaltare som PDF' }),
  ).toHaveCount(0);

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

  // The overview counts the printed sheets until they are transcribed, and leads to them.
  await nav(page, 'Översikt');
  const card = page.getByRole('article', { name: 'Ej införda blanketter' });
  await expect(card).toContainText('2 utskrivna referenser är varken införda eller avskrivna.');
  await screen(page, '92-overview-unused-references');
  await card.getByRole('button', { name: 'Visa ej införda blanketter' }).click();
  await expect(
    page.getByRole('heading', { name: 'Utskrivna referenser som inte förts in' }),
  ).toBeVisible();

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

test('Ctrl+P on the decision list previews it with its filter and headings and saves it as a PDF', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  // Bertil's decision was written on a printed Bilaga 3 row: the list shows its reference.
  const { user } = (await arrange(bridge, 'app.status')) as { user: SessionUser };
  const [reference] = await bridge.state.db().transaction((manager) =>
    allocateReferences(manager, {
      kind: 'decisions',
      count: 1,
      actor: user,
      now: bridge.state.now(),
    }),
  );
  for (const clientName of ['Anna Andersson', 'Bertil Berg']) {
    const fromPaper = clientName === 'Bertil Berg';
    await arrange(bridge, 'decisions.create', {
      clientName,
      personnummer: '19121212-1212',
      reserveIdentity: false,
      transcribedFromPaper: fromPaper,
      ...(fromPaper ? { paperReference: reference } : {}),
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
  // While the filtered page loads the table is briefly replaced; read the headings once it is back.
  await expect(page.getByRole('row', { name: /Bertil Berg/ })).toBeVisible();

  // The list's headings, as the screen shows them.
  const headingTexts = async () =>
    (await page.getByRole('columnheader').allInnerTexts())
      .map((text) => text.replace(/\s+/g, ' ').trim())
      .filter((text) => text !== '' && text !== 'Vald');
  const headings = [
    'Klientens namn',
    'Personnummer',
    'Blankettens referens',
    'Ändamål/insats',
    'Handläggare',
    'Beslutsfattare',
    'Beslutsdatum',
    'Inregistrerad i verksamhetssystemet, datum och sign.',
  ];
  await expect.poll(headingTexts).toEqual(headings);
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

  // Every heading of the list on screen is on paper, word for word and in the same order.
  const paper = pdf.raw.replace(/\s+/g, ' ');
  const at = headings.map((heading) => paper.indexOf(heading));
  expect(
    at.every((index) => index >= 0),
    JSON.stringify(at),
  ).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  expect(paper).toContain(reference!);

  // A cancelled save dialog saves nothing.
  bridge.desktop.nextSaveAs = null;
  await preview.getByRole('button', { name: 'Spara som PDF…' }).click();
  await expect(preview.getByRole('status')).toHaveText('Ingenting sparades.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the enhetschef saves Bilaga 1 and 2 filled in from Utskrifter', async ({ page, bridge }) => {
  await arrangeCaseWorkerInOutage(bridge);
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', { username: 'maja', password: SETUP.manager.password });
  await arrange(bridge, 'usbReceipts.issue', {
    stickNumber: 'USB 7',
    issuedOn: '2026-11-23',
    receiverName: 'Kalle Handläggare',
    receiverSignature: 'KH',
    workplace: 'Mottagningen',
    outageId: null,
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await nav(page, 'Utskrifter');
  await expect(page.getByRole('heading', { name: 'Kassaförvaltare och USB-minnen' })).toBeVisible();
  await screen(page, '93-printing-filled-appendices');

  await page.getByRole('button', { name: 'Förhandsgranska kvittenslista för USB-minnen' }).click();
  let preview = await previewOf(page);
  await preview.getByRole('button', { name: 'Spara som PDF…' }).click();
  await expect(preview.getByRole('status')).toContainText('Sparad som');
  const usbFile = 'Forteckning-Kvittenslista-for-USB-minnen-2026-11-23.pdf';
  const usbPdf = await pdfOf(
    new Uint8Array(readFileSync(join(bridge.desktop.saveDir, usbFile))),
    'e2e-usb-receipts',
  );
  expect(usbPdf.text).toContain('Kvittenslista för USB-minnen');
  expect(usbPdf.text).toContain('Kalle Handläggare (KH)');
  expect(usbPdf.text).toContain('Ej återlämnat');
  await preview.getByRole('button', { name: 'Stäng' }).click();

  await page.getByRole('button', { name: 'Förhandsgranska lista över kassaförvaltare' }).click();
  preview = await previewOf(page);
  await preview.getByRole('button', { name: 'Skriv ut…' }).click();
  await expect(preview.getByRole('status')).toContainText('skickades till skrivaren');
  const custodianPdf = await pdfOf(bridge.desktop.printed.at(-1)!.bytes, 'e2e-custodians');
  expect(custodianPdf.text).toContain('Kassaförvaltare');
  expect(custodianPdf.text).toContain('Inga kassaförvaltare registrerade.');
});
