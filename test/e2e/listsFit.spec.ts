import type { Page } from '@playwright/test';
import { registers, registerKeys, type RegisterKey } from '../../shared/registers';
import { columnHeadings } from '../../shared/registers/headings';
import { localDate } from '../../shared/time';
import { sampleInput } from '../support/records';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, screen, test } from './fixtures';
import { arrangeRegistersWithData, LONG_NAMES } from './listData';

const entry = columnHeadings.entry;

/** The columns people work from, per register, by their heading in the list. */
const keyColumns: Record<RegisterKey, string[]> = {
  decisions: ['Klientens namn', 'Personnummer', entry],
  orders: ['Klientens namn', 'Personnummer', entry],
  journalNotes: ['Klientens namn', 'Personnummer', 'Ska vara införd senast', entry],
  otherDocuments: ['Klientens namn', 'Personnummer', entry],
  payouts: ['Klientens namn', 'Personnummer', 'Belopp till klient', entry],
};

async function openRegister(page: Page, key: RegisterKey): Promise<void> {
  const title = registers[key].title;
  await page.getByRole('navigation').getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.locator('.record-list tbody tr[data-record-id]').first()).toBeVisible();
}

/** Every key column's header, and its cell in the first rows, lie inside the window. */
async function expectKeyColumnsInView(page: Page, key: RegisterKey): Promise<void> {
  const viewport = page.viewportSize()!;
  const list = page.locator('.record-list');
  const widths = await list.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll, `${key}: no sideways scrolling`).toBeLessThanOrEqual(widths.client);
  const headers = await list.locator('thead th').allTextContents();
  for (const heading of keyColumns[key]) {
    const column = headers.indexOf(heading);
    expect(column, `${key}: column "${heading}" on screen`).toBeGreaterThanOrEqual(0);
    const boxes = [
      await list.locator('thead th').nth(column).boundingBox(),
      await list
        .locator('tbody tr[data-record-id]')
        .first()
        .locator('td')
        .nth(column)
        .boundingBox(),
    ];
    for (const box of boxes) {
      expect(box, `${key}: ${heading}`).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(
        box!.x + box!.width,
        `${key}: "${heading}" ends inside the window`,
      ).toBeLessThanOrEqual(viewport.width);
    }
  }
  // No empty band between the header and the first row.
  const header = await list.locator('thead').boundingBox();
  const firstRow = await list.locator('tbody tr').first().boundingBox();
  expect(Math.abs(firstRow!.y - (header!.y + header!.height))).toBeLessThanOrEqual(1);
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test(`every register list fits ${size.width}×${size.height}: names, personnummer, amount, deadline, Införd`, async ({
    page,
    bridge,
  }) => {
    test.setTimeout(120_000);
    await arrangeRegistersWithData(bridge);
    await page.setViewportSize(size);
    await page.goto(bridge.url);
    for (const key of registerKeys) {
      await openRegister(page, key);
      await expectKeyColumnsInView(page, key);
      // The enhetschef reads the payouts but marks none: no boxes to tick there.
      await expect(page.locator('.record-list').getByRole('checkbox')).toHaveCount(
        key === 'payouts' ? 0 : await page.locator('.record-list tbody tr[data-record-id]').count(),
      );
      // A long name shows in full (wrapped), not cut off.
      const name = page.getByRole('button', { name: LONG_NAMES[0], exact: true });
      await expect(name).toBeVisible();
      const cut = await name.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      expect(cut, `${key}: the long name is not cut`).toBe(false);
      if (size.width === 1366) {
        await screen(page, `issue10-list-${key}`);
        await expectNoSeriousA11yViolations(page);
      } else {
        await screen(page, `issue10-list-${key}-${size.width}`);
      }
    }
  });
}

test('the overview counts open the list filtered to what they count', async ({ page, bridge }) => {
  await arrangeRegistersWithData(bridge, 4);
  // End the outage; a week and a half later the HSL notes are late, the SoL ones due soon.
  const [outage] = (await arrange(bridge, 'outages.list')) as { id: string }[];
  await arrange(bridge, 'outages.end', { id: outage!.id });
  bridge.state.session.autoLockMinutes = 60 * 24 * 30;
  bridge.advanceClock(10 * 24 * 3_600_000);
  const summary = (
    (await arrange(bridge, 'registers.summary')) as {
      key: string;
      notEntered: number;
      dueSoon: number;
      overdue: number;
    }[]
  ).find((s) => s.key === 'journalNotes')!;
  expect(summary.overdue + summary.dueSoon).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  const card = page.getByRole('article', { name: 'Registren' });
  await expect(card.getByRole('columnheader', { name: 'Inte införda' })).toBeVisible();
  await expect(
    card.getByRole('columnheader', { name: 'Varav sista dag inom två arbetsdagar' }),
  ).toBeVisible();
  await expect(card.getByRole('columnheader', { name: 'Varav sista dag passerad' })).toBeVisible();
  await screen(page, 'issue10-overview');
  await expectNoSeriousA11yViolations(page);

  const notesRow = card.getByRole('row', { name: /Journalanteckningar/ });
  const counts = [
    { column: 'inte införda', expected: summary.notEntered, select: 'Införd', value: 'notEntered' },
    {
      column: 'varav sista dag passerad',
      expected: summary.overdue,
      select: 'Ska vara införd senast',
      value: 'overdue',
    },
  ];
  for (const count of counts) {
    if (count.expected === 0) continue;
    await notesRow.getByRole('button', { name: new RegExp(count.column) }).click();
    await expect(
      page.getByRole('heading', { name: 'Journalanteckningar', level: 1 }),
    ).toBeVisible();
    // The filter is applied on arrival, and shown in the filters, to change or clear.
    await expect(page.getByRole('combobox', { name: count.select, exact: true })).toHaveValue(
      count.value,
    );
    await expect(page.locator('.list-meta')).toHaveText(
      `${count.expected} ${count.expected === 1 ? 'post' : 'poster'}`,
    );
    if (count.value === 'overdue') {
      const rows = page.locator('.record-list tbody tr[data-record-id]');
      await expect(rows).toHaveCount(count.expected);
      for (const row of await rows.all()) await expect(row).toContainText('Försenad');
      await screen(page, 'issue10-list-journalNotes-overdue');
      // All of them marked: the filtered list is empty, and says the filter is why.
      await page.getByRole('button', { name: 'Markera alla' }).click();
      await expect(page.locator('.mark-bar__count')).toHaveText(
        `${count.expected} ${count.expected === 1 ? 'vald' : 'valda'}`,
      );
      await page.getByRole('button', { name: 'Markera som införda' }).click();
      await expect(
        page.getByText('Inga poster matchar sökningen – ändra eller rensa filtret.'),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: 'Rensa sökning och filter' })).toBeVisible();
    }
    await page.getByRole('navigation').getByRole('button', { name: 'Översikt' }).click();
  }
  // Coming back to the register by the menu shows the whole list again.
  await page
    .getByRole('navigation')
    .getByRole('button', { name: 'Journalanteckningar', exact: true })
    .click();
  await expect(
    page.getByRole('combobox', { name: 'Ska vara införd senast', exact: true }),
  ).toHaveValue('all');
});

test('after a save, a void and a mark the list keeps its place, its choice and the focus; Esc gives the focus back', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  for (let i = 0; i < 120; i++) {
    await arrange(
      bridge,
      'decisions.create',
      sampleInput('decisions', { clientName: `Klient ${String(i).padStart(3, '0')}` }) as never,
    );
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Beslut' }).click();
  await expect(page.locator('.list-meta')).toHaveText('120 poster');
  const list = page.locator('.record-list');
  const rowAt = (index: number) => list.locator(`tbody tr[data-index="${index}"]`);
  const bar = page.getByRole('form', { name: 'Markera som införda' });

  // Well down the list, two rows chosen, by keyboard and by mouse.
  await list.evaluate((el) => (el.scrollTop = 40 * 60));
  await expect(rowAt(64)).toBeVisible();
  // Where row 64 stands in the list's box: the place a person sees. (The scroll offset
  // itself moves as rows above are measured; what is on screen must not.)
  const place = () =>
    rowAt(64).evaluate(
      (row) =>
        row.getBoundingClientRect().top - row.closest('.record-list')!.getBoundingClientRect().top,
    );
  let last = NaN;
  await expect.poll(async () => last - (last = await place())).toBe(0);
  await rowAt(64).focus();
  await page.keyboard.press('Space');
  await rowAt(66).getByRole('checkbox').click();
  await expect(bar).toContainText('2 valda');
  /** The row stands where it stood before the change, still chosen, as is the other. */
  const kept = async (before: number) => {
    expect(Math.abs((await place()) - before)).toBeLessThan(2);
    await expect(rowAt(64)).toHaveClass(/row--selected/);
    await expect(rowAt(66)).toHaveClass(/row--selected/);
    await expect(bar).toContainText('2 valda');
  };

  // Enter opens a record; Esc closes it and the focus is back on its row.
  const edited = (await rowAt(65).locator('td').nth(1).textContent())!;
  await rowAt(65).focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('region', { name: new RegExp(edited) });
  await expect(details).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(rowAt(65)).toBeFocused();

  // A save: the list stays where it was, with the same rows chosen.
  await rowAt(65).getByRole('button', { name: edited }).click();
  await page.getByRole('button', { name: 'Ändra' }).click();
  await page.getByLabel('Ändamål/insats *').fill('Ekonomiskt bistånd, hyra');
  let before = await place();
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ändringen är sparad.' })).toBeVisible();
  await expect(rowAt(65)).toContainText('Ekonomiskt bistånd, hyra');
  await kept(before);
  // Esc from the record shown after the save: back to the name it was opened by.
  await page.keyboard.press('Escape');
  await expect(rowAt(65).getByRole('button', { name: edited })).toBeFocused();

  // A void: the record leaves the list; the focus goes to the row now in its place.
  const voided = (await rowAt(67).locator('td').nth(1).textContent())!;
  const next = (await rowAt(68).locator('td').nth(1).textContent())!;
  await rowAt(67).getByRole('button', { name: voided }).click();
  await page.getByLabel('Skäl till makulering').fill('Dubblett');
  before = await place();
  await page.getByRole('button', { name: 'Makulera' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Posten är makulerad' })).toBeVisible();
  await expect(page.locator('.list-meta')).toHaveText('119 poster');
  await kept(before);
  await page.getByRole('button', { name: 'Stäng' }).click();
  await expect(rowAt(67)).toContainText(next);
  await expect(rowAt(67)).toBeFocused();

  // A mark: the chosen rows are marked in place; the button keeps the focus.
  before = await place();
  await bar.getByRole('button', { name: 'Markera som införda' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '2 poster markerade som införda.' }),
  ).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Markera som införda' })).toBeFocused();
  expect(Math.abs((await place()) - before)).toBeLessThan(2);
  await expect(rowAt(64)).toContainText(`${localDate(bridge.state.now())} KH`);
  await expect(rowAt(66)).toContainText(`${localDate(bridge.state.now())} KH`);
  await expect(bar).toContainText('0 valda');
  await screen(page, 'issue10-list-kept-after-mark');
});
