import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CASE_WORKER, PASSPHRASE, SETUP } from '../support/app';
import { arrange } from './arrange';
import { startBridge } from './bridge/server';
import { expect, screen, test } from './fixtures';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name }).click();

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
}

test('the enhetschef prepares a laptop; its records come back to the office PC', async ({
  page,
  bridge: office,
  dataDir,
}) => {
  await arrange(office, 'unit.setup', SETUP);
  await arrange(office, 'users.create', CASE_WORKER);
  await arrange(office, 'session.signOut');
  await page.setViewportSize({ width: 1366, height: 900 });

  // The office PC: Inställningar → Förbered bärbar dator.
  await page.goto(office.url);
  await signIn(page, SETUP.manager.username, SETUP.manager.password);
  await nav(page, 'Inställningar');
  const prepare = page.getByRole('form', { name: 'Förbered bärbar dator' });
  await prepare.getByLabel('Den bärbara datorns namn').fill('Bärbar Tensta');
  await prepare.getByRole('button', { name: 'Skapa installationsfil…' }).click();
  await expect(prepare.getByRole('status')).toContainText(
    'Installationsfilen för Bärbar Tensta är sparad som',
  );
  await screen(page, '95-prepare-laptop');
  const setupFile = join(
    office.desktop.saveDir,
    'Installationsfil-Barbar-Tensta-2026-11-23.reservparm-installation',
  );

  // The laptop's first run: installed from the file, the office's people sign in.
  const laptop = await startBridge(join(dataDir, 'laptop', 'unit.db'));
  try {
    laptop.desktop.nextOpen = setupFile;
    await page.goto(laptop.url);
    await page.getByRole('button', { name: 'Bärbar dator från installationsfil' }).click();
    await page.getByLabel('Enhetens lösenfras').fill('fel lösenfras');
    await page.getByRole('button', { name: 'Välj installationsfil…' }).click();
    await expect(page.getByText('Filen kunde inte öppnas med den lösenfrasen.')).toBeVisible();
    await page.getByLabel('Enhetens lösenfras').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Välj installationsfil…' }).click();
    const facts = page.getByRole('definition');
    await expect(facts.filter({ hasText: 'Enhet Test' })).toBeVisible();
    await expect(page.getByLabel('Datorns namn')).toHaveValue('Bärbar Tensta');
    await screen(page, '96-install-from-file');
    await page.getByRole('button', { name: 'Installera' }).click();
    await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
    await signIn(page, 'kalle', CASE_WORKER.password);

    // Kalle works on the laptop during an outage, then saves the transfer file.
    await arrange(laptop, 'outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet'],
      note: 'Hembesök utan nätverk.',
    });
    await arrange(laptop, 'decisions.create', {
      clientName: 'Łukasz Wołek',
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
    await page.reload();
    await nav(page, 'Export');
    const transfer = page.getByRole('form', { name: 'Överföringsfil till kontorsdatorn' });
    await transfer.getByRole('button', { name: 'Spara överföringsfil…' }).click();
    await expect(transfer.getByRole('status')).toContainText('Överföringsfilen');
    await screen(page, '97-transfer-file');
    office.desktop.nextOpen = join(
      laptop.desktop.saveDir,
      'Overforing-2026-11-23.reservparm-overforing',
    );
  } finally {
    await laptop.close();
  }

  // Back at the office (Maja still signed in there): she reads it in and sees what came.
  await page.goto(office.url);
  await nav(page, 'Inställningar');
  const read = page.getByRole('form', { name: 'Läs in överföringsfil från bärbar dator' });
  await read.getByLabel('Enhetens lösenfras').fill(PASSPHRASE);
  await read.getByRole('button', { name: 'Välj överföringsfil…' }).click();
  await expect(read.getByRole('definition').filter({ hasText: 'Bärbar Tensta' })).toBeVisible();
  await read.getByRole('button', { name: 'Läs in', exact: true }).click();
  const summary = read.getByRole('table', { name: 'Inläst per register' });
  await expect(summary.getByRole('row', { name: /Beslut/ })).toContainText('1');
  await screen(page, '98-transfer-read-in');
  await nav(page, 'Beslut');
  await expect(page.getByRole('row', { name: /Łukasz Wołek/ })).toBeVisible();
});
