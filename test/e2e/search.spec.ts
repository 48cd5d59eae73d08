import { sampleInput } from '../support/records';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import { expect, screen, test } from './fixtures';

test('a handläggare finds "Örjan Åström" by typing "örjan", and names sort … Z, Å, Ä, Ö', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  const people = ['Örjan Åström', 'Zoran Zec', 'Åsa Berg', 'Ärla Öst', 'Anna Svensson', 'René Ek'];
  for (const clientName of people) {
    await arrange(bridge, 'decisions.create', sampleInput('decisions', { clientName }) as never);
  }

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Beslut' }).click();
  await expect(page.getByText('6 poster')).toBeVisible();

  const search = page.getByLabel('Sök namn eller personnummer');
  await search.fill('örjan');
  await expect(page.getByText('1 post', { exact: true })).toBeVisible();
  const rows = page.locator('.record-list tbody tr[aria-rowindex]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Örjan Åström');
  await screen(page, '34-search-swedish');

  // Capitals and accents do not matter; å, ä and ö are letters of their own.
  await search.fill('STRÖM');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Örjan Åström');
  await search.fill('rene');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('René Ek');

  await search.fill('');
  await page.getByLabel('Sortera').selectOption({ label: 'Namn A–Ö' });
  await expect(rows).toHaveCount(6);
  await expect(rows.locator('td:nth-child(2) button')).toHaveText([
    'Anna Svensson',
    'René Ek',
    'Zoran Zec',
    'Åsa Berg',
    'Ärla Öst',
    'Örjan Åström',
  ]);
  await screen(page, '35-sort-swedish');
});
