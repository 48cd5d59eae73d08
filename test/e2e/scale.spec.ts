import { insertBulkDecisions } from '../../scripts/demo/bulk';
import type { Outage } from '../../shared/outages';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import { expect, screen, test } from './fixtures';

const COUNT = 100_000;

/**
 * 100 000 decisions: the list must open, show the right records deep down, and a
 * personnummer or name search answer at once. The figures are reported, not asserted
 * (timings belong in `npm run bench`).
 */
test('the decision list with 100 000 records opens, shows deep rows, and searches', async ({
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

  // Scroll far down: the rows there are fetched as their page comes into view, and show
  // the very records that are at that place in the list, not just the first page's.
  const list = page.locator('.record-list');
  const expectRecordAt = async (index: number) => {
    const [record] = (await bridge.state.db().query(
      `SELECT client_name, personnummer FROM decisions ORDER BY created_at DESC, id DESC
        LIMIT 1 OFFSET ?`,
      [index],
    )) as { client_name: string; personnummer: string }[];
    const row = page.locator(`.record-list tbody tr[data-index="${index}"]`);
    await expect(row).toContainText(record!.client_name);
    await expect(row).toContainText(
      `${record!.personnummer.slice(0, 8)}-${record!.personnummer.slice(8)}`,
    );
  };
  // Rows are measured as drawn (a long name wraps), so a scroll lands near, not exactly
  // on, the row its offset would be at 38 px a row, and the rows shown move while they are
  // measured: read the shown rows' places and texts in one go, until they show the records
  // at those places.
  const shownRows = () =>
    page
      .locator('.record-list tbody tr[data-record-id]')
      .evaluateAll((rows) =>
        rows.map((r) => ({ index: Number(r.getAttribute('data-index')), text: r.textContent })),
      );
  const expectShownNear = async (target: number) => {
    await expect
      .poll(async () => {
        const shown = await shownRows();
        const first = shown[0];
        const last = shown.at(-1);
        if (!first || !last) return 'no rows shown';
        if (Math.abs(first.index - target) >= 200) return `first row ${first.index}`;
        for (const row of [first, last]) {
          const [record] = (await bridge.state.db().query(
            `SELECT client_name, personnummer FROM decisions ORDER BY created_at DESC, id DESC
              LIMIT 1 OFFSET ?`,
            [row.index],
          )) as { client_name: string; personnummer: string }[];
          const personnummer = `${record!.personnummer.slice(0, 8)}-${record!.personnummer.slice(8)}`;
          if (!row.text?.includes(record!.client_name) || !row.text.includes(personnummer)) {
            return `row ${row.index} shows "${row.text}"`;
          }
        }
        return 'the records at their places';
      })
      .toBe('the records at their places');
  };
  const jumpStart = performance.now();
  await list.evaluate((el) => (el.scrollTop = 38 * 60_000));
  await expect(page.getByRole('row', { name: /Hämtar/ })).toHaveCount(0);
  await expectShownNear(60_000);
  const jumpMs = performance.now() - jumpStart;
  expect(await page.locator('.record-list tbody tr[data-index]').count()).toBeLessThan(200);

  // On down past a page boundary: the next page follows from the last one's cursor.
  const scrollStart = performance.now();
  for (const row of [60_050, 60_100, 60_150]) {
    await list.evaluate((el, top) => (el.scrollTop = top), 38 * row);
    await expect(page.getByRole('row', { name: /Hämtar/ })).toHaveCount(0);
    await expectShownNear(row);
  }
  const scrollMs = performance.now() - scrollStart;

  // The very end: the oldest record is the last row.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByRole('row', { name: /Hämtar/ })).toHaveCount(0);
  await expectRecordAt(COUNT - 1);
  await page.setViewportSize({ width: 1366, height: 768 });
  await screen(page, '36-scale-deep');

  const searchStart = performance.now();
  const typed = `${target.personnummer.slice(0, 8)}-${target.personnummer.slice(8)}`;
  await page.getByLabel('Sök namn eller personnummer').fill(typed);
  await expect(page.getByRole('row', { name: new RegExp(typed) }).first()).toBeVisible();
  const searchMs = performance.now() - searchStart;

  const nameStart = performance.now();
  await page.getByLabel('Sök namn eller personnummer').fill('åke sjöb');
  await expect(page.getByRole('row', { name: /Åke Sjöberg/ }).first()).toBeVisible();
  const nameMs = performance.now() - nameStart;

  const figures =
    `open list: ${Math.round(openMs)} ms; jump to row 60 000: ${Math.round(jumpMs)} ms; ` +
    `three pages on by cursor: ${Math.round(scrollMs)} ms; ` +
    `personnummer search: ${Math.round(searchMs)} ms; name search: ${Math.round(nameMs)} ms ` +
    `(${COUNT} decisions)`;
  test.info().annotations.push({ type: 'measurement', description: figures });
  console.log(`[scale] ${figures}`);
});
