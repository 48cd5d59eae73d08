import type { Page } from '@playwright/test';
import type { RegisterRecord } from '../../shared/registers/schemas';
import { localDate } from '../../shared/time';
import { CASE_WORKER, SETUP } from '../support/app';
import { sampleInput } from '../support/records';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import { expectNoSeriousA11yViolations } from './axe';
import type { Bridge } from './bridge/server';
import { expect, screen, test } from './fixtures';

const COUNT = 150;

/**
 * Kalle's 150 decisions (more than one page of the list), the enhetschef's one, one of
 * Kalle's voided and one already entered.
 */
async function arrangeDecisions(bridge: Bridge): Promise<Record<string, RegisterRecord>> {
  await arrangeCaseWorkerInOutage(bridge);
  const decision = (clientName: string) =>
    arrange(
      bridge,
      'decisions.create',
      sampleInput('decisions', { clientName }) as never,
    ) as Promise<RegisterRecord>;
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', {
    username: SETUP.manager.username,
    password: SETUP.manager.password,
  });
  const colleagues = await decision('Maja Registrerade');
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', {
    username: CASE_WORKER.username,
    password: CASE_WORKER.password,
  });
  for (let i = 0; i < COUNT; i++) await decision(`Klient ${String(i).padStart(3, '0')}`);
  const entered = await decision('Klient Införd');
  await arrange(bridge, 'decisions.markEntered', {
    ids: [entered.id],
    enteredOn: localDate(bridge.state.now()),
  });
  return { colleagues, entered };
}

async function openDecisions(page: Page, bridge: Bridge): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Beslut' }).click();
  await expect(page.getByText(`${COUNT + 2} poster`)).toBeVisible();
}

const row = (page: Page, name: string) =>
  page.locator('.record-list tbody tr[data-record-id]').filter({ hasText: name });

test('"Markera alla" chooses every row of the filtered list Kalle may mark, and marks them', async ({
  page,
  bridge,
}) => {
  await arrangeDecisions(bridge);
  await openDecisions(page, bridge);
  const bar = page.getByRole('form', { name: 'Markera som införda' });
  await expect(bar).toContainText('0 valda');

  // A colleague's and an entered record cannot be chosen, by mouse or by keyboard.
  const search = page.getByLabel('Sök namn eller personnummer');
  await search.fill('maja');
  const colleagues = row(page, 'Maja Registrerade');
  await expect(colleagues.getByRole('checkbox')).toBeDisabled();
  await expect(colleagues.getByRole('checkbox')).toHaveAttribute(
    'title',
    'Kan inte väljas: registrerad av en kollega',
  );
  await colleagues.focus();
  await page.keyboard.press('Space');
  await expect(bar).toContainText('0 valda');
  await search.fill('införd');
  await expect(row(page, 'Klient Införd').getByRole('checkbox')).toBeDisabled();
  await search.fill('');

  // A click, then a Shift+click: the rows between are chosen too.
  const box = (index: number) =>
    page.locator(`.record-list tbody tr[data-index="${index}"]`).getByRole('checkbox');
  await box(1).click();
  await box(5).click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('5 valda');
  for (const index of [1, 2, 3, 4, 5]) await expect(box(index)).toBeChecked();
  await bar.getByRole('button', { name: 'Avmarkera alla' }).click();
  await expect(bar).toContainText('0 valda');

  // Everything matching the filter, not only the rows loaded: 150 of Kalle's, no more.
  await bar.getByRole('button', { name: 'Markera alla' }).click();
  await expect(bar).toContainText(`${COUNT} valda`);
  await expect(row(page, 'Klient 149').getByRole('checkbox')).toBeChecked();
  // A search narrows what "Markera alla" takes.
  await search.fill('klient 01');
  await expect(page.locator('.list-meta')).toHaveText('10 poster');
  await bar.getByRole('button', { name: 'Markera alla' }).click();
  await expect(bar).toContainText('10 valda');
  await screen(page, 'issue10-bulk-selected');
  await expectNoSeriousA11yViolations(page);

  await search.fill('');
  await bar.getByRole('button', { name: 'Markera alla' }).click();
  await expect(bar).toContainText(`${COUNT} valda`);
  await bar.getByRole('button', { name: 'Markera som införda' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `${COUNT} poster markerade som införda.` }),
  ).toBeVisible();
  await expect(bar).toContainText('0 valda');
  const today = localDate(bridge.state.now());
  await expect(row(page, 'Klient 149')).toContainText(`${today} KH`);
  await search.fill('maja');
  await expect(row(page, 'Maja Registrerade').locator('td').last()).toHaveText('–');
});

test('a batch with rows changed meanwhile marks the rest and says which were skipped and why', async ({
  page,
  bridge,
}) => {
  await arrangeDecisions(bridge);
  await openDecisions(page, bridge);
  const bar = page.getByRole('form', { name: 'Markera som införda' });

  // Keyboard and mouse choose the same rows: Space, Shift+arrow, a click on the box.
  // The newest row is the one already entered: it cannot be chosen.
  await expect(page.locator('.record-list tbody tr[data-index="0"]')).toContainText(
    'Klient Införd',
  );
  const first = page.locator('.record-list tbody tr[data-index="1"]');
  await first.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(bar).toContainText('3 valda');
  await expect(page.locator('.record-list tbody tr[data-index="3"]')).toBeFocused();
  await page.locator('.record-list tbody tr[data-index="4"]').getByRole('checkbox').click();
  await expect(bar).toContainText('4 valda');
  const chosen = await page
    .locator('tr.row--selected')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-record-id')!));
  expect(chosen).toHaveLength(4);
  // Space again leaves a row.
  await page.locator('.record-list tbody tr[data-index="4"]').focus();
  await page.keyboard.press('Space');
  await expect(bar).toContainText('3 valda');
  await page.keyboard.press('Space');
  await expect(bar).toContainText('4 valda');

  // Meanwhile one is voided and one entered elsewhere (another laptop, the same person).
  const [voided, entered] = chosen;
  await arrange(bridge, 'decisions.void', { id: voided!, reason: 'Dubblett' });
  await arrange(bridge, 'decisions.markEntered', {
    ids: [entered!],
    enteredOn: localDate(bridge.state.now()),
  });
  const names = (await arrange(bridge, 'decisions.list', {
    voided: 'include',
    limit: 500,
  } as never)) as { rows: RegisterRecord[] };
  const nameOf = (id: string) => names.rows.find((r) => r.id === id)!.clientName;

  await bar.getByRole('button', { name: 'Markera som införda' }).click();
  const result = page.getByRole('status').filter({ hasText: 'hoppades över' });
  await expect(result).toContainText('2 poster markerade som införda. 2 poster hoppades över:');
  await expect(result).toContainText(`${nameOf(voided!)}: makulerad`);
  await expect(result).toContainText(`${nameOf(entered!)}: redan införd`);
  await screen(page, 'issue10-bulk-result');
  await expectNoSeriousA11yViolations(page);

  // The next action (opening a new record's form) ends the result's time on screen.
  await page.getByRole('button', { name: /Nytt beslut/ }).click();
  await expect(result).toHaveCount(0);
});
