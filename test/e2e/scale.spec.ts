import { insertBulkDecisions } from '../../scripts/demo/bulk';
import type { Outage } from '../../shared/outages';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import { expect, test } from './fixtures';

const COUNT = 100_000;

/**
 * 100 000 decisions: the list must open and a personnummer search answer at once. The
 * figures are reported, not asserted (timings belong in `npm run bench`).
 */
test('the decision list with 100 000 records opens and searches by personnummer', async ({
  page,
  bridge,
}) => {
  test.setTimeout(180_000);
  await arrangeCaseWorkerInOutage(bridge);
  const [outage] = (await arrange(bridge, 'outages.list')) as Outage[];
  const status = (await arrange(bridge, 'app.status')) as {
    user: { id: string; fullName: string; initials: string };
  };
  insertBulkDecisions(bridge.state.db(), COUNT, outage!, status.user);
  const known = (await bridge.state
    .db()
    .query(
      `SELECT client_name, personnummer FROM decisions ORDER BY created_at LIMIT 1 OFFSET 54321`,
    )) as {
    client_name: string;
    personnummer: string;
  }[];
  const target = known[0]!;

  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Översikt' })).toBeVisible();

  const openStart = performance.now();
  await page.getByRole('navigation').getByRole('button', { name: 'Beslut' }).click();
  await expect(page.getByText(`${COUNT.toLocaleString('sv-SE')} poster`)).toBeVisible();
  await expect(page.getByRole('row').nth(2)).toBeVisible();
  const openMs = performance.now() - openStart;

  // Scroll far down: the rows there are fetched as their page comes into view.
  await page.locator('.record-list').evaluate((el) => (el.scrollTop = 38 * 60_000));
  await expect(page.getByRole('row', { name: /Hämtar/ })).toHaveCount(0);
  expect(await page.locator('.record-list tbody tr[aria-rowindex]').count()).toBeLessThan(200);

  const searchStart = performance.now();
  const typed = `${target.personnummer.slice(0, 8)}-${target.personnummer.slice(8)}`;
  await page.getByLabel('Sök namn eller personnummer').fill(typed);
  await expect(page.getByRole('row', { name: new RegExp(typed) }).first()).toBeVisible();
  const searchMs = performance.now() - searchStart;

  const figures = `open list: ${Math.round(openMs)} ms; personnummer search: ${Math.round(searchMs)} ms (${COUNT} decisions)`;
  test.info().annotations.push({ type: 'measurement', description: figures });
  console.log(`[scale] ${figures}`);
});
